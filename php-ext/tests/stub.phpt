--TEST--
sovereign.stub.php declares exactly the classes, methods, parameters and types of the binary
--EXTENSIONS--
sovereign
--FILE--
<?php
require __DIR__ . '/stub_signature.inc';

$ext = new ReflectionExtension('sovereign');
// Test-only functions (built with --features test-hooks) are not part of the API.
$functions = array_values(array_filter(
    array_keys($ext->getFunctions()),
    fn($f) => !str_starts_with(strtolower($f), 'sovereign\\testing\\')
));
$binary = sovereign_describe($ext->getClassNames(), $functions);

// The stub, loaded by a PHP without the extension, described the same way.
$script = <<<'PHP'
require $argv[1];
require $argv[2];
$declared = fn() => array_merge(get_declared_classes(), get_declared_interfaces());
$names = array_filter($declared(), fn($c) => str_starts_with($c, 'Sovereign\\'));
$functions = array_filter(get_defined_functions()['user'], fn($f) => str_starts_with($f, 'sovereign\\'));
echo json_encode(sovereign_describe(array_values($names), array_values($functions)));
PHP;
$cmd = escapeshellarg(PHP_BINARY) . ' -n -r ' . escapeshellarg($script) . ' '
    . escapeshellarg(__DIR__ . '/stub_signature.inc') . ' '
    . escapeshellarg(dirname(__DIR__) . '/sovereign.stub.php');
$stub = json_decode(shell_exec($cmd), true);

var_dump(count($binary['classes']) > 10, count($binary['functions']) >= 1);
$b = json_decode(json_encode($binary), true); // same normalization as the JSON from the child
if ($b === $stub) {
    echo "stub matches the binary\n";
} else {
    foreach (['classes', 'functions'] as $section) {
        foreach (array_unique(array_merge(array_keys($b[$section]), array_keys($stub[$section] ?? []))) as $name) {
            $x = $b[$section][$name] ?? null;
            $y = $stub[$section][$name] ?? null;
            if ($x !== $y) {
                echo "$section $name differs:\n  binary: ", json_encode($x), "\n  stub:   ", json_encode($y), "\n";
            }
        }
    }
}
?>
--EXPECT--
bool(true)
bool(true)
stub matches the binary
