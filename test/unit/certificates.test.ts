import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyFileSigner } from '../../functions/certificates/adapters/signers';
import {
  type Certificate,
  type CertificatePayload,
  certificateNumber,
  certificatePayload,
  documentBytes,
  isExpired,
  libraryCertificateProblem,
  maskIdNumber,
  parseCertificateNumber,
  sha256Hex,
  type SignedCertificateDocument,
  signedBytes,
  tenantOfCertificateNumber,
  validityPeriod,
} from '../../functions/certificates/domain/certificate';
import { ed25519KeyFromSeed, publicKeyDer, verifyPresented, verifyStored } from '../../functions/certificates/domain/verification';
import { canonicalJson } from '../../functions/kernel/canonical-json';

const TENANT = '522732';
const CASE_ID = '01KAB4M7Q0Y8ZB1N2P3R4S5T6V';
const COMPLETED_AT = '2026-11-23T16:30:00.000Z'; // Tuesday 2026-11-24 in Shanghai

const aPayload = (overrides: Partial<CertificatePayload> = {}): CertificatePayload => ({
  ...certificatePayload({
    tenantId: TENANT,
    caseId: CASE_ID,
    completedAt: COMPLETED_AT,
    holder: { kind: 'person', name: '韦小宝', idType: '居民身份证', idDigest: 'd'.repeat(32), maskedIdNumber: maskIdNumber('52273219900101123X') },
    formData: { businessName: '三都韦记米粉店', businessScope: '餐饮', notAField: 'x' },
    item: {
      code: 'TEST-0001',
      version: 3,
      result: { certificateType: 'BUSINESS_LICENSE', name: '营业执照', validityYears: 1 },
      leadDepartment: 'SCJGJ',
      formFieldKeys: ['businessName', 'businessScope'],
    },
  }),
  ...overrides,
});

const { privateKey } = generateKeyPairSync('ed25519');
const publicKey = publicKeyDer(privateKey);

/** A certificate issued with the test key: the record and the stored document bytes. */
function issued(payload = aPayload()): { record: Certificate; bytes: Buffer; document: SignedCertificateDocument } {
  const document: SignedCertificateDocument = {
    certificate: payload,
    signature: { algorithm: 'Ed25519', value: sign(null, signedBytes(payload), privateKey).toString('base64') },
  };
  const bytes = documentBytes(document);
  return {
    document,
    bytes,
    record: {
      ...payload,
      status: 'valid',
      documentSha256: sha256Hex(bytes),
      documentKey: `certificates/${TENANT}/${payload.certificateNo}.json`,
      contactDigest: 'c'.repeat(32),
    },
  };
}

const TODAY = '2026-11-25T02:00:00.000Z';

