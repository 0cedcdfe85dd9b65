import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { staffRoles } from '../../functions/kernel/principal';
import { accountClaims, citizenDirectory, findStaff, staffDirectory } from '../../infra/local/identity-accounts';
import { citizenPhonePage, codePage, escapeHtml, maskPhone, staffAccountPage } from '../../infra/local/interaction-pages';

/* The local accounts (config/local) and what their ID tokens say; the sign-in pages' markup. */

const departmentsOf = (tenantId: string): Set<string> => {
  const config = parseYaml(readFileSync(join(__dirname, '..', '..', 'config', 'tenants', `${tenantId}.yaml`), 'utf8')) as { departments: { deptId: string }[] };
  return new Set(config.departments.map((department) => department.deptId));
};

describe('given the local staff directory (config/local/staff.yaml)', () => {
  const staff = [...staffDirectory().values()];

  it.each(['522732', '630103'])('then county %s has at least one account of every role, each department one of its own', (tenantId) => {
    const ofCounty = staff.filter((account) => account.tenantId === tenantId);
    expect(new Set(ofCounty.map((account) => account.role))).toEqual(new Set(staffRoles));
    const departments = departmentsOf(tenantId);
    for (const account of ofCounty.filter((candidate) => candidate.deptId)) expect(departments).toContain(account.deptId);
    for (const role of ['handler', 'department_head'] as const) {
      const withDepartment = new Set(ofCounty.filter((account) => account.role === role).map((account) => account.deptId));
      expect(withDepartment.size).toBeGreaterThanOrEqual(3);
      expect(withDepartment).not.toContain(undefined);
    }
  });

  it('then national operations (000000) have accounts too', () => {
    expect(staff.filter((account) => account.tenantId === '000000').map((account) => account.role)).toEqual(expect.arrayContaining(['admin', 'supervisor']));
  });

  it('when a 工号 is typed in lower case or an extra account is given, then it is found', () => {
    const directory = staffDirectory([{ tenantId: '522732', staffId: 'TEST-1', name: '测试', role: 'window', phone: '13900009999' }]);
    expect(findStaff(directory, '522732', 'gtj-007')?.deptId).toBe('GTJ');
    expect(findStaff(directory, '522732', 'TEST-1')?.role).toBe('window');
    expect(findStaff(directory, '630103', 'GTJ-007')).toBeUndefined();
  });

  it('when an account has a role that does not exist, then the directory refuses it', () => {
    expect(() => staffDirectory([{ tenantId: '522732', staffId: 'X', name: 'x', role: 'boss' as never, phone: '13900009999' }])).toThrow();
  });

  it('then a staff token carries county, 工号, role as a group list, department and name', () => {
    const account = findStaff(staffDirectory(), '522732', 'GTJ-007');
    expect(accountClaims({ audience: 'staff', staff: account! }, 'sub-1')).toEqual({
      sub: 'sub-1',
      name: account!.name,
      'custom:tenantId': '522732',
      'custom:staffId': 'GTJ-007',
      'cognito:groups': ['handler'],
      'custom:deptId': 'GTJ',
    });
    const supervisor = findStaff(staffDirectory(), '522732', 'JC-001');
    expect(accountClaims({ audience: 'staff', staff: supervisor! }, 's')).not.toHaveProperty('custom:deptId');
  });
});

describe('given the local real-name citizens (config/local/citizens.yaml)', () => {
  const citizens = [...citizenDirectory().values()];

  it('then there are people and at least one organisation with a 统一社会信用代码, all L3', () => {
    expect(citizens.some((citizen) => citizen.subjectType === 'person' && citizen.idType === '居民身份证')).toBe(true);
    expect(citizens.some((citizen) => citizen.subjectType === 'organisation' && citizen.idType === '统一社会信用代码')).toBe(true);
    expect(citizens.every((citizen) => citizen.trustLevel === 'L3')).toBe(true);
  });

  it('then a real-name token carries the ID digest (sha256 of "<idType>|<ID NUMBER>") and the name', () => {
    const organisation = citizens.find((citizen) => citizen.subjectType === 'organisation')!;
    const claims = accountClaims({ audience: 'citizen', phone: organisation.phone, realName: organisation }, 'sub-2');
    expect(claims).toEqual({
      sub: 'sub-2',
      name: organisation.name,
      phone_number: `+86${organisation.phone}`,
      'custom:trustLevel': 'L3',
      'custom:subjectType': 'organisation',
      'custom:idDigest': createHash('sha256').update(`统一社会信用代码|${organisation.idNumber.toUpperCase()}`).digest('hex'),
    });
  });

  it('then any other phone is a self-registered L2 person without a name or ID digest', () => {
    expect(accountClaims({ audience: 'citizen', phone: '13912345678' }, 'sub-3')).toEqual({
      sub: 'sub-3',
      phone_number: '+8613912345678',
      'custom:trustLevel': 'L2',
      'custom:subjectType': 'person',
    });
  });
});

describe('given the sign-in pages', () => {
  it('then they are Chinese pages whose every field has a label, and an error is announced and tied to the fields', () => {
    const error = { code: 'INVALID_PHONE', message: '请输入11位中国大陆手机号码。' };
    const pages = [
      citizenPhonePage({ action: '/interaction/x/send', issuerName: '统一身份认证平台', error }),
      staffAccountPage({ action: '/interaction/x/send', issuerName: '工作人员认证', error }),
      codePage({ verifyAction: '/v', resendAction: '/r', backHref: '/b', issuerName: '统一身份认证平台', maskedPhone: '138****0001', error }),
    ];
    for (const html of pages) {
      expect(html).toContain('<html lang="zh-CN">');
      const inputs = [...html.matchAll(/<input id="([^"]+)"/g)].map((match) => match[1]);
      expect(inputs.length).toBeGreaterThan(0);
      for (const id of inputs) expect(html).toContain(`<label for="${id}">`);
      expect(html).toContain('role="alert" data-error-code="INVALID_PHONE"');
      expect(html).toContain('aria-invalid="true"');
    }
  });

  it('then what a person typed is escaped, and a phone is shown masked', () => {
    expect(citizenPhonePage({ action: '/a', issuerName: 'x', phone: '"><script>' })).not.toContain('<script>');
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    expect(maskPhone('13800000001')).toBe('138****0001');
  });
});
