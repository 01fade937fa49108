--TEST--
PolicyException: missing policy file, malformed TOML with file, line and column
--EXTENSIONS--
sovereign
--FILE--
<?php
use Sovereign\{Engine, Exception, PolicyException};

try {
    Engine::fromFile('/nonexistent/sovereign-policy.toml');
} catch (PolicyException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
    var_dump($e instanceof Exception, $e instanceof RuntimeException);
}

$file = sys_get_temp_dir() . '/sovereign-bad-policy-' . getmypid() . '.toml';
file_put_contents($file, "# policy\n[entities.EMAIL]\nenabled = tru\n");
try {
    Engine::fromFile($file);
    echo "no exception\n";
} catch (PolicyException $e) {
    // the message names the file, line 3 and a column
    var_dump(str_contains($e->getMessage(), $file . ':3:'));
}
unlink($file);

try {
    Engine::fromString("[entities.EMAIL\n");
    echo "no exception\n";
} catch (PolicyException $e) {
    var_dump(str_contains($e->getMessage(), '<policy>:1:'));
}
?>
--EXPECT--
Sovereign\PolicyException: cannot read /nonexistent/sovereign-policy.toml: No such file or directory (os error 2)
bool(true)
bool(true)
bool(true)
bool(true)
