--TEST--
Model errors are ModelException / InputException with clear messages, never a crash
--EXTENSIONS--
sovereign
--FILE--
<?php
function attempt(callable $f): void {
    try { $f(); echo "no exception\n"; }
    catch (Sovereign\Exception $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
attempt(fn() => new Sovereign\Model('/nonexistent/model.gguf'));
$fake = tempnam(sys_get_temp_dir(), 'gguf');
file_put_contents($fake, "not a model at all");
attempt(fn() => new Sovereign\Model($fake));
$truncated = tempnam(sys_get_temp_dir(), 'gguf');
file_put_contents($truncated, "GGUF\x03\x00\x00\x00");
attempt(fn() => new Sovereign\Model($truncated));
attempt(fn() => new Sovereign\Model($fake, ['threads' => -1]));
attempt(fn() => new Sovereign\Model($fake, ['color' => 1]));
attempt(fn() => new Sovereign\Model(null));
unlink($fake);
unlink($truncated);
?>
--EXPECTF--
Sovereign\ModelException: model error: /nonexistent/model.gguf: cannot read the model file: No such file or directory (os error 2)
Sovereign\ModelException: model error: %s: not a GGUF file (expected the magic bytes "GGUF" at offset 0)
Sovereign\ModelException: model error: %s
Sovereign\InputException: option `threads` must be a positive integer, got -1
Sovereign\InputException: unknown model option `color`: expected contextSize, threads, batchSize, seed, concurrency or waitMs
Sovereign\InputException: no model path: pass one or set sovereign.model in php.ini
