--TEST--
Engine::classify() returns the level and its reasons
--EXTENSIONS--
sovereign
--FILE--
<?php
use Sovereign\{Classification, Engine, Level, Reason};

$engine = new Engine();
$c = $engine->classify("Hello, where is my parcel?");
var_dump($c instanceof Classification, $c->level() === Level::Public, $c->reasons());

$c = $engine->classify("Internal use only: write to ops@example.com and ceo@example.com");
var_dump($c->level());
var_dump($c->level() === Level::Confidential, Level::from('confidential') === $c->level());
foreach ($c->reasons() as $r) {
    var_dump($r instanceof Reason);
    echo $r->source, ' ', $r->name, ' ', $r->count, ' ', $r->level->value, ' | ', $r, "\n";
}
?>
--EXPECT--
bool(true)
bool(true)
array(0) {
}
enum(Sovereign\Level::Confidential)
bool(true)
bool(true)
bool(true)
entity EMAIL 2 confidential | 2 × EMAIL → confidential
bool(true)
keyword internal use only 1 internal | keyword "internal use only" × 1 → internal
