--TEST--
InputException for an invalid redact() context; the exception hierarchy
--EXTENSIONS--
sovereign
--FILE--
<?php
use Sovereign\{Engine, InputException};

$engine = new Engine();
$contexts = [
    ['surfce' => 'checkout'],
    ['tenant' => 42],
    ['knownValues' => 'Jane'],
    ['knownValues' => ['NOT_A_TYPE' => 'x']],
    ['knownValues' => ['PERSON' => ["Jane", 7]]],
    ['knownValues' => ['PERSON' => "\xff"]],
    [0 => 'x'],
];
foreach ($contexts as $context) {
    try {
        $engine->redact("text", $context);
        echo "no exception\n";
    } catch (InputException $e) {
        echo $e->getMessage(), "\n";
    }
}
foreach (['PolicyException', 'InputException', 'ModelException', 'InternalException'] as $class) {
    $class = "Sovereign\\$class";
    echo $class, ' extends ', get_parent_class($class), ' extends ', get_parent_class(get_parent_class($class)), "\n";
}
?>
--EXPECT--
unknown context key `surfce`: expected surface, role, tenant or knownValues
context `tenant` must be a string
context `knownValues` must be an array of type => value or list of values
knownValues: unknown entity type `NOT_A_TYPE`
context `knownValues[PERSON]` must be a string
context `knownValues[PERSON]` must be valid UTF-8
context keys must be names (surface, role, tenant, knownValues), got index 0
Sovereign\PolicyException extends Sovereign\Exception extends RuntimeException
Sovereign\InputException extends Sovereign\Exception extends RuntimeException
Sovereign\ModelException extends Sovereign\Exception extends RuntimeException
Sovereign\InternalException extends Sovereign\Exception extends RuntimeException