describe('given certificate numbering', () => {
  it('when a number is made then it leads with the tenant, the Shanghai year and the type, and the same case and item always get the same number', () => {
    const number = certificateNumber(TENANT, CASE_ID, 'TEST-0001', 'BUSINESS_LICENSE', '2026-12-31T17:00:00.000Z');
    expect(number).toMatch(/^522732-2027-BUSINESS_LICENSE-[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(certificateNumber(TENANT, CASE_ID, 'TEST-0001', 'BUSINESS_LICENSE', '2026-12-31T17:00:00.000Z')).toBe(number);
    expect(certificateNumber(TENANT, CASE_ID, 'TEST-0002', 'BUSINESS_LICENSE', '2026-12-31T17:00:00.000Z')).not.toBe(number);
    expect(number).not.toContain(CASE_ID);
    expect(parseCertificateNumber(number)).toEqual({ tenantId: TENANT, year: 2027, certificateType: 'BUSINESS_LICENSE' });
  });

  it('when a number is malformed then no tenant is read from it and the refusal is a 400 code', () => {
    expect(parseCertificateNumber('黔（2026）三都县不动产权第0001234号')).toBeUndefined();
    expect(parseCertificateNumber('52273-2026-BUSINESS_LICENSE-ABCDEFGHJKMN')).toBeUndefined();
    expect(() => tenantOfCertificateNumber('../../etc/passwd')).toThrow(expect.objectContaining({ code: 'CERTIFICATE_NO_INVALID' }));
  });
});

describe('given the validity of an item result', () => {
  it('when issued late on a UTC day then validity starts on the Shanghai date and ends the day before the anniversary', () => {
    expect(validityPeriod(COMPLETED_AT, 1)).toEqual({ validFrom: '2026-11-24', validUntil: '2027-11-23' });
    expect(validityPeriod(COMPLETED_AT, 5)).toEqual({ validFrom: '2026-11-24', validUntil: '2031-11-23' });
  });

  it('when the term is permanent, fractional or starts on a month end then the dates stay real dates', () => {
    expect(validityPeriod(COMPLETED_AT, null)).toEqual({ validFrom: '2026-11-24', validUntil: null });
    expect(validityPeriod('2026-08-30T16:00:00.000Z', 0.5)).toEqual({ validFrom: '2026-08-31', validUntil: '2027-02-27' });
    expect(validityPeriod('2028-02-28T16:00:00.000Z', 1)).toEqual({ validFrom: '2028-02-29', validUntil: '2029-02-27' });
  });

  it('when the last day has passed in Shanghai then it is expired, and a permanent one never is', () => {
    expect(isExpired('2027-11-23', '2027-11-23T15:59:59.000Z')).toBe(false);
    expect(isExpired('2027-11-23', '2027-11-23T16:00:00.000Z')).toBe(true);
    expect(isExpired(null, '2099-01-01T00:00:00.000Z')).toBe(false);
  });
});

describe('given the signed payload', () => {
  it('then it keeps only the item form fields, masks the ID number and names the lead department', () => {
    const payload = aPayload();
    expect(payload.data).toEqual({ businessName: '三都韦记米粉店', businessScope: '餐饮' });
    expect(payload.holder.maskedIdNumber).toBe('5227**********123X');
    expect(JSON.stringify(payload)).not.toContain('52273219900101123X');
    expect(payload).toMatchObject({ issuingDepartment: 'SCJGJ', itemCode: 'TEST-0001', itemVersion: 3, issuedAt: COMPLETED_AT, validFrom: '2026-11-24' });
  });

  it('then its canonical form does not depend on key order, so a re-issue signs the same bytes', () => {
    const payload = aPayload();
    const reordered = Object.fromEntries(Object.entries(payload).reverse()) as unknown as CertificatePayload;
    expect(signedBytes(reordered).equals(signedBytes(payload))).toBe(true);
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 4, e: 5 }] } })).toBe('{"a":{"c":[3,{"e":5,"f":4}],"d":2},"b":1}');
  });
});

describe('given a stored certificate document', () => {
  it('when nothing was changed then verification says valid with a summary that has no ID number', () => {
    const { record, bytes } = issued();
    const verdict = verifyStored(record, bytes, publicKey, TODAY);
    expect(verdict).toMatchObject({
      status: 'valid',
      reasons: [],
      certificate: { certificateNo: record.certificateNo, holder: { name: '韦小宝', maskedIdNumber: '5227**********123X' } },
    });
    expect(JSON.stringify(verdict)).not.toMatch(/52273219900101123X|idDigest|contactDigest/);
  });

  it('when one character of the stored document is changed then it is invalid: digest and signature both fail', () => {
    const { record, bytes } = issued();
    const tampered = Buffer.from(bytes.toString('utf8').replace('"validUntil":"2027-11-23"', '"validUntil":"2037-11-23"'), 'utf8');
    expect(tampered.equals(bytes)).toBe(false);
    expect(verifyStored(record, tampered, publicKey, TODAY)).toMatchObject({
      status: 'invalid',
      reasons: expect.arrayContaining(['DOCUMENT_DIGEST_MISMATCH', 'SIGNATURE_INVALID']),
    });
  });

  it('when the record is changed (or the document missing, or signed by another key) then it is invalid with the reason', () => {
    const { record, bytes } = issued();
    expect(verifyStored({ ...record, validUntil: '2099-12-31' }, bytes, publicKey, TODAY)).toMatchObject({ status: 'invalid', reasons: ['RECORD_MISMATCH'] });
    expect(verifyStored(record, undefined, publicKey, TODAY)).toMatchObject({ status: 'invalid', reasons: ['DOCUMENT_MISSING'] });
    const otherKey = publicKeyDer(generateKeyPairSync('ed25519').privateKey);
    expect(verifyStored(record, bytes, otherKey, TODAY)).toMatchObject({ status: 'invalid', reasons: ['SIGNATURE_INVALID'] });
  });

  it('when the certificate was revoked or has expired then the genuine document says so', () => {
    const { record, bytes } = issued();
    expect(verifyStored({ ...record, status: 'revoked', revokedAt: TODAY }, bytes, publicKey, TODAY)).toMatchObject({
      status: 'revoked',
      reasons: ['REVOKED'],
    });
    expect(verifyStored(record, bytes, publicKey, '2027-11-24T00:00:00.000Z')).toMatchObject({ status: 'expired', reasons: ['EXPIRED'] });
  });
});

