<?php

declare(strict_types=1);

namespace Sovereign\Ffi\Tests;

use PHPUnit\Framework\TestCase;

/**
 * One set of behaviours that the native extension (\Sovereign\...) and the FFI binding
 * (\Sovereign\Ffi\...) must both have. Where they differ, one of them has a bug.
 */
abstract class ContractTestCase extends TestCase
{
    /** The namespace of the implementation under test, with a trailing backslash. */
    abstract protected function ns(): string;

    private function engine(): object
    {
        $class = $this->ns() . 'Engine';
        return new $class();
    }

    private function engineFromString(string $toml): object
    {
        return ($this->ns() . 'Engine')::fromString($toml);
    }

    public function testVersionIsSemver(): void
    {
        $version = ($this->ns() . 'version')();
        self::assertMatchesRegularExpression('/^\d+\.\d+\.\d+/', $version);
    }

    public function testRedactAndRestoreASupportTicket(): void
    {
        $ticket = "Hello, I'm Jane Doe. My card 4111 1111 1111 1111 was charged twice; "
            . "mail me at jane.doe@example.com. Order 000012345.";
        $redaction = $this->engine()->redact($ticket, [
            'surface' => 'customer_service',
            'tenant' => 'store-de',
            'knownValues' => ['PERSON' => 'Jane Doe'],
        ]);
        $text = $redaction->text();
        self::assertStringNotContainsString('jane.doe@example.com', $text);
        self::assertStringNotContainsString('Jane Doe', $text);
        self::assertStringNotContainsString('4111 1111 1111 1111', $text);
        self::assertStringContainsString('[EMAIL_1]', $text);
        self::assertStringContainsString('[PERSON_1]', $text);
        self::assertStringContainsString('000012345', $text, 'order numbers survive');
        self::assertSame($ticket, $redaction->restore($text));
        self::assertSame('Dear Jane Doe', $redaction->restore('Dear [person_1]'));
        self::assertSame('restricted', $redaction->level()->value);
    }

    public function testFindingsHaveTypedFieldsAndOffsets(): void
    {
        $text = "Café owner: zoe@example.com";
        $findings = $this->engine()->scan($text);
        self::assertCount(1, $findings);
        $f = $findings[0];
        self::assertSame('EMAIL', $f->type);
        self::assertSame('pii', $f->category);
        self::assertSame('confidential', $f->level->value);
        self::assertSame('zoe@example.com', substr($text, $f->start, $f->end - $f->start));
        self::assertSame('zoe@example.com', mb_substr($text, $f->charStart, $f->charEnd - $f->charStart));
        self::assertSame(13, $f->start);
        self::assertSame(12, $f->charStart);
        self::assertGreaterThan(0.5, $f->score);
        self::assertIsString($f->rule);
        self::assertIsBool($f->validated);
    }

    public function testClassifyListsReasonsHighestFirst(): void
    {
        $classification = $this->engine()->classify('Attorney-client privileged: salary bands for 2025.');
        self::assertSame('restricted', $classification->level()->value);
        $reasons = array_map('strval', $classification->reasons());
        self::assertSame('keyword "attorney-client privileged" × 1 → restricted', $reasons[0]);
        self::assertContains('keyword "salary" × 1 → confidential', $reasons);
        self::assertSame('public', $this->engine()->classify('Blue shirt, size M.')->level()->value);
    }

    public function testStreamingRestoreEqualsWholeRestoreForEverySplit(): void
    {
        $redaction = $this->engine()->redact('write to ana@example.org please');
        $answer = 'Sure, I wrote to [EMAIL_1] — done ✓';
        $whole = $redaction->restore($answer);
        self::assertSame('Sure, I wrote to ana@example.org — done ✓', $whole);
        for ($cut = 0; $cut <= strlen($answer); $cut++) {
            $restorer = $redaction->restorer();
            $got = $restorer->push(substr($answer, 0, $cut)) . $restorer->push(substr($answer, $cut)) . $restorer->finish();
            self::assertSame($whole, $got, "split at $cut");
        }
    }

