--TEST--
Binary and invalid UTF-8 input: bytes outside findings come back unchanged
--EXTENSIONS--
sovereign
--FILE--
<?php
$engine = new Sovereign\Engine();
$text = "\xff\xfe start \x00 mail jane@example.com \xc3 end \xe2\x82";
$r = $engine->redact($text);
var_dump(bin2hex($r->text()));
var_dump($r->restore($r->text()) === $text);
$f = $engine->scan($text)[0];
var_dump($f->type, substr($text, $f->start, $f->end - $f->start));
var_dump($engine->redact("\xff")->text() === "\xff");
var_dump($engine->scan("\xff"), $engine->classify("\xff")->level()->value);
// restore and streaming pass foreign bytes through too
var_dump($r->restore("\xff[EMAIL_1]\x00") === "\xffjane@example.com\x00");
$s = $r->restorer();
var_dump($s->push("\xff[EMA") . $s->push("IL_1]\xfe") . $s->finish() === "\xffjane@example.com\xfe");
?>
--EXPECT--
string(68) "fffe2073746172742000206d61696c205b454d41494c5f315d20c320656e6420e282"
bool(true)
string(5) "EMAIL"
string(16) "jane@example.com"
bool(true)
array(0) {
}
string(6) "public"
bool(true)
bool(true)
