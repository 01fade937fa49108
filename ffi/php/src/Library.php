<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

use FFI;

/**
 * Loads libsovereign through FFI once per process.
 *
 * In production, preload it (see preload.php): `ffi.enable=preload` plus `opcache.preload`, so the
 * header is parsed once at server start and `FFI::scope('SOVEREIGN')` is used here. Otherwise the
 * header is parsed with FFI::cdef on first use (CLI, tests).
 */
final class Library
{
    public const SCOPE = 'SOVEREIGN';

    private static ?FFI $ffi = null;

    public static function ffi(): FFI
    {
        if (self::$ffi === null) {
            self::$ffi = self::load();
        }
        return self::$ffi;
    }

    /** Path of the shared library: $SOVEREIGN_FFI_LIB, else the installed soname. */
    public static function libraryPath(): string
    {
        $env = getenv('SOVEREIGN_FFI_LIB');
        return is_string($env) && $env !== '' ? $env : 'libsovereign.so.1';
    }

    /** The C header reduced to declarations PHP's FFI parser accepts. */
    public static function declarations(): string
    {
        $header = getenv('SOVEREIGN_FFI_HEADER');
        $path = is_string($header) && $header !== '' ? $header : self::findHeader();
        $text = file_get_contents($path);
        if ($text === false) {
            throw new InternalException("cannot read the Sovereign C header at $path");
        }
        $text = preg_replace('~/\*.*?\*/~s', '', $text);            // block comments
        $text = preg_replace('~//[^\n]*~', '', $text);              // line comments
        $text = preg_replace('~^\s*#.*$~m', '', $text);            // preprocessor lines
        $text = preg_replace('~extern "C" \{|\}\s*$~', '', $text); // C++ guard braces
        // Input byte pointers become `const char *` so PHP strings are passed without a copy; the
        // piece callback keeps `const uint8_t *` (a `char *` would be read up to a NUL).
        $text = str_replace('const uint8_t *', 'const char *', $text);
        return str_replace('(void *user, const char *piece', '(void *user, const uint8_t *piece', $text);
    }

    private static function findHeader(): string
    {
        foreach ([__DIR__ . '/../../include/sovereign.h', '/usr/local/include/sovereign.h', '/usr/include/sovereign.h'] as $candidate) {
            if (is_file($candidate)) {
                return $candidate;
            }
        }
        throw new InternalException('cannot find sovereign.h: set SOVEREIGN_FFI_HEADER');
    }

    private static function load(): FFI
    {
        if (!extension_loaded('ffi')) {
            throw new InternalException('the FFI extension is not loaded');
        }
        try {
            return FFI::scope(self::SCOPE);
        } catch (\Throwable) {
            // Not preloaded: parse the header now.
        }
        try {
            return FFI::cdef(self::declarations(), self::libraryPath());
        } catch (\FFI\Exception $e) {
            throw new InternalException('cannot load libsovereign via FFI: ' . $e->getMessage(), 0, $e);
        }
    }

    /** Throws the exception that matches a status code; does nothing for SOVEREIGN_OK. */
    public static function check(int $status): void
    {
        if ($status === 0) {
            return;
        }
        $message = (string) self::ffi()->sovereign_last_error();
        throw match ($status) {
            // Like the native extension: policy, I/O and configuration errors are policy errors.
            3, 4, 5 => new PolicyException($message),
            1, 2, 7 => new InputException($message),
            6 => new ModelException($message),
            default => new InternalException($message),
        };
    }

    /** Copies a library-owned buffer into a PHP string and frees it. */
    public static function takeBuffer(FFI\CData $buffer): string
    {
        $bytes = $buffer->len > 0 ? FFI::string($buffer->ptr, $buffer->len) : '';
        self::ffi()->sovereign_buffer_free(FFI::addr($buffer));
        return $bytes;
    }

    /**
     * Points a SovereignStr at a copy of `$value`; the copy is appended to `$keep`, which must
     * outlive the call that reads it.
     *
     * @param list<FFI\CData> $keep
     */
    public static function setStr(FFI\CData $str, string $value, array &$keep): void
    {
        $len = strlen($value);
        if ($len === 0) {
            return;
        }
        $bytes = self::ffi()->new("char[$len]");
        FFI::memcpy($bytes, $value, $len);
        $keep[] = $bytes;
        $str->ptr = FFI::cast('const char*', FFI::addr($bytes[0]));
        $str->len = $len;
    }

    /** Copies `len` bytes at a SovereignStr into a PHP string. */
    public static function str(FFI\CData $str): string
    {
        return $str->len > 0 ? FFI::string($str->ptr, $str->len) : '';
    }
}
