<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

/** Base of every exception the FFI binding throws (mirrors \Sovereign\Exception). */
class Exception extends \RuntimeException
{
}
