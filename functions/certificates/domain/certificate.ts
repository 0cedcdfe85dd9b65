import { createHash } from 'node:crypto';
import type { ItemResult } from '../../catalogue/domain/tenant-config/index';
import { canonicalJson } from '../../kernel/canonical-json';
import { type DomainError, NotFoundError, RuleNotSatisfiableError, ValidationError } from '../../shared/errors';

/**
 * Electronic certificates (电子证照), pure: numbering, validity, the signed payload and its
 * canonical bytes. Issuance is a deterministic function of the completed case and the item, so a
 * redelivered `CaseCompleted` produces byte-identical documents and the same numbers.
 */
export type CertificateStatus = 'valid' | 'revoked';

/** The holder as the certificate names them: never the raw ID number. */
export interface CertificateHolder {
  readonly kind: 'person' | 'organisation';
  readonly name: string;
  readonly idType: string;
  /** The same digest the applicant's cases are indexed by (tenant, ID type, ID number). */
  readonly idDigest: string;
  /** Printed on the document, e.g. `5227**********123X`. */
  readonly maskedIdNumber: string;
}

/** What the platform signs: everything the certificate states, nothing that changes later (status does). */
export interface CertificatePayload {
  readonly certificateNo: string;
  readonly tenantId: string;
  readonly certificateType: string;
  readonly name: string;
  readonly holder: CertificateHolder;
  readonly issuingDepartment: string;
  /** Shanghai dates `YYYY-MM-DD`; `validUntil` is null for a permanent certificate. */
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  readonly caseId: string;
  readonly itemCode: string;
  readonly itemVersion: number;
  readonly issuedAt: string;
}

export interface Certificate extends CertificatePayload {
  readonly status: CertificateStatus;
  /** SHA-256 (hex) of the stored signed document, as written to the bucket. */
  readonly documentSha256: string;
  readonly documentKey: string;
  /** Confirms "my certificates" like "my cases" do, by phone, without storing the number. */
  readonly contactDigest: string;
  readonly revokedAt?: string;
  readonly revocationReason?: string;
}

