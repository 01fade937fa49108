<?php
// Redact a ticket, answer it with the local model in this worker, restore the answer.
declare(strict_types=1);

$engine = new Sovereign\Engine();
$ticket = 'Customer Jane Doe (jane.doe@example.com) asks for a refund of order 100023.';
$redaction = $engine->redact($ticket, ['knownValues' => ['PERSON' => 'Jane Doe']]);
$prompt = $redaction->text();
$model = new Sovereign\Model(ini_get('sovereign.model') ?: null);
$completion = $model->complete("Support ticket: $prompt\nReply to [PERSON_1]:", ['maxTokens' => 8]);
$answer = $redaction->restore('Dear [PERSON_1], ' . $completion->text);
header('Content-Type: application/json');
echo json_encode([
    'ok' => !str_contains($prompt, 'jane.doe@example.com') && str_starts_with($answer, 'Dear Jane Doe, '),
    'pid' => getmypid(),
    'generatedTokens' => $completion->generatedTokens,
    'queueMs' => round($completion->queueMs),
    'stopReason' => $completion->stopReason,
]), "\n";
