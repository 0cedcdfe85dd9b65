import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { aPlanningApplication } from '../support/fixtures';
import { aPlatformForThisFile, applicantApi, eventually, repositoryRoot, staffApi } from './support/platform';

type Guide = {
  name: string;
  version: number;
  expectedBy: string | null;
  free: boolean;
  approval: { departments: { deptId: string; name: string; lead: boolean }[] };
  materials: { id: string }[];
};

const tsx = join(repositoryRoot, 'node_modules', '.bin', 'tsx');

/** Runs an operator command the way `npm run tenant:apply -- …` does, against the platform of `dataDir`. */
const tenantApply = (dataDir: string, ...args: string[]) =>
  spawnSync(tsx, [join(repositoryRoot, 'scripts', 'tenant-apply.ts'), ...args], { env: { ...process.env, TONGBAN_DATA_DIR: dataDir }, encoding: 'utf8' });

/** A copy of a sample tenant file with some of its YAML changed, as an operator would edit it. */
function editedCopy(dataDir: string, sample: string, name: string, edit: (document: ReturnType<typeof parseDocument>) => void): string {
  const document = parseDocument(readFileSync(join(repositoryRoot, 'config', 'tenants', sample), 'utf8'));
  edit(document);
  const file = join(dataDir, name);
  writeFileSync(file, document.toString());
  return file;
}

describe('given the local platform with the two sample counties', () => {
  const local = aPlatformForThisFile();

  describe('when a citizen reads the catalogue and a guide', () => {
    // what the catalogue and the guides hold, and the 404s of unknown codes: test/use-cases/catalogue.test.ts
    it('then the routes serve the catalogue, an item guide and a bundle guide, and a malformed code is 400', async () => {
      expect((await local.api.get('/v1/tenants/522732/items')).status).toBe(200);
      expect((await local.api.get('/v1/tenants/522732/items/GTGH-0001')).status).toBe(200);
      expect((await local.api.get('/v1/tenants/522732/bundles/QYKB')).status).toBe(200);
      expect((await local.api.get('/v1/tenants/522732/items/bad%20code')).status).toBe(400);
    });
  });

  describe('when an operator onboards a third county by copying and editing a file', () => {
    it('then tenant:apply loads it into the running platform and it is served at once', async () => {
      const file = editedCopy(local.dataDir, '630103.yaml', '630104.yaml', (document) => {
        document.setIn(['tenant', 'tenantId'], '630104');
        document.setIn(['tenant', 'name'], '西宁市城西区');
      });
      const applied = tenantApply(local.dataDir, file, '--by', '城西区政务服务中心', '--reason', '新县区接入');
      expect(applied.stderr).toBe('');
      expect(applied.status).toBe(0);
      expect(applied.stdout).toContain('630104');

      const catalogue = await local.api.get<{ tenant: { name: string }; items: { code: string }[] }>('/v1/tenants/630104/items');
      expect(catalogue).toMatchObject({ status: 200, body: { tenant: { name: '西宁市城西区' } } });
    });

    it('then an invalid file is refused with every error and nothing is applied', () => {
      const file = editedCopy(local.dataDir, '630103.yaml', 'broken.yaml', (document) => {
        document.setIn(['tenant', 'tenantId'], '63010');
        document.setIn(['items', 0, 'promisedDays'], 999);
      });
      const applied = tenantApply(local.dataDir, file);
      expect(applied.status).toBe(1);
      expect(applied.stderr).toContain('tenant.tenantId');
      expect(applied.stderr).toContain('items[0].promisedDays');
    });
  });

  describe('when an item changes after a case was filed under it', () => {
    it('then a new version is published with who/when/why, and the earlier case keeps being handled by its version', async () => {
      const application = aPlanningApplication();
      const applicant = await applicantApi(local, application.applicant);
      const filed = await applicant.post<{ caseId: string; itemVersion: number }>('/v1/tenants/522732/cases', application);
      expect(filed).toMatchObject({ status: 201, body: { itemVersion: 1 } });

      const file = editedCopy(local.dataDir, '522732.yaml', '522732-v2.yaml', (document) => {
        const items = document.get('items') as { items: { get(key: string): unknown; set(key: string, value: unknown): void }[] };
        const planning = items.items.find((item) => item.get('code') === 'GTGH-0001');
        planning?.set('promisedDays', 8);
        // the new version drops the fire department from the review and shortens the lead's stage to fit the promise
        const departments = planning?.get('departments') as {
          items: { get(key: string): unknown; set(key: string, value: unknown): void }[];
          delete(index: number): void;
        };
        departments.items.find((department) => department.get('deptId') === 'GTJ')?.set('stageDays', 8);
        departments.delete(departments.items.findIndex((department) => department.get('deptId') === 'GAJ'));
      });
      const applied = tenantApply(local.dataDir, file, '--by', '县政务服务中心', '--reason', '压缩承诺时限');
      expect(applied.stderr).toBe('');
      expect(applied.status).toBe(0);
      expect(applied.stdout).toContain('GTGH-0001@v2');

      const history = await local.api.get<{ current: number; versions: { version: number; change: { by: string; reason: string; at: string } }[] }>(
        '/v1/tenants/522732/items/GTGH-0001/versions',
      );
      expect(history.body.current).toBe(2);
      expect(history.body.versions[0]).toMatchObject({ version: 2, change: { by: '县政务服务中心', reason: '压缩承诺时限' } });
      expect((await local.api.get<Guide>('/v1/tenants/522732/items/GTGH-0001')).body.version).toBe(2);

      await (await staffApi(local, '522732', 'CK-01')).post(`/v1/tenants/522732/cases/${filed.body.caseId}/acceptance`, { decision: 'accept' });
      const view = await eventually(async () => {
        const reply = await applicant.get<{ item: { version: number }; tasks: { deptId: string }[]; promisedDays: number }>(
          `/v1/tenants/522732/cases/${filed.body.caseId}`,
        );
        return reply.body.tasks.length > 0 ? reply.body : undefined;
      });
      expect(view.item.version).toBe(1);
      expect(view.promisedDays).toBe(10);
      expect(view.tasks.map((task) => task.deptId)).toEqual(['GTJ', 'ZJJ', 'GAJ']);
    });
  });
});
