import { DescribeExecutionCommand, ExecutionDoesNotExist, type SFNClient } from '@aws-sdk/client-sfn';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CaseEvent } from '../../kernel/events/case-events';
import { caseEntity, CLOCKED_STATUSES } from '../../shared/table/cases';
import { tenantRegistrationEntity } from '../../shared/table/catalogue';
import { attributesOf } from '../../shared/table/items';
import { keys } from '../../shared/table/keys';
import { batchGetAll, queryAll } from '../../shared/table/reads';
import type { CaseFacts } from '../domain/findings';
import type { CaseSurvey } from '../domain/ports';

/** What the survey reads of a stored case. */
interface SurveyedCase {
  readonly tenantId: string;
  readonly caseId: string;
  readonly status: string;
  readonly createdAt: string;
  readonly receivedAt?: string;
  readonly acceptedAt?: string;
  readonly approvalStartedAt?: string;
  readonly completedAt?: string;
  readonly updatedAt: string;
  readonly deferredMaterials?: { readonly materialIds: readonly string[] };
  readonly tasks: readonly { readonly taskId: string }[];
}

const DECIDED = new Set(['approved', 'denied', 'cancelled']);

/**
 * The survey on the platform table, tenant first like every read: the county's cases by status (GSI1, no scan), each
 * case's partition in one query (the case, its timeline, its certificate pointers and materials), the supervision marks
 * of its events and its department tasks by key, and whether its timer or workflow runs (Step Functions).
 */
export class DynamoCaseSurvey implements CaseSurvey {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly stepFunctions: SFNClient,
    /** Resolved on first use: the state machines' ARNs (the execution ARNs follow from them and the execution names). */
    private readonly machines: () => { readonly approval: string; readonly acceptanceTimer: string },
  ) {}

  tenantIds(): Promise<string[]> {
    return tenantRegistrationEntity.tenantIds(this.documents, this.tableName);
  }

  async casesToCheck(tenantId: string, completedSince: string): Promise<CaseFacts[]> {
    const listed = await Promise.all(
      CLOCKED_STATUSES.map((status) =>
        caseEntity.listInStatus<SurveyedCase>(this.documents, this.tableName, tenantId, status, status === 'completed' ? completedSince : undefined),
      ),
    );
    const facts: CaseFacts[] = [];
    for (const surveyed of listed.flat()) facts.push(await this.factsOf(surveyed));
    return facts;
  }

  private async factsOf(listed: SurveyedCase): Promise<CaseFacts> {
    const { items } = await queryAll(this.documents, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.casePartition(listed.tenantId, listed.caseId) },
    });
    const ofEntity = (entity: string) => items.filter((item) => item.entity === entity);
    const stored = ofEntity('Case').map((item) => attributesOf<SurveyedCase>(item))[0] ?? listed;
    const timeline = ofEntity('CaseEvent').map((item) => attributesOf<CaseEvent>(item));
    const provided = new Set(ofEntity('Material').map((item) => String(item.materialId)));
    const applied = await batchGetAll(
      this.documents,
      this.tableName,
      timeline.map((event) => keys.appliedEvent(stored.tenantId, event.eventId)),
    );
    const appliedEventIds = new Set(applied.map((item) => String(item.PK).split('#APPLIED#')[1] ?? ''));
    const tasks =
      stored.status === 'in_approval'
        ? await batchGetAll(
            this.documents,
            this.tableName,
            stored.tasks.map((task) => keys.task(stored.tenantId, task.taskId)),
          )
        : [];
    const joinable = tasks.length > 0 && (tasks.every((task) => DECIDED.has(String(task.status))) || tasks.some((task) => task.status === 'denied'));
    const decisions = tasks.map((task) => task.decidedAt).filter((at): at is string => typeof at === 'string');
    return {
      tenantId: stored.tenantId,
      caseId: stored.caseId,
      status: stored.status,
      statusSince: this.statusSince(stored),
      timeline,
      appliedEventIds,
      certificateIssued: ofEntity('CaseCertificate').length > 0,
      awaitingDeferredMaterials: (stored.deferredMaterials?.materialIds ?? []).some((materialId) => !provided.has(materialId)),
      approvalJoinable: joinable,
      ...(decisions.length > 0 ? { lastDecisionAt: decisions.sort().at(-1) } : {}),
      ...(await this.clockOf(stored, timeline, joinable)),
    };
  }

  private statusSince(stored: SurveyedCase): string {
    if (stored.status === 'submitted') return stored.receivedAt ?? stored.createdAt;
    if (stored.status === 'accepted' || stored.status === 'in_approval') return stored.approvalStartedAt ?? stored.acceptedAt ?? stored.updatedAt;
    return stored.completedAt ?? stored.updatedAt;
  }

  /** Whether the timer (waiting for acceptance) or the workflow (accepted, in approval) runs; nothing to ask otherwise. */
  private async clockOf(stored: SurveyedCase, timeline: readonly CaseEvent[], joinable: boolean): Promise<{ clockRunning?: boolean }> {
    if (stored.status === 'submitted') {
      const name = `${stored.tenantId}-${stored.caseId}-${Date.parse(stored.receivedAt ?? stored.createdAt)}`;
      return { clockRunning: await this.runs(this.machines().acceptanceTimer, name) };
    }
    if ((stored.status === 'accepted' || stored.status === 'in_approval') && !joinable) {
      const started = [...timeline].reverse().find((event) => event.type === 'ApprovalStarted');
      if (stored.status === 'accepted' && !started) return { clockRunning: false };
      return { clockRunning: await this.runs(this.machines().approval, `${stored.tenantId}-${stored.caseId}`) };
    }
    return {};
  }

  private async runs(stateMachineArn: string, executionName: string): Promise<boolean> {
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${executionName}`;
    try {
      const described = await this.stepFunctions.send(new DescribeExecutionCommand({ executionArn }));
      return described.status === 'RUNNING';
    } catch (error) {
      if (error instanceof ExecutionDoesNotExist || (error as { name?: string }).name === 'ExecutionDoesNotExist') return false;
      throw error;
    }
  }
}
