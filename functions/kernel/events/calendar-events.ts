import { z } from 'zod';

/** Version 1 of a national-calendar event as stored in the outbox and published on the case-events topic. */
export const calendarEventSchema = z
  .strictObject({
    eventId: z.string().min(1),
    type: z.enum(['CalendarNoticeLoaded']),
    at: z.iso.datetime(),
    actor: z.string().min(1),
    role: z.string().min(1),
    detail: z.object({
      year: z.number().int(),
      version: z.number().int().positive(),
      previousVersion: z.number().int().positive().nullable(),
      documentNumber: z.string(),
    }),
  })
  .meta({ title: 'National holiday calendar event v1 / 国家节假日安排事件' });
