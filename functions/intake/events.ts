import { z } from 'zod';
import { caseEventTypes } from './domain/case';

/** Version 1 of a case timeline event as stored and as later published to other contexts. */
export const caseEventSchema = z
  .strictObject({
    eventId: z.string().min(1),
    caseId: z.string().min(1),
    type: z.enum(caseEventTypes),
    at: z.iso.datetime(),
    actor: z.string().min(1),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ title: 'Case timeline event v1 / 办件过程事件' });

/** A deadline as every context serialises it: the end of a Shanghai day. */
const deadline = z.string().regex(/^\d{4}-\d{2}-\d{2}T23:59:59\+08:00$/, 'expected YYYY-MM-DDT23:59:59+08:00');

/**
 * The `detail` of a `DeadlineRecomputed` case event: a loaded holiday notice moved one deadline of the
 * case, of one of its department tasks or of its result release. `before`/`after` are null where the
 * deadline could not be counted (a year beyond every notice). Staff are named by their id only; the
 * applicant not at all. Consumers parse it, so a producer drifting from the contract fails loudly.
 */
export const deadlineRecomputedDetailSchema = z.object({
  subject: z.enum(['case', 'task', 'release']),
  field: z.enum(['promisedDeadline', 'noticeDeadline', 'stageDeadline', 'supervisionDeadline', 'deliveryDeadline']),
  before: deadline.nullable(),
  after: deadline.nullable(),
  moved: z.enum(['earlier', 'later']),
  /** The new value still counts a provisional year (its notice is not out yet): it will move again. */
  provisional: z.boolean(),
  /** The year whose notice was loaded. */
  year: z.number().int(),
  noticeVersion: z.number().int().min(1),
  taskId: z.string().min(1).optional(),
  deptId: z.string().min(1).optional(),
  /** Staff id of the handler who claimed the task, if anyone did. */
  claimedBy: z.string().min(1).optional(),
});

export type DeadlineRecomputedDetail = z.infer<typeof deadlineRecomputedDetailSchema>;
