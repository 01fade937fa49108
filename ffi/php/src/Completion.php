<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

/** The text a model generated and what it cost (mirrors \Sovereign\Completion). */
final class Completion
{
    public function __construct(
        public readonly string $text,
        public readonly int $promptTokens,
        public readonly int $generatedTokens,
        public readonly float $queueMs,
        public readonly float $promptMs,
        public readonly float $generationMs,
        public readonly string $stopReason,
    ) {
    }

    /** @internal Copies a SovereignCompletion and frees its text buffer. */
    public static function take(\FFI\CData $c): self
    {
        return new self(
            Library::takeBuffer($c->text),
            $c->prompt_tokens,
            $c->generated_tokens,
            $c->queue_ms,
            $c->prompt_ms,
            $c->generation_ms,
            Library::str($c->stop_reason),
        );
    }
}
