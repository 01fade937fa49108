--TEST--
Engine::redact() replaces findings by placeholders and Redaction::restore() puts them back
--EXTENSIONS--
sovereign
--FILE--
<?php
use Sovereign\{Engine, Level, Redaction};

$text = "Mail jane@example.com, cc bob@example.org and jane@example.com again.";
$r = (new Engine())->redact($text);
var_dump($r instanceof Redaction);
var_dump($r->text());
var_dump(count($r->findings()), $r->findings()[2]->start);
var_dump($r->level() === Level::Confidential, $r->classification()->level() === $r->level());
// the model's answer, with placeholders in another order and case
$answer = "Sure: I wrote to [EMAIL_2] and [email_1]. Unknown [EMAIL_9] stays.";
var_dump($r->restore($answer));
var_dump($r->restore($r->text()) === $text);
?>
--EXPECT--
bool(true)
string(49) "Mail [EMAIL_1], cc [EMAIL_2] and [EMAIL_1] again."
int(3)
int(46)
bool(true)
bool(true)
string(79) "Sure: I wrote to bob@example.org and jane@example.com. Unknown [EMAIL_9] stays."
bool(true)
