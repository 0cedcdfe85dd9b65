import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acceptCase, type Case, submitCase } from '../../functions/intake/domain/case';
import type { CaseRepository } from '../../functions/intake/domain/ports';
import { type CaseEvent, deadlineRecomputedDetailSchema } from '../../functions/kernel/events/case-events';
import { type Notification, notificationFor, staffNotificationsFor } from '../../functions/notifications/domain/notification';
import { deliverNotification, notificationMessageSchema } from '../../functions/notifications/use-cases';
import { notificationQueue } from '../../infra/definitions/queues';
import { anApplicant, aPublishedItem } from '../support/fixtures';

const submitted = submitCase(
  { tenantId: '522732', caseId: 'C1', item: aPublishedItem(), channel: 'online', applicant: anApplicant(), formData: { businessName: 'x' } },
  '2026-12-21T02:00:00.000Z',
  'E1',
);
const accepted: Case = acceptCase(
  submitted.case,
  {
    tasks: [
      { taskId: 'T1', deptId: 'SCJGJ', lead: true },
      { taskId: 'T2', deptId: 'SWJ', lead: false },
    ],
    actor: 'W',
    promisedDeadline: '2027-01-05T23:59:59+08:00',
  },
  '2026-12-22T02:00:00.000Z',
  'E2',
).case;

let sequence = 0;
/** A DeadlineRecomputed as the lead emits it after loading the 2027 notice (version 1). */
const recomputed = (detail: Record<string, unknown>): CaseEvent => ({
  eventId: `R${(sequence += 1)}`,
  caseId: 'C1',
  type: 'DeadlineRecomputed',
  at: '2026-11-05T02:00:00.000Z',
  actor: 'system',
  detail: {
    before: '2027-01-05T23:59:59+08:00',
    after: '2027-01-06T23:59:59+08:00',
    moved: 'later',
    provisional: false,
    year: 2027,
    noticeVersion: 1,
    ...detail,
  },
});

const promisedMoved = (detail: Record<string, unknown> = {}) => recomputed({ subject: 'case', field: 'promisedDeadline', ...detail });
const stageMoved = (detail: Record<string, unknown> = {}) =>
  recomputed({
    subject: 'task',
    field: 'stageDeadline',
    taskId: 'T2',
    deptId: 'SWJ',
    before: '2027-01-05T23:59:59+08:00',
    after: '2027-01-04T23:59:59+08:00',
    moved: 'earlier',
    ...detail,
  });

describe('given a holiday notice moved the promised deadline (承诺办结期限) of a case', () => {
  it('then the applicant is told the new date, in Chinese, by name, with the item and the case number', () => {
    expect(notificationFor(accepted, promisedMoved())).toEqual({
      caseId: 'C1',
      tenantId: '522732',
      sourceEventId: expect.any(String),
      to: { name: '韦小宝', phone: anApplicant().phone },
      text: '【通办】韦小宝：您的办件（个体工商户登记，办件编号 C1）承诺办结期限因国务院节假日安排公布调整为2027年1月6日。',
    });
  });

  it('when the new date still counts a provisional year, then the notice says it may move again', () => {
    expect(notificationFor(accepted, promisedMoved({ provisional: true }))?.text).toMatch(
      /调整为2027年1月6日（节假日安排尚未公布，期限按法定节假日暂算，公布后自动重算）。$/,
    );
  });

  it('when the date moved earlier, then the applicant is told as well (it is the date they were promised)', () => {
    expect(notificationFor(accepted, promisedMoved({ after: '2027-01-04T23:59:59+08:00', moved: 'earlier' }))?.text).toContain('调整为2027年1月4日');
  });

  it('then no department is alerted: the promised deadline is the case’s, not a stage’s', () => {
    expect(staffNotificationsFor(accepted, promisedMoved())).toEqual([]);
  });

  it('when the new deadline cannot be counted (null), then there is no date to tell and nothing is sent', () => {
    expect(notificationFor(accepted, promisedMoved({ after: null }))).toBeUndefined();
  });
});

describe('given a holiday notice moved a stage or 督办 deadline of a department task', () => {
  it('when it moved earlier and a handler claimed the task, then that handler alone is alerted through the staff-alert path', () => {
    expect(staffNotificationsFor(accepted, stageMoved({ claimedBy: 'SWJ-003' }))).toEqual([
      {
        caseId: 'C1',
        tenantId: '522732',
        sourceEventId: expect.any(String),
        to: { staff: { role: 'handler', staffId: 'SWJ-003', deptId: 'SWJ' } },
        text: '【通办督办】办件 C1（个体工商户登记）在 SWJ 的审批环节期限因国务院节假日安排公布提前至2027年1月4日，请按新期限办理。',
      },
    ]);
  });

  it('when it moved earlier and nobody claimed the task, then the department head is alerted', () => {
    expect(staffNotificationsFor(accepted, stageMoved()).map((notice) => notice.to)).toEqual([{ staff: { role: 'department_head', deptId: 'SWJ' } }]);
  });

  it('when the event leaves out the department, then the head of the task’s department on the case is alerted', () => {
    expect(staffNotificationsFor(accepted, stageMoved({ deptId: undefined })).map((notice) => notice.to)).toEqual([
      { staff: { role: 'department_head', deptId: 'SWJ' } },
    ]);
  });

  it('when the 督办 handling deadline moved earlier, then the alert names the 督办 deadline, and a provisional one says so', () => {
    const [alert] = staffNotificationsFor(accepted, stageMoved({ field: 'supervisionDeadline', claimedBy: 'SWJ-003', provisional: true }));
    expect(alert?.text).toMatch(/在 SWJ 的督办办理期限因国务院节假日安排公布提前至2027年1月4日，请按新期限办理（节假日安排尚未公布.*）。$/);
  });

  it('when it moved later, then nobody is told (more time costs nobody anything), and the applicant never is', () => {
    const later = stageMoved({ after: '2027-01-07T23:59:59+08:00', moved: 'later', claimedBy: 'SWJ-003' });
    expect(staffNotificationsFor(accepted, later)).toEqual([]);
    expect(notificationFor(accepted, stageMoved({ claimedBy: 'SWJ-003' }))).toBeUndefined();
  });

  it.each([
    ['noticeDeadline', 'case'],
    ['deliveryDeadline', 'release'],
  ])('when the %s moved earlier, then nobody is told', (field, subject) => {
    const event = recomputed({ subject, field, after: '2027-01-04T23:59:59+08:00', moved: 'earlier' });
    expect(notificationFor(accepted, event)).toBeUndefined();
    expect(staffNotificationsFor(accepted, event)).toEqual([]);
  });

  it('when the detail breaks the contract, then the delivery fails (the queue retries, then parks it) rather than guessing', () => {
    expect(() => notificationFor(accepted, promisedMoved({ after: '2027-01-06' }))).toThrow(/does not match its contract/);
  });
});

