--TEST--
Engine::scan() finds cards (Luhn), IBANs (mod-97) and phone numbers, not look-alikes
--EXTENSIONS--
sovereign
--FILE--
<?php
$engine = new Sovereign\Engine();
$cases = [
    "Card 4111 1111 1111 1111 exp 12/27",
    "Pay to DE89 3704 0044 0532 0130 00 please",
    "Call me on +49 30 901820 tomorrow",
    "Order 000012345 for SKU MB-01-BLK at 49.99",
    "Reference 4111111111111112 is not a card",
];
foreach ($cases as $text) {
    $found = array_map(
        fn($f) => $f->type . '=' . substr($text, $f->start, $f->end - $f->start) . ($f->validated ? ' (validated)' : ''),
        $engine->scan($text)
    );
    echo $text, ' => ', $found ? implode(', ', $found) : '-', "\n";
}
?>
--EXPECT--
Card 4111 1111 1111 1111 exp 12/27 => CREDIT_CARD=4111 1111 1111 1111 (validated)
Pay to DE89 3704 0044 0532 0130 00 please => IBAN=DE89 3704 0044 0532 0130 00 (validated)
Call me on +49 30 901820 tomorrow => PHONE=+49 30 901820
Order 000012345 for SKU MB-01-BLK at 49.99 => -
Reference 4111111111111112 is not a card => -
