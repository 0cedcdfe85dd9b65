/**
 * The electronic supervision settings of the tenant configuration.
 *
 * Pure module: no AWS, no I/O.
 */
import { z } from 'zod';
import { days, recordsOf, report, runOnObjects, text } from './common';
import { DEFAULT_ESCALATION, ESCALATION_ORDER, type EscalationLevel, EscalationLevelSchema } from './vocabularies';

/** Electronic supervision settings. */
export const SupervisionSchema = z
  .strictObject({
    yellowThresholdDays: days.default(1).describe('距时限不足该工作日数时亮黄灯 / Working days before the deadline at which a case turns yellow'),
    escalation: z
      .array(
        z.strictObject({
          level: EscalationLevelSchema,
          role: text.optional(),
          handlingDays: z
            .number()
            .int()
            .min(1)
            .max(30)
            .default(3)
            .describe('督办后给予的办理时限（工作日） / Working days the supervising office allows once it takes the task up'),
        }),
      )
      .min(1)
      .default(() => DEFAULT_ESCALATION.map((step) => ({ ...step })))
      .describe('超期逐级督办 / Escalation levels, lowest first'),
  })
  .superRefine((supervision, ctx) => {
    let previousRank = -1;
    for (const [index, step] of recordsOf(supervision.escalation)) {
      const rank = ESCALATION_ORDER.indexOf(step.level as EscalationLevel);
      if (rank === -1) continue;
      if (rank <= previousRank) {
        report(
          ctx,
          ['escalation', index, 'level'],
          'escalation_order',
          '督办层级须由低到高且不重复（county → city → province）',
          'Escalation levels must rise without repeats (county → city → province)',
        );
      }
      previousRank = Math.max(previousRank, rank);
    }
  }, runOnObjects);
/** Supervision settings. */
export type Supervision = z.infer<typeof SupervisionSchema>;
