<?php

/**
 * IDE stubs for the `sovereign` extension. Checked against `php --re sovereign` by
 * tests/stub.phpt, so they never drift from the binary.
 *
 * @generate-class-entries
 */

namespace Sovereign {

    /** The version of the extension and of the core library it embeds. */
    function version(): string {}

    /** How sensitive a text or value is, from least to most. */
    enum Level: string
    {
        case Public = 'public';
        case Internal = 'internal';
        case Confidential = 'confidential';
        case Restricted = 'restricted';
    }

    /** Base of every exception the extension throws. */
    class Exception extends \RuntimeException {}

    /** A policy file or text is malformed; the message names file, line and column. */
    class PolicyException extends Exception {}

    /** An argument is invalid (not a scanned text: any bytes are valid there). */
    class InputException extends Exception {}

    /** A local model could not be loaded or run. */
    class ModelException extends Exception {}

    /** A bug in Sovereign (a Rust panic caught at the boundary). */
    class InternalException extends Exception {}

    /**
     * One sensitive value found in a text. Offsets are into the original text: `start`/`end` in
     * bytes (for `substr`), `charStart`/`charEnd` in UTF-8 characters (for `mb_substr`).
     * Properties are read-only: writing one throws.
     */
    final class Finding
    {
        /** Not constructible: instances come from the engine. */
        public function __construct() {}

        /** @var string Entity type id, e.g. `EMAIL`, `CREDIT_CARD`. */
        public $type;
        /** @var string Category of the type, e.g. `pii`, `payment`. */
        public $category;
        /** @var Level Level of the type under the engine's policy. */
        public $level;
        /** @var int Byte offset where the value starts. */
        public $start;
        /** @var int Byte offset just past the value. */
        public $end;
        /** @var int Character offset where the value starts. */
        public $charStart;
        /** @var int Character offset just past the value. */
        public $charEnd;
        /** @var float Confidence, 0 to 1. */
        public $score;
        /** @var string The rule that found it. */
        public $rule;
        /** @var bool True when a checksum (Luhn, mod-97, ...) confirmed it. */
        public $validated;
    }

    /**
     * Why a text got its level: an entity type found `count` times, or a keyword phrase.
     * Properties are read-only: writing one throws.
     */
    final class Reason
    {
        /** Not constructible: instances come from the engine. */
        public function __construct() {}

        /** @var string `entity` or `keyword`. */
        public $source;
        /** @var string The entity type id or the keyword phrase. */
        public $name;
        /** @var int How often it occurs in the text. */
        public $count;
        /** @var Level The level it implies. */
        public $level;

        /** E.g. `2 × EMAIL → confidential`. */
        public function __toString(): string {}
    }

    /** A text's level and the reasons for it, most severe first. */
    final class Classification
    {
        /** Not constructible: instances come from the engine. */
        public function __construct() {}

        /** The text's level: the highest of its reasons, `Level::Public` without any. */
        public function level(): Level {}

        /** @return list<Reason> */
        public function reasons(): array {}
    }

    /**
     * Finds, classifies and redacts sensitive data. Cheap to construct: engines are compiled
     * once per worker process and cached (by policy path, modification time and size).
     */
    final class Engine
    {
        /**
         * The engine of the `sovereign.policy` ini file, or of the built-in default policy when
         * the directive is empty.
         *
         * @throws PolicyException
         */
        public function __construct() {}

        /** @throws PolicyException */
        public static function fromFile(string $path): Engine {}

        /** @throws PolicyException */
        public static function fromString(string $toml): Engine {}

        /**
         * The sensitive values in `$text` (any bytes), sorted by position.
         *
         * @return list<Finding>
         */
        public function scan(string $text): array {}

        /** The level of `$text` and the reasons for it. */
        public function classify(string $text): Classification {}

        /**
         * Redacts `$text`. `$context` may give `surface`, `role`, `tenant` and `knownValues`
         * (entity type => value or list of values) to redact as well.
         *
         * @param array{surface?: string, role?: string, tenant?: string, knownValues?: array<string, string|list<string>>}|null $context
         * @throws InputException
         */
        public function redact(string $text, ?array $context = null): Redaction {}

        /** The policy file this engine was compiled from (`null` for the default or in-memory policy). */
        public function policyPath(): ?string {}

