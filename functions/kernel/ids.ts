import { z } from 'zod';

/**
 * The identifiers every context shares, spelt once. A tenant is a county-level government named by its
 * 6-digit administrative division code (so are the city and province levels it rolls up to, and the
 * national level `000000`); cases, tasks, uploads, reviews and ledger entries are ULIDs.
 */
export const DIVISION_CODE_PATTERN = /^\d{6}$/;

/** Crockford base-32, 26 characters: what `ulid` generates. */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A tenant (or city, province, national level) as it appears in a path, a message or a key. */
export const tenantIdSchema = z.string().regex(DIVISION_CODE_PATTERN);

/** Any id the platform generates; anything else is refused before it reaches storage. */
export const ulidSchema = z.string().regex(ULID_PATTERN, 'expected a 26-character ULID');

/** Case ids are ULIDs. */
export const caseIdSchema = ulidSchema;
