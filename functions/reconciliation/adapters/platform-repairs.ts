import type { SNSClient } from '@aws-sdk/client-sns';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CaseEvent } from '../../kernel/events/case-events';
import { publishCaseEvent } from '../../shared/case-events-topic';
import { caseEventEntity } from '../../shared/table/cases';
import type { RepairActions } from '../domain/ports';

/** The steps of the other contexts a repair re-runs, as their own use cases run them (wired in ../wiring.ts). */
export interface ChainSteps {
  readonly joinApproval: (tenantId: string, caseId: string) => Promise<unknown>;
  readonly resumeApproval: (tenantId: string, caseId: string) => Promise<unknown>;
  readonly armAcceptanceTimer: (tenantId: string, caseId: string) => Promise<unknown>;
}

/** Repairs on the platform: re-publication to the case-events topic, the contexts' own steps, and the repair's timeline record. */
export class PlatformRepairs implements RepairActions {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly sns: SNSClient,
    /** Resolved on first use: only the reconciler is given the topic for re-publication. */
    private readonly topicArn: () => string,
    private readonly steps: ChainSteps,
  ) {}

  redeliver(tenantId: string, event: CaseEvent): Promise<void> {
    return publishCaseEvent(this.sns, this.topicArn(), tenantId, event);
  }

  async joinApproval(tenantId: string, caseId: string): Promise<void> {
    await this.steps.joinApproval(tenantId, caseId);
  }

  async resumeApproval(tenantId: string, caseId: string): Promise<void> {
    await this.steps.resumeApproval(tenantId, caseId);
  }

  async armAcceptanceTimer(tenantId: string, caseId: string): Promise<void> {
    await this.steps.armAcceptanceTimer(tenantId, caseId);
  }

  async record(tenantId: string, event: CaseEvent): Promise<void> {
    await caseEventEntity.append(this.documents, this.tableName, tenantId, event);
  }
}
