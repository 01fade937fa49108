<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

/** Why a text got its level (mirrors \Sovereign\Reason). */
final class Reason
{
    public function __construct(
        public readonly string $source,
        public readonly string $name,
        public readonly int $count,
        public readonly Level $level,
    ) {
    }

    public function __toString(): string
    {
        return $this->source === 'keyword'
            ? sprintf('keyword "%s" × %d → %s', $this->name, $this->count, $this->level->value)
            : sprintf('%d × %s → %s', $this->count, $this->name, $this->level->value);
    }
}
