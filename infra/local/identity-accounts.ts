import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ulid } from 'ulid';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { applicantSchema, nationalIdDigest } from '../../functions/kernel/applicant';
import { tenantIdSchema } from '../../functions/kernel/ids';
import { staffRoles } from '../../functions/kernel/principal';

/**
 * The people the local identity provider knows: the county staff directory (config/local/staff.yaml) and the
 * real-name citizens the province's platform would have checked (config/local/citizens.yaml). Local test data only;
 * on AWS the accounts live in the identity platforms.
 */

/** A mainland mobile number, as the citizens' platform takes it for sign-in by SMS code. */
export const MOBILE_PHONE_PATTERN = /^1\d{10}$/;
const phoneSchema = z.string().trim().regex(MOBILE_PHONE_PATTERN, 'expected an 11-digit mainland mobile number');

export const staffAccountSchema = z.strictObject({
  tenantId: tenantIdSchema,
  staffId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'expected 1-32 letters, digits, _ or -'),
  name: z.string().trim().min(1).max(50),
  role: z.enum(staffRoles),
  deptId: z
    .string()
    .regex(/^[A-Z0-9_-]{1,32}$/)
    .optional(),
  phone: phoneSchema,
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;

export const citizenAccountSchema = z.strictObject({
  phone: phoneSchema,
  name: z.string().trim().min(1).max(100),
  idType: applicantSchema.shape.idType.unwrap(),
  idNumber: applicantSchema.shape.idNumber,
  subjectType: z.enum(['person', 'organisation']),
  trustLevel: z.enum(['L3', 'L4', 'L5']),
});
export type CitizenAccount = z.infer<typeof citizenAccountSchema>;

const staffFileSchema = z.strictObject({ staff: z.array(staffAccountSchema) });
const citizensFileSchema = z.strictObject({ citizens: z.array(citizenAccountSchema) });

export const localAccountsDir = join(__dirname, '..', '..', 'config', 'local');

function parsedFile<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`本地账号文件有误 / invalid local accounts file ${file}: ${problems}`);
  }
  return parsed.data;
}

export const staffKey = (tenantId: string, staffId: string) => `${tenantId}|${staffId.toUpperCase()}`;

/** The staff of the file plus the given ones (tests); a later account with the same county and 工号 replaces the earlier. */
export function staffDirectory(extra: readonly StaffAccount[] = [], file = join(localAccountsDir, 'staff.yaml')): Map<string, StaffAccount> {
  const accounts = [...parsedFile(file, staffFileSchema).staff, ...extra.map((account) => staffAccountSchema.parse(account))];
  return new Map(accounts.map((account) => [staffKey(account.tenantId, account.staffId), account]));
}

/** 工号 are matched without regard to case, as people type them. */
export const findStaff = (directory: ReadonlyMap<string, StaffAccount>, tenantId: string, staffId: string): StaffAccount | undefined =>
  directory.get(staffKey(tenantId.trim(), staffId.trim()));

/** The real-name citizens of the file plus the given ones, by phone. */
export function citizenDirectory(extra: readonly CitizenAccount[] = [], file = join(localAccountsDir, 'citizens.yaml')): Map<string, CitizenAccount> {
  const accounts = [...parsedFile(file, citizensFileSchema).citizens, ...extra.map((account) => citizenAccountSchema.parse(account))];
  return new Map(accounts.map((account) => [account.phone, account]));
}

/** Who signs in: a listed real-name citizen, anyone else with a phone (self-registered, L2), or a member of staff. */
export type LocalAccount =
  { readonly audience: 'citizen'; readonly phone: string; readonly realName?: CitizenAccount } | { readonly audience: 'staff'; readonly staff: StaffAccount };

/** The stable key of an account, from which its `sub` is derived (never shown). */
export const accountKey = (account: LocalAccount): string =>
  account.audience === 'citizen' ? `citizen|${account.phone}` : `staff|${staffKey(account.staff.tenantId, account.staff.staffId)}`;

/**
 * The claims of an ID token, named as Cognito and the deployment defaults name them (functions/shared/identity-settings.ts):
 * citizens carry their 实名等级, subject type, phone and, when the identity was checked, the ID digest and name; staff carry
 * county, 工号, role (a group list, as Cognito groups) and department.
 */
export function accountClaims(account: LocalAccount, sub: string): Record<string, unknown> {
  if (account.audience === 'staff') {
    const { staff } = account;
    return {
      sub,
      name: staff.name,
      'custom:tenantId': staff.tenantId,
      'custom:staffId': staff.staffId,
      'cognito:groups': [staff.role],
      ...(staff.deptId ? { 'custom:deptId': staff.deptId } : {}),
    };
  }
  const { realName } = account;
  return {
    sub,
    phone_number: `+86${account.phone}`,
    'custom:trustLevel': realName?.trustLevel ?? 'L2',
    'custom:subjectType': realName?.subjectType ?? 'person',
    ...(realName ? { name: realName.name, 'custom:idDigest': nationalIdDigest(realName.idType, realName.idNumber) } : {}),
  };
}

/**
 * `sub` per account, kept in the data directory so an account is the same subject after a restart. The file maps a
 * digest of the account key to a ULID: neither the phone nor the ID number is in it, nor in the `sub`.
 */
export class SubjectRegistry {
  private readonly subjects: Record<string, string>;

  constructor(private readonly file: string) {
    this.subjects = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  }

  subjectOf(account: LocalAccount): string {
    const key = createHash('sha256').update(accountKey(account)).digest('hex');
    const known = this.subjects[key];
    if (known) return known;
    const created = ulid();
    this.subjects[key] = created;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(this.subjects, null, 2));
    return created;
  }
}