    public function testBinaryAndInvalidUtf8AreKept(): void
    {
        $text = "\xff\x00 bob@example.com \xc3";
        $redaction = $this->engine()->redact($text);
        self::assertSame("\xff\x00 [EMAIL_1] \xc3", $redaction->text());
        self::assertSame($text, $redaction->restore($redaction->text()));
        self::assertSame([], $this->engine()->scan(''));
    }

    public function testMalformedPolicyNamesLineAndColumn(): void
    {
        try {
            $this->engineFromString("threshold = 0.5\n[entities.CREDIT_CRAD]\n");
            self::fail('expected a policy exception');
        } catch (\Throwable $e) {
            self::assertInstanceOf($this->ns() . 'PolicyException', $e);
            self::assertInstanceOf($this->ns() . 'Exception', $e);
            self::assertStringContainsString(':2:', $e->getMessage());
            self::assertStringContainsString('CREDIT_CRAD', $e->getMessage());
        }
    }

    public function testUnknownKnownValueTypeIsAnInputError(): void
    {
        $this->expectException($this->ns() . 'InputException');
        $this->engine()->redact('x', ['knownValues' => ['NOT_A_TYPE' => 'x']]);
    }

    public function testPolicyDictionaryAndOperators(): void
    {
        $engine = $this->engineFromString(<<<'TOML'
            [entities.SUPPLIER]
            operator = "mask:2"
            [[dictionaries]]
            entity = "SUPPLIER"
            terms = ["Globex Industrial"]
            case_insensitive = true
            TOML);
        $redaction = $engine->redact('Buy from GLOBEX INDUSTRIAL next week.');
        self::assertSame('Buy from ****** ********AL next week.', $redaction->text(), 'mask:2 keeps the last two characters');
        self::assertSame('SUPPLIER', $redaction->findings()[0]->type);
    }

    private function model(): object
    {
        $path = getenv('SOVEREIGN_MODEL') ?: '/var/lib/sovereign/models/gemma3-270m-q4_k_m.gguf';
        self::assertFileIsReadable($path, 'run scripts/install-model.sh');
        $class = $this->ns() . 'Model';
        return new $class($path);
    }

    public function testModelCompletesReproduciblyWithStats(): void
    {
        $model = $this->model();
        $a = $model->complete('The capital of France is', ['maxTokens' => 8]);
        $b = $model->complete('The capital of France is', ['maxTokens' => 8]);
        self::assertSame($a->text, $b->text);
        self::assertNotSame('', $a->text);
        self::assertGreaterThan(3, $a->promptTokens);
        self::assertLessThanOrEqual(8, $a->generatedTokens);
        self::assertContains($a->stopReason, ['end', 'max_tokens', 'stop']);
        self::assertGreaterThan(0, $a->generationMs);
    }

    public function testModelStreamsPiecesAndCancels(): void
    {
        $model = $this->model();
        $messages = [['role' => 'user', 'content' => 'Count to five.']];
        $pieces = [];
        $c = $model->stream($messages, function (string $p) use (&$pieces) { $pieces[] = $p; }, ['maxTokens' => 8]);
        self::assertSame($c->text, implode('', $pieces));
        $n = 0;
        $cancelled = $model->stream($messages, function (string $p) use (&$n) { return ++$n < 2; }, ['maxTokens' => 8]);
        self::assertSame('cancelled', $cancelled->stopReason);
        self::assertSame(2, $n);
        self::assertContains($model->classify('hunter2 is the root password', ['public', 'restricted']), ['public', 'restricted']);
    }

    public function testModelOptionsAreChecked(): void
    {
        $class = $this->ns() . 'Model';
        $path = getenv('SOVEREIGN_MODEL') ?: '/var/lib/sovereign/models/gemma3-270m-q4_k_m.gguf';
        $model = new $class($path, ['contextSize' => 512, 'threads' => 2, 'concurrency' => 1, 'waitMs' => 1000]);
        self::assertSame($path, $model->path());
        $this->expectException($this->ns() . 'InputException');
        new $class($path, ['threads' => -1]);
    }

    public function testMissingModelIsAModelException(): void
    {
        $this->expectException($this->ns() . 'ModelException');
        $class = $this->ns() . 'Model';
        new $class('/nonexistent/model.gguf');
    }
}
