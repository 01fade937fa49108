--TEST--
Model::complete() and chat() run the real default model in-process: greedy output is reproducible, stats are filled
--EXTENSIONS--
sovereign
--SKIPIF--
<?php if (!is_readable('/var/lib/sovereign/models/gemma3-270m-q4_k_m.gguf')) die('skip run scripts/install-model.sh'); ?>
--INI--
sovereign.model=/var/lib/sovereign/models/gemma3-270m-q4_k_m.gguf
--FILE--
<?php
$model = new Sovereign\Model();
var_dump(basename($model->path()));
$options = ['maxTokens' => 12, 'temperature' => 0.0];
$a = $model->complete('The capital of France is', $options);
$b = $model->complete('The capital of France is', $options);
var_dump($a->text === $b->text, strlen($a->text) > 0);
var_dump($a->promptTokens > 3, $a->generatedTokens >= 1 && $a->generatedTokens <= 12);
var_dump(in_array($a->stopReason, ['end', 'max_tokens', 'stop'], true));
var_dump($a->promptMs > 0, $a->generationMs > 0, $a->queueMs >= 0);
$chat = $model->chat([
    ['role' => 'system', 'content' => 'Answer in one word.'],
    ['role' => 'user', 'content' => 'What colour is the sky?'],
], ['maxTokens' => 8]);
var_dump($chat->generatedTokens <= 8, is_string($chat->text));
$stopped = $model->complete('1, 2, 3, 4,', ['maxTokens' => 20, 'stop' => [',']]);
var_dump(str_contains($stopped->text, ','), $stopped->stopReason);
?>
--EXPECT--
string(23) "gemma3-270m-q4_k_m.gguf"
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
string(4) "stop"