describe('given the DeadlineRecomputed fixture and the notification queue', () => {
  it('then the fixture’s detail is the contract the notifier parses, and it carries no phone or ID number', () => {
    const fixture = JSON.parse(readFileSync(join(__dirname, '..', '..', 'events', 'DeadlineRecomputed.json'), 'utf8')) as CaseEvent;
    expect(deadlineRecomputedDetailSchema.safeParse(fixture.detail).success).toBe(true);
    expect(JSON.stringify(fixture)).not.toMatch(/(?<![0-9A-Z])(1\d{10}|\d{17}[\dX])(?![0-9A-Z])/);
  });

  it('then the notification queue subscribes to DeadlineRecomputed', () => {
    expect(notificationQueue.subscribesTo?.types).toContain('DeadlineRecomputed');
  });
});

/** The case store as the notifier uses it: one case and its timeline in memory. */
class OneCaseRepository implements CaseRepository {
  readonly events: CaseEvent[] = [];
  constructor(private readonly stored: Case) {}
  find = async (tenantId: string, caseId: string) => (tenantId === this.stored.tenantId && caseId === this.stored.caseId ? this.stored : undefined);
  timeline = async () => [...this.events];
  appendEvent = async (_tenantId: string, event: CaseEvent) => {
    if (this.events.some((existing) => existing.eventId === event.eventId)) return false;
    this.events.push(event);
    return true;
  };
  create = async () => unused();
  listForApplicant = async () => unused();
  save = async () => unused();
  listInStatus = async () => unused();
  pageInStatus = async () => unused();
}
const unused = (): never => {
  throw new Error('not used by the notifier');
};

describe('given the notifier receives a relayed DeadlineRecomputed', () => {
  const deliver = (cases: OneCaseRepository, sent: Notification[], event: CaseEvent) =>
    deliverNotification(
      { cases, channel: { name: 'outbox', send: async (notice) => void sent.push(notice) }, clock: { now: () => new Date('2026-11-05T02:00:05Z') } },
      { version: 1, tenantId: '522732', ...event },
    );

  it('when the promised deadline moved, then one notice is sent and recorded without the phone number; a redelivery sends nothing more', async () => {
    const cases = new OneCaseRepository(accepted);
    const sent: Notification[] = [];
    const event = promisedMoved();
    expect(await deliver(cases, sent, event)).toBe('sent');
    expect(await deliver(cases, sent, event)).toBe('already-sent');
    expect(sent.map((notice) => notice.text)).toEqual([expect.stringContaining('调整为2027年1月6日')]);
    expect(cases.events).toEqual([
      expect.objectContaining({
        type: 'NotificationSent',
        detail: { channel: 'outbox', sourceEventId: event.eventId, sourceType: 'DeadlineRecomputed', audience: 'applicant' },
      }),
    ]);
    expect(JSON.stringify(cases.events)).not.toContain(anApplicant().phone);
  });

  it('when a ledger entry’s deadline was recomputed (a review event of the same type, on the same topic), then the queue takes it and tells nobody', async () => {
    const fixture = JSON.parse(readFileSync(join(__dirname, '..', '..', 'events', 'reviews', 'DeadlineRecomputed.json'), 'utf8')) as Record<string, unknown>;
    const message = notificationMessageSchema.parse({ version: 1, tenantId: '522732', ...fixture });
    const cases = new OneCaseRepository(accepted);
    const sent: Notification[] = [];
    expect(
      await deliverNotification(
        { cases, channel: { name: 'outbox', send: async (notice) => void sent.push(notice) }, clock: { now: () => new Date() } },
        message,
      ),
    ).toBe('nothing-to-say');
    expect(sent).toEqual([]);
  });

  it('then the case fixture is taken by the queue as a case event', () => {
    const fixture = JSON.parse(readFileSync(join(__dirname, '..', '..', 'events', 'DeadlineRecomputed.json'), 'utf8')) as Record<string, unknown>;
    expect(notificationMessageSchema.parse({ version: 1, tenantId: '522732', ...fixture })).not.toHaveProperty('role');
  });

  it('when a stage deadline moved later, then there is nothing to say and nothing is recorded', async () => {
    const cases = new OneCaseRepository(accepted);
    const sent: Notification[] = [];
    expect(await deliver(cases, sent, stageMoved({ after: '2027-01-07T23:59:59+08:00', moved: 'later' }))).toBe('nothing-to-say');
    expect(sent).toEqual([]);
    expect(cases.events).toEqual([]);
  });
});