describe('given a document a third party presents', () => {
  it('when it is the issued document then it is valid; any edit or a document we never issued is invalid', () => {
    const { record, document } = issued();
    expect(verifyPresented(document, record, publicKey, TODAY)).toMatchObject({ status: 'valid' });
    const edited = { ...document, certificate: { ...document.certificate, name: '营业执照（副本）' } };
    expect(verifyPresented(edited, record, publicKey, TODAY)).toMatchObject({ status: 'invalid', reasons: ['SIGNATURE_INVALID', 'RECORD_MISMATCH'] });
    expect(verifyPresented(document, undefined, publicKey, TODAY)).toMatchObject({ status: 'invalid', reasons: ['NOT_ISSUED'] });
  });
});

describe('given the signing keys', () => {
  it('when a key is derived from a seed (AWS: SHA-256 of the secret) then the same seed always gives the same key', () => {
    const seed = Buffer.alloc(32, 7);
    expect(publicKeyDer(ed25519KeyFromSeed(seed)).equals(publicKeyDer(ed25519KeyFromSeed(Buffer.alloc(32, 7))))).toBe(true);
    expect(() => ed25519KeyFromSeed(Buffer.alloc(31))).toThrow(RangeError);
  });

  it('when the local key file is missing then it is generated owner-only and reused by the next signer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-key-'));
    try {
      const path = join(dir, 'keys', 'certificate-signing-key.pem');
      const first = new KeyFileSigner(path);
      const signature = await first.sign(Buffer.from('x'));
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const second = new KeyFileSigner(path);
      expect((await second.publicKey()).equals(await first.publicKey())).toBe(true);
      expect(Buffer.from(await second.sign(Buffer.from('x'))).equals(Buffer.from(signature))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('given a material that names a library certificate (免证办)', () => {
  const { record } = issued();
  const expected = { tenantId: TENANT, certificateType: 'BUSINESS_LICENSE', holderDigest: 'd'.repeat(32) };

  it('when it is this tenant’s valid certificate of that type held by the applicant then there is no problem', () => {
    expect(libraryCertificateProblem(record.certificateNo, record, expected, TODAY)).toBeUndefined();
  });

  it.each([
    ['unknown', undefined, expected, 'CERTIFICATE_NOT_FOUND'],
    ['another tenant’s', { ...record }, { ...expected, tenantId: '630103' }, 'CERTIFICATE_NOT_FOUND'],
    ['revoked', { ...record, status: 'revoked' as const }, expected, 'CERTIFICATE_REVOKED'],
    ['of another type', record, { ...expected, certificateType: 'REAL_ESTATE_CERT' }, 'CERTIFICATE_TYPE_MISMATCH'],
    ['someone else’s', record, { ...expected, holderDigest: 'e'.repeat(32) }, 'CERTIFICATE_HOLDER_MISMATCH'],
  ])('when it is %s then it is refused with a code', (_label, found, expectation, code) => {
    expect(libraryCertificateProblem(record.certificateNo, found, expectation, TODAY)).toMatchObject({ code });
  });

  it('when it has expired then it is refused', () => {
    expect(libraryCertificateProblem(record.certificateNo, record, expected, '2028-01-01T00:00:00.000Z')).toMatchObject({ code: 'CERTIFICATE_EXPIRED' });
  });
});

describe('given a form whose fields carry personal numbers (a legal representative, a contact person)', () => {
  const payloadWith = (formData: Record<string, unknown>) =>
    certificatePayload({
      tenantId: TENANT,
      caseId: CASE_ID,
      completedAt: COMPLETED_AT,
      holder: { kind: 'person', name: '韦小宝', idType: '居民身份证', idDigest: 'd'.repeat(32), maskedIdNumber: maskIdNumber('52273219900101123X') },
      formData,
      item: {
        code: 'TEST-0001',
        version: 3,
        result: { certificateType: 'BUSINESS_LICENSE', name: '营业执照', validityYears: 1 },
        leadDepartment: 'SCJGJ',
        formFieldKeys: Object.keys(formData),
      },
    });

  it('when the certificate is made, then no raw ID or mobile number reaches the signed document, only masked forms', () => {
    const payload = payloadWith({
      legalRepresentativeId: '52273219900101123x',
      contact: '联系人韦工，电话13812345678',
      people: [{ idNumber: '522732198512150002' }],
      businessName: '三都韦记米粉店',
    });
    const text = JSON.stringify(payload);
    expect(text).not.toMatch(/52273219900101123[xX]|13812345678|522732198512150002/);
    expect(payload.data).toMatchObject({
      legalRepresentativeId: '5227**********123X',
      contact: '联系人韦工，电话138****5678',
      people: [{ idNumber: '5227**********0002' }],
      businessName: '三都韦记米粉店',
    });
  });
});
