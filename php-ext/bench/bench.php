<?php
declare(strict_types=1);

/*
 * Speed of the extension, side by side with a pure-PHP preg_* redactor in the same run.
 *   php -d extension=/path/sovereign.so php-ext/bench/bench.php [iterations]
 * Prints per-call overhead, redact() on a 4 KB prompt (p50/p99 µs) and the ratio.
 */

require __DIR__ . '/PurePhpRedactor.php';

$iterations = (int) ($argv[1] ?? 20000);

function percentiles(array $ns): array
{
    sort($ns);
    $at = fn(float $p) => $ns[min(count($ns) - 1, (int) floor($p * count($ns)))] / 1000;
    return [$at(0.50), $at(0.99), array_sum($ns) / count($ns) / 1000];
}

function timeEach(int $n, callable $f): array
{
    $samples = [];
    for ($i = 0; $i < $n; $i++) {
        $t = hrtime(true);
        $f();
        $samples[] = hrtime(true) - $t;
    }
    return percentiles($samples);
}

function row(string $what, array $p): void
{
    printf("  %-44s p50 %8.2f µs   p99 %8.2f µs   mean %8.2f µs\n", $what, ...$p);
}

/** A 4 KB customer-service prompt: one email, card, IBAN and phone among order numbers,
 * prices, dates and SKUs (the look-alikes a shop's text is full of). */
function prompt(): string
{
    $head = "Customer message (order #000012345, placed 2024-03-18 14:22:05, store view DE):\n"
        . "Hello, I am Jane, my email is jane.doe@example.com and you can call me on +49 30 901820.\n"
        . "I paid 149.90 EUR with my card 4111 1111 1111 1111 but the refund should go to\n"
        . "DE89 3704 0044 0532 0130 00. Items: MB-01-BLK x2 (49.95), WS-12-M (39.00), tracking 1Z999AA10123456784.\n";
    $filler = "The parcel with invoice 100000231 left the warehouse on 2024-03-19 and the status page still "
        . "says processing; SKU 24-MB01 was out of stock, price 34.00, qty 1, discount code SPRING10 applied. ";
    $text = $head;
    while (strlen($text) < 4096) {
        $text .= $filler;
    }
    return substr($text, 0, 4096);
}

if (!extension_loaded('sovereign')) {
    fwrite(STDERR, "load the extension: php -d extension=/path/sovereign.so " . $argv[0] . "\n");
    exit(2);
}

$engine = new Sovereign\Engine();
$text = prompt();
$php = new PurePhpRedactor();
function noop(): string { return ''; }

printf("Sovereign %s, PHP %s, %d iterations, prompt %d bytes\n", Sovereign\version(), PHP_VERSION, $iterations, strlen($text));

// Warm up both (compiled regexes, engine cache, CPU caches).
for ($i = 0; $i < 500; $i++) {
    $engine->redact($text);
    $php->redact($text);
}

echo "Per-call overhead\n";
row('PHP userland no-op function', timeEach($iterations, fn() => noop()));
row('Sovereign\version()', timeEach($iterations, fn() => Sovereign\version()));
row('new Sovereign\Engine() (cached)', timeEach($iterations, fn() => new Sovereign\Engine()));
$policy = tempnam(sys_get_temp_dir(), 'sovereign-bench');
file_put_contents($policy, "# bench policy\n");
Sovereign\Engine::fromFile($policy);
row('Sovereign\Engine::fromFile($policy) (cached)', timeEach($iterations, fn() => Sovereign\Engine::fromFile($policy)));
ini_set('sovereign.policy', $policy);
row('new Sovereign\Engine() with sovereign.policy', timeEach($iterations, fn() => new Sovereign\Engine()));
ini_set('sovereign.policy', '');
unlink($policy);
row('$engine->scan("")', timeEach($iterations, fn() => $engine->scan('')));

echo "redact() + restore() on the 4 KB prompt\n";
$ext = timeEach($iterations, fn() => $engine->redact($text));
row('Sovereign: $engine->redact($text)', $ext);
$pure = timeEach($iterations, fn() => $php->redact($text));
row('pure PHP preg_* (email, card+Luhn, IBAN, phone)', $pure);
row('Sovereign: scan($text)', timeEach($iterations, fn() => $engine->scan($text)));
$r = $engine->redact($text);
row('Sovereign: restore(redacted text)', timeEach($iterations, fn() => $r->restore($r->text())));

printf("ratio pure PHP / Sovereign: p50 %.1fx, p99 %.1fx, mean %.1fx\n",
    $pure[0] / $ext[0], $pure[1] / $ext[1], $pure[2] / $ext[2]);

// Both must have done the job: show what each found.
$found = array_map(fn($f) => $f->type, $engine->scan($text));
printf("Sovereign found: %s\n", implode(', ', $found) ?: '-');
$php->redact($text);
printf("pure PHP found:  %s\n", implode(', ', array_keys($php->vault())) ?: '-');
