<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

/** The version of libsovereign (mirrors \Sovereign\version()). */
function version(): string
{
    return Library::ffi()->sovereign_version();
}
