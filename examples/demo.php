<?php
/**
 * The main demo: a support ticket is redacted, answered by the local model inside this PHP
 * process (no network, no external provider), and the answer is restored — streamed piece by piece.
 *
 *   php -d extension=sovereign.so -d sovereign.model=/var/lib/sovereign/models/gemma3-270m-q4_k_m.gguf examples/demo.php
 */

declare(strict_types=1);

$ticket = <<<'TICKET'
From: Jane Doe <jane.doe@example.com>
Subject: Charged twice for order #000012345

Hi, I was charged twice for order 000012345. My card is 4111 1111 1111 1111 (exp 09/27)
and my IBAN for the refund is DE89 3704 0044 0532 0130 00. Call me on +49 30 901820.
TICKET;

$engine = new Sovereign\Engine();
$redaction = $engine->redact($ticket, [
    'surface' => 'customer_service',
    'tenant' => 'default',
    'knownValues' => ['PERSON' => 'Jane Doe'],
]);

echo "=== What the model sees (", $redaction->level()->value, ") ===\n", $redaction->text(), "\n\n";
echo "=== Findings ===\n";
foreach ($redaction->findings() as $f) {
    printf("  %-14s %-36s score %.2f%s\n", $f->type, substr($ticket, $f->start, $f->end - $f->start),
        $f->score, $f->validated ? ' (validated)' : '');
}
foreach (['jane.doe@example.com', 'Jane Doe', '4111 1111 1111 1111', 'DE89 3704 0044 0532 0130 00'] as $secret) {
    if (str_contains($redaction->text(), $secret)) {
        fwrite(STDERR, "demo: '$secret' would have reached the model\n");
        exit(1);
    }
}

$model = new Sovereign\Model();
$messages = [
    ['role' => 'system', 'content' => 'You are a polite support agent. Keep placeholders like [PERSON_1] exactly as written.'],
    ['role' => 'user', 'content' => "Write a two-sentence reply to this ticket:\n\n" . $redaction->text()],
];
echo "\n=== Local answer, restored as it streams (", basename($model->path()), ") ===\n";
// The answer opens with the placeholder so the restore is visible whatever the small model writes.
$restorer = $redaction->restorer();
echo $restorer->push('Dear [PERSON_1], ');
$completion = $model->stream($messages, function (string $piece) use ($restorer): void {
    echo $restorer->push($piece);
}, ['maxTokens' => 80, 'temperature' => 0.0]);
echo $restorer->finish(), "\n\n";
printf("=== %d prompt tokens in %.0f ms, %d generated in %.0f ms (%.1f tok/s), stop: %s ===\n",
    $completion->promptTokens, $completion->promptMs, $completion->generatedTokens,
    $completion->generationMs, $completion->generatedTokens / max($completion->generationMs / 1000, 1e-9),
    $completion->stopReason);
