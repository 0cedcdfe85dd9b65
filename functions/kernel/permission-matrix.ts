// a type-only import: erased when built, so the web app can import this module without the principal's code
import type { StaffRole } from './principal';

/**
 * Who may do what (实名制, 000 art.15: every step has named handlers with permissions), written once as data, with no
 * imports: the use cases ask it through `authorize` (./permissions.ts), and the workbench builds its navigation from it,
 * so a page is offered exactly to the roles the API lets through. docs/permissions.md prints this table and a test checks
 * that it matches.
 *
 * Scopes, from the caller's point of view (the county is always the caller's own: the edge refuses staff
 * of another county, and every key is tenant-first, so another county's ids are simply not found):
 * - `self`: in one's own name (a citizen files or lists their own; a member of staff reads their own figures);
 * - `own-case`: the citizen is the applicant of the case (filed it, or it carries their checked ID);
 * - `department`: the thing belongs to the caller's department (a task, a rectification entry, a case it works on);
 * - `county`: anything of the caller's county.
 */
export type Scope = 'self' | 'own-case' | 'department' | 'county';
export type Role = 'citizen' | StaffRole;

export const permissionMatrix = {
  'case.file-online': { zh: '网上申报', roles: { citizen: 'self' } },
  'case.file-at-window': { zh: '窗口收件（代为录入）', roles: { window: 'county' } },
  'case.view': {
    zh: '查看办件详情',
    roles: { citizen: 'own-case', window: 'county', handler: 'county', department_head: 'county', supervisor: 'county', admin: 'county' },
  },
  'case.resubmit': { zh: '补正后重新提交', roles: { citizen: 'own-case' } },
  'case.list-own': { zh: '我的办件', roles: { citizen: 'self' } },
  'case.decide-acceptance': { zh: '受理、补正告知、不予受理、退回', roles: { window: 'county' } },
  'case.verify-commitment': { zh: '告知承诺核查', roles: { handler: 'department', department_head: 'department' } },
  'material.upload': { zh: '上传材料', roles: { citizen: 'own-case', window: 'county' } },
  'material.list': {
    zh: '查看材料清单',
    roles: { citizen: 'own-case', window: 'county', handler: 'county', department_head: 'county', supervisor: 'county', admin: 'county' },
  },
  'material.download': { zh: '下载申请材料', roles: { window: 'county', handler: 'department', department_head: 'department', supervisor: 'county' } },
  'result.choose-delivery': { zh: '选择取件方式', roles: { citizen: 'own-case' } },
  'result.hand-over': { zh: '窗口出件', roles: { window: 'county' } },
  'certificate.list-own': { zh: '我的证照', roles: { citizen: 'self' } },
  'certificate.download-own': { zh: '下载本人电子证照文书', roles: { citizen: 'self' } },
  'task.list': { zh: '部门审批任务列表', roles: { handler: 'department', department_head: 'department', supervisor: 'county', admin: 'county' } },
  'task.claim': { zh: '认领审批任务', roles: { handler: 'department', department_head: 'department' } },
  'task.decide': { zh: '审批决定', roles: { handler: 'department', department_head: 'department' } },
  'review.submit': { zh: '评价（好差评）', roles: { citizen: 'own-case' } },
  'review.read': { zh: '查看本件评价', roles: { citizen: 'own-case' } },
  'rectification.read': { zh: '查看整改台账', roles: { handler: 'department', department_head: 'department', supervisor: 'county', admin: 'county' } },
  'rectification.record-step': { zh: '记录整改步骤', roles: { handler: 'department', department_head: 'department' } },
  'supervision.read-dashboard': { zh: '督查看板', roles: { supervisor: 'county', admin: 'county' } },
  'supervision.read-staff-month': {
    zh: '工作人员月度考核数据',
    roles: { window: 'self', handler: 'self', department_head: 'county', supervisor: 'county', admin: 'county' },
  },
  'audit.read': { zh: '审计记录', roles: { supervisor: 'county', admin: 'county' } },
} as const satisfies Record<string, { zh: string; roles: Partial<Record<Role, Scope>> }>;

export type Action = keyof typeof permissionMatrix;
