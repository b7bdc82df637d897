<?php

declare(strict_types=1);

namespace Ocop\Tests;

use Ocop\Catalog;
use Ocop\Exception;
use Ocop\Library;
use PHPUnit\Framework\TestCase;

final class CatalogTest extends TestCase
{
    private Catalog $cat;

    protected function setUp(): void
    {
        $this->cat = Catalog::embedded();
    }

    public function testEditionsAndTheEditionInForce(): void
    {
        $this->assertSame([Fixtures::EDITION, '148', '26-2026'], array_column($this->cat->editions(), 'id'));
        $this->assertSame('148', $this->cat->inForce('2024-06-01')); // 148/QĐ-TTg: one sheet known
        $this->assertSame(Fixtures::EDITION, $this->cat->inForce('2021-10-20'));
        $this->assertSame('26-2026', $this->cat->inForce('2026-11-30'));
        $this->assertSame(Fixtures::EDITION, $this->cat->inForce(new \DateTimeImmutable('2020-01-01')));
        $this->assertArrayHasKey('star_bands', $this->cat->edition(Fixtures::EDITION));
    }

    public function testNoEditionInForceIsAnErrorNotADefault(): void
    {
        try {
            $this->cat->inForce('2025-12-01'); // 148 as amended by 1489: no sheet known
            $this->fail('no exception');
        } catch (Exception\NoEditionInForceException $e) {
            $this->assertSame(-7, $e->getCode());
            $this->assertSame('OCOP_E_NO_EDITION_IN_FORCE', $e->getErrorName());
            $this->assertStringContainsString('2025-12-01', $e->getMessage());
        }
        $this->expectException(Exception\InvalidArgumentException::class);
        $this->cat->inForce('2021-02-30');
    }

    public function testSetsAndASheet(): void
    {
        $sets = $this->cat->sets(Fixtures::EDITION);
        $this->assertCount(26, $sets);
        $this->assertContains('single_source', array_column($sets, 'verification'));
        $this->assertContains('corrected', array_column($sets, 'verification'));
        $this->assertSame(Fixtures::SET, $this->cat->set(Fixtures::EDITION, Fixtures::SET)['id']);
        $this->expectException(Exception\NotFoundException::class);
        $this->cat->set(Fixtures::EDITION, 'banh-mi');
    }

    public function testAHostCatalogIsValidatedWithJsonPaths(): void
    {
        $edition = json_decode(file_get_contents(Fixtures::root() . '/tests/capi/data/host-edition.json'), true);
        Library::validateEdition($edition);
        $host = new Catalog();
        $host->addEdition($edition);
        $this->assertSame('host-2099', $host->inForce('2099-03-01'));
        $productSet = $host->set('host-2099', Fixtures::SET);
        $productSet['name'] = 'renamed';
        $host->addSet('host-2099', $productSet);
        $this->assertSame('renamed', $host->sets('host-2099')[0]['name']);
        try {
            $host->addEdition(['parts' => [['id' => 'A', 'name' => 'x', 'max_points' => '35']]] + $edition);
            $this->fail('no exception');
        } catch (Exception\InvalidDocumentException $e) {
            $this->assertNotEmpty(array_filter($e->getPaths(), static fn (string $p): bool => str_starts_with($p, '/parts/0')), $e->getMessage());
        }
        try {
            $host->addEdition('{');
            $this->fail('no exception');
        } catch (Exception\InvalidJsonException $e) {
            $this->assertSame(-4, $e->getCode());
        }
        $this->assertSame('renamed', $host->sets('host-2099')[0]['name'], 'unchanged by the failures');
    }

    public function testClosedHandlesRefuseCallsAndCloseTwiceIsFine(): void
    {
        $cat = Catalog::embedded();
        $cat->close();
        $cat->close();
        $this->assertTrue($cat->isClosed());
        $this->expectException(\LogicException::class);
        $cat->editions();
    }
}
