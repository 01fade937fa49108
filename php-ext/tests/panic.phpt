--TEST--
A Rust panic becomes Sovereign\InternalException and the process carries on
--EXTENSIONS--
sovereign
--SKIPIF--
<?php if (!function_exists('Sovereign\Testing\panic')) die('skip needs a build with --features test-hooks'); ?>
--FILE--
<?php
for ($i = 0; $i < 3; $i++) {
    try {
        Sovereign\Testing\panic("deliberate $i");
    } catch (Sovereign\InternalException $e) {
        echo get_class($e), ': ', preg_replace('/at \S+:\d+:\d+/', 'at FILE:LINE:COL', $e->getMessage()), "\n";
    }
}
// the engine still works afterwards
echo (new Sovereign\Engine())->redact("to jane@example.com")->text(), "\n";
?>
--EXPECT--
Sovereign\InternalException: internal error (a bug in Sovereign, please report it): panicked at FILE:LINE:COL:
deliberate 0
Sovereign\InternalException: internal error (a bug in Sovereign, please report it): panicked at FILE:LINE:COL:
deliberate 1
Sovereign\InternalException: internal error (a bug in Sovereign, please report it): panicked at FILE:LINE:COL:
deliberate 2
to [EMAIL_1]
