--TEST--
StreamRestorer restores placeholders split across chunks
--EXTENSIONS--
sovereign
--FILE--
<?php
$r = (new Sovereign\Engine())->redact("Contact jane@example.com or bob@example.org");
$answer = "We emailed [EMAIL_1] and [EMAIL_2]; [EMAIL_3] is unknown. [EMA";
// every split point: the joined output must equal the one-shot restore
$expected = $r->restore($answer);
$ok = true;
for ($size = 1; $size <= 7; $size++) {
    $restorer = $r->restorer();
    $out = '';
    foreach (str_split($answer, $size) as $chunk) {
        $out .= $restorer->push($chunk);
    }
    $out .= $restorer->finish();
    $ok = $ok && $out === $expected;
}
var_dump($ok);
echo $expected, "\n";
$restorer = $r->restorer();
var_dump($restorer->push("Hi [EMAI"));
var_dump($restorer->push("L_1], bye"));
var_dump($restorer->finish());
?>
--EXPECT--
bool(true)
We emailed jane@example.com and bob@example.org; [EMAIL_3] is unknown. [EMA
string(3) "Hi "
string(21) "jane@example.com, bye"
string(0) ""
