<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

use FFI;

/**
 * A redacted text, its findings and the per-request vault (mirrors \Sovereign\Redaction). The
 * vault lives in the library's memory and is wiped when this object is destroyed.
 */
final class Redaction
{
    private ?string $text = null;

    /** @internal */
    public function __construct(private readonly FFI\CData $handle)
    {
    }

    public function __destruct()
    {
        Library::ffi()->sovereign_redaction_free($this->handle);
    }

    public function text(): string
    {
        if ($this->text === null) {
            $ffi = Library::ffi();
            $ptr = $ffi->new('const char*');
            $len = $ffi->new('size_t');
            Library::check($ffi->sovereign_redaction_text($this->handle, FFI::addr($ptr), FFI::addr($len)));
            $this->text = $len->cdata > 0 ? FFI::string($ptr, $len->cdata) : '';
        }
        return $this->text;
    }

    /** @return list<Finding> */
    public function findings(): array
    {
        $ffi = Library::ffi();
        $out = $ffi->new('SovereignFindings*');
        Library::check($ffi->sovereign_redaction_findings($this->handle, FFI::addr($out)));
        return Finding::listFrom($out);
    }

    public function level(): Level
    {
        $ffi = Library::ffi();
        $level = $ffi->new('SovereignLevel');
        Library::check($ffi->sovereign_redaction_level($this->handle, FFI::addr($level)));
        return Level::fromC($level->cdata);
    }

    public function classification(): Classification
    {
        $ffi = Library::ffi();
        $out = $ffi->new('SovereignClassification*');
        Library::check($ffi->sovereign_redaction_classification($this->handle, FFI::addr($out)));
        return Classification::fromHandle($out);
    }

    public function restore(string $output): string
    {
        $ffi = Library::ffi();
        $buffer = $ffi->new('SovereignBuffer');
        Library::check($ffi->sovereign_redaction_restore($this->handle, $output, strlen($output), FFI::addr($buffer)));
        return Library::takeBuffer($buffer);
    }

    public function restorer(): StreamRestorer
    {
        $ffi = Library::ffi();
        $out = $ffi->new('SovereignRestorer*');
        Library::check($ffi->sovereign_restorer_new($this->handle, FFI::addr($out)));
        return new StreamRestorer($out);
    }
}
