<?php
// The page the end-to-end test requests: redacts a support message with a known customer
// name, "answers" with the placeholders, restores the answer, and reports both.
declare(strict_types=1);

$id = preg_replace('/\D/', '', $_GET['id'] ?? '1');
$text = "Customer Jane Doe (jane.$id@example.com) asks where order 100023 is.";
$engine = new Sovereign\Engine();
$redaction = $engine->redact($text, [
    'surface' => 'customer_service',
    'tenant' => 'store-de',
    'knownValues' => ['PERSON' => 'Jane Doe'],
]);
$answer = 'Dear [PERSON_1], we wrote to [EMAIL_1].';
$restored = $redaction->restore($answer);

header('Content-Type: text/plain; charset=utf-8');
echo 'redacted: ', $redaction->text(), "\n";
echo 'level: ', $redaction->level()->value, "\n";
echo 'restored: ', $restored, "\n";
echo 'pid-independent: ', $restored === "Dear Jane Doe, we wrote to jane.$id@example.com." ? 'ok' : 'MISMATCH', "\n";
