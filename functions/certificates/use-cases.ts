import { z } from 'zod';
import type { ItemCatalogue, PublishedItem, TenantDirectory } from '../catalogue/domain/service-item';
import type { Case } from '../intake/domain/case';
import type { CaseRepository } from '../intake/domain/ports';
import { applicantDigest, applicantDigestOf } from '../kernel/applicant';
import { type NationalCalendarSource, tenantCalendar } from '../kernel/calendar-access';
import type { relayedCaseEventSchema } from '../kernel/events/envelope';
import { authorize, authorizeRole, realNameDigest } from '../kernel/permissions';
import { ownershipOf, type StaffIdentity } from '../kernel/principal';
import type { MaterialRepository } from '../materials/domain/ports';
import { DependencyUnavailableError, notFound } from '../shared/errors';
import type { RequestContext } from '../shared/request-context';
import type { Clock, IdGenerator } from '../shared/runtime';
import {
  type Certificate,
  CERTIFICATE_NO_MAX_LENGTH,
  certificateDocumentKey,
  certificateNotFound,
  certificatePayload,
  certificateSummary,
  contactDigest,
  documentBytes,
  isExpired,
  maskIdNumber,
  payloadOf,
  sha256Hex,
  type SignedCertificateDocument,
  signedBytes,
  tenantOfCertificateNumber,
} from './domain/certificate';
import type { CertificateDocumentStore, CertificateRepository, CertificateSigner, ReleaseRepository } from './domain/ports';
import { chooseDelivery, type CompletedCaseFacts, handOver, outstandingDeferredMaterials, releaseView } from './domain/release';
import { parseSignedDocument, verifyPresented, verifyStored } from './domain/verification';

export interface CertificateDependencies {
  readonly cases: Pick<CaseRepository, 'find'>;
  readonly catalogue: Pick<ItemCatalogue, 'itemVersion'>;
  readonly tenants: Pick<TenantDirectory, 'profile'>;
  readonly certificates: CertificateRepository;
  readonly releases: ReleaseRepository;
  readonly materials: Pick<MaterialRepository, 'checklist'>;
  readonly documents: CertificateDocumentStore;
  readonly signer: CertificateSigner;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly calendar: NationalCalendarSource;
}

const certificateNoSchema = z.string().trim().min(1).max(CERTIFICATE_NO_MAX_LENGTH);

export const certificatePath = z.object({ certificateNo: certificateNoSchema });

/** A document the holder presents, as it was handed out: the signed certificate and the signature. */
export const presentedCertificateBody = z.object({
  certificate: z.looseObject({ certificateNo: certificateNoSchema }),
  signature: z.object({ algorithm: z.literal('Ed25519'), value: z.string().min(1).max(200) }),
});

const mailAddressSchema = z.object({
  recipient: z.string().trim().min(1).max(100),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'phone must be a mainland mobile or landline number'),
  detail: z.string().trim().min(5).max(300),
});

export const deliveryChoiceBody = z.object({ method: z.enum(['pickup', 'mail']), address: mailAddressSchema.optional() });

export const handoverBody = z.object({
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{6,40}$/, 'expected a postal tracking number')
    .optional(),
});

/** The event types the certificate queue receives (its subscription filter). */
export const certificateEventTypes = ['CaseCompleted', 'MaterialProvided', 'ApprovalRevoked'] as const;

/** The items a case's result covers: the item itself, or every member of its 一件事 bundle, at the versions filed. */
async function issuedItems(deps: Pick<CertificateDependencies, 'catalogue'>, current: Case): Promise<PublishedItem[]> {
  const entry = await deps.catalogue.itemVersion(current.tenantId, current.itemCode, current.itemVersion);
  if (!entry) throw notFound.item(`${current.itemCode}@${current.itemVersion}`);
  if (!entry.bundleOf) return [entry];
  return Promise.all(
    entry.bundleOf.map(async (member) => {
      const item = await deps.catalogue.itemVersion(current.tenantId, member.code, member.version);
      if (!item) throw notFound.item(`${member.code}@${member.version}`);
      return item;
    }),
  );
}

/**
 * Primary course: a case was completed; for each of its items (each member of a bundle) a certificate
 * is issued: the payload signed over its canonical bytes, the document stored in the bucket, then the
 * record, the case pointer and `CertificateIssued` in one transaction that requires the case to be
 * still completed. Everything derives from the stored case, so a redelivery rebuilds the same bytes
 * and number and the pointer makes it a no-op.
 */
