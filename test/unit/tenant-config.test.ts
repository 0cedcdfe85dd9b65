import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import {
  BundleNotFoundError,
  mergeBundle,
  parseTenantConfigText,
  validateTenantConfig,
  type TenantConfig,
  type TenantConfigError,
  type TenantConfigInput,
  type TenantConfigValidation,
} from '../../functions/catalogue/domain/tenant-config/index';
import { generateSchemaFiles } from '../../scripts/generate-schemas';

const repositoryRoot = path.resolve(__dirname, '../..');
const samplePath = (tenantId: string): string => path.join(repositoryRoot, 'config/tenants', `${tenantId}.yaml`);
const BILINGUAL = /[\u4e00-\u9fff].* \/ [A-Za-z]/;

// ---------------------------------------------------------------- given

/** A sample tenant file as plain data, fresh for each test so faults can be injected. */
function givenSampleData(tenantId: string): TenantConfigInput {
  return YAML.parse(readFileSync(samplePath(tenantId), 'utf8')) as TenantConfigInput;
}

function indexOfItem(config: TenantConfigInput, code: string): number {
  const index = config.items.findIndex((item) => item.code === code);
  if (index === -1) throw new Error(`sample has no item ${code}`);
  return index;
}

/** The smallest valid configuration: one hall, two departments, two items and a bundle of them. */
function givenMinimalConfig(): TenantConfigInput {
  return {
    tenant: { tenantId: '522732', name: '三都水族自治县', cityCode: '522700', provinceCode: '520000' },
    halls: [
      {
        hallId: 'HALL',
        name: '政务服务中心',
        level: '县级',
        windows: [
          { windowId: 'ZH-MS', name: '民生综合窗口', kind: '综合窗口', domains: ['民生保障'] },
          { windowId: 'YJS', name: '一件事窗口', kind: '一件事' },
        ],
      },
    ],
    departments: [
      { deptId: 'MZJ', name: '民政局', type: '县直', windowIds: ['ZH-MS'], windowCount: 1 },
      { deptId: 'RSJ', name: '人社局', type: '县直', windowIds: ['ZH-MS'], windowCount: 1 },
    ],
    items: [
      {
        code: 'A-0001',
        name: '事项甲',
        itemType: '公共服务',
        domain: '民生保障',
        legalBasis: ['某条例'],
        handlingKind: '承诺件',
        legalDays: 10,
        promisedDays: 5,
        departments: [{ deptId: 'MZJ', lead: true, stageDays: 5 }],
        formFields: [
          { key: 'applicantName', label: '申请人姓名', type: 'text' },
          { key: 'phone', label: '联系电话', type: 'phone', required: false },
        ],
        materials: [
          { id: 'ID_CARD', name: '居民身份证', mayBeMissingAtAcceptance: true, fileTypes: ['pdf', 'jpg'] },
          { id: 'PHOTO', name: '照片', required: false },
        ],
        result: { certificateType: 'CERT_A', name: '证明甲', validityYears: null },
      },
      {
        code: 'B-0001',
        name: '事项乙',
        itemType: '公共服务',
        domain: '民生保障',
        legalBasis: ['某条例'],
        handlingKind: '即办件',
        legalDays: 0,
        promisedDays: 0,
        departments: [{ deptId: 'RSJ', lead: true, stageDays: 0 }],
        formFields: [
          { key: 'applicantName', label: '姓名', type: 'text', required: false },
          { key: 'phone', label: '手机号码', type: 'phone' },
        ],
        materials: [
          // another id for the same document: merged by name
          { id: 'RESIDENT_ID', name: '居民 身份证', fileTypes: ['pdf', 'png'] },
          { id: 'PHOTO', name: '照片', mayBeMissingAtAcceptance: true },
          { id: 'CERT_A_COPY', name: '证明甲', fromCertificateLibrary: 'CERT_A' },
        ],
        result: { certificateType: 'CERT_B', name: '证明乙', validityYears: 2 },
      },
    ],
    bundles: [{ code: 'AB', name: '甲乙一件事', itemCodes: ['A-0001', 'B-0001'], windowId: 'YJS' }],
  };
}

// ---------------------------------------------------------------- then

