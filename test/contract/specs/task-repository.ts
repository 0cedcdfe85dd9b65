import type { DepartmentTask } from '../../../functions/approval/domain/department-task';
import type { TaskRepository } from '../../../functions/approval/domain/ports';
import type { CaseRepository } from '../../../functions/intake/domain/ports';
import { InvalidTransitionError } from '../../../functions/shared/errors';
import { anAcceptedCase, anEvent, aSubmittedCase, aTask, aTenant } from '../support/builders';

export interface TaskRepositorySubject {
  readonly tasks: TaskRepository;
  /** Acceptance creates the tasks (with the case's save); their events land on the case timeline. */
  readonly cases: CaseRepository;
}

/**
 * What the approval use cases rely on of a TaskRepository: a change only from the status it was read
 * with, an assignment never replaced by an older dispatch, the callback token kept across changes,
 * each change with its case event, and a department's work list by status and stage deadline.
 */
export function describeTaskRepositoryContract(name: string, make: () => Promise<TaskRepositorySubject>): void {
  describe(`given the ${name} task repository`, () => {
    /** A case accepted with its tasks, as every task comes to exist. */
    const anAcceptedCaseIn = async (
      { cases }: TaskRepositorySubject,
      tenantId = aTenant(),
      deptIds?: readonly string[],
      tasks?: (c: ReturnType<typeof aSubmittedCase>['case']) => DepartmentTask[],
    ) => {
      const submitted = aSubmittedCase(tenantId);
      await cases.create(submitted.case, submitted.event);
      const accepted = anAcceptedCase(submitted.case, deptIds);
      const routed = tasks ? tasks(submitted.case) : accepted.tasks;
      await cases.save({ ...accepted.case, tasks: routed.map(({ taskId, deptId, lead }) => ({ taskId, deptId, lead })) }, [accepted.event], routed);
      return { case: accepted.case, tasks: routed };
    };
    const assigned = (task: DepartmentTask): DepartmentTask => ({ ...task, status: 'pending', assignedAt: '2026-11-23T03:00:05.000Z' });
    const token = (callbackToken: string, dispatchedAt: string) => ({ callbackToken, dispatchedAt, expiresAt: '2026-11-30T03:00:00.000Z' });

    it('when a task is found, then it is the task as created, without a token until one is assigned', async () => {
      const subject = await make();
      const { tasks } = await anAcceptedCaseIn(subject);
      const first = tasks[0] as DepartmentTask;
      expect(await subject.tasks.find(first.tenantId, first.taskId)).toEqual({ task: first });
    });

    it('when several tasks are asked for, then those that exist come in the order asked, and another tenant gets none', async () => {
      const subject = await make();
      const { tasks } = await anAcceptedCaseIn(subject);
      const [lead, other] = tasks as [DepartmentTask, DepartmentTask];
      expect(await subject.tasks.findMany(lead.tenantId, [other.taskId, 'NO-SUCH-TASK', lead.taskId])).toEqual([other, lead]);
      expect(await subject.tasks.findMany(aTenant(), [lead.taskId])).toEqual([]);
      expect(await subject.tasks.find(aTenant(), lead.taskId)).toBeUndefined();
    });

    it('when an assignment is stored, then the task carries its token, and the event is on the case timeline', async () => {
      const subject = await make();
      const { tasks } = await anAcceptedCaseIn(subject);
      const first = tasks[0] as DepartmentTask;
      const event = anEvent(first.caseId, 'DepartmentTaskAssigned', '2026-11-23T03:00:05.000Z');
      await subject.tasks.saveAssignment(assigned(first), token('TOKEN-1', '2026-11-23T03:00:05.000Z'), event, 'waiting');
      expect(await subject.tasks.find(first.tenantId, first.taskId)).toEqual({
        task: assigned(first),
        callbackToken: 'TOKEN-1',
        tokenDispatchedAt: '2026-11-23T03:00:05.000Z',
      });
      expect((await subject.cases.timeline(first.tenantId, first.caseId)).map((stored) => stored.eventId)).toContain(event.eventId);
    });

    it('when an assignment comes for a task no longer in the status read, or from an older dispatch, then it fails with CONCURRENT_UPDATE', async () => {
      const subject = await make();
      const { tasks } = await anAcceptedCaseIn(subject);
      const first = tasks[0] as DepartmentTask;
      await subject.tasks.saveAssignment(
        assigned(first),
        token('TOKEN-2', '2026-11-23T03:10:00.000Z'),
        anEvent(first.caseId, 'DepartmentTaskAssigned', '2026-11-23T03:10:00.000Z'),
        'waiting',
      );
      const older = subject.tasks.saveAssignment(
        assigned(first),
        token('TOKEN-1', '2026-11-23T03:00:00.000Z'),
        anEvent(first.caseId, 'DepartmentTaskReissued', '2026-11-23T03:11:00.000Z'),
        'pending',
      );
      await expect(older).rejects.toMatchObject({ code: 'CONCURRENT_UPDATE' });
      const wrongStatus: unknown = await subject.tasks
        .saveAssignment(
          assigned(first),
          token('TOKEN-3', '2026-11-23T03:20:00.000Z'),
          anEvent(first.caseId, 'DepartmentTaskAssigned', '2026-11-23T03:20:00.000Z'),
          'waiting',
        )
        .catch((error: unknown) => error);
      expect(wrongStatus).toBeInstanceOf(InvalidTransitionError);
      expect(wrongStatus).toMatchObject({ code: 'CONCURRENT_UPDATE' });
      // the same dispatch again (a redelivered message) is allowed
      await subject.tasks.saveAssignment(
        assigned(first),
        token('TOKEN-2', '2026-11-23T03:10:00.000Z'),
        anEvent(first.caseId, 'DepartmentTaskReissued', '2026-11-23T03:12:00.000Z'),
        'pending',
      );
      expect((await subject.tasks.find(first.tenantId, first.taskId))?.callbackToken).toBe('TOKEN-2');
    });

    it('when a change is saved, then it is stored with its event and the token stays; from a status no longer held it fails with CONCURRENT_UPDATE', async () => {
      const subject = await make();
      const { tasks } = await anAcceptedCaseIn(subject);
      const first = tasks[0] as DepartmentTask;
      await subject.tasks.saveAssignment(
        assigned(first),
        token('TOKEN-1', '2026-11-23T03:00:05.000Z'),
        anEvent(first.caseId, 'DepartmentTaskAssigned', '2026-11-23T03:00:05.000Z'),
        'waiting',
      );
      const approved: DepartmentTask = { ...assigned(first), status: 'approved', decision: 'approve', decidedAt: '2026-11-24T02:00:00.000Z' };
      const decided = anEvent(first.caseId, 'DepartmentTaskDecided', '2026-11-24T02:00:00.000Z');
      await subject.tasks.save(approved, 'pending', decided);
      expect(await subject.tasks.find(first.tenantId, first.taskId)).toEqual({
        task: approved,
        callbackToken: 'TOKEN-1',
        tokenDispatchedAt: '2026-11-23T03:00:05.000Z',
      });
      expect((await subject.cases.timeline(first.tenantId, first.caseId)).map((stored) => stored.eventId)).toContain(decided.eventId);

      const stale = { ...approved, status: 'denied' as const, decision: 'deny' as const };
      await expect(subject.tasks.save(stale, 'pending', anEvent(first.caseId, 'DepartmentTaskDecided', '2026-11-24T02:00:01.000Z'))).rejects.toMatchObject({
        code: 'CONCURRENT_UPDATE',
      });
      expect((await subject.tasks.find(first.tenantId, first.taskId))?.task.status).toBe('approved');
    });

    it('when a task that does not exist is saved, then it fails with CONCURRENT_UPDATE and nothing is created', async () => {
      const subject = await make();
      const submitted = aSubmittedCase(aTenant());
      const ghost = aTask(submitted.case, 'SCJGJ');
      await expect(subject.tasks.save(ghost, 'waiting', anEvent(ghost.caseId, 'DepartmentTaskCancelled', '2026-11-24T02:00:00.000Z'))).rejects.toMatchObject({
        code: 'CONCURRENT_UPDATE',
      });
      expect(await subject.tasks.find(ghost.tenantId, ghost.taskId)).toBeUndefined();
    });

    it('when a department lists its tasks in one status, then they come by stage deadline, at most the limit, only its own and its tenant’s', async () => {
      const subject = await make();
      const tenantId = aTenant();
      const deadlines = ['2026-11-27T23:59:59+08:00', '2026-11-25T23:59:59+08:00', '2026-11-26T23:59:59+08:00'];
      const created = await anAcceptedCaseIn(subject, tenantId, undefined, (submitted) => [
        ...deadlines.map((stageDeadline) => aTask(submitted, 'GTJ', { stageDeadline })),
        aTask(submitted, 'ZJJ'),
      ]);
      const ofGtj = created.tasks.filter((task) => task.deptId === 'GTJ');
      const byDeadline = [...ofGtj].sort((a, b) => ((a.stageDeadline as string) < (b.stageDeadline as string) ? -1 : 1));
      expect(await subject.tasks.pageForDepartment(tenantId, 'GTJ', 'waiting', { limit: 10 })).toEqual({ items: byDeadline, nextCursor: undefined });
      expect((await subject.tasks.pageForDepartment(tenantId, 'GTJ', 'pending', { limit: 10 })).items).toEqual([]);
      expect((await subject.tasks.pageForDepartment(aTenant(), 'GTJ', 'waiting', { limit: 10 })).items).toEqual([]);
    });

    it('when the list is read a page at a time, then the pages follow on without a gap or a repeat, and a cursor of another list is refused', async () => {
      const subject = await make();
      const tenantId = aTenant();
      const deadlines = ['2026-11-27T23:59:59+08:00', '2026-11-25T23:59:59+08:00', '2026-11-26T23:59:59+08:00'];
      const created = await anAcceptedCaseIn(subject, tenantId, undefined, (submitted) =>
        deadlines.map((stageDeadline) => aTask(submitted, 'GTJ', { stageDeadline })),
      );
      const byDeadline = [...created.tasks].sort((a, b) => ((a.stageDeadline as string) < (b.stageDeadline as string) ? -1 : 1));
      const first = await subject.tasks.pageForDepartment(tenantId, 'GTJ', 'waiting', { limit: 2 });
      expect(first.items).toEqual(byDeadline.slice(0, 2));
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await subject.tasks.pageForDepartment(tenantId, 'GTJ', 'waiting', { limit: 2, cursor: first.nextCursor });
      expect(second).toEqual({ items: byDeadline.slice(2), nextCursor: undefined });
      await expect(subject.tasks.pageForDepartment(tenantId, 'GTJ', 'pending', { limit: 2, cursor: first.nextCursor })).rejects.toMatchObject({
        code: 'INVALID_CURSOR',
      });
      await expect(subject.tasks.pageForDepartment(tenantId, 'ZJJ', 'waiting', { limit: 2, cursor: first.nextCursor })).rejects.toMatchObject({
        code: 'INVALID_CURSOR',
      });
      await expect(subject.tasks.pageForDepartment(aTenant(), 'GTJ', 'waiting', { limit: 2, cursor: first.nextCursor })).rejects.toMatchObject({
        code: 'INVALID_CURSOR',
      });
      await expect(subject.tasks.pageForDepartment(tenantId, 'GTJ', 'waiting', { limit: 2, cursor: 'not-a-cursor' })).rejects.toMatchObject({
        code: 'INVALID_CURSOR',
      });
    });
  });
}
