<?php

// Runs the ```php blocks of a Markdown page in order, in one process, from the source tree's root
// (docs/php.md in ctest: php_doc_example), so that the page's examples cannot drift from the
// bindings. Each block is a file of its own (a block may declare a namespace). Usage: php_doc.php PAGE.md

declare(strict_types=1);

$page = realpath($argv[1] ?? '') ?: exit("usage: php_doc.php PAGE.md\n");
preg_match_all('/^```php\n(.*?)^```/ms', file_get_contents($page), $m);
if ($m[1] === []) {
    fwrite(STDERR, "$page: no php block\n");
    exit(1);
}
chdir(dirname($page, 2));
$dir = sys_get_temp_dir() . '/ocop-php-doc-' . getmypid();
mkdir($dir);
try {
    foreach ($m[1] as $i => $code) {
        file_put_contents("$dir/block$i.php", $code);
        require "$dir/block$i.php";
    }
} finally {
    array_map('unlink', glob("$dir/*.php"));
    rmdir($dir);
}
echo 'ran ', count($m[1]), " php blocks of $page\n";