/** The signed document as stored and as handed to the holder: the payload and the signature over its canonical bytes. */
export interface SignedCertificateDocument {
  readonly certificate: CertificatePayload;
  readonly signature: { readonly algorithm: 'Ed25519'; readonly value: string };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SUFFIX_LENGTH = 12;
const CERTIFICATE_NO = /^(\d{6})-(\d{4})-([A-Z][A-Z0-9_]{0,39})-([0-9A-HJKMNP-TV-Z]{12})$/;
export const CERTIFICATE_NO_MAX_LENGTH = 64;

/** The Asia/Shanghai date of an instant (certificates are dated in China Standard Time). */
export function shanghaiDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * `<tenantId>-<YYYY>-<TYPE>-<12 Crockford base32>`: the tenant first, so a public lookup finds the
 * tenant's partition; the suffix is a digest of (tenant, case, item), so a redelivered completion
 * yields the same number, and the number reveals neither the case id nor a sequence to enumerate.
 */
export function certificateNumber(tenantId: string, caseId: string, itemCode: string, certificateType: string, issuedAt: string): string {
  const digest = createHash('sha256').update(`${tenantId}|${caseId}|${itemCode}`).digest();
  let suffix = '';
  for (let index = 0; index < SUFFIX_LENGTH; index++) suffix += CROCKFORD[(digest[index] as number) % 32];
  return `${tenantId}-${shanghaiDay(issuedAt).slice(0, 4)}-${certificateType}-${suffix}`;
}

/** The tenant a certificate number belongs to, or undefined when it is not one of ours. */
export function parseCertificateNumber(certificateNo: string): { tenantId: string; year: number; certificateType: string } | undefined {
  const match = CERTIFICATE_NO.exec(certificateNo);
  if (!match) return undefined;
  return { tenantId: match[1] as string, year: Number(match[2]), certificateType: match[3] as string };
}

export const invalidCertificateNumber = (certificateNo: string): ValidationError =>
  new ValidationError(
    `证照编号格式不正确：${certificateNo.slice(0, CERTIFICATE_NO_MAX_LENGTH)}（应为 行政区划代码-年份-证照类型-12位编码）`,
    'Malformed certificate number; expected <tenantId>-<YYYY>-<TYPE>-<12 characters>',
    [{ path: 'certificateNo', message: 'expected <6 digits>-<YYYY>-<TYPE>-<12 Crockford base32>' }],
    'CERTIFICATE_NO_INVALID',
  );

/** The tenant of a certificate number; a malformed number is refused with 400 CERTIFICATE_NO_INVALID. */
export function tenantOfCertificateNumber(certificateNo: string | undefined): string {
  const parsed = certificateNo === undefined ? undefined : parseCertificateNumber(certificateNo);
  if (!parsed) throw invalidCertificateNumber(certificateNo ?? '');
  return parsed.tenantId;
}

/**
 * Validity from the Shanghai date of issue: `validityYears` whole or fractional years (counted in
 * months), ending the day before the anniversary, as printed on Chinese certificates
 * (2026-11-24 至 2027-11-23). Null years mean permanent (长期有效).
 */
export function validityPeriod(issuedAt: string, validityYears: number | null): { validFrom: string; validUntil: string | null } {
  const validFrom = shanghaiDay(issuedAt);
  if (validityYears === null) return { validFrom, validUntil: null };
  const [year, month, day] = validFrom.split('-').map(Number) as [number, number, number];
  const months = Math.round(validityYears * 12);
  const targetMonthIndex = month - 1 + months;
  const targetYear = year + Math.floor(targetMonthIndex / 12);
  const targetMonth = targetMonthIndex % 12;
  const lastDayOfTarget = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  // 2028-02-29 + 1 year ends on 2029-02-28: the anniversary clamps to the month's last day
  const anniversary = Date.UTC(targetYear, targetMonth, Math.min(day, lastDayOfTarget));
  return { validFrom, validUntil: new Date(anniversary - 86_400_000).toISOString().slice(0, 10) };
}

/** Expired once the Shanghai date of `now` is after the last day of validity. */
export const isExpired = (validUntil: string | null, now: string): boolean => validUntil !== null && shanghaiDay(now) > validUntil;

/** Keeps the first four and last four characters of an ID number (one and one when short), masking the rest. */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.toUpperCase();
  if (value.length <= 8) return `${value.slice(0, 1)}${'*'.repeat(Math.max(0, value.length - 2))}${value.slice(-1)}`;
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/** The issuing facts of one item of a completed case. */
export interface IssuanceInput {
  readonly tenantId: string;
  readonly caseId: string;
  readonly completedAt: string;
  readonly holder: CertificateHolder;
  readonly formData: Readonly<Record<string, unknown>>;
  readonly item: {
    readonly code: string;
    readonly version: number;
    readonly result: ItemResult;
    readonly leadDepartment: string;
    readonly formFieldKeys: readonly string[];
  };
}

/** Resident ID numbers (18 or 15 digits) and mainland mobile numbers, wherever they stand in a text. */
const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const MOBILE_NUMBER = /(?<!\d)1\d{10}(?!\d)/g;

/**
 * A form value as a signed document may carry it: ID and mobile numbers masked (a form field of a legal representative
 * or a contact person would otherwise put them, in the clear, into a document that is handed around and never changes).
 */
export function maskPersonalNumbers(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.replace(ID_NUMBER, (id) => maskIdNumber(id)).replace(MOBILE_NUMBER, (phone) => `${phone.slice(0, 3)}****${phone.slice(-4)}`);
  }
  if (Array.isArray(value)) return value.map(maskPersonalNumbers);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskPersonalNumbers(inner)]));
  return value;
}

/** The certificate payload of one item of a completed case: only the form fields the item asks for become its data, personal numbers masked. */
export function certificatePayload(input: IssuanceInput): CertificatePayload {
  const wanted = new Set(input.item.formFieldKeys);
  const data = Object.fromEntries(
    Object.entries(input.formData)
      .filter(([key, value]) => wanted.has(key) && value !== undefined)
      .map(([key, value]) => [key, maskPersonalNumbers(value)]),
  );
  return {
    certificateNo: certificateNumber(input.tenantId, input.caseId, input.item.code, input.item.result.certificateType, input.completedAt),
    tenantId: input.tenantId,
    certificateType: input.item.result.certificateType,
    name: input.item.result.name,
    holder: input.holder,
    issuingDepartment: input.item.leadDepartment,
    ...validityPeriod(input.completedAt, input.item.result.validityYears),
    data,
    caseId: input.caseId,
    itemCode: input.item.code,
    itemVersion: input.item.version,
    issuedAt: input.completedAt,
  };
}

