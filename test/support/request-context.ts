/** Request contexts for use-case tests, shaped as the edge builds them from a verified token. */
import { nationalIdDigest } from '../../functions/kernel/applicant';
import type { CitizenIdentity, StaffIdentity } from '../../functions/kernel/principal';
import type { RequestContext } from '../../functions/shared/request-context';

export const staffContext = (tenantId: string, staff: StaffIdentity, requestId = 'R-test'): RequestContext => ({
  tenantId,
  requestId,
  principal: { kind: 'staff', staff },
  staff,
});

/** A real-name citizen (L3) whose checked ID is `idNumber`, unless `citizen` says otherwise. */
export const citizenContext = (
  tenantId: string,
  subject: string,
  idNumber?: string,
  citizen: Partial<CitizenIdentity> = {},
  requestId = 'R-test',
): RequestContext => {
  const identity: CitizenIdentity = {
    subject,
    subjectType: 'person',
    trustLevel: idNumber ? 'L3' : 'L2',
    ...(idNumber ? { idDigest: nationalIdDigest('居民身份证', idNumber) } : {}),
    ...citizen,
  };
  return { tenantId, requestId, principal: { kind: 'citizen', citizen: identity }, citizen: identity };
};

export const publicContext = (tenantId: string, requestId = 'R-test'): RequestContext => ({ tenantId, requestId, principal: { kind: 'public' } });
