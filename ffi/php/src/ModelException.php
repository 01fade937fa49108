<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

/** A local model could not be loaded or run. */
final class ModelException extends Exception
{
}
