import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTenantConfigText } from '../../../functions/catalogue/domain/tenant-config/index';
import type { ItemCatalogue, ItemVersionRecord, TenantDirectory, TenantProfile } from '../../../functions/catalogue/domain/service-item';
import { InvalidTransitionError } from '../../../functions/shared/errors';
import { aPublishedItem } from '../../support/fixtures';
import { aTenant } from '../support/builders';

const aVersion = (tenantId: string, version: number, reason = `v${version}`): ItemVersionRecord => ({
  published: aPublishedItem({ tenantId, version, promisedDays: 4 + version }),
  change: { by: '县政务服务中心', at: `2026-11-2${version}T02:00:00.000Z`, reason },
});

/**
 * What catalogue onboarding and intake rely on of an ItemCatalogue: versions are immutable and
 * consecutive (an existing version or a gap is ITEM_VERSION_CONFLICT, nothing written), the newest
 * is the one new cases are filed under, every version stays readable, and only for its own tenant.
 */
export function describeItemCatalogueContract(name: string, make: () => Promise<ItemCatalogue>): void {
  describe(`given the ${name} item catalogue`, () => {
    it('when versions 1 and 2 are published, then 2 is current, both are readable, and the history is newest first with who and why', async () => {
      const catalogue = await make();
      const tenantId = aTenant();
      await catalogue.publish(aVersion(tenantId, 1));
      expect(await catalogue.publishedItem(tenantId, 'TEST-0001')).toEqual(aVersion(tenantId, 1).published);
      await catalogue.publish(aVersion(tenantId, 2, '压缩承诺时限'));
      expect(await catalogue.publishedItem(tenantId, 'TEST-0001')).toEqual(aVersion(tenantId, 2).published);
      expect(await catalogue.itemVersion(tenantId, 'TEST-0001', 1)).toEqual(aVersion(tenantId, 1).published);
      expect(await catalogue.versions(tenantId, 'TEST-0001')).toEqual([aVersion(tenantId, 2, '压缩承诺时限'), aVersion(tenantId, 1)]);
    });

    it('when an existing version or one that skips a version is published, then it fails with ITEM_VERSION_CONFLICT and nothing changes', async () => {
      const catalogue = await make();
      const tenantId = aTenant();
      await catalogue.publish(aVersion(tenantId, 1));
      const again: unknown = await catalogue.publish(aVersion(tenantId, 1, 'again')).catch((error: unknown) => error);
      expect(again).toBeInstanceOf(InvalidTransitionError);
      expect(again).toMatchObject({ code: 'ITEM_VERSION_CONFLICT' });
      await expect(catalogue.publish(aVersion(tenantId, 3))).rejects.toMatchObject({ code: 'ITEM_VERSION_CONFLICT' });
      await expect(catalogue.publish(aVersion(aTenant(), 2))).rejects.toMatchObject({ code: 'ITEM_VERSION_CONFLICT' });
      expect(await catalogue.versions(tenantId, 'TEST-0001')).toEqual([aVersion(tenantId, 1)]);
      expect(await catalogue.itemVersion(tenantId, 'TEST-0001', 3)).toBeUndefined();
    });

    it('when another tenant or an unknown item is asked for, then nothing is found', async () => {
      const catalogue = await make();
      const tenantId = aTenant();
      await catalogue.publish(aVersion(tenantId, 1));
      const other = aTenant();
      expect(await catalogue.publishedItem(other, 'TEST-0001')).toBeUndefined();
      expect(await catalogue.itemVersion(other, 'TEST-0001', 1)).toBeUndefined();
      expect(await catalogue.versions(other, 'TEST-0001')).toEqual([]);
      expect(await catalogue.publishedItem(tenantId, 'NOPE-0001')).toBeUndefined();
    });
  });
}

const sampleFile = join(__dirname, '..', '..', '..', 'config', 'tenants', '522732.yaml');
const sample = parseTenantConfigText(readFileSync(sampleFile, 'utf8'), sampleFile);

/** The profile of the sample county as onboarding stores it (everything but the items), under another tenant and name. */
function aProfile(tenantId: string, name: string): TenantProfile {
  if (!sample.ok) throw new Error(`${sampleFile} is invalid`);
  const { items, $schema: _schema, ...profile } = sample.config;
  return { ...profile, tenant: { ...profile.tenant, tenantId, name }, itemCodes: items.map((item) => item.code) };
}

/** What onboarding, intake and the cross-county sweeps rely on of a TenantDirectory: the profile replaced whole, the register of counties, tenant by tenant. */
export function describeTenantDirectoryContract(name: string, make: () => Promise<TenantDirectory>): void {
  describe(`given the ${name} tenant directory`, () => {
    it('when a profile is applied and applied again, then the latest is served and the county is registered once', async () => {
      const tenants = await make();
      const tenantId = aTenant();
      await tenants.saveProfile(aProfile(tenantId, '三都水族自治县'), { by: 'test', at: '2026-11-23T02:00:00.000Z', reason: 'onboard' });
      await tenants.saveProfile(aProfile(tenantId, '三都县'), { by: 'test', at: '2026-11-24T02:00:00.000Z', reason: 'rename' });
      expect(await tenants.profile(tenantId)).toEqual(aProfile(tenantId, '三都县'));
      expect(await tenants.tenantIds()).toEqual([tenantId]);
    });

    it('when several counties are onboarded, then each has its own profile, the register lists them all, and an unknown county has none', async () => {
      const tenants = await make();
      const [first, second] = [aTenant(), aTenant()];
      await tenants.saveProfile(aProfile(second, '城西区'), { by: 'test', at: '2026-11-23T02:00:00.000Z', reason: 'onboard' });
      await tenants.saveProfile(aProfile(first, '三都县'), { by: 'test', at: '2026-11-23T02:00:01.000Z', reason: 'onboard' });
      expect((await tenants.profile(first))?.tenant.name).toBe('三都县');
      expect((await tenants.profile(second))?.tenant.name).toBe('城西区');
      expect(await tenants.tenantIds()).toEqual([first, second]);
      expect(await tenants.profile(aTenant())).toBeUndefined();
    });
  });
}
