import { createPrivateKey, createPublicKey, type KeyObject, verify } from 'node:crypto';
import { canonicalJson } from '../../kernel/canonical-json';
import {
  type Certificate,
  type CertificatePayload,
  certificateSummary,
  isExpired,
  payloadOf,
  sha256Hex,
  type SignedCertificateDocument,
  signedBytes,
} from './certificate';

/**
 * Signature checks and the verdict of a verification, pure (node:crypto only). A verdict is
 * `invalid` as soon as anything does not add up, `revoked` or `expired` for a genuine certificate
 * that no longer stands, and `valid` otherwise.
 */
export type VerificationStatus = 'valid' | 'revoked' | 'invalid' | 'expired';

export type VerificationReason =
  'DOCUMENT_MISSING' | 'DOCUMENT_DIGEST_MISMATCH' | 'DOCUMENT_MALFORMED' | 'SIGNATURE_INVALID' | 'RECORD_MISMATCH' | 'NOT_ISSUED' | 'REVOKED' | 'EXPIRED';

/** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The Ed25519 private key of a 32-byte seed, so a key can be derived from any secret the same way everywhere. */
export function ed25519KeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new RangeError(`an Ed25519 seed has 32 bytes, got ${seed.length}`);
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** The SubjectPublicKeyInfo DER of a private key. */
export const publicKeyDer = (privateKey: KeyObject): Buffer => createPublicKey(privateKey).export({ format: 'der', type: 'spki' });

/** Whether `signature` (base64) is the Ed25519 signature of the payload's canonical bytes under the public key. */
export function signatureHolds(publicKey: Buffer, payload: CertificatePayload, signatureBase64: string): boolean {
  try {
    const key = createPublicKey({ key: publicKey, format: 'der', type: 'spki' });
    return verify(null, signedBytes(payload), key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/** Reads a stored or presented document; undefined when it is not a signed certificate document at all. */
export function parseSignedDocument(bytes: Uint8Array): SignedCertificateDocument | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<SignedCertificateDocument>;
    if (!parsed || typeof parsed !== 'object' || !parsed.certificate || typeof parsed.certificate !== 'object') return undefined;
    if (parsed.signature?.algorithm !== 'Ed25519' || typeof parsed.signature.value !== 'string') return undefined;
    return parsed as SignedCertificateDocument;
  } catch {
    return undefined;
  }
}

export interface Verdict {
  readonly certificateNo: string;
  readonly status: VerificationStatus;
  readonly reasons: readonly VerificationReason[];
  readonly certificate?: ReturnType<typeof certificateSummary> & { readonly status: Certificate['status']; readonly revokedAt?: string };
}

function verdictOf(record: Certificate, reasons: VerificationReason[], now: string): Verdict {
  const summary = { ...certificateSummary(payloadOf(record)), status: record.status, ...(record.revokedAt ? { revokedAt: record.revokedAt } : {}) };
  if (reasons.length > 0) return { certificateNo: record.certificateNo, status: 'invalid', reasons, certificate: summary };
  if (record.status === 'revoked') return { certificateNo: record.certificateNo, status: 'revoked', reasons: ['REVOKED'], certificate: summary };
  if (isExpired(record.validUntil, now)) return { certificateNo: record.certificateNo, status: 'expired', reasons: ['EXPIRED'], certificate: summary };
  return { certificateNo: record.certificateNo, status: 'valid', reasons: [], certificate: summary };
}

/**
 * Verifies a certificate from what the platform holds: the stored document must still have the
 * digest recorded at issue, carry a good signature, and say exactly what the record says. Any change
 * to the stored document, or to a signed field of the record, makes it invalid.
 */
export function verifyStored(record: Certificate, stored: Uint8Array | undefined, publicKey: Buffer, now: string): Verdict {
  if (!stored) return verdictOf(record, ['DOCUMENT_MISSING'], now);
  const reasons: VerificationReason[] = [];
  if (sha256Hex(stored) !== record.documentSha256) reasons.push('DOCUMENT_DIGEST_MISMATCH');
  const document = parseSignedDocument(stored);
  if (!document) return verdictOf(record, [...reasons, 'DOCUMENT_MALFORMED'], now);
  if (!signatureHolds(publicKey, document.certificate, document.signature.value)) reasons.push('SIGNATURE_INVALID');
  if (canonicalJson(document.certificate) !== canonicalJson(payloadOf(record))) reasons.push('RECORD_MISMATCH');
  return verdictOf(record, reasons, now);
}

/**
 * Verifies a document a third party holds: the signature must hold over what it says, the platform
 * must have issued that very certificate, and the record must say the same.
 */
export function verifyPresented(document: SignedCertificateDocument, record: Certificate | undefined, publicKey: Buffer, now: string): Verdict {
  const certificateNo = String(document.certificate.certificateNo ?? '');
  const signed = signatureHolds(publicKey, document.certificate, document.signature.value);
  if (!record) return { certificateNo, status: 'invalid', reasons: signed ? ['NOT_ISSUED'] : ['SIGNATURE_INVALID', 'NOT_ISSUED'] };
  const reasons: VerificationReason[] = [];
  if (!signed) reasons.push('SIGNATURE_INVALID');
  if (canonicalJson(document.certificate) !== canonicalJson(payloadOf(record))) reasons.push('RECORD_MISMATCH');
  return verdictOf(record, reasons, now);
}
