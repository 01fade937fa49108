<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

/** One sensitive value found in a text (mirrors \Sovereign\Finding). */
final class Finding
{
    public function __construct(
        public readonly string $type,
        public readonly string $category,
        public readonly Level $level,
        public readonly int $start,
        public readonly int $end,
        public readonly int $charStart,
        public readonly int $charEnd,
        public readonly float $score,
        public readonly string $rule,
        public readonly bool $validated,
    ) {
    }

    /** @return list<Finding> */
    public static function listFrom(\FFI\CData $handle): array
    {
        $ffi = Library::ffi();
        try {
            $len = $ffi->new('size_t');
            Library::check($ffi->sovereign_findings_len($handle, \FFI::addr($len)));
            $out = [];
            $f = $ffi->new('SovereignFinding');
            for ($i = 0; $i < $len->cdata; $i++) {
                Library::check($ffi->sovereign_findings_get($handle, $i, \FFI::addr($f)));
                $out[] = new self(
                    Library::str($f->kind),
                    Library::str($f->category),
                    Level::fromC($f->level),
                    $f->start,
                    $f->end,
                    $f->char_start,
                    $f->char_end,
                    round($f->score, 6),
                    Library::str($f->rule),
                    $f->validated !== 0,
                );
            }
            return $out;
        } finally {
            $ffi->sovereign_findings_free($handle);
        }
    }
}