function thenValid(result: TenantConfigValidation): TenantConfig {
  if (!result.ok) throw new Error(`expected a valid configuration, got:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.config;
}

function thenErrors(result: TenantConfigValidation): TenantConfigError[] {
  if (result.ok) throw new Error('expected errors, the configuration was valid');
  return result.errors;
}

const pathsAndCodes = (errors: readonly TenantConfigError[]): string[] => errors.map((error) => `${error.path} ${error.code}`).sort();

// ---------------------------------------------------------------- specs

describe('Tenant configuration', () => {
  describe.each([
    ['522732', '三都水族自治县', '522700', '520000'],
    ['630103', '西宁市城中区', '630100', '630000'],
  ])('Given the sample tenant file %s (%s)', (tenantId, name, cityCode, provinceCode) => {
    it('When parsed, then it is valid, names its parents and has at least 10 items and two bundles', () => {
      const config = thenValid(parseTenantConfigText(readFileSync(samplePath(tenantId), 'utf8'), samplePath(tenantId)));

      expect(config.tenant).toMatchObject({ tenantId, name, cityCode, provinceCode, timeZone: 'Asia/Shanghai' });
      expect(config.items.length).toBeGreaterThanOrEqual(10);
      expect(config.bundles.map((bundle) => bundle.name)).toEqual(expect.arrayContaining(['新生儿出生一件事', '企业开办一件事']));
    });

    it('When parsed, then every item promises no more than its legal limit and 承诺件 promise less', () => {
      const config = thenValid(validateTenantConfig(givenSampleData(tenantId)));

      for (const item of config.items) {
        expect(item.promisedDays).toBeLessThanOrEqual(item.legalDays);
        if (item.handlingKind === '承诺件') expect(item.promisedDays).toBeLessThan(item.legalDays);
      }
    });
  });

  describe('Given the Sandu sample (seed 001 annex)', () => {
    it('When validated, then it has exactly the 41 departments of the annex with its type and presence totals', () => {
      const config = thenValid(validateTenantConfig(givenSampleData('522732')));
      const count = (values: string[]): Record<string, number> =>
        values.reduce<Record<string, number>>((totals, value) => ({ ...totals, [value]: (totals[value] ?? 0) + 1 }), {});

      expect(config.departments).toHaveLength(41);
      // annex: 32 resident (县直 22, 垂管 3, 企业 6, 群团 1) and 9 comprehensive-window departments (县直 8, 垂管 1)
      expect(count(config.departments.map((department) => department.type))).toEqual({ 县直: 30, 垂管: 4, 企业: 6, 群团: 1 });
      expect(count(config.departments.map((department) => department.presence))).toEqual({ 常驻窗口: 32, 综合窗口: 9 });
      expect(config.departments.find((department) => department.name === '公安局')?.windowCount).toBe(20);
      expect(config.departments.find((department) => department.name === '人社局')?.windowCount).toBe(10);
    });

    it('When validated, then the planning permit runs in parallel with a lead whose prerequisite is another of its departments', () => {
      const config = thenValid(validateTenantConfig(givenSampleData('522732')));
      const planning = config.items.find((item) => item.code === 'GTGH-0001');

      expect(planning?.mode).toBe('parallel');
      expect(planning?.departments.filter((department) => department.lead)).toEqual([expect.objectContaining({ deptId: 'GTJ', prerequisites: ['ZJJ'] })]);
      expect(planning?.specialProcedures).toEqual([expect.objectContaining({ type: '现场勘察', countedInLimit: false })]);
    });
  });

  describe('Given a configuration that leaves optional settings out', () => {
    it('When validated, then the documented defaults are applied', () => {
      const config = thenValid(validateTenantConfig(givenMinimalConfig()));

      expect(config.tenant).toMatchObject({ timeZone: 'Asia/Shanghai', extraClosures: [] });
      expect(config.items[0]).toMatchObject({ noticeDays: 1, supplementPolicy: 'suspend', mode: 'parallel', fees: [], specialProcedures: [] });
      expect(config.items[0].materials[0]).toMatchObject({ required: true, electronicAccepted: true });
      expect(config.departments[0].presence).toBe('常驻窗口');
      expect(config.supervision).toEqual({
        yellowThresholdDays: 1,
        escalation: [
          { level: 'county', role: '督办', handlingDays: 3 },
          { level: 'city', handlingDays: 3 },
        ],
      });
      expect(config.reviews).toEqual({ rectificationDays: 10, touchpoints: ['acceptance', 'completion'] });
    });
  });

  describe('Given the Sandu sample with six faults at once', () => {
    function givenBrokenSandu(): { raw: TenantConfigInput; planningIndex: number; foodIndex: number } {
      const raw = givenSampleData('522732');
      const planningIndex = indexOfItem(raw, 'GTGH-0001');
      const foodIndex = indexOfItem(raw, 'SCZR-0005');
      raw.tenant.tenantId = '52273';
      delete (raw.items[0] as Partial<TenantConfigInput['items'][number]>).name;
      raw.items[3].departments[0].deptId = 'NOPE';
      raw.items[planningIndex].departments[1].lead = true;
      raw.items[foodIndex].promisedDays = raw.items[foodIndex].legalDays + 1;
      raw.bundles?.[0].itemCodes.push('NOPE-0001');
      return { raw, planningIndex, foodIndex };
    }

    it('When validated, then all six are reported with their exact paths and codes', () => {
      const { raw, planningIndex, foodIndex } = givenBrokenSandu();

      const errors = thenErrors(validateTenantConfig(raw));

      expect(pathsAndCodes(errors)).toEqual(
        [
          'tenant.tenantId invalid_format',
          'items[0].name required',
          'items[3].departments[0].deptId unknown_department',
          `items[${planningIndex}].departments lead_count`,
          `items[${foodIndex}].promisedDays promised_exceeds_legal`,
          'bundles[0].itemCodes[4] unknown_item',
        ].sort(),
      );
    });

    it('When validated, then every message is in Chinese and English', () => {
      const errors = thenErrors(validateTenantConfig(givenBrokenSandu().raw));

      for (const error of errors) expect(error.message).toMatch(BILINGUAL);
      expect(errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'items[0].name', message: '必填字段缺失 / Required field is missing' }),
          expect.objectContaining({ path: 'tenant.tenantId', message: '行政区划代码应为6位数字 / Division code must be 6 digits' }),
          expect.objectContaining({ path: 'items[3].departments[0].deptId', message: '引用的部门不存在：NOPE / Unknown department: NOPE' }),
        ]),
      );
    });

    it('When parsed from YAML text, then each error carries the line of the offending value', () => {
      const text = YAML.stringify(givenBrokenSandu().raw);
      const lines = text.split('\n');

      const errors = thenErrors(parseTenantConfigText(text, 'broken.yaml'));

      const dangling = errors.find((error) => error.code === 'unknown_department');
      expect(lines[(dangling?.line ?? 0) - 1]).toContain('NOPE');
      const badTenant = errors.find((error) => error.path === 'tenant.tenantId');
      expect(lines[(badTenant?.line ?? 0) - 1]).toContain('52273');
    });
  });

  describe.each<[string, (config: TenantConfigInput) => void, string, string]>([
    ['a department staffing an unknown window', (config) => config.departments[0].windowIds?.push('NOPE'), 'departments[0].windowIds[1]', 'unknown_window'],
    [
      'a window id used in two halls',
      (config) => config.halls.push({ hallId: 'TOWN', name: '镇便民服务中心', level: '乡镇', windows: [{ windowId: 'YJS', name: '重复', kind: '一件事' }] }),
      'halls[1].windows[0].windowId',
      'duplicate',
    ],
    ['two items with the same code', (config) => config.items.push({ ...config.items[0], name: '事项甲（重复）' }), 'items[2].code', 'duplicate'],
    [
      'a prerequisite outside the item',
      (config) => {
        config.items[0].departments[0].prerequisites = ['RSJ'];
      },
      'items[0].departments[0].prerequisites[0]',
      'prerequisite_outside_item',
    ],
    [
      'no lead department',
      (config) => {
        config.items[0].departments[0].lead = false;
      },
      'items[0].departments',
      'lead_count',
    ],
    [
      'a stage longer than the promise',
      (config) => {
        config.items[0].departments[0].stageDays = 6;
      },
      'items[0].departments[0].stageDays',
      'stage_exceeds_promise',
    ],
    [
      'a 承诺件 promising nothing',
      (config) => {
        config.items[0].promisedDays = 0;
        config.items[0].departments[0].stageDays = 0;
      },
      'items[0].promisedDays',
      'promise_missing',
    ],
    [
      'a select field without options',
      (config) => {
        config.items[0].formFields.push({ key: 'gender', label: '性别', type: 'select' });
      },
      'items[0].formFields[2].options',
      'select_options',
    ],
    [
      '容缺 on an optional material',
      (config) => {
        config.items[0].materials?.push({ id: 'EXTRA', name: '其他', required: false, mayBeMissingAtAcceptance: true });
      },
      'items[0].materials[2].mayBeMissingAtAcceptance',
      'deferral_requires_required',
    ],
    [
      'a bundle at a window that is not a 一件事 window',
      (config) => {
        config.bundles![0].windowId = 'ZH-MS';
      },
      'bundles[0].windowId',
      'bundle_window_kind',
    ],
    [
      'a bundle whose items ask one field in two ways',
      (config) => {
        config.items[1].formFields[1].type = 'text';
      },
      'bundles[0].itemCodes',
      'bundle_conflict',
    ],
    [
      'a bundle material with no file type every item accepts',
      (config) => {
        const [residentId] = config.items[1].materials ?? [];
        residentId.fileTypes = ['png'];
      },
      'bundles[0].itemCodes',
      'bundle_conflict',
    ],
    [
      'a city outside the province',
      (config) => {
        config.tenant.provinceCode = '630000';
      },
      'tenant.provinceCode',
      'division_mismatch',
    ],
    [
      'escalation going down',
      (config) => {
        config.supervision = { escalation: [{ level: 'city' }, { level: 'county' }] };
      },
      'supervision.escalation[1].level',
      'escalation_order',
    ],
    [
      'a misspelt field',
      (config) => {
        Object.assign(config.items[0], { promiseDays: 3 });
      },
      'items[0].promiseDays',
      'unrecognized_keys',
    ],
  ])('Given a configuration with %s', (_description, injectFault, expectedPath, expectedCode) => {
    it(`When validated, then ${expectedCode} is reported at ${expectedPath} and nothing else`, () => {
      const config = givenMinimalConfig();
      injectFault(config);

      const errors = thenErrors(validateTenantConfig(config));

      expect(pathsAndCodes(errors)).toEqual([`${expectedPath} ${expectedCode}`]);
      expect(errors[0].message).toMatch(BILINGUAL);
    });
  });

  describe('Given an item whose departments wait for each other', () => {
    it('When validated, then the cycle is reported once, spelled out', () => {
      const config = givenMinimalConfig();
      config.items[0].departments = [
        { deptId: 'MZJ', lead: true, stageDays: 5, prerequisites: ['RSJ'] },
        { deptId: 'RSJ', stageDays: 5, prerequisites: ['MZJ'] },
      ];

      const errors = thenErrors(validateTenantConfig(config));

      expect(errors).toEqual([expect.objectContaining({ message: '前置条件形成循环：MZJ → RSJ → MZJ / Prerequisites form a cycle: MZJ → RSJ → MZJ' })]);
    });
  });

  describe('Given text that is not well-formed', () => {
    it('When YAML has a syntax error, then it is reported with its line and nothing is validated', () => {
      const text = ['tenant:', '  tenantId: "522732"', '  name: [三都', 'halls: []', ''].join('\n');

      const errors = thenErrors(parseTenantConfigText(text, 'broken.yaml'));

      expect(errors).toEqual([expect.objectContaining({ path: '', code: 'yaml_syntax', line: 4, column: 1 })]);
      expect(errors[0].message).toMatch(/^YAML 语法错误（第 4 行第 1 列）：.* \/ YAML syntax error at line 4, column 1: /);
    });

    it('When a .json file is valid JSON, then it is accepted like YAML', () => {
      const config = thenValid(parseTenantConfigText(JSON.stringify(givenMinimalConfig()), 'tenant.json'));

      expect(config.items).toHaveLength(2);
    });

    it('When a .json file uses YAML-only syntax, then it is a JSON syntax error', () => {
      const errors = thenErrors(parseTenantConfigText('{"tenant": {"name": 三都}}', 'tenant.json'));

      expect(errors).toEqual([expect.objectContaining({ code: 'yaml_syntax', line: 1 })]);
      expect(errors[0].message).toMatch(/^JSON 语法错误/);
    });

    it('When a division code is an unquoted YAML number, then the message says to quote it', () => {
      const text = YAML.stringify(givenMinimalConfig()).replace('tenantId: "522732"', 'tenantId: 522732');

      const errors = thenErrors(parseTenantConfigText(text, 'tenant.yaml'));

      expect(errors).toEqual([expect.objectContaining({ path: 'tenant.tenantId', code: 'invalid_type', line: 2 })]);
      expect(errors[0].message).toContain('quote numeric codes in YAML');
    });
  });

  describe('Given a bundle (一件事)', () => {
    it('When merged, then one form asks each field once and requires it if any item does', () => {
      const config = thenValid(validateTenantConfig(givenMinimalConfig()));

      const { formFields } = mergeBundle(config, 'AB');

      expect(formFields).toEqual([
        expect.objectContaining({ key: 'applicantName', label: '申请人姓名', required: true, itemCodes: ['A-0001', 'B-0001'] }),
        expect.objectContaining({ key: 'phone', required: true, itemCodes: ['A-0001', 'B-0001'] }),
      ]);
    });

    it('When merged, then materials with the same id or name are asked once, with the strictest terms', () => {
      const config = thenValid(validateTenantConfig(givenMinimalConfig()));

      const { materials, issuedWithinBundle } = mergeBundle(config, 'AB');

      expect(materials).toEqual([
        expect.objectContaining({
          id: 'ID_CARD',
          required: true,
          // item B requires it and does not allow 容缺
          mayBeMissingAtAcceptance: false,
          fileTypes: ['pdf'],
          usedBy: [
            { itemCode: 'A-0001', materialId: 'ID_CARD' },
            { itemCode: 'B-0001', materialId: 'RESIDENT_ID' },
          ],
        }),
        // optional in A, required with 容缺 in B: required, and still deferrable
        expect.objectContaining({ id: 'PHOTO', required: true, mayBeMissingAtAcceptance: true }),
      ]);
      expect(issuedWithinBundle).toEqual([{ itemCode: 'B-0001', materialId: 'CERT_A_COPY', certificateType: 'CERT_A', issuedByItemCode: 'A-0001' }]);
    });

    it('When the Sandu 新生儿出生一件事 is merged, then nothing is asked twice and the birth certificate comes from the first item', () => {
      const config = thenValid(validateTenantConfig(givenSampleData('522732')));

      const merged = mergeBundle(config, 'XSECS');

      const keys = merged.formFields.map((field) => field.key);
      expect(new Set(keys).size).toBe(keys.length);
      const ids = merged.materials.map((material) => material.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).not.toContain('BIRTH_MEDICAL_CERT');
      expect(merged.issuedWithinBundle).toContainEqual(expect.objectContaining({ materialId: 'BIRTH_MEDICAL_CERT', issuedByItemCode: 'SHSW-0001' }));
      expect(merged.departments.map((department) => department.deptId)).toEqual(['WJJ', 'GAJ', 'RSJ']);
    });

    it('When the bundle code is unknown, then BundleNotFoundError is thrown', () => {
      const config = thenValid(validateTenantConfig(givenMinimalConfig()));

      expect(() => mergeBundle(config, 'NOPE')).toThrow(BundleNotFoundError);
    });
  });

  describe('Given the committed JSON Schema', () => {
    it.each(generateSchemaFiles().map((file) => [file.relativePath, file.content]))(
      'When %s is regenerated from zod, then it is unchanged (run `npx tsx scripts/generate-schemas.ts`)',
      (relativePath, content) => {
        expect(readFileSync(path.join(repositoryRoot, relativePath), 'utf8')).toBe(content);
      },
    );
  });

  describe('Given the operator CLI', () => {
    const runCli = (...files: string[]) =>
      spawnSync(process.execPath, [path.join(repositoryRoot, 'node_modules/.bin/tsx'), 'scripts/tenant-validate.ts', ...files], {
        cwd: repositoryRoot,
        encoding: 'utf8',
      });
    let scratch: string;
    beforeAll(() => {
      scratch = mkdtempSync(path.join(os.tmpdir(), 'tenant-validate-'));
    });
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    it('When run on both samples, then it prints one OK line each and exits 0', () => {
      const run = runCli('config/tenants/522732.yaml', 'config/tenants/630103.yaml');

      expect(run.status).toBe(0);
      expect(run.stdout).toContain('522732 三都水族自治县 — 41 个部门 / departments, 16 个事项 / items, 2 个一件事 / bundles');
      expect(run.stdout).toContain('630103 西宁市城中区');
    }, 60_000);

    it('When run on a broken file, then it prints every error and exits 1', () => {
      const broken = givenSampleData('522732');
      broken.items[3].departments[0].deptId = 'NOPE';
      broken.tenant.tenantId = '52273';
      const file = path.join(scratch, 'broken.yaml');
      writeFileSync(file, YAML.stringify(broken));

      const run = runCli(file);

      expect(run.status).toBe(1);
      expect(run.stderr).toContain('2 个错误 / 2 error(s)');
      expect(run.stderr).toMatch(
        /items\[3\]\.departments\[0\]\.deptId \(第 \d+ 行 \/ line \d+\) \[unknown_department\] 引用的部门不存在：NOPE \/ Unknown department: NOPE/,
      );
      expect(run.stderr).toContain('tenant.tenantId');
    }, 60_000);

    it('When a file does not exist, then it says so in both languages and exits 2', () => {
      const run = runCli(path.join(scratch, 'missing.yaml'));

      expect(run.status).toBe(2);
      expect(run.stderr).toContain('文件不存在 / File not found');
    }, 60_000);
  });
});
