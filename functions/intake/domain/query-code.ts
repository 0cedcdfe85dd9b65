/**
 * The query code on the receipt (查询码): with the case number it lets anyone holding the receipt follow the
 * case without signing in (a relative at the window, an applicant without a smartphone account), and shows
 * status and dates only. The case keeps a digest, never the code.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L: read aloud or typed from paper by an elderly applicant without mistakes. */
export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 8;

/** A code from `randomIndex` (a uniform random integer below the alphabet's length), passed in so the domain stays pure. */
export function newQueryCode(randomIndex: (below: number) => number): string {
  return Array.from({ length: QUERY_CODE_LENGTH }, () => QUERY_CODE_ALPHABET[randomIndex(QUERY_CODE_ALPHABET.length)]).join('');
}

/** Tied to the case, so one code's digest says nothing about another case. */
export const queryCodeDigest = (caseId: string, code: string): string => createHash('sha256').update(`${caseId}|${code.trim().toUpperCase()}`).digest('hex');

export function matchesQueryCode(caseId: string, stored: string | undefined, presented: string): boolean {
  if (!stored) return false;
  const digest = Buffer.from(queryCodeDigest(caseId, presented));
  const expected = Buffer.from(stored);
  return digest.length === expected.length && timingSafeEqual(digest, expected);
}
