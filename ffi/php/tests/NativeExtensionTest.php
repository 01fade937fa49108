<?php

declare(strict_types=1);

namespace Sovereign\Ffi\Tests;

/** The contract, through the native extension (run with `-d extension=.../sovereign.so`). */
final class NativeExtensionTest extends ContractTestCase
{
    protected function setUp(): void
    {
        self::assertTrue(extension_loaded('sovereign'), 'the native extension must be loaded for this test');
    }

    protected function ns(): string
    {
        return 'Sovereign\\';
    }
}
