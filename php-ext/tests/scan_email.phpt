--TEST--
Engine::scan() returns typed Finding objects with byte and character offsets
--EXTENSIONS--
sovereign
--FILE--
<?php
use Sovereign\{Engine, Finding, Level};

$text = "Grüße von jane.doe@example.com und bob@shop.de.";
$findings = (new Engine())->scan($text);
var_dump(count($findings));
foreach ($findings as $f) {
    var_dump($f instanceof Finding);
    printf("%s %s %s %d-%d chars %d-%d rule=%s validated=%s score_ok=%s\n",
        $f->type, $f->category, $f->level->value, $f->start, $f->end,
        $f->charStart, $f->charEnd, $f->rule, var_export($f->validated, true),
        var_export($f->score > 0.5 && $f->score <= 1.0, true));
    // byte offsets index the original string, char offsets the multibyte view
    $chars = preg_split('//u', $text, -1, PREG_SPLIT_NO_EMPTY); // no mbstring under -n
    var_dump(substr($text, $f->start, $f->end - $f->start) === implode('', array_slice($chars, $f->charStart, $f->charEnd - $f->charStart)));
}
var_dump($findings[0]->level === Level::Confidential);
try {
    $findings[0]->start = 0;
} catch (Throwable $e) {
    echo "read-only: ", $findings[0]->start, "\n";
}
var_dump((new Engine())->scan("no sensitive data, order 100023, price 19.99"));
?>
--EXPECT--
int(2)
bool(true)
EMAIL pii confidential 12-32 chars 10-30 rule=email.rfc5322 validated=true score_ok=true
bool(true)
bool(true)
EMAIL pii confidential 37-48 chars 35-46 rule=email.rfc5322 validated=true score_ok=true
bool(true)
bool(true)
read-only: 12
array(0) {
}
