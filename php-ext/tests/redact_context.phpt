--TEST--
Engine::redact() context: known values (single and list), surface, role, tenant
--EXTENSIONS--
sovereign
--FILE--
<?php
$engine = new Sovereign\Engine();
$r = $engine->redact(
    "Jane Doe of Main Street 5 asks: ship to Jane Doe, cc jane@example.com, not Main Street 7",
    [
        'surface' => 'customer_service',
        'role' => 'agent',
        'tenant' => 'store-de',
        'knownValues' => ['PERSON' => 'Jane Doe', 'STREET_ADDRESS' => ['Main Street 5', 'Elm Road 1']],
    ]
);
echo $r->text(), "\n";
foreach ($r->findings() as $f) {
    echo $f->type, ' ', $f->start, '-', $f->end, "\n";
}
echo $r->restore("Dear [PERSON_1], we ship to [STREET_ADDRESS_1]."), "\n";
// null context and an empty one behave like no context
var_dump($engine->redact("x", null)->text(), $engine->redact("x", [])->text());
?>
--EXPECT--
[PERSON_1] of [STREET_ADDRESS_1] asks: ship to [PERSON_1], cc [EMAIL_1], not Main Street 7
PERSON 0-8
STREET_ADDRESS 12-25
PERSON 40-48
EMAIL 53-69
Dear Jane Doe, we ship to Main Street 5.
string(1) "x"
string(1) "x"
