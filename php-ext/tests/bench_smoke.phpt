--TEST--
The benchmark script runs, and both redactors find the same things in its inputs
--EXTENSIONS--
sovereign
--SKIPIF--
<?php
// Timing loops of thousands of calls: not under valgrind (run-tests.php -m sets USE_ZEND_ALLOC=0).
if (getenv('USE_ZEND_ALLOC') === '0') {
    die('skip timing loops are too slow under valgrind');
}
?>
--FILE--
<?php
$argv = ['bench.php', '20'];
ob_start();
require __DIR__ . '/../bench/bench.php';
$out = ob_get_clean();
foreach (['pure PHP / Sovereign (same 4 types):', 'on the ticket', 'on the catalogue'] as $ratio) {
    echo $ratio, ' ', preg_match('/^ratio ' . preg_quote($ratio, '/') . '.* p50 [0-9.]+x/m', $out), "\n";
}
echo 'short messages ', preg_match_all('/^ratio on a short message, .* mean [0-9.]+x \(20x needs /m', $out), "\n";
foreach (['in the catalogue: ', 'in the short messages: ', 'Sovereign found: ', 'pure PHP found:  '] as $line) {
    preg_match('/^' . preg_quote($line, '/') . '.*$/m', $out, $m);
    echo $m[0], "\n";
}
?>
--EXPECT--
pure PHP / Sovereign (same 4 types): 1
on the ticket 1
on the catalogue 1
short messages 3
in the catalogue: Sovereign found 0, pure PHP 0
in the short messages: Sovereign found 0/1/2, pure PHP 0/1/2
Sovereign found: EMAIL, PHONE, CREDIT_CARD, IBAN
pure PHP found:  [CREDIT_CARD_1], [IBAN_1], [EMAIL_1], [PHONE_1]
