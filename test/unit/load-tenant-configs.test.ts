import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { InvalidTenantConfigDirectoryError, loadTenantConfigDirectory } from '../../functions/catalogue/load-tenant-configs/handler';
import type { CatalogueDependencies } from '../../functions/catalogue/use-cases';
import { aClock, InMemoryItemCatalogue, InMemoryTable, InMemoryTenantDirectory } from '../support/fakes';

const repositoryConfigDirectory = join(__dirname, '..', '..', 'config', 'tenants');

const change = { by: 'cdk deploy', reason: '配置目录部署 / config directory deployed (test)' };

const temporaryDirectories: string[] = [];
afterAll(() => {
  for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});

/** A temporary directory holding a copy of the repository's sample tenant files. */
function givenCopyOfSampleDirectory(): string {
  const directory = mkdtempSync(join(os.tmpdir(), 'tenant-configs-'));
  temporaryDirectories.push(directory);
  for (const file of readdirSync(repositoryConfigDirectory).filter((name) => name.endsWith('.yaml'))) {
    copyFileSync(join(repositoryConfigDirectory, file), join(directory, file));
  }
  return directory;
}

function givenEmptyTable() {
  const table = new InMemoryTable();
  const catalogue = new InMemoryItemCatalogue(table);
  const tenants = new InMemoryTenantDirectory(table);
  const deps: Pick<CatalogueDependencies, 'catalogue' | 'tenants' | 'clock'> = {
    catalogue,
    tenants,
    // time moves between loads, as it does for the adapter: its audit record of a profile is keyed by the instant
    clock: aClock('2026-11-23T02:00:00.000Z', { tickMs: 1000 }),
  };
  return { catalogue, table, deps };
}

describe('given the directory with both sample tenant files and an empty table', () => {
  it('when loaded, then both tenants are onboarded and all 32 items and 4 bundles are published as version 1', async () => {
    const directory = givenCopyOfSampleDirectory();
    const { catalogue, table, deps } = givenEmptyTable();

    const summaries = await loadTenantConfigDirectory(directory, deps, change);

    expect(summaries.map((summary) => summary.tenantId)).toEqual(['522732', '630103']);
    expect(summaries.flatMap((summary) => summary.published)).toHaveLength(36);
    expect(summaries.flatMap((summary) => summary.published).every((item) => item.version === 1)).toBe(true);
    expect(catalogue.publishedVersionCount()).toBe(36);
    expect([...table.profiles.keys()].sort()).toEqual(['522732', '630103']);
    expect(table.profiles.get('522732')?.change).toMatchObject({ by: 'cdk deploy', reason: change.reason });
  });

  it('when loaded twice, then the second load publishes nothing and every item keeps version 1', async () => {
    const directory = givenCopyOfSampleDirectory();
    const { catalogue, deps } = givenEmptyTable();
    await loadTenantConfigDirectory(directory, deps, change);

    const again = await loadTenantConfigDirectory(directory, deps, change);

    expect(again.flatMap((summary) => summary.published)).toEqual([]);
    expect(again.flatMap((summary) => summary.unchanged)).toHaveLength(36);
    expect(catalogue.publishedVersionCount()).toBe(36);
  });
});

describe('given a directory where one of the two files is broken', () => {
  it('when loaded, then nothing is applied and the error names the file and the path', async () => {
    const directory = givenCopyOfSampleDirectory();
    const brokenFile = join(directory, '630103.yaml');
    writeFileSync(brokenFile, readFileSync(brokenFile, 'utf8').replace(/tenantId: ['"]?630103['"]?/, "tenantId: '63010'"));
    const { catalogue, table, deps } = givenEmptyTable();

    const loading = loadTenantConfigDirectory(directory, deps, change);

    await expect(loading).rejects.toBeInstanceOf(InvalidTenantConfigDirectoryError);
    await expect(loading).rejects.toThrow(/630103\.yaml: tenant\.tenantId/);
    expect(catalogue.publishedVersionCount()).toBe(0);
    expect(table.profiles.size).toBe(0);
  });
});

describe('given a directory where a copied file still carries the tenant id of the file it was copied from', () => {
  it('when loaded, then nothing is applied and the error names the copy and the file that owns the id', async () => {
    const directory = givenCopyOfSampleDirectory();
    copyFileSync(join(directory, '522732.yaml'), join(directory, '522733.yaml'));
    const { catalogue, deps } = givenEmptyTable();

    const loading = loadTenantConfigDirectory(directory, deps, change);

    await expect(loading).rejects.toThrow(/522733\.yaml: tenant\.tenantId .*\[duplicate_tenant\].*522732\.yaml/);
    expect(catalogue.publishedVersionCount()).toBe(0);
  });
});
