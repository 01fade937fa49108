<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

/** A bug in Sovereign or a loading problem (a Rust panic is caught in the library). */
final class InternalException extends Exception
{
}