export async function issueCertificates(
  deps: Pick<CertificateDependencies, 'cases' | 'catalogue' | 'certificates' | 'documents' | 'signer' | 'clock' | 'materials'>,
  event: { tenantId: string; caseId: string; eventId: string },
): Promise<{ issued: string[]; skipped: string }> {
  const current = await deps.cases.find(event.tenantId, event.caseId);
  // a revoked (or unknown) case issues nothing: revocation may overtake the completion on the queue
  if (!current || current.status !== 'completed' || !current.completedAt) return { issued: [], skipped: 'case-not-completed' };
  // 容缺受理: deferred materials are due before the certificate is issued (seed 002 §27); the last one provided issues it
  const deferred = current.deferredMaterials?.materialIds ?? [];
  if (deferred.length > 0) {
    const provided = (await deps.materials.checklist(current.tenantId, current.caseId)).map((entry) => entry.materialId);
    if (outstandingDeferredMaterials(deferred, provided).length > 0) return { issued: [], skipped: 'deferred-materials-outstanding' };
  }
  const completedAt = current.completedAt;
  const holder = {
    kind: current.applicant.kind,
    name: current.applicant.name,
    idType: current.applicant.idType,
    idDigest: applicantDigest(current.tenantId, current.applicant.idType, current.applicant.idNumber),
    maskedIdNumber: maskIdNumber(current.applicant.idNumber),
  };
  const issued: string[] = [];
  for (const [index, item] of (await issuedItems(deps, current)).entries()) {
    const payload = certificatePayload({
      tenantId: current.tenantId,
      caseId: current.caseId,
      completedAt,
      holder,
      formData: current.formData,
      item: {
        code: item.code,
        version: item.version,
        result: item.result,
        leadDepartment: (item.departments.find((department) => department.lead) ?? item.departments[0])?.deptId ?? '',
        formFieldKeys: item.formFields.map((field) => field.key),
      },
    });
    if (await deps.certificates.find(current.tenantId, payload.certificateNo)) continue;
    const document: SignedCertificateDocument = {
      certificate: payload,
      signature: { algorithm: 'Ed25519', value: Buffer.from(await deps.signer.sign(signedBytes(payload))).toString('base64') },
    };
    const bytes = documentBytes(document);
    const documentKey = certificateDocumentKey(current.tenantId, payload.certificateNo);
    // the document first: a stored record always has its document (a lost race rewrites identical bytes)
    await deps.documents.put(documentKey, bytes);
    const certificate: Certificate = {
      ...payload,
      status: 'valid',
      documentSha256: sha256Hex(bytes),
      documentKey,
      contactDigest: contactDigest(current.tenantId, current.applicant.phone),
    };
    const outcome = await deps.certificates.issue(certificate, {
      eventId: `${event.eventId}~C${index + 1}`,
      caseId: current.caseId,
      type: 'CertificateIssued',
      at: deps.clock.now().toISOString(),
      actor: 'system',
      detail: {
        certificateNo: payload.certificateNo,
        certificateType: payload.certificateType,
        name: payload.name,
        itemCode: item.code,
        itemVersion: item.version,
        documentSha256: certificate.documentSha256,
      },
    });
    if (outcome === 'issued') issued.push(payload.certificateNo);
    if (outcome === 'case-not-completed') return { issued, skipped: 'case-not-completed' };
  }
  return { issued, skipped: '' };
}

/**
 * Primary course (告知承诺 found false): the approval was revoked, so every valid certificate of the
 * case is revoked with a `CertificateRevoked` event; a redelivery finds them revoked already.
 */
export async function revokeCertificates(
  deps: Pick<CertificateDependencies, 'certificates' | 'clock'>,
  event: { tenantId: string; caseId: string; eventId: string },
): Promise<string[]> {
  const now = deps.clock.now().toISOString();
  const revoked: string[] = [];
  for (const [index, certificate] of (await deps.certificates.forCase(event.tenantId, event.caseId)).entries()) {
    if (certificate.status !== 'valid') continue;
    const reason = '承诺不实，撤销许可 / False commitment: approval revoked';
    const done = await deps.certificates.revoke(
      { ...certificate, status: 'revoked', revokedAt: now, revocationReason: reason },
      {
        eventId: `${event.eventId}~R${index + 1}`,
        caseId: event.caseId,
        type: 'CertificateRevoked',
        at: now,
        actor: 'system',
        detail: {
          certificateNo: certificate.certificateNo,
          certificateType: certificate.certificateType,
          itemCode: certificate.itemCode,
          sourceEventId: event.eventId,
        },
      },
    );
    if (done) revoked.push(certificate.certificateNo);
  }
  return revoked;
}

