import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The applicant as every context names them: a person or an organisation with an identity document.
 * The ID number is stored on the case, never logged, and never part of a key: where a key or an index
 * needs "this applicant" (their cases, their certificates) it uses `applicantDigest`.
 */
export const applicantSchema = z.object({
  kind: z.enum(['person', 'organisation']).default('person'),
  name: z.string().trim().min(1).max(100),
  idType: z.enum(['居民身份证', '统一社会信用代码', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证']).default('居民身份证'),
  idNumber: z.string().trim().min(6).max(32),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'phone must be a mainland mobile or landline number'),
});

/**
 * How an applicant proves who they are without an account ("my cases", the certificate library, a
 * review): the ID, compared by digest, and the phone number on record.
 */
export const applicantProofSchema = applicantSchema.pick({ idType: true, idNumber: true, phone: true });

/**
 * The ID digest an identity platform gives for a real-name account (the `idDigest` claim): lowercase hex SHA-256 of
 * `<idType>|<ID number in upper case>`. A case keeps it so a signed-in applicant finds their cases, the ones filed for
 * them at a window included, without the ID number ever being compared or indexed in the clear.
 */
export const nationalIdDigest = (idType: string, idNumber: string): string =>
  createHash('sha256').update(`${idType}|${idNumber.trim().toUpperCase()}`).digest('hex');

/** The county's key for "this applicant" (their cases, their certificates) from the ID digest: never the ID number, and different per county. */
export const applicantDigestOf = (tenantId: string, idDigest: string): string =>
  createHash('sha256').update(`${tenantId}|${idDigest}`).digest('hex').slice(0, 32);

/** A stable, non-reversible key for "this applicant", so their cases and certificates can be listed without indexing the ID number. */
export const applicantDigest = (tenantId: string, idType: string, idNumber: string): string => applicantDigestOf(tenantId, nationalIdDigest(idType, idNumber));
