import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { InvalidTenantConfigDirectoryError, loadTenantConfigDirectory } from '../../functions/catalogue/load-tenant-configs/handler';
import type {
  ItemCatalogue,
  ItemChange,
  ItemVersionRecord,
  PublishedItem,
  TenantDirectory,
  TenantProfile,
} from '../../functions/catalogue/domain/service-item';
import type { CatalogueDependencies } from '../../functions/catalogue/use-cases';

const repositoryConfigDirectory = join(__dirname, '..', '..', 'config', 'tenants');

/** An in-memory catalogue keeping every version, refusing an existing version or a gap as the DynamoDB adapter does. */
class InMemoryItemCatalogue implements ItemCatalogue {
  private readonly history = new Map<string, ItemVersionRecord[]>();

  async publishedItem(tenantId: string, itemCode: string): Promise<PublishedItem | undefined> {
    return this.history.get(`${tenantId}#${itemCode}`)?.at(-1)?.published;
  }

  async itemVersion(tenantId: string, itemCode: string, version: number): Promise<PublishedItem | undefined> {
    return this.history.get(`${tenantId}#${itemCode}`)?.find((record) => record.published.version === version)?.published;
  }

  async versions(tenantId: string, itemCode: string): Promise<ItemVersionRecord[]> {
    return [...(this.history.get(`${tenantId}#${itemCode}`) ?? [])].reverse();
  }

  async publish(record: ItemVersionRecord): Promise<void> {
    const key = `${record.published.tenantId}#${record.published.code}`;
    const versions = this.history.get(key) ?? [];
    if (record.published.version !== versions.length + 1) throw new Error(`version ${record.published.version} of ${key} exists or skips a version`);
    this.history.set(key, [...versions, record]);
  }

  /** Every version ever published, across tenants and items. */
  publishedVersionCount(): number {
    return [...this.history.values()].reduce((count, versions) => count + versions.length, 0);
  }
}

class InMemoryTenantDirectory implements TenantDirectory {
  readonly profiles = new Map<string, { profile: TenantProfile; change: ItemChange }>();

  async profile(tenantId: string): Promise<TenantProfile | undefined> {
    return this.profiles.get(tenantId)?.profile;
  }

  async saveProfile(profile: TenantProfile, change: ItemChange): Promise<void> {
    this.profiles.set(profile.tenant.tenantId, { profile, change });
  }

  async tenantIds(): Promise<string[]> {
    return [...this.profiles.keys()];
  }
}

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
  const catalogue = new InMemoryItemCatalogue();
  const tenants = new InMemoryTenantDirectory();
  const deps: Pick<CatalogueDependencies, 'catalogue' | 'tenants' | 'clock'> = {
    catalogue,
    tenants,
    clock: { now: () => new Date('2026-11-23T02:00:00.000Z') },
  };
  return { catalogue, tenants, deps };
}

describe('given the directory with both sample tenant files and an empty table', () => {
  it('when loaded, then both tenants are onboarded and all 32 items and 4 bundles are published as version 1', async () => {
    const directory = givenCopyOfSampleDirectory();
    const { catalogue, tenants, deps } = givenEmptyTable();

    const summaries = await loadTenantConfigDirectory(directory, deps, change);

    expect(summaries.map((summary) => summary.tenantId)).toEqual(['522732', '630103']);
    expect(summaries.flatMap((summary) => summary.published)).toHaveLength(36);
    expect(summaries.flatMap((summary) => summary.published).every((item) => item.version === 1)).toBe(true);
    expect(catalogue.publishedVersionCount()).toBe(36);
    expect([...tenants.profiles.keys()].sort()).toEqual(['522732', '630103']);
    expect(tenants.profiles.get('522732')?.change).toMatchObject({ by: 'cdk deploy', reason: change.reason });
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
    const { catalogue, tenants, deps } = givenEmptyTable();

    const loading = loadTenantConfigDirectory(directory, deps, change);

    await expect(loading).rejects.toBeInstanceOf(InvalidTenantConfigDirectoryError);
    await expect(loading).rejects.toThrow(/630103\.yaml: tenant\.tenantId/);
    expect(catalogue.publishedVersionCount()).toBe(0);
    expect(tenants.profiles.size).toBe(0);
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
