--TEST--
Engines are compiled once per process and revalidated by mtime and size
--EXTENSIONS--
sovereign
--FILE--
<?php
use Sovereign\Engine;

$file = sys_get_temp_dir() . '/sovereign-cache-' . getmypid() . '.toml';
file_put_contents($file, "# policy v1\n");
touch($file, time() - 100);

var_dump(Engine::cachedEngines());
$a = Engine::fromFile($file);
var_dump(Engine::cachedEngines(), $a->policyPath() === $file);

// same file, unchanged: served from the cache, in microseconds
$t = hrtime(true);
for ($i = 0; $i < 2000; $i++) {
    $e = Engine::fromFile($file);
}
$perCall = (hrtime(true) - $t) / 2000 / 1000;
var_dump(Engine::cachedEngines());
echo $perCall < 50 ? "cached construction is fast\n" : "slow: $perCall us\n";

// an edited file (new size and mtime) is compiled again, under the same key
file_put_contents($file, "# policy v2, longer\n");
touch($file, time());
$b = Engine::fromFile($file);
var_dump(Engine::cachedEngines(), $b->policyPath() === $file);

// policy text is cached by content
Engine::fromString("# a\n");
Engine::fromString("# a\n");
Engine::fromString("# b\n");
var_dump(Engine::cachedEngines());
unlink($file);

// a relative path is resolved against the working directory: its own entry, absolute path
$dir = sys_get_temp_dir() . '/sovereign-rel-' . getmypid();
mkdir($dir);
file_put_contents("$dir/policy.toml", "# relative\n");
chdir($dir);
var_dump(Engine::fromFile('policy.toml')->policyPath() === "$dir/policy.toml", Engine::cachedEngines());
unlink("$dir/policy.toml");
rmdir($dir);

// the default engine is not in the file cache and has no path
var_dump((new Engine())->policyPath());
?>
--EXPECT--
int(0)
int(1)
bool(true)
int(1)
cached construction is fast
int(1)
bool(true)
int(3)
bool(true)
int(4)
NULL
