import { bundleGuide, itemGuide, listCatalogue } from '../../functions/catalogue/use-cases';
import { createCase, createCaseBody } from '../../functions/intake/use-cases';
import { anInMemoryPlatform } from '../support/fakes';
import { anApplicant } from '../support/fixtures';
import { citizenContext } from '../support/request-context';
import { refusalOf } from './support/replies';

/*
 * The public catalogue (事项库, 办事指南) as the citizen reads it, on the shared in-memory ports with
 * the two sample counties onboarded from config/tenants as the test platform onboards them. What needs
 * the engines (tenant:apply against a running platform, a new version reaching a case's workflow, the
 * route's parameter checks) stays in test/integration/catalogue-onboarding.test.ts.
 */

type Guide = {
  name: string;
  version: number;
  expectedBy: string | null;
  free: boolean;
  approval: { departments: { deptId: string; name: string; lead: boolean }[] };
  materials: { id: string }[];
};

describe('given the two sample counties onboarded', () => {
  const platform = anInMemoryPlatform();
  const deps = platform.deps.catalogue;

  beforeAll(async () => {
    await platform.onboard();
  });

  describe('when a citizen reads the catalogue and a guide', () => {
    it('then 三都县 lists its items and bundles', async () => {
      const catalogue = await listCatalogue(deps, '522732');
      expect(catalogue.tenant.name).toBe('三都水族自治县');
      expect(catalogue.items.length).toBeGreaterThanOrEqual(10);
      expect(catalogue.bundles.length).toBeGreaterThanOrEqual(2);
    });

    it('then each item of the catalogue names its implementing department and every department taking part', async () => {
      const catalogue = await listCatalogue(deps, '522732');
      expect(catalogue.items.find((item) => item.code === 'GTGH-0001')).toMatchObject({
        leadDepartment: { deptId: 'GTJ', name: '国土局' },
        departments: [
          { deptId: 'GTJ', name: '国土局' },
          { deptId: 'ZJJ', name: '住建局' },
          { deptId: 'GAJ', name: '公安局' },
        ],
      });
      expect(catalogue.items.every((item) => /[\u4e00-\u9fa5]/.test(item.leadDepartment.name))).toBe(true);
    });

    it('then the guide says where to go: the county hall and the windows taking in 国土规划, not the township halls', async () => {
      const guide = await itemGuide(deps, '522732', 'GTGH-0001');
      expect(guide.halls.map((hall) => [hall.hallId, hall.windows.map((window) => window.windowId)])).toEqual([['SD-ZWZX', ['ZH-GTGH', 'ZY-BDC', 'ZY-SW']]]);
      expect(guide.halls[0]).toMatchObject({ name: '三都水族自治县政务服务中心', level: '县级' });
    });

    it('then a 一件事 is taken in at its own window, in its guide and in its entry read as an item', async () => {
      const windowsOf = (halls: { windows: { windowId: string }[] }[]) => halls.flatMap((hall) => hall.windows.map((window) => window.windowId));
      expect(windowsOf((await bundleGuide(deps, '522732', 'XSECS')).halls)).toEqual(['YJS']);
      expect(windowsOf((await itemGuide(deps, '522732', 'XSECS')).halls)).toEqual(['YJS']);
    });

    it('then the guide of 建设工程规划许可 names its departments, materials and an expected-by date', async () => {
      const guide: Guide = await itemGuide(deps, '522732', 'GTGH-0001');
      expect(guide.approval.departments.map((department) => department.deptId)).toEqual(['GTJ', 'ZJJ', 'GAJ']);
      expect(guide.approval.departments[0]).toMatchObject({ lead: true, name: expect.stringMatching(/[\u4e00-\u9fa5]/) });
      expect(guide.materials.length).toBeGreaterThan(0);
      expect(guide.expectedBy).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:59\+08:00$/);
    });

    it('then a bundle guide merges the forms without repeating a field', async () => {
      const bundle: { formFields: { key: string }[]; materials: { id: string }[] } = await bundleGuide(deps, '522732', 'QYKB');
      const keys = bundle.formFields.map((field) => field.key);
      expect(new Set(keys).size).toBe(keys.length);
      const materials = bundle.materials.map((material) => material.id);
      expect(new Set(materials).size).toBe(materials.length);
    });

    it('then unknown tenants, items and bundles are 404', async () => {
      expect((await refusalOf(listCatalogue(deps, '110101'))).body.code).toBe('TENANT_NOT_FOUND');
      expect((await refusalOf(itemGuide(deps, '522732', 'NOPE-0001'))).body.code).toBe('ITEM_NOT_FOUND');
      expect((await refusalOf(bundleGuide(deps, '522732', 'NOPE'))).body.code).toBe('BUNDLE_NOT_FOUND');
      const applicant = anApplicant();
      const unknownTenantCase = await refusalOf(
        createCase(
          platform.deps.intake,
          citizenContext('110101', 'citizen-sub-1', applicant.idNumber),
          createCaseBody.parse({ itemCode: 'GTGH-0001', applicant, formData: {} }),
        ),
      );
      expect(unknownTenantCase).toMatchObject({ status: 404, body: { code: 'TENANT_NOT_FOUND' } });
    });
  });
});
