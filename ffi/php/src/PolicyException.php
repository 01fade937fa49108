<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

/** A policy file or text is malformed; the message names file, line and column. */
final class PolicyException extends Exception
{
}