/** A case event from the certificate queue: completion (or the last 容缺 material after it) issues, revocation revokes. */
export async function handleCertificateEvent(deps: CertificateDependencies, event: z.infer<typeof relayedCaseEventSchema>): Promise<unknown> {
  if (event.type === 'CaseCompleted' || event.type === 'MaterialProvided') return issueCertificates(deps, event);
  if (event.type === 'ApprovalRevoked') return revokeCertificates(deps, event);
  return undefined;
}

/**
 * Primary course (public): anyone holding a certificate number asks whether it stands. The stored
 * document is read again and checked against the recorded digest, the platform's signature and the
 * record itself, so any tampering shows as `invalid` with its reasons.
 */
export async function verifyCertificate(deps: Pick<CertificateDependencies, 'certificates' | 'documents' | 'signer' | 'clock'>, certificateNo: string) {
  const tenantId = tenantOfCertificateNumber(certificateNo);
  const record = await deps.certificates.find(tenantId, certificateNo);
  if (!record) throw certificateNotFound(certificateNo);
  const [stored, publicKey] = await Promise.all([deps.documents.get(record.documentKey), deps.signer.publicKey()]);
  return verifyStored(record, stored, publicKey, deps.clock.now().toISOString());
}

/** Primary course (public): a third party presents the document they were given; it stands only if signed by us and as issued. */
export async function verifyPresentedCertificate(
  deps: Pick<CertificateDependencies, 'certificates' | 'signer' | 'clock'>,
  body: z.infer<typeof presentedCertificateBody>,
) {
  const tenantId = tenantOfCertificateNumber(body.certificate.certificateNo);
  const [record, publicKey] = await Promise.all([deps.certificates.find(tenantId, body.certificate.certificateNo), deps.signer.publicKey()]);
  const document = body as unknown as SignedCertificateDocument;
  return verifyPresented(document, record, publicKey, deps.clock.now().toISOString());
}

/** Where the tenant of a public certificate request comes from: the certificate number (path or presented document). */
export const tenantOfCertificateRequest = (pathParameters: Readonly<Record<string, string | undefined>>, body: unknown): string => {
  const presented = (body as { certificate?: { certificateNo?: unknown } } | undefined)?.certificate?.certificateNo;
  return tenantOfCertificateNumber(pathParameters.certificateNo ?? (typeof presented === 'string' ? presented : undefined));
};

/**
 * Primary course (免证办): the signed-in holder's certificate library, found by the ID digest of their real-name
 * account: every certificate of theirs in this county that still stands, newest first.
 */
export async function listCertificateLibrary(deps: Pick<CertificateDependencies, 'certificates' | 'tenants' | 'clock'>, ctx: RequestContext) {
  authorize(ctx.principal, 'certificate.list-own');
  const idDigest = realNameDigest(ctx.principal);
  if (!(await deps.tenants.profile(ctx.tenantId))) throw notFound.tenant(ctx.tenantId);
  const now = deps.clock.now().toISOString();
  const found = await deps.certificates.forHolder(ctx.tenantId, applicantDigestOf(ctx.tenantId, idDigest), 100);
  return {
    certificates: found
      .filter((certificate) => certificate.status === 'valid' && !isExpired(certificate.validUntil, now))
      .map((certificate) => ({ ...certificateSummary(payloadOf(certificate)), status: certificate.status })),
  };
}

/**
 * Primary course (我的证照): the holder takes their signed certificate document, to present it to anyone who then checks it
 * with `verifyPresentedCertificate`. Theirs by the ID digest of their real-name account, as in the library; a number of
 * someone else's (or of nothing) answers 404 alike, so nobody learns which numbers exist. A revoked or expired certificate
 * is still theirs to take: its verification says so. The stored bytes are handed out only while they are the bytes issued.
 */
