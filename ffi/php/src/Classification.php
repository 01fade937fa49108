<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

/** A text's level and the reasons for it, most severe first (mirrors \Sovereign\Classification). */
final class Classification
{
    /** @param list<Reason> $reasons */
    private function __construct(private readonly Level $level, private readonly array $reasons)
    {
    }

    public static function fromHandle(\FFI\CData $handle): self
    {
        $ffi = Library::ffi();
        try {
            $level = $ffi->new('SovereignLevel');
            Library::check($ffi->sovereign_classification_level($handle, \FFI::addr($level)));
            $len = $ffi->new('size_t');
            Library::check($ffi->sovereign_classification_reasons_len($handle, \FFI::addr($len)));
            $reasons = [];
            $r = $ffi->new('SovereignReason');
            for ($i = 0; $i < $len->cdata; $i++) {
                Library::check($ffi->sovereign_classification_reason($handle, $i, \FFI::addr($r)));
                $reasons[] = new Reason(
                    $r->source === 1 ? 'keyword' : 'entity',
                    Library::str($r->name),
                    $r->count,
                    Level::fromC($r->level),
                );
            }
            return new self(Level::fromC($level->cdata), $reasons);
        } finally {
            $ffi->sovereign_classification_free($handle);
        }
    }

    public function level(): Level
    {
        return $this->level;
    }

    /** @return list<Reason> */
    public function reasons(): array
    {
        return $this->reasons;
    }
}
