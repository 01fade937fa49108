<?php
declare(strict_types=1);

/*
 * Speed of the extension, side by side with a pure-PHP preg_* redactor in the same run.
 *   php -d extension=/path/sovereign.so php-ext/bench/bench.php [iterations]
 * Prints per-call overhead, redact() on a 4 KB prompt, a support ticket and a catalogue prompt
 * (p50/p99 µs), on short messages and on the labelled shop corpus (mean µs), and the ratios
 * against the pure-PHP baseline.
 */

require __DIR__ . '/common.php';

$iterations = (int) ($argv[1] ?? 20000);

if (!extension_loaded('sovereign')) {
    fwrite(STDERR, "load the extension: php -d extension=/path/sovereign.so " . $argv[0] . "\n");
    exit(2);
}

$engine = new Sovereign\Engine();
$text = prompt();
$php = new PurePhpRedactor();
function noop(): string { return ''; }

printf("Sovereign %s, PHP %s, %d iterations, prompt %d bytes\n", Sovereign\version(), PHP_VERSION, $iterations, strlen($text));

// Warm up both (compiled regexes, engine cache, CPU caches).
for ($i = 0; $i < 500; $i++) {
    $engine->redact($text);
    $php->redact($text);
}

echo "Per-call overhead\n";
row('PHP userland no-op function', timeEach($iterations, fn() => noop()));
row('Sovereign\version()', timeEach($iterations, fn() => Sovereign\version()));
row('new Sovereign\Engine() (cached)', timeEach($iterations, fn() => new Sovereign\Engine()));
$policy = tempnam(sys_get_temp_dir(), 'sovereign-bench');
file_put_contents($policy, "# bench policy\n");
Sovereign\Engine::fromFile($policy);
row('Sovereign\Engine::fromFile($policy) (cached)', timeEach($iterations, fn() => Sovereign\Engine::fromFile($policy)));
ini_set('sovereign.policy', $policy);
row('new Sovereign\Engine() with sovereign.policy', timeEach($iterations, fn() => new Sovereign\Engine()));
ini_set('sovereign.policy', '');
unlink($policy);
row('$engine->scan("")', timeEach($iterations, fn() => $engine->scan('')));

echo "redact() + restore() on the 4 KB prompt\n";
$ext = timeEach($iterations, fn() => $engine->redact($text));
row('Sovereign: $engine->redact($text)', $ext);
// What the host adds to a call that long (interrupts, a busy neighbour): a plain PHP loop timed
// the same way, sized to the redact call's p50. Its p99 is the floor for the redact p99.
$spin = function (int $n): void {
    for ($j = 0; $j < $n; $j++) {
    }
};
$loops = 1000;
$loops = (int) ($loops * $ext[0] / timeEach(500, fn() => $spin($loops))[0]);
row('host noise: a PHP loop as long (no extension)', timeEach($iterations, fn() => $spin($loops)));
$subset = Sovereign\Engine::fromFile(__DIR__ . '/subset.toml');
$same = timeEach($iterations, fn() => $subset->redact($text));
row('Sovereign, same 4 types only (subset.toml)', $same);
$pure = timeEach($iterations, fn() => $php->redact($text));
row('pure PHP preg_* (email, card+Luhn, IBAN, phone)', $pure);
row('Sovereign: scan($text)', timeEach($iterations, fn() => $engine->scan($text)));
$r = $engine->redact($text);
row('Sovereign: restore(redacted text)', timeEach($iterations, fn() => $r->restore($r->text())));

// A second, ordinary input: the support ticket of the inference benchmarks (fewer digits).
$ticket = file_get_contents(__DIR__ . '/../../benches/data/ticket.txt');
echo "redact() on a " . strlen($ticket) . "-byte support ticket (benches/data/ticket.txt)\n";
$ticketSame = timeEach($iterations, fn() => $subset->redact($ticket));
row('Sovereign, same 4 types only (subset.toml)', $ticketSame);
$ticketPure = timeEach($iterations, fn() => $php->redact($ticket));
row('pure PHP preg_* (email, card+Luhn, IBAN, phone)', $ticketPure);

// A third input: catalogue content (descriptions to rewrite or translate), where both mostly
// have to find that nothing is there.
$catalogue = catalogue();
echo "redact() on a " . strlen($catalogue) . "-byte catalogue prompt (product descriptions, no personal data)\n";
$catalogueSame = timeEach($iterations, fn() => $subset->redact($catalogue));
row('Sovereign, same 4 types only (subset.toml)', $catalogueSame);
$cataloguePure = timeEach($iterations, fn() => $php->redact($catalogue));
row('pure PHP preg_* (email, card+Luhn, IBAN, phone)', $cataloguePure);

