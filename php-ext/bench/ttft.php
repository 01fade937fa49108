<?php
declare(strict_types=1);

/*
 * Time to first token of Model::stream() inside this PHP process, driven by benches/ttft.py.
 *   php -d extension=/path/sovereign.so php-ext/bench/ttft.php MODEL TICKET THREADS CONTEXT
 * Redacts the ticket (as a shop would before answering it), answers it once cold (new Model +
 * first call: includes loading the weights) and prints {cold_ms, prompt_tokens, ticket} as one
 * JSON line; then answers it again, warm, for every line read from stdin, printing {ms,
 * queue_ms, prompt_tokens}. Driven one call at a time so the driver can interleave the peer's
 * requests with ours: a burst of load from other processes then hits both sides alike.
 */

[, $path, $ticketFile, $threads, $context] = $argv + array_fill(0, 5, null);
if ($context === null || !extension_loaded('sovereign')) {
    fwrite(STDERR, "usage: php -d extension=sovereign.so {$argv[0]} MODEL TICKET THREADS CONTEXT\n");
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
[$ms, $done] = firstPiece($open(), $messages, $options, $start);
echo json_encode(['cold_ms' => $ms, 'prompt_tokens' => $done->promptTokens, 'ticket' => $ticket]), "\n";

$model = $open(); // the same loaded weights: models are cached per process
while (fgets(STDIN) !== false) {
    [$ms, $done] = firstPiece($model, $messages, $options, hrtime(true));
    echo json_encode(['ms' => $ms, 'queue_ms' => $done->queueMs, 'prompt_tokens' => $done->promptTokens]), "\n";
}
