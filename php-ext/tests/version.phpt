--TEST--
Sovereign\version() and the extension are loaded
--EXTENSIONS--
sovereign
--FILE--
<?php
var_dump(extension_loaded('sovereign'));
var_dump((bool) preg_match('/^\d+\.\d+\.\d+/', Sovereign\version()));
var_dump(phpversion('sovereign') !== false);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
