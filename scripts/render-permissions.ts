/**
 * `npm run docs:permissions`: writes the permission matrix of functions/kernel/permissions.ts into
 * docs/permissions.md between the markers, so the documentation prints the rule the use cases enforce
 * (test/unit/permission-matrix.test.ts fails when the two differ).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Action, permissionMatrix, type Role, type Scope } from '../functions/kernel/permissions';
import { staffRoleLabels, staffRoles } from '../functions/kernel/principal';

const roles: readonly Role[] = ['citizen', ...staffRoles];
const roleHeading = (role: Role) => (role === 'citizen' ? '申请人 citizen' : `${staffRoleLabels[role]} ${role}`);
const scopeCell: Readonly<Record<Scope, string>> = { self: '本人', 'own-case': '本人办件', department: '本部门', county: '本县' };

export const permissionsFile = join(__dirname, '..', 'docs', 'permissions.md');
const BEGIN = '<!-- permission-matrix:begin (npm run docs:permissions) -->';
const END = '<!-- permission-matrix:end -->';

export function renderPermissionTable(): string {
  const header = `| action | 办理事项 | ${roles.map(roleHeading).join(' | ')} |`;
  const rule = `|---|---|${roles.map(() => '---').join('|')}|`;
  const rows = (Object.keys(permissionMatrix) as Action[]).map((action) => {
    const entry = permissionMatrix[action];
    const cells = roles.map((role) => {
      const scope = (entry.roles as Partial<Record<Role, Scope>>)[role];
      return scope ? scopeCell[scope] : '—';
    });
    return `| \`${action}\` | ${entry.zh} | ${cells.join(' | ')} |`;
  });
  return [BEGIN, header, rule, ...rows, END].join('\n');
}

/** The table as docs/permissions.md holds it now, or undefined without markers. */
export function documentedPermissionTable(text: string = readFileSync(permissionsFile, 'utf8')): string | undefined {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  return start < 0 || end < 0 ? undefined : text.slice(start, end + END.length);
}

if (require.main === module) {
  const text = readFileSync(permissionsFile, 'utf8');
  const current = documentedPermissionTable(text);
  if (!current) throw new Error(`${permissionsFile} has no ${BEGIN} … ${END} markers`);
  writeFileSync(permissionsFile, text.replace(current, renderPermissionTable()));
  console.log(`✓ ${permissionsFile}`);
}