// A fourth input: short messages, where the fixed cost of a call decides. 20x there would need
// less time than an extension call that does nothing at all.
$shortRatios = [];
echo "redact() on short messages (mean per call, fastest of five rounds)\n";
$emptyCall = perCall($iterations, fn() => $engine->scan(''));
printf("  %-44s mean %8.3f µs\n", '$engine->scan("") (an empty call)', $emptyCall);
foreach (shortMessages() as $name => $message) {
    $mine = perCall($iterations, fn() => $subset->redact($message));
    $theirs = perCall($iterations, fn() => $php->redact($message));
    printf("  %-44s mean %8.3f µs\n", "Sovereign, 4 types: $name (" . strlen($message) . ' B)', $mine);
    printf("  %-44s mean %8.3f µs\n", "pure PHP preg_*: $name", $theirs);
    $shortRatios[$name] = [$theirs / $mine, $theirs / 20];
}

// A fifth input, when it has been generated: the labelled corpus of shop messages
// (benches/corpus/generate.py), short texts where each call's fixed costs count more.
$corpusFile = __DIR__ . '/../../benches/corpus/corpus.jsonl';
$corpusRatio = null;
if (is_file($corpusFile)) {
    $messages = array_map(fn($line) => json_decode($line, true)['text'], file($corpusFile));
    $bytes = array_sum(array_map('strlen', $messages));
    printf("redact() on each of %d shop messages (benches/corpus/corpus.jsonl, mean %d bytes)\n",
        count($messages), $bytes / count($messages));
    // The fastest of five passes over all messages, per message.
    $pass = fn(callable $f): float => perCall(1, function () use ($f, $messages): void {
        foreach ($messages as $message) {
            $f($message);
        }
    }) / count($messages);
    $corpusSame = $pass(fn($m) => $subset->redact($m));
    $corpusPure = $pass(fn($m) => $php->redact($m));
    printf("  %-44s mean %8.2f µs per message\n", 'Sovereign, same 4 types only (subset.toml)', $corpusSame);
    printf("  %-44s mean %8.2f µs per message\n", 'pure PHP preg_* (email, card+Luhn, IBAN, phone)', $corpusPure);
    $corpusRatio = $corpusPure / $corpusSame;
} else {
    echo "(no shop corpus: python3 benches/corpus/generate.py --set eval adds a fifth input)\n";
}

printf("ratio pure PHP / Sovereign (all 86 types): p50 %.1fx, p99 %.1fx, mean %.1fx\n",
    $pure[0] / $ext[0], $pure[1] / $ext[1], $pure[2] / $ext[2]);
printf("ratio pure PHP / Sovereign (same 4 types):  p50 %.1fx, p99 %.1fx, mean %.1fx\n",
    $pure[0] / $same[0], $pure[1] / $same[1], $pure[2] / $same[2]);
printf("ratio on the ticket (same 4 types):          p50 %.1fx, p99 %.1fx, mean %.1fx\n",
    $ticketPure[0] / $ticketSame[0], $ticketPure[1] / $ticketSame[1], $ticketPure[2] / $ticketSame[2]);

printf("ratio on the catalogue (same 4 types):       p50 %.1fx, p99 %.1fx, mean %.1fx\n",
    $cataloguePure[0] / $catalogueSame[0], $cataloguePure[1] / $catalogueSame[1],
    $cataloguePure[2] / $catalogueSame[2]);

foreach ($shortRatios as $name => [$ratio, $needed]) {
    printf("ratio on a short message, %-18s mean %.1fx (20x needs %.3f µs, an empty call takes %.3f)\n",
        "$name:", $ratio, $needed, $emptyCall);
}

if ($corpusRatio !== null) {
    printf("ratio on the shop messages (same 4 types):   mean %.1fx\n", $corpusRatio);
}

// Both must have done the job: show what each found (in the catalogue: nothing).
$php->redact($catalogue);
printf("in the catalogue: Sovereign found %d, pure PHP %d\n", count($subset->scan($catalogue)), count($php->vault()));
$counts = ['Sovereign' => [], 'pure PHP' => []];
foreach (shortMessages() as $message) {
    $counts['Sovereign'][] = count($subset->scan($message));
    $php->redact($message);
    $counts['pure PHP'][] = count($php->vault());
}
printf("in the short messages: Sovereign found %s, pure PHP %s\n",
    implode('/', $counts['Sovereign']), implode('/', $counts['pure PHP']));
$found = array_map(fn($f) => $f->type, $engine->scan($text));
printf("Sovereign found: %s\n", implode(', ', $found) ?: '-');
$php->redact($text);
printf("pure PHP found:  %s\n", implode(', ', array_keys($php->vault())) ?: '-');
