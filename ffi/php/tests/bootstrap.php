<?php

declare(strict_types=1);

// PSR-4 autoloading without Composer's generated files (no network needed to run the tests).
spl_autoload_register(static function (string $class): void {
    foreach (['Sovereign\\Ffi\\Tests\\' => __DIR__ . '/', 'Sovereign\\Ffi\\' => __DIR__ . '/../src/'] as $prefix => $dir) {
        if (str_starts_with($class, $prefix)) {
            $file = $dir . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
            if (is_file($file)) {
                require $file;
            }
            return;
        }
    }
});
require __DIR__ . '/../src/functions.php';