export async function holderCertificateDocument(
  deps: Pick<CertificateDependencies, 'certificates' | 'documents'>,
  ctx: RequestContext,
  certificateNo: string,
): Promise<SignedCertificateDocument> {
  authorize(ctx.principal, 'certificate.download-own');
  const holderDigest = applicantDigestOf(ctx.tenantId, realNameDigest(ctx.principal));
  const record = await deps.certificates.find(ctx.tenantId, certificateNo);
  if (!record || record.holder.idDigest !== holderDigest) throw certificateNotFound(certificateNo);
  const stored = await deps.documents.get(record.documentKey);
  const document = stored && sha256Hex(stored) === record.documentSha256 ? parseSignedDocument(stored) : undefined;
  if (!document) {
    throw new DependencyUnavailableError(
      `电子证照 ${certificateNo} 的存档文书暂不可用，请联系发证部门`,
      `The stored document of certificate ${certificateNo} is not available; contact the issuing department`,
    );
  }
  return document;
}

/** What the release rules need of a case, and the 容缺 materials still outstanding. */
async function releaseFacts(
  deps: Pick<CertificateDependencies, 'cases' | 'materials' | 'tenants' | 'calendar'>,
  ctx: RequestContext,
  caseId: string,
  action: 'result.choose-delivery' | 'result.hand-over',
) {
  authorizeRole(ctx.principal, action);
  const [current, checklist, profile, national] = await Promise.all([
    deps.cases.find(ctx.tenantId, caseId),
    deps.materials.checklist(ctx.tenantId, caseId),
    deps.tenants.profile(ctx.tenantId),
    deps.calendar.current(),
  ]);
  if (!current) throw notFound.case(caseId);
  if (!profile) throw notFound.tenant(ctx.tenantId);
  authorize(ctx.principal, action, { caseId, owner: ownershipOf(current) });
  const facts: CompletedCaseFacts = {
    tenantId: ctx.tenantId,
    caseId,
    status: current.status,
    ...(current.completedAt ? { completedAt: current.completedAt } : {}),
  };
  const waitingFor = outstandingDeferredMaterials(
    current.deferredMaterials?.materialIds ?? [],
    checklist.map((entry) => entry.materialId),
  );
  return { facts, waitingFor, calendar: tenantCalendar(profile, national) };
}

/** Primary course: the applicant chooses pickup at the window or mail (政务专递) for the result of a completed case. */
export async function chooseResultDelivery(deps: CertificateDependencies, ctx: RequestContext, caseId: string, body: z.infer<typeof deliveryChoiceBody>) {
  const [{ facts, waitingFor, calendar }, current] = await Promise.all([
    releaseFacts(deps, ctx, caseId, 'result.choose-delivery'),
    deps.releases.find(ctx.tenantId, caseId),
  ]);
  const now = deps.clock.now().toISOString();
  const chosen = chooseDelivery(current, facts, body, calendar, now, deps.ids.next());
  if (chosen.event) await deps.releases.save(chosen.release, chosen.event);
  return { caseId, ...releaseView(chosen.release, facts, waitingFor, calendar, now) };
}

/** Primary course (staff): the result is handed over at the window, or posted with its tracking number; refused while 容缺 materials are outstanding. */
export async function handOverResult(deps: CertificateDependencies, ctx: RequestContext, caseId: string, body: z.infer<typeof handoverBody>) {
  const [{ facts, waitingFor, calendar }, current] = await Promise.all([
    releaseFacts(deps, ctx, caseId, 'result.hand-over'),
    deps.releases.find(ctx.tenantId, caseId),
  ]);
  const now = deps.clock.now().toISOString();
  const handed = handOver(
    current,
    facts,
    waitingFor,
    ctx.staff as StaffIdentity,
    body.trackingNumber ? { trackingNumber: body.trackingNumber } : {},
    calendar,
    now,
    deps.ids.next(),
  );
  if (handed.event) await deps.releases.save(handed.release, handed.event);
  return { caseId, ...releaseView(handed.release, facts, waitingFor, calendar, now) };
}

/**
 * The reply to a retried delivery choice or handover whose first call committed and died before answering: the stored
 * release as that call's reply would have shown it.
 */
export async function replayReleaseChange(
  deps: CertificateDependencies,
  ctx: RequestContext,
  caseId: string,
  action: 'result.choose-delivery' | 'result.hand-over',
) {
  const [{ facts, waitingFor, calendar }, current] = await Promise.all([releaseFacts(deps, ctx, caseId, action), deps.releases.find(ctx.tenantId, caseId)]);
  if (!current) throw notFound.case(caseId);
  return { caseId, ...releaseView(current, facts, waitingFor, calendar, deps.clock.now().toISOString()) };
}
