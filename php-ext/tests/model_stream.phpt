--TEST--
Model::stream() calls back per piece; pieces concatenate to the text; returning false cancels
--EXTENSIONS--
sovereign
--SKIPIF--
<?php if (!is_readable('/var/lib/sovereign/models/gemma3-270m-q4_k_m.gguf')) die('skip run scripts/install-model.sh'); ?>
--FILE--
<?php
$model = new Sovereign\Model('/var/lib/sovereign/models/gemma3-270m-q4_k_m.gguf');
$messages = [['role' => 'user', 'content' => 'Count from one to ten in words.']];
$pieces = [];
$c = $model->stream($messages, function (string $piece) use (&$pieces) { $pieces[] = $piece; }, ['maxTokens' => 16]);
var_dump(count($pieces) >= 1, implode('', $pieces) === $c->text);
$n = 0;
$cancelled = $model->stream($messages, function (string $piece) use (&$n) { return ++$n < 3; }, ['maxTokens' => 16]);
var_dump($cancelled->stopReason, $n);
try {
    $model->stream($messages, function (string $piece) { throw new RuntimeException('stop here'); });
} catch (RuntimeException $e) {
    var_dump($e->getMessage());
}
?>
--EXPECT--
bool(true)
bool(true)
string(9) "cancelled"
int(3)
string(9) "stop here"
