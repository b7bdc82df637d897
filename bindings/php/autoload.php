<?php

/*
 * The package without Composer: `require 'path/to/bindings/php/autoload.php';` registers the same
 * PSR-4 mapping as composer.json ("Ocop\\" => src/). With Composer, vendor/autoload.php does it.
 */

declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    if (str_starts_with($class, 'Ocop\\')) {
        $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, strlen('Ocop\\'))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