/** The exact bytes that are signed: canonical JSON (sorted keys, no whitespace) in UTF-8. */
export const signedBytes = (payload: CertificatePayload): Buffer => Buffer.from(canonicalJson(payload), 'utf8');

/** The stored document's bytes: canonical too, so the digest of a re-issued document is the same. */
export const documentBytes = (document: SignedCertificateDocument): Buffer => Buffer.from(canonicalJson(document), 'utf8');

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The payload a stored record stands for, to compare with what the document says. */
export function payloadOf(record: Certificate): CertificatePayload {
  const {
    status: _status,
    documentSha256: _digest,
    documentKey: _key,
    contactDigest: _contact,
    revokedAt: _revokedAt,
    revocationReason: _reason,
    ...payload
  } = record;
  return payload;
}

/** Where the signed document of a certificate lives in the certificates bucket. */
export const certificateDocumentKey = (tenantId: string, certificateNo: string): string => `certificates/${tenantId}/${certificateNo}.json`;

/** The public summary of a certificate: what a verifier may see (never the raw ID number or the contact digest). */
export function certificateSummary(payload: CertificatePayload) {
  return {
    certificateNo: payload.certificateNo,
    certificateType: payload.certificateType,
    name: payload.name,
    holder: { kind: payload.holder.kind, name: payload.holder.name, idType: payload.holder.idType, maskedIdNumber: payload.holder.maskedIdNumber },
    issuingDepartment: payload.issuingDepartment,
    validFrom: payload.validFrom,
    validUntil: payload.validUntil,
    issuedAt: payload.issuedAt,
    itemCode: payload.itemCode,
    itemVersion: payload.itemVersion,
  };
}

/** Confirms the holder's phone without storing it on the certificate (compared like "my cases" compare it). */
export const contactDigest = (tenantId: string, phone: string): string => createHash('sha256').update(`${tenantId}|${phone}`).digest('hex').slice(0, 32);

/** What a material that names a library certificate expects of it (免证办). */
export interface LibraryExpectation {
  readonly tenantId: string;
  readonly certificateType: string;
  readonly holderDigest: string;
}

/**
 * Why a certificate of the library cannot stand in for a material, or undefined when it can: it must
 * be this tenant's, still valid (neither revoked nor expired), of the type the material names, and
 * held by the case's applicant.
 */
export function libraryCertificateProblem(
  certificateNo: string,
  found: Certificate | undefined,
  expected: LibraryExpectation,
  now: string,
): DomainError | undefined {
  const parsed = parseCertificateNumber(certificateNo);
  if (!parsed) return invalidCertificateNumber(certificateNo);
  if (!found || parsed.tenantId !== expected.tenantId) return certificateNotFound(certificateNo);
  if (found.status === 'revoked')
    return new RuleNotSatisfiableError(`证照 ${certificateNo} 已被撤销`, `Certificate ${certificateNo} was revoked`, 'CERTIFICATE_REVOKED');
  if (isExpired(found.validUntil, now))
    return new RuleNotSatisfiableError(
      `证照 ${certificateNo} 已过有效期（${found.validUntil}）`,
      `Certificate ${certificateNo} expired on ${found.validUntil}`,
      'CERTIFICATE_EXPIRED',
    );
  if (found.certificateType !== expected.certificateType) {
    return new RuleNotSatisfiableError(
      `证照类型为「${found.name}」（${found.certificateType}），本材料需要 ${expected.certificateType}`,
      `Certificate type ${found.certificateType} does not match the material's ${expected.certificateType}`,
      'CERTIFICATE_TYPE_MISMATCH',
    );
  }
  if (found.holder.idDigest !== expected.holderDigest) {
    return new RuleNotSatisfiableError(
      '该证照的持证人不是本件申请人',
      'The certificate is not held by the applicant of this case',
      'CERTIFICATE_HOLDER_MISMATCH',
    );
  }
  return undefined;
}

export const certificateNotFound = (certificateNo: string): NotFoundError =>
  new NotFoundError({ zh: '电子证照', en: 'Certificate', code: 'CERTIFICATE_NOT_FOUND' }, certificateNo.slice(0, CERTIFICATE_NO_MAX_LENGTH));