        /** Number of compiled engines cached in this worker process (the default engine aside). */
        public static function cachedEngines(): int {}
    }

    /**
     * A redacted text, its findings and the per-request vault that restores placeholders. The
     * vault lives only in this object's memory and is wiped when it is freed.
     */
    final class Redaction
    {
        /** Not constructible: instances come from the engine. */
        public function __construct() {}

        /** The redacted text (bytes outside findings are unchanged). */
        public function text(): string {}

        /** @return list<Finding> */
        public function findings(): array {}

        /** Level of the original text. */
        public function level(): Level {}

        /** Classification of the original text. */
        public function classification(): Classification {}

        /** Puts the original values back into `$output` (typically the model's answer). */
        public function restore(string $output): string {}

        /** A restorer for output that arrives in chunks (streamed model answers). */
        public function restorer(): StreamRestorer {}
    }

    /**
     * Restores placeholders in output that arrives in chunks: a placeholder split across chunks
     * is held back until it is complete.
     */
    final class StreamRestorer
    {
        /** Not constructible: instances come from the engine. */
        public function __construct() {}

        /** Restores what can be restored of `$chunk` so far. */
        public function push(string $chunk): string {}

        /** Flushes what is held back at the end of the stream. */
        public function finish(): string {}
    }

    /**
     * A local GGUF model run inside this PHP process (llama.cpp). The weights are memory-mapped and
     * loaded once per worker process on first use, then shared by every request of that worker;
     * concurrent generations across all workers of the host are limited (`sovereign.concurrency`).
     */
    final class Model
    {
        /**
         * Opens the model at `$path`, or at the `sovereign.model` ini path when `null`. Checks the
         * file's GGUF header now; the weights load on first use.
         *
         * @param array{contextSize?: int, threads?: int, batchSize?: int, seed?: int, concurrency?: int, waitMs?: int}|null $options
         * @throws ModelException|InputException
         */
        public function __construct(?string $path = null, ?array $options = null) {}

        /**
         * Continues `$prompt`.
         *
         * @param array{maxTokens?: int, temperature?: float, topP?: float, topK?: int, stop?: list<string>, seed?: int, timeoutMs?: int}|null $options
         * @throws ModelException|InputException
         */
        public function complete(string $prompt, ?array $options = null): Completion {}

        /**
         * Answers a conversation laid out with the model's own chat template.
         *
         * @param list<array{role: string, content: string}> $messages
         * @param array{maxTokens?: int, temperature?: float, topP?: float, topK?: int, stop?: list<string>, seed?: int, timeoutMs?: int}|null $options
         * @throws ModelException|InputException
         */
        public function chat(array $messages, ?array $options = null): Completion {}

        /**
         * Like `chat()`, calling `$callback(string $piece)` with each piece as it is generated;
         * returning `false` stops generation.
         *
         * @param list<array{role: string, content: string}> $messages
         * @param callable(string): (bool|null) $callback
         * @param array{maxTokens?: int, temperature?: float, topP?: float, topK?: int, stop?: list<string>, seed?: int, timeoutMs?: int}|null $options
         * @throws ModelException|InputException
         */
        public function stream(array $messages, callable $callback, ?array $options = null): Completion {}

        /**
         * Which of `$labels` fits `$text` (grammar-constrained: always one of them).
         *
         * @param list<string> $labels
         * @throws ModelException|InputException
         */
        public function classify(string $text, array $labels): string {}

        /** The model file. */
        public function path(): string {}
    }

    /** The text a model generated and what it cost. */
    final class Completion
    {
        /** @var string The generated text (a stop string is not included). */
        public $text;
        /** @var int Tokens in the prompt as the model saw it (chat template included). */
        public $promptTokens;
        /** @var int Tokens generated. */
        public $generatedTokens;
        /** @var float Milliseconds spent waiting for a host-wide generation slot. */
        public $queueMs;
        /** @var float Milliseconds spent reading the prompt. */
        public $promptMs;
        /** @var float Milliseconds spent generating. */
        public $generationMs;
        /** @var string Why generation ended: end, max_tokens, stop, context_full, timeout or cancelled. */
        public $stopReason;

        /** Not constructible: instances come from `Model`. */
        public function __construct() {}
    }
}
