<?php
declare(strict_types=1);

/*
 * Time to first token of Model::stream() inside this PHP process, for benches/ttft.sh.
 *   php -d extension=/path/sovereign.so php-ext/bench/ttft.php MODEL TICKET REPS THREADS CONTEXT
 * Redacts the ticket (as a shop would before answering it), then answers it greedily: once cold
 * (new Model + first call: includes loading the weights) and REPS times warm. Prints one JSON
 * object: cold_ms, warm_ms (list), prompt_tokens, queue_ms_max and the redacted ticket, which
 * the peer gets as its prompt.
 */

[, $path, $ticketFile, $reps, $threads, $context] = $argv + array_fill(0, 6, null);
if ($context === null || !extension_loaded('sovereign')) {
    fwrite(STDERR, "usage: php -d extension=sovereign.so {$argv[0]} MODEL TICKET REPS THREADS CONTEXT\n");
    exit(2);
}

$ticket = (new Sovereign\Engine())->redact((string) file_get_contents($ticketFile))->text();
$messages = [['role' => 'user', 'content' => $ticket]];
// Greedy; a few tokens are enough, only the first one is timed.
$options = ['temperature' => 0.0, 'maxTokens' => 4];

/** Milliseconds from $start (hrtime) to the first piece, and the completion. */
function firstPiece(Sovereign\Model $model, array $messages, array $options, int $start): array
{
    $first = null;
    $done = $model->stream($messages, function (string $piece) use (&$first): void {
        $first ??= hrtime(true);
    }, $options);
    if ($first === null) {
        throw new RuntimeException("no piece generated (stop reason {$done->stopReason})");
    }
    return [($first - $start) / 1e6, $done];
}

$open = fn() => new Sovereign\Model($path, ['threads' => (int) $threads, 'contextSize' => (int) $context]);

$start = hrtime(true);
[$cold, $done] = firstPiece($open(), $messages, $options, $start);
$warm = [];
$queue = $done->queueMs;
$model = $open(); // the same loaded weights: models are cached per process
for ($i = 0; $i < (int) $reps; $i++) {
    [$warm[], $done] = firstPiece($model, $messages, $options, hrtime(true));
    $queue = max($queue, $done->queueMs);
}

echo json_encode([
    'cold_ms' => $cold,
    'warm_ms' => $warm,
    'prompt_tokens' => $done->promptTokens,
    'queue_ms_max' => $queue,
    'ticket' => $ticket,
]), "\n";
