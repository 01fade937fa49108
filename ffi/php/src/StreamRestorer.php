<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

use FFI;

/** Restores placeholders in output that arrives in chunks (mirrors \Sovereign\StreamRestorer). */
final class StreamRestorer
{
    /** @internal */
    public function __construct(private readonly FFI\CData $handle)
    {
    }

    public function __destruct()
    {
        Library::ffi()->sovereign_restorer_free($this->handle);
    }

    public function push(string $chunk): string
    {
        $ffi = Library::ffi();
        $buffer = $ffi->new('SovereignBuffer');
        Library::check($ffi->sovereign_restorer_push($this->handle, $chunk, strlen($chunk), FFI::addr($buffer)));
        return Library::takeBuffer($buffer);
    }

    public function finish(): string
    {
        $ffi = Library::ffi();
        $buffer = $ffi->new('SovereignBuffer');
        Library::check($ffi->sovereign_restorer_finish($this->handle, FFI::addr($buffer)));
        return Library::takeBuffer($buffer);
    }
}
