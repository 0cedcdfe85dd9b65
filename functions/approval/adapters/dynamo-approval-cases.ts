import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../../intake/domain/case';
import type { CaseRepository } from '../../intake/domain/ports';
import type { CaseEvent } from '../../kernel/events/case-events';
import { InvalidTransitionError } from '../../shared/errors';
import { caseEntity, caseEventEntity } from '../../shared/table/cases';
import { putOnRevision } from '../../shared/table/items';

/** The case as the approval join reads and concludes it: on its revision, with its event, like every change of a case. */
export class DynamoApprovalCases implements Pick<CaseRepository, 'find' | 'save'> {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  find(tenantId: string, caseId: string): Promise<Case | undefined> {
    return caseEntity.get<Case>(this.documents, this.tableName, tenantId, caseId);
  }

  async save(next: Case, events: readonly CaseEvent[]): Promise<void> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            putOnRevision(this.tableName, caseEntity.toItem(next)),
            ...events.map((event) => caseEventEntity.putNew(this.tableName, next.tenantId, event)),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        throw new InvalidTransitionError('办件已被其他操作更新，请刷新后重试', 'The case was changed concurrently; reload and retry', 'CONCURRENT_UPDATE');
      }
      throw error;
    }
  }
}
