<?php

declare(strict_types=1);

// The tests use the package without Composer (autoload.php), and the library at $OCOP_LIBRARY.
require dirname(__DIR__) . '/autoload.php';
require __DIR__ . '/Fixtures.php';
