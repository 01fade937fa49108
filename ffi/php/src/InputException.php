<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

/** An argument is invalid (not a scanned text: any bytes are valid there). */
final class InputException extends Exception
{
}
