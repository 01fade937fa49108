<?php
declare(strict_types=1);

/*
 * redact() of a 4 KB prompt through the native extension, through PHP's FFI (ffi/php) and a
 * pure-PHP preg_* implementation, side by side in one run (p50/p99 µs).
 *   SOVEREIGN_FFI_LIB=target/release/libsovereign_ffi.so \
 *     php -d extension=target/release/libsovereign.so ffi/php/bench.php [iterations]
 */

require __DIR__ . '/../../php-ext/bench/common.php';
require __DIR__ . '/tests/bootstrap.php';

$iterations = (int) ($argv[1] ?? 20000);
$text = prompt();
$pure = new PurePhpRedactor();
$native = extension_loaded('sovereign') ? new Sovereign\Engine() : null;
$ffi = new Sovereign\Ffi\Engine();

printf("PHP %s, %d iterations, prompt %d bytes\n", PHP_VERSION, $iterations, strlen($text));
$runs = [
    'native extension: redact()' => $native ? fn() => $native->redact($text)->text() : null,
    'FFI (ffi/php): redact()' => fn() => $ffi->redact($text)->text(),
    'pure PHP preg_* (email, card+Luhn, IBAN, phone)' => fn() => $pure->redact($text),
];
$results = [];
foreach ($runs as $name => $run) {
    if ($run === null) {
        echo "  $name: skipped (load the extension)\n";
        continue;
    }
    for ($i = 0; $i < 500; $i++) {
        $run();
    }
    $results[$name] = timeEach($iterations, $run);
    row($name, $results[$name]);
}
$base = $results['pure PHP preg_* (email, card+Luhn, IBAN, phone)'];
foreach ($results as $name => $p) {
    printf("  pure PHP / %-30s p50 %6.1fx  p99 %6.1fx\n", $name, $base[0] / $p[0], $base[1] / $p[1]);
}
if ($native) {
    $same = $native->redact($text)->text() === $ffi->redact($text)->text();
    echo $same ? "native and FFI redact identically\n" : "MISMATCH between native and FFI\n";
}
