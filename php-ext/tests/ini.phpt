--TEST--
php.ini directives: sovereign.policy drives new Engine(); all are shown by php --ri
--EXTENSIONS--
sovereign
--INI--
sovereign.threads=4
--FILE--
<?php
$policy = sys_get_temp_dir() . '/sovereign-ini-' . getmypid() . '.toml';
file_put_contents($policy, "# policy\n");

var_dump(ini_get('sovereign.policy'), ini_get('sovereign.model'), ini_get('sovereign.threads'),
    ini_get('sovereign.concurrency'), ini_get('sovereign.audit_log'));
var_dump((new Sovereign\Engine())->policyPath());
ini_set('sovereign.policy', $policy);
var_dump((new Sovereign\Engine())->policyPath() === $policy);
// model settings are fixed per process
var_dump(ini_set('sovereign.model', '/tmp/x.gguf'));
ini_set('sovereign.policy', '/nonexistent.toml');
try {
    new Sovereign\Engine();
} catch (Sovereign\PolicyException $e) {
    echo $e->getMessage(), "\n";
}
unlink($policy);

// `php --ri sovereign` with this very .so (found in our own memory map)
preg_match('~\s(/\S*sovereign\S*\.so)$~m', file_get_contents('/proc/self/maps'), $m);
$cmd = escapeshellarg(PHP_BINARY) . ' -n -d extension=' . escapeshellarg($m[1])
    . ' -d sovereign.policy=/etc/sovereign.toml -d sovereign.concurrency=8 --ri sovereign';
$info = shell_exec($cmd);
foreach (explode("\n", $info) as $line) {
    if (preg_match('/^(sovereign support|sovereign\.)/', $line)) echo $line, "\n";
}
?>
--EXPECT--
string(0) ""
string(0) ""
string(1) "4"
string(1) "0"
string(0) ""
NULL
bool(true)
bool(false)
cannot read /nonexistent.toml: No such file or directory (os error 2)
sovereign support => enabled
sovereign.policy => /etc/sovereign.toml => /etc/sovereign.toml
sovereign.model => no value => no value
sovereign.threads => 0 => 0
sovereign.concurrency => 8 => 8
sovereign.audit_log => no value => no value
