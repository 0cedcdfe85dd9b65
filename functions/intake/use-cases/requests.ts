/** The request schemas the intake handlers parse (and `npm run schemas:generate` publishes). */

import { z } from 'zod';
import { applicantSchema } from '../../kernel/applicant';
import { caseIdSchema } from '../../kernel/ids';

/** When the applicant signed: any offset accepted (the platform writes +08:00 itself), kept as UTC. */
const signedAtSchema = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

export const createCaseBody = z
  .object({
    /** The item applied for; or `bundleCode` for a 一件事 bundle (one merged form, every department in parallel). */
    itemCode: z.string().trim().min(1).max(64).optional(),
    bundleCode: z.string().trim().min(1).max(64).optional(),
    /**
     * At the window (the workbench route): the window desk filing for the applicant. The channel and the clerk are not
     * part of the request: a citizen's token files online, a window clerk's token files at the window as that clerk.
     */
    window: z.object({ windowId: z.string().trim().min(1).max(40) }).optional(),
    applicant: applicantSchema,
    formData: z.record(z.string(), z.unknown()).default({}),
    /** 告知承诺: the signed commitment that stands in for proofs, for items that allow it. */
    commitment: z.object({ statement: z.string().trim().min(10).max(2000), signedBy: z.string().trim().min(1).max(100), signedAt: signedAtSchema }).optional(),
  })
  .refine((body) => (body.itemCode === undefined) !== (body.bundleCode === undefined), {
    path: ['itemCode'],
    message: 'give exactly one of itemCode and bundleCode / 须且只能填写事项编码或一件事编码之一',
  });

export const acceptanceBody = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('accept'),
    /** 容缺受理: may-be-missing materials accepted as missing, with the applicant's signed commitment to supply them. */
    deferred: z
      .object({
        materialIds: z.array(z.string().trim().min(1).max(64)).min(1).max(50),
        commitment: z.object({ statement: z.string().trim().min(10).max(2000), signedBy: z.string().trim().min(1).max(100), signedAt: signedAtSchema }),
      })
      .optional(),
  }),
  z.object({
    decision: z.literal('supplement'),
    items: z
      .array(z.object({ materialId: z.string().trim().min(1).max(64), reason: z.string().trim().min(1).max(200) }))
      .min(1)
      .max(50),
  }),
  z.object({ decision: z.enum(['reject', 'return']), reason: z.string().trim().min(1).max(500) }),
  z.object({ decision: z.literal('complete') }),
]);

export const postVerificationBody = z.object({
  outcome: z.enum(['confirmed', 'false-commitment']),
  note: z.string().trim().min(1).max(1000),
});

export const resubmissionBody = z.object({ formData: z.record(z.string(), z.unknown()).optional() });

/** The receipt's case number and query code (查询码), for the public progress lookup. */
export const progressLookupBody = z.object({
  caseId: caseIdSchema,
  queryCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{8}$/, 'expected the 8-character query code printed on the receipt'),
});

/** A page of a workbench queue: `cursor` is the previous answer's `nextCursor`, as it came. */
const paging = {
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export const examinationQueueQuery = z.object({
  status: z.enum(['submitted', 'supplement_requested']).default('submitted'),
  ...paging,
});

export const handoverQueueQuery = z.object(paging);

export const openCasesQuery = z.object({
  light: z.enum(['green', 'yellow', 'red', 'suspended', 'unknown']).optional(),
  deptId: z
    .string()
    .regex(/^[A-Z0-9_-]{1,32}$/)
    .optional(),
  itemCode: z.string().trim().min(1).max(64).optional(),
  ...paging,
});
