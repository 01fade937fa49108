<?php

declare(strict_types=1);

namespace Sovereign\Ffi\Tests;

/** The contract, through PHP's FFI extension and libsovereign. */
final class FfiTest extends ContractTestCase
{
    protected function ns(): string
    {
        return 'Sovereign\\Ffi\\';
    }
}
