--TEST--
Empty input: no findings, public, empty text, nothing to restore
--EXTENSIONS--
sovereign
--FILE--
<?php
$engine = new Sovereign\Engine();
var_dump($engine->scan(''));
var_dump($engine->classify('')->level()->value, $engine->classify('')->reasons());
$r = $engine->redact('');
var_dump($r->text(), $r->findings(), $r->level()->value, $r->restore(''));
$s = $r->restorer();
var_dump($s->push(''), $s->finish());
?>
--EXPECT--
array(0) {
}
string(6) "public"
array(0) {
}
string(0) ""
array(0) {
}
string(6) "public"
string(0) ""
string(0) ""
string(0) ""
