/**
 * Who acts in the drill's flows, signed in once through the local providers the way a person signs in (the one-time
 * code read from the SMS outbox, infra/local/sign-in.ts): a real-name applicant of the county, a window clerk and a
 * handler of each department of the item (config/local/*.yaml). The tokens are signed with a key kept in the data
 * directory and name issuers whose ports are kept too, so they stay valid across the drill's restarts (for an hour).
 */
import { type CitizenAccount, citizenDirectory, type StaffAccount, staffDirectory } from '../../infra/local/identity-accounts';
import { signInCitizen, signInStaff } from '../../infra/local/sign-in';
import { UsageError } from './options';

export interface Applicant {
  readonly kind: CitizenAccount['subjectType'];
  readonly name: string;
  readonly idType: CitizenAccount['idType'];
  readonly idNumber: string;
  readonly phone: string;
}

export interface People {
  readonly applicant: Applicant;
  readonly applicantToken: string;
  readonly windowToken: string;
  /** By department. */
  readonly handlerTokens: ReadonlyMap<string, string>;
  /** Who they are, for the report's first line. */
  readonly described: string;
}

/** The accounts of the county for the item's departments; refused in both languages when one is missing. */
function accountsOf(tenantId: string, departments: readonly string[]) {
  const staff = [...staffDirectory().values()].filter((account) => account.tenantId === tenantId);
  const withRole = (role: StaffAccount['role'], deptId?: string) => staff.find((account) => account.role === role && (!deptId || account.deptId === deptId));
  // an organisation of the county first (the sample items with several departments are permits a company applies for)
  const ofCounty = [...citizenDirectory().values()].filter((account) => account.idNumber.includes(tenantId));
  const citizen = ofCounty.find((account) => account.subjectType === 'organisation') ?? ofCounty[0];
  const window = withRole('window');
  if (!citizen || !window)
    throw new UsageError(`config/local 中没有 ${tenantId} 的实名申请人或窗口人员 / config/local has no real-name applicant or window clerk of ${tenantId}`);
  const handlers = departments.map((deptId) => {
    const handler = withRole('handler', deptId) ?? withRole('department_head', deptId);
    if (!handler)
      throw new UsageError(`config/local/staff.yaml 中没有 ${deptId} 的承办人 / config/local/staff.yaml has no handler of ${deptId} in ${tenantId}`);
    return handler;
  });
  return { citizen, window, handlers };
}

/** Signs everyone in, one after another (each sign-in sends a code to the outbox, which the next one reads). */
export async function signInPeople(dataDir: string, tenantId: string, departments: readonly string[]): Promise<People> {
  const { citizen, window, handlers } = accountsOf(tenantId, departments);
  const applicantToken = await signInCitizen({ dataDir, phone: citizen.phone });
  const windowToken = await signInStaff({ dataDir, tenantId, staffId: window.staffId });
  const handlerTokens = new Map<string, string>();
  for (const handler of handlers) handlerTokens.set(handler.deptId as string, await signInStaff({ dataDir, tenantId, staffId: handler.staffId }));
  return {
    applicant: { kind: citizen.subjectType, name: citizen.name, idType: citizen.idType, idNumber: citizen.idNumber, phone: citizen.phone },
    applicantToken,
    windowToken,
    handlerTokens,
    described: `applicant ${citizen.phone} ${citizen.name}; window ${window.staffId}; handlers ${handlers.map((handler) => handler.staffId).join(', ')}`,
  };
}
