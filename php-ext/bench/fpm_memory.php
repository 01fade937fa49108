<?php
declare(strict_types=1);

/*
 * The page benches/fpm_memory.sh requests in every php-fpm worker: loads the default model
 * (sovereign.model) in this worker by generating one token, then keeps the worker busy for
 * ?hold=MS so that concurrent requests land on other workers. Prints this worker's pid.
 */

$model = new Sovereign\Model();
$done = $model->complete('Reply to the customer:', ['maxTokens' => 1, 'temperature' => 0.0]);
usleep(1000 * min(5000, max(0, (int) ($_GET['hold'] ?? 0))));
header('Content-Type: text/plain');
echo getmypid(), ' ', $done->generatedTokens, "\n";
