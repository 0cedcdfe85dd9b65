import type { CalendarYearRecord } from '../../domain/calendar';
import type { Item } from './items';
import { keys } from './keys';

/** The attributes of one stored version of a year's national holiday notice. */
export interface NoticeAttributes {
  readonly year: number;
  readonly notice: CalendarYearRecord;
  readonly version: number;
  readonly loadedAt: string;
  readonly loadedBy: string;
  readonly reason?: string;
  readonly previousVersion: number | null;
}

/** An immutable version of a year's notice (`NOTICE#<year>#V#<n>`), under the national level `000000`. */
export const calendarNoticeVersionEntity = {
  entity: 'CalendarNoticeVersion',
  key: (year: number, version: number) => keys.calendarNoticeVersion(year, version),
  toItem: (attributes: NoticeAttributes) => ({
    ...keys.calendarNoticeVersion(attributes.year, attributes.version),
    entity: 'CalendarNoticeVersion',
    ...attributes,
  }),
  /** The query for every version of one year, newest first. */
  versionsOf: (year: number) => ({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :versions)',
    ExpressionAttributeValues: { ':pk': keys.calendarPartition(), ':versions': keys.calendarNoticeVersionPrefix(year) },
    ScanIndexForward: false,
  }),
};

/** The year's current version (`CURRENT#<year>`), a copy of its record so the whole calendar is one Query. */
export const calendarNoticeEntity = {
  entity: 'CalendarNotice',
  key: (year: number) => keys.calendarNoticeCurrent(year),
  toItem: (attributes: NoticeAttributes) => ({ ...keys.calendarNoticeCurrent(attributes.year), entity: 'CalendarNotice', ...attributes }),
  noticeOf: (item: Item): CalendarYearRecord => item.notice as CalendarYearRecord,
  /** The query for the current version of every loaded year (read strongly consistent: a load compares against it). */
  current: () => ({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :current)',
    ExpressionAttributeValues: { ':pk': keys.calendarPartition(), ':current': keys.calendarNoticeCurrentPrefix },
    ConsistentRead: true,
  }),
};

/** The outbox record of a national-calendar event (`EVT#<eventId>` in the calendar partition), relayed by the table stream. */
export const calendarEventEntity = {
  entity: 'CalendarEvent',
  toItem: <E extends { eventId: string }>(event: E) => ({
    ...keys.calendarEvent(event.eventId),
    entity: 'CalendarEvent',
    tenantId: keys.nationalLevel,
    ...event,
  }),
};
