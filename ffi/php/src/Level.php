<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

/** How sensitive a text or value is, from least to most (mirrors \Sovereign\Level). */
enum Level: string
{
    case Public = 'public';
    case Internal = 'internal';
    case Confidential = 'confidential';
    case Restricted = 'restricted';

    public static function fromC(int $value): self
    {
        return match ($value) {
            0 => self::Public,
            1 => self::Internal,
            2 => self::Confidential,
            default => self::Restricted,
        };
    }
}
