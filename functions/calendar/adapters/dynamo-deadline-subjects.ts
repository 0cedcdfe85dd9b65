import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DepartmentTask } from '../../approval/domain/department-task';
import type { StoredTask, TaskRepository } from '../../approval/domain/ports';
import type { TenantDirectory, TenantProfile } from '../../catalogue/domain/service-item';
import type { ReleaseRepository } from '../../certificates/domain/ports';
import type { Release, ReleaseEvent } from '../../certificates/domain/release';
import type { Case } from '../../intake/domain/case';
import type { CaseRepository } from '../../intake/domain/ports';
import type { CaseEvent } from '../../kernel/events/case-events';
import type { ReviewEvent } from '../../kernel/events/review-events';
import type { Page } from '../../kernel/page';
import type { ReviewStore } from '../../reviews/domain/ports';
import type { Rectification, RectificationStatus } from '../../reviews/domain/rectification';
import { InvalidTransitionError } from '../../shared/errors';
import { tenantProfileEntity, tenantRegistrationEntity } from '../../shared/table/catalogue';
import { caseEntity, caseEventEntity, type ClockedStatus } from '../../shared/table/cases';
import { releaseEntity } from '../../shared/table/certificates';
import { putNew, putOnRevision, type TransactItem, updateAttributes } from '../../shared/table/items';
import { rectificationEntity, reviewEventEntity } from '../../shared/table/reviews';
import { taskEntity } from '../../shared/table/tasks';

/**
 * The subjects whose deadlines a loaded holiday notice moves, as the recomputation reads and stores them:
 * cases (notice window, promised deadline), department tasks (stage and 督办 deadlines), result releases
 * (delivery deadline) and rectification entries (整改时限). They belong to intake, approval, certificates
 * and reviews; the recomputation writes only their deadlines, through the same item codecs and on the
 * same conditions (revision, status) as their own contexts, each change with its event in one transaction.
 */

const concurrentChange = (what: { zh: string; en: string }) =>
  new InvalidTransitionError(`${what.zh}已被其他操作更新，请刷新后重试`, `The ${what.en} was changed concurrently; reload and retry`, 'CONCURRENT_UPDATE');

abstract class TableAdapter {
  constructor(
    protected readonly documents: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  /** One transaction; a lost condition (a concurrent change) becomes CONCURRENT_UPDATE, so the message is retried. */
  protected async transact(items: TransactItem[], what: { zh: string; en: string }): Promise<void> {
    try {
      await this.documents.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw concurrentChange(what);
      throw error;
    }
  }
}

/** A county's clocked cases and their timelines. */
export class DynamoDeadlineCases extends TableAdapter implements Pick<CaseRepository, 'find' | 'save' | 'listInStatus' | 'appendEvent'> {
  find(tenantId: string, caseId: string): Promise<Case | undefined> {
    return caseEntity.get<Case>(this.documents, this.tableName, tenantId, caseId);
  }

  listInStatus(tenantId: string, status: ClockedStatus, since?: string): Promise<Case[]> {
    return caseEntity.listInStatus<Case>(this.documents, this.tableName, tenantId, status, since);
  }

  appendEvent(tenantId: string, event: CaseEvent): Promise<boolean> {
    return caseEventEntity.append(this.documents, this.tableName, tenantId, event);
  }

  save(next: Case, events: readonly CaseEvent[]): Promise<void> {
    return this.transact(
      [putOnRevision(this.tableName, caseEntity.toItem(next)), ...events.map((event) => caseEventEntity.putNew(this.tableName, next.tenantId, event))],
      { zh: '办件', en: 'case' },
    );
  }
}

/** The running department tasks of a case; a change is an update (the callback token stays) on the status it was read with. */
export class DynamoDeadlineTasks extends TableAdapter implements Pick<TaskRepository, 'find' | 'findMany' | 'save'> {
  find(tenantId: string, taskId: string): Promise<StoredTask | undefined> {
    return taskEntity.get<DepartmentTask>(this.documents, this.tableName, tenantId, taskId);
  }

  findMany(tenantId: string, taskIds: readonly string[]): Promise<DepartmentTask[]> {
    return taskEntity.getMany<DepartmentTask>(this.documents, this.tableName, tenantId, taskIds);
  }

  save(task: DepartmentTask, expectedStatus: DepartmentTask['status'], event: CaseEvent): Promise<void> {
    return this.transact(
      [
        updateAttributes(this.tableName, taskEntity.toItem(task), '#status = :expected', { ':expected': expectedStatus }),
        caseEventEntity.putNew(this.tableName, task.tenantId, event),
      ],
      { zh: '审批任务', en: 'task' },
    );
  }
}

/** The result releases of completed cases, changed on their revision and only while the case is completed. */
export class DynamoDeadlineReleases extends TableAdapter implements ReleaseRepository {
  find(tenantId: string, caseId: string): Promise<Release | undefined> {
    return releaseEntity.get<Release>(this.documents, this.tableName, tenantId, caseId);
  }

  save(next: Release, event: ReleaseEvent): Promise<void> {
    return this.transact(
      [
        caseEntity.inStatus(this.tableName, next.tenantId, next.caseId, ['completed']),
        releaseEntity.putNext(this.tableName, next),
        caseEventEntity.putNew(this.tableName, next.tenantId, event),
      ],
      { zh: '送达信息', en: 'delivery' },
    );
  }
}

/** The open entries of a county's rectification ledger. */
export class DynamoDeadlineRectifications extends TableAdapter implements Pick<ReviewStore, 'pageRectifications' | 'saveRectification'> {
  pageRectifications(
    tenantId: string,
    status: RectificationStatus | undefined,
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<Page<Rectification>> {
    return rectificationEntity.page<Rectification>(this.documents, this.tableName, tenantId, status, page);
  }

  saveRectification(next: Rectification, events: readonly ReviewEvent[]): Promise<void> {
    return this.transact(
      [
        putOnRevision(this.tableName, rectificationEntity.toItem(next)),
        ...events.map((event) => putNew(this.tableName, reviewEventEntity.toItem(next.tenantId, event))),
      ],
      { zh: '整改事项', en: 'entry' },
    );
  }
}

/** The counties of the platform (the register), each with the profile its calendar is counted on. */
export class DynamoCounties extends TableAdapter implements Pick<TenantDirectory, 'profile' | 'tenantIds'> {
  profile(tenantId: string): Promise<TenantProfile | undefined> {
    return tenantProfileEntity.get<TenantProfile>(this.documents, this.tableName, tenantId);
  }

  tenantIds(): Promise<string[]> {
    return tenantRegistrationEntity.tenantIds(this.documents, this.tableName);
  }
}
