import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../../intake/domain/case';
import type { CaseRepository } from '../../intake/domain/ports';
import type { CaseEvent } from '../../kernel/events/case-events';
import { caseEntity, caseEventEntity } from '../../shared/table/cases';

/** The case a notice is about and its timeline, on which each notice sent is recorded once (`NotificationSent`). */
export class DynamoCaseTimeline implements Pick<CaseRepository, 'find' | 'timeline' | 'appendEvent'> {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  find(tenantId: string, caseId: string): Promise<Case | undefined> {
    return caseEntity.get<Case>(this.documents, this.tableName, tenantId, caseId);
  }

  timeline(tenantId: string, caseId: string): Promise<CaseEvent[]> {
    return caseEventEntity.timeline<CaseEvent>(this.documents, this.tableName, tenantId, caseId);
  }

  appendEvent(tenantId: string, event: CaseEvent): Promise<boolean> {
    return caseEventEntity.append(this.documents, this.tableName, tenantId, event);
  }
}
