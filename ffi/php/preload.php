<?php

/**
 * opcache.preload script for production (php-fpm): parses the Sovereign header once at server
 * start so every request uses FFI::scope('SOVEREIGN') without re-parsing.
 *
 *   ffi.enable = preload
 *   opcache.preload = /path/to/ffi/php/preload.php
 *   opcache.preload_user = www-data
 *   ; optional: env[SOVEREIGN_FFI_LIB] = /usr/local/lib/libsovereign.so.1 in the pool config
 */

declare(strict_types=1);

require_once __DIR__ . '/src/Library.php';

$header = sys_get_temp_dir() . '/sovereign-ffi-' . md5(__DIR__) . '.h';
file_put_contents(
    $header,
    sprintf(
        "#define FFI_SCOPE \"%s\"\n#define FFI_LIB \"%s\"\n%s",
        \Sovereign\Ffi\Library::SCOPE,
        \Sovereign\Ffi\Library::libraryPath(),
        \Sovereign\Ffi\Library::declarations(),
    ),
);
FFI::load($header);
foreach (glob(__DIR__ . '/src/*.php') as $file) {
    opcache_compile_file($file);
}
