import type { DepartmentTask } from '../../../functions/approval/domain/department-task';
import type { Certificate } from '../../../functions/certificates/domain/certificate';
import type { Release } from '../../../functions/certificates/domain/release';
import type { Case } from '../../../functions/intake/domain/case';
import type { CaseRecords, CaseRepository } from '../../../functions/intake/domain/ports';
import { nationalIdDigest } from '../../../functions/kernel/applicant';
import type { CaseEvent } from '../../../functions/kernel/events/case-events';
import type { MaterialChecklist } from '../../../functions/materials/domain/material';
import { InvalidTransitionError } from '../../../functions/shared/errors';
import type { ClockedStatus } from '../../../functions/shared/table/cases';
import type { Page } from '../../../functions/kernel/page';
import { decodeCursor, encodeCursor } from '../../../functions/shared/table/cursor';
import { copy, InMemoryTable, keyOf } from './table';

/** Statuses whose cases the table indexes by status (a finished case leaves the sparse index). */
const CLOCKED = ['submitted', 'supplement_requested', 'accepted', 'in_approval', 'completed'];

/** The instant a case entered its status, as the status index sorts it. */
const enteredStatusAt = (stored: Case): string => `${stored.completedAt ?? stored.receivedAt ?? stored.createdAt}#${stored.caseId}`;

const byKey =
  <T>(key: (value: T) => string, direction: 1 | -1 = 1) =>
  (a: T, b: T): number =>
    key(a) < key(b) ? -direction : key(a) > key(b) ? direction : 0;

/** The CaseRepository over the shared table, with the adapter's conditions: create never overwrites, save only on the next revision. */
export class InMemoryCaseRepository implements CaseRepository {
  constructor(readonly table: InMemoryTable = new InMemoryTable()) {}

  async create(newCase: Case, event: CaseEvent): Promise<void> {
    const key = keyOf(newCase.tenantId, newCase.caseId);
    // the adapter's transaction is cancelled (not a domain error): a fresh ULID never collides
    if (this.table.cases.has(key) || !this.table.eventsAreNew(newCase.tenantId, [event])) throw new Error(`case ${key} already exists`);
    this.table.cases.set(key, copy(newCase));
    this.table.appendEvents(newCase.tenantId, [event]);
  }

  async find(tenantId: string, caseId: string): Promise<Case | undefined> {
    return copy(this.table.cases.get(keyOf(tenantId, caseId)) as Case | undefined);
  }

  async timeline(tenantId: string, caseId: string): Promise<CaseEvent[]> {
    return this.table.timeline<CaseEvent>(tenantId, caseId);
  }

  async appendEvent(tenantId: string, event: CaseEvent): Promise<boolean> {
    if (!this.table.eventsAreNew(tenantId, [event])) return false;
    this.table.appendEvents(tenantId, [event]);
    return true;
  }

  async listForApplicant(tenantId: string, idDigest: string, limit: number): Promise<Case[]> {
    // the adapter's index key is the tenant's digest of the ID digest: the same ID in another county is another key
    return this.casesOf(tenantId)
      .filter((stored) => nationalIdDigest(stored.applicant.idType, stored.applicant.idNumber) === idDigest)
      .sort(byKey((stored: Case) => `${stored.createdAt}#${stored.caseId}`, -1))
      .slice(0, limit);
  }

  async save(next: Case, events: readonly CaseEvent[], newTasks: readonly DepartmentTask[] = []): Promise<void> {
    const key = keyOf(next.tenantId, next.caseId);
    const stored = this.table.cases.get(key) as Case | undefined;
    const tasksAreNew = newTasks.every((task) => !this.table.tasks.has(keyOf(task.tenantId, task.taskId)));
    if (stored?.revision !== next.revision - 1 || !this.table.eventsAreNew(next.tenantId, events) || !tasksAreNew) {
      throw new InvalidTransitionError('办件已被其他操作更新，请刷新后重试', 'The case was changed concurrently; reload and retry', 'CONCURRENT_UPDATE');
    }
    this.table.cases.set(key, copy(next));
    this.table.appendEvents(next.tenantId, events);
    for (const task of newTasks) this.table.tasks.set(keyOf(task.tenantId, task.taskId), { task: copy(task) });
  }

  async listInStatus(
    tenantId: string,
    status: 'submitted' | 'supplement_requested' | 'accepted' | 'in_approval' | 'completed',
    since?: string,
  ): Promise<Case[]> {
    return this.casesOf(tenantId)
      .filter((stored) => CLOCKED.includes(stored.status) && stored.status === status && (since === undefined || enteredStatusAt(stored) >= since))
      .sort(byKey(enteredStatusAt));
  }

  async pageInStatus(tenantId: string, status: ClockedStatus, page: { readonly limit: number; readonly cursor?: string }): Promise<Page<Case>> {
    // the same opaque cursor as the adapter's, naming the status partition, so a cursor of another list is refused alike
    const partition = `${tenantId}#${status}`;
    const after = decodeCursor(page.cursor, 'partition', partition)?.sort;
    const inStatus = (await this.listInStatus(tenantId, status)).filter((stored) => after === undefined || enteredStatusAt(stored) > after);
    const shown = inStatus.slice(0, page.limit);
    const last = inStatus.length > page.limit ? shown[shown.length - 1] : undefined;
    return { items: shown, nextCursor: last ? encodeCursor({ partition, sort: enteredStatusAt(last) }) : undefined };
  }

  private casesOf(tenantId: string): Case[] {
    return [...this.table.cases.entries()].filter(([key]) => key.startsWith(`${tenantId}#`)).map(([, stored]) => copy(stored as Case));
  }
}

/** What the materials and certificates contexts keep in a case's partition, read from the shared table. */
export class InMemoryCaseRecords implements CaseRecords {
  constructor(readonly table: InMemoryTable = new InMemoryTable()) {}

  async checklist(tenantId: string, caseId: string): Promise<MaterialChecklist> {
    const materials = this.table.materials.get(keyOf(tenantId, caseId));
    if (!materials) return [];
    return [...materials.entries()].sort(byKey(([materialId]: [string, unknown]) => materialId)).map(([, provided]) => copy(provided)) as MaterialChecklist;
  }

  async release(tenantId: string, caseId: string): Promise<Release | undefined> {
    return copy(this.table.releases.get(keyOf(tenantId, caseId)) as Release | undefined);
  }

  async certificates(tenantId: string, caseId: string): Promise<Certificate[]> {
    const pointers = this.table.certificatePointers.get(keyOf(tenantId, caseId));
    if (!pointers) return [];
    return [...pointers.values()]
      .map((certificateNo) => copy(this.table.certificates.get(keyOf(tenantId, certificateNo)) as Certificate | undefined))
      .filter((certificate): certificate is Certificate => certificate !== undefined)
      .sort(byKey((certificate: Certificate) => certificate.itemCode));
  }
}
