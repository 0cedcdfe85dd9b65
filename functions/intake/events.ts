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
