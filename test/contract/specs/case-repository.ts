import type { TaskRepository } from '../../../functions/approval/domain/ports';
import type { CaseRepository } from '../../../functions/intake/domain/ports';
import { nationalIdDigest } from '../../../functions/kernel/applicant';
import { InvalidTransitionError } from '../../../functions/shared/errors';
import { anAcceptedCase, anEvent, aSubmittedCase, aTenant, nextRevision } from '../support/builders';

export interface CaseRepositorySubject {
  readonly cases: CaseRepository;
  /** The tasks a save creates, read back as intake reads them. */
  readonly tasks: Pick<TaskRepository, 'findMany'>;
}

/**
 * What the intake, approval and calendar use cases rely on of a CaseRepository: a case is created
 * once, changed only on its next revision together with its events and new tasks (all or nothing),
 * found only by its own tenant, and listed by applicant (newest first, limited) and by clocked status.
 */
export function describeCaseRepositoryContract(name: string, make: () => Promise<CaseRepositorySubject>): void {
  describe(`given the ${name} case repository`, () => {
    it('when a case is created, then it is found as stored, with its first event on the timeline', async () => {
      const { cases } = await make();
      const submitted = aSubmittedCase(aTenant());
      await cases.create(submitted.case, submitted.event);
      expect(await cases.find(submitted.case.tenantId, submitted.case.caseId)).toEqual(submitted.case);
      expect(await cases.timeline(submitted.case.tenantId, submitted.case.caseId)).toEqual([submitted.event]);
    });

    it('when a case is created twice, then the second create fails and the first case stays', async () => {
      const { cases } = await make();
      const submitted = aSubmittedCase(aTenant());
      await cases.create(submitted.case, submitted.event);
      await expect(
        cases.create({ ...submitted.case, formData: { businessName: '另一家' } }, anEvent(submitted.case.caseId, 'CaseSubmitted', submitted.case.createdAt)),
      ).rejects.toThrow();
      expect((await cases.find(submitted.case.tenantId, submitted.case.caseId))?.formData).toEqual(submitted.case.formData);
      expect(await cases.timeline(submitted.case.tenantId, submitted.case.caseId)).toHaveLength(1);
    });

    it('when the next revision is saved, then the case, its events (in id order) and its new tasks are stored together', async () => {
      const { cases, tasks } = await make();
      const submitted = aSubmittedCase(aTenant());
      await cases.create(submitted.case, submitted.event);
      const accepted = anAcceptedCase(submitted.case);
      const started = anEvent(submitted.case.caseId, 'ApprovalStarted', '2026-11-23T03:00:01.000Z');
      await cases.save(accepted.case, [accepted.event, started], accepted.tasks);
      expect(await cases.find(submitted.case.tenantId, submitted.case.caseId)).toEqual(accepted.case);
      expect((await cases.timeline(submitted.case.tenantId, submitted.case.caseId)).map((event) => event.eventId)).toEqual([
        submitted.event.eventId,
        accepted.event.eventId,
        started.eventId,
      ]);
      const taskIds = accepted.tasks.map((task) => task.taskId);
      expect(await tasks.findMany(submitted.case.tenantId, [...taskIds].reverse())).toEqual([...accepted.tasks].reverse());
    });

    it('when a stale revision is saved, then it fails with CONCURRENT_UPDATE and nothing of it is stored', async () => {
      const { cases, tasks } = await make();
      const submitted = aSubmittedCase(aTenant());
      await cases.create(submitted.case, submitted.event);
      const accepted = anAcceptedCase(submitted.case);
      await cases.save(accepted.case, [accepted.event], accepted.tasks);
      // a second window clerk read revision 1 too, and refuses it
      const raced = anAcceptedCase(submitted.case, ['ZJJ']);
      const refusal: unknown = await cases.save({ ...raced.case, status: 'rejected' }, [raced.event], raced.tasks).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(InvalidTransitionError);
      expect(refusal).toMatchObject({ code: 'CONCURRENT_UPDATE' });
      expect((await cases.find(submitted.case.tenantId, submitted.case.caseId))?.status).toBe('accepted');
      expect(await cases.timeline(submitted.case.tenantId, submitted.case.caseId)).toHaveLength(2);
      expect(await tasks.findMany(submitted.case.tenantId, [raced.tasks[0]?.taskId as string])).toEqual([]);
    });

    it('when a save repeats an event already on the timeline, then it fails with CONCURRENT_UPDATE and the case keeps its revision', async () => {
      const { cases } = await make();
      const submitted = aSubmittedCase(aTenant());
      await cases.create(submitted.case, submitted.event);
      const next = nextRevision(submitted.case, { updatedAt: '2026-11-23T02:30:00.000Z' });
      await expect(cases.save(next, [submitted.event])).rejects.toMatchObject({ code: 'CONCURRENT_UPDATE' });
      expect((await cases.find(submitted.case.tenantId, submitted.case.caseId))?.revision).toBe(1);
    });

    it('when a case that was never created is saved, then it fails with CONCURRENT_UPDATE', async () => {
      const { cases } = await make();
      const submitted = aSubmittedCase(aTenant());
      await expect(cases.save(nextRevision(submitted.case, {}), [])).rejects.toMatchObject({ code: 'CONCURRENT_UPDATE' });
      expect(await cases.find(submitted.case.tenantId, submitted.case.caseId)).toBeUndefined();
    });

    it('when an event is appended twice, then it is on the timeline once and the second append answers false', async () => {
      const { cases } = await make();
      const submitted = aSubmittedCase(aTenant());
      await cases.create(submitted.case, submitted.event);
      const sent = anEvent(submitted.case.caseId, 'NotificationSent', '2026-11-23T02:01:00.000Z');
      expect(await cases.appendEvent(submitted.case.tenantId, sent)).toBe(true);
      expect(await cases.appendEvent(submitted.case.tenantId, sent)).toBe(false);
      expect((await cases.timeline(submitted.case.tenantId, submitted.case.caseId)).filter((event) => event.eventId === sent.eventId)).toHaveLength(1);
    });

    it('when another tenant asks for the case, then it finds nothing: no case, no timeline, no applicant list', async () => {
      const { cases } = await make();
      const submitted = aSubmittedCase(aTenant());
      await cases.create(submitted.case, submitted.event);
      const other = aTenant();
      const { idType, idNumber } = submitted.case.applicant;
      expect(await cases.find(other, submitted.case.caseId)).toBeUndefined();
      expect(await cases.timeline(other, submitted.case.caseId)).toEqual([]);
      expect(await cases.listForApplicant(other, nationalIdDigest(idType, idNumber), 10)).toEqual([]);
      expect(await cases.listInStatus(other, 'submitted')).toEqual([]);
    });

    it('when an applicant lists their cases, then they are newest first, at most the limit, and only theirs', async () => {
      const { cases } = await make();
      const tenantId = aTenant();
      const filed = [];
      for (const at of ['2026-11-23T02:00:00.000Z', '2026-11-23T02:00:01.000Z', '2026-11-23T02:00:02.000Z']) {
        const submitted = aSubmittedCase(tenantId, { at, idNumber: '52273219900101123X' });
        await cases.create(submitted.case, submitted.event);
        filed.push(submitted.case.caseId);
      }
      const someoneElse = aSubmittedCase(tenantId, { idNumber: '52273219851212002X' });
      await cases.create(someoneElse.case, someoneElse.event);
      // the digest is of the ID number as the identity check reads it: upper case
      const mine = await cases.listForApplicant(tenantId, nationalIdDigest('居民身份证', '52273219900101123x'), 2);
      expect(mine.map((found) => found.caseId)).toEqual([filed[2], filed[1]]);
      expect((await cases.listForApplicant(tenantId, nationalIdDigest('居民身份证', '52273219900101123X'), 10)).map((found) => found.caseId)).toEqual(
        [...filed].reverse(),
      );
    });

    it('when cases are listed by status, then those still on the clock come oldest first, `since` drops earlier ones, and a finished case drops out', async () => {
      const { cases } = await make();
      const tenantId = aTenant();
      const early = aSubmittedCase(tenantId, { at: '2026-11-20T02:00:00.000Z' });
      const late = aSubmittedCase(tenantId, { at: '2026-11-23T02:00:00.000Z' });
      const refused = aSubmittedCase(tenantId, { at: '2026-11-21T02:00:00.000Z' });
      for (const submitted of [late, early, refused]) await cases.create(submitted.case, submitted.event);
      await cases.save(nextRevision(refused.case, { status: 'rejected' }), [anEvent(refused.case.caseId, 'CaseRejected', '2026-11-21T03:00:00.000Z')]);
      expect((await cases.listInStatus(tenantId, 'submitted')).map((found) => found.caseId)).toEqual([early.case.caseId, late.case.caseId]);
      expect((await cases.listInStatus(tenantId, 'submitted', '2026-11-22T00:00:00.000Z')).map((found) => found.caseId)).toEqual([late.case.caseId]);
      const accepted = anAcceptedCase(early.case);
      await cases.save(accepted.case, [accepted.event], accepted.tasks);
      expect((await cases.listInStatus(tenantId, 'submitted')).map((found) => found.caseId)).toEqual([late.case.caseId]);
      expect((await cases.listInStatus(tenantId, 'accepted')).map((found) => found.caseId)).toEqual([early.case.caseId]);
    });

    it('when cases in a status are paged, then the pages follow each other oldest first, the last has no cursor, and a cursor of another list is refused', async () => {
      const { cases } = await make();
      const tenantId = aTenant();
      const filed: string[] = [];
      for (const at of ['2026-11-20T02:00:00.000Z', '2026-11-20T03:00:00.000Z', '2026-11-20T04:00:00.000Z', '2026-11-20T05:00:00.000Z']) {
        const submitted = aSubmittedCase(tenantId, { at });
        await cases.create(submitted.case, submitted.event);
        filed.push(submitted.case.caseId);
      }
      const first = await cases.pageInStatus(tenantId, 'submitted', { limit: 2 });
      expect(first.items.map((found) => found.caseId)).toEqual(filed.slice(0, 2));
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await cases.pageInStatus(tenantId, 'submitted', { limit: 2, cursor: first.nextCursor });
      expect(second.items.map((found) => found.caseId)).toEqual(filed.slice(2));
      expect(second.nextCursor).toBeUndefined();
      await expect(cases.pageInStatus(tenantId, 'accepted', { limit: 2, cursor: first.nextCursor })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
      await expect(cases.pageInStatus(aTenant(), 'submitted', { limit: 2, cursor: first.nextCursor })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
      await expect(cases.pageInStatus(tenantId, 'submitted', { limit: 2, cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    });
  });
}
