--TEST--
A 16 MB input is scanned, redacted and restored whole
--EXTENSIONS--
sovereign
--INI--
memory_limit=1G
--FILE--
<?php
$block = str_repeat("Order 100023 shipped, price 49.99 EUR, see notes. ", 20); // 1020 bytes
$chunks = [];
$n = 0;
$size = 0;
while ($size < 16 * 1024 * 1024) {
    $chunks[] = $line = $block . "mail user$n@example.com\n";
    $size += strlen($line);
    $n++;
}
$text = implode('', $chunks);
var_dump(strlen($text) >= 16 * 1024 * 1024);
$engine = new Sovereign\Engine();
$findings = $engine->scan($text);
var_dump(count($findings) === $n);
$last = end($findings);
var_dump(substr($text, $last->start, $last->end - $last->start) === "user" . ($n - 1) . "@example.com");
$r = $engine->redact($text);
var_dump(substr_count($r->text(), '[EMAIL_') === $n);
var_dump(str_contains($r->text(), "[EMAIL_$n]"));
var_dump($r->restore($r->text()) === $text);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
