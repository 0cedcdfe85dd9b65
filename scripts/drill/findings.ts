/**
 * What the drill finds in the table once the event chain has settled, read directly from DynamoDB Local (the table and
 * its endpoint from the endpoints file; keys from functions/shared/table/keys.ts, items through their codecs):
 *
 * - lost events, per consumer: each event of a drill case (its timeline `EVT#…` and its review events `REVEVT#…`) must
 *   have its audit record (supervision writes one per event, `recordId` = the event id, on the case's GSI1 trail) and
 *   its applied-marker (`keys.appliedEvent`, written with the counters in one transaction); each event the notifier
 *   subscribes to must have every notice the notifier's own rule calls for recorded on the timeline (`<eventId>~N`,
 *   `~N1`, …, functions/notifications/use-cases.ts);
 * - completed cases without exactly one certificate (pointer `CERT#<itemCode>` and certificate item);
 * - drill cases not in their final state (completed, and rated at completion);
 * - cases of the county no reply named: a filing done twice (a retry that created a second case).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../../functions/intake/domain/case';
import type { CaseEvent } from '../../functions/kernel/events/case-events';
import { notificationFor, staffNotificationsFor } from '../../functions/notifications/domain/notification';
import { environmentNames } from '../../functions/shared/environment-names';
import { caseEntity } from '../../functions/shared/table/cases';
import { attributesOf, type Item } from '../../functions/shared/table/items';
import { keys } from '../../functions/shared/table/keys';
import { batchGetAll, queryAll } from '../../functions/shared/table/reads';
import { notificationQueue } from '../../infra/definitions/queues';

export interface LostEvent {
  readonly caseId: string;
  readonly eventId: string;
  readonly type: string;
}

export interface Findings {
  readonly eventsChecked: number;
  /** Notices the notifier's rule calls for over those events (each must be on the timeline). */
  readonly noticesExpected: number;
  readonly lostEvents: { readonly auditTrail: LostEvent[]; readonly supervisionCounters: LostEvent[]; readonly notifier: LostEvent[] };
  readonly casesWithoutOneCertificate: { readonly caseId: string; readonly pointers: number; readonly certificates: number }[];
  readonly casesNotInFinalState: { readonly caseId: string; readonly status: string; readonly rated: boolean }[];
  readonly casesNoReplyNamed: { readonly caseId: string; readonly status: string }[];
}

const reviewEventPrefix = keys.reviewEvent('', '').SK;
const notifyingTypes = new Set(notificationQueue.subscribesTo?.types ?? []);

/**
 * The record ids of the notices the notifier sends for an event, by the rule it applies (to the case as it is now);
 * undefined when the rule itself refuses the event, as the notifier then does (it goes to the dead-letter queue).
 */
function expectedNoticeIds(current: Case, event: CaseEvent): string[] | undefined {
  try {
    const notices = [...(notificationFor(current, event) ? [0] : []), ...staffNotificationsFor(current, event)];
    return notices.map((_, index) => (index === 0 ? `${event.eventId}~N` : `${event.eventId}~N${index}`));
  } catch {
    return undefined;
  }
}

export class TableReader {
  private readonly documents: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(endpoints: Record<string, string>) {
    this.documents = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: endpoints.AWS_ENDPOINT_URL_DYNAMODB,
        region: endpoints.AWS_REGION,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
    this.tableName = endpoints[environmentNames.tableName] as string;
  }

  /** The findings for the cases the flows' replies named. */
  async findings(tenantId: string, namedCaseIds: readonly string[]): Promise<Findings> {
    const { cases, certificatesByCase } = await this.scanCasesAndCertificates(tenantId);
    const lost: Findings['lostEvents'] = { auditTrail: [], supervisionCounters: [], notifier: [] };
    const casesWithoutOneCertificate: Findings['casesWithoutOneCertificate'][number][] = [];
    const casesNotInFinalState: Findings['casesNotInFinalState'][number][] = [];
    let eventsChecked = 0;
    let noticesExpected = 0;
    for (const caseId of namedCaseIds) {
      const partition = await this.partition(tenantId, caseId);
      const caseItem = partition.find((item) => item.SK === 'CASE');
      if (!caseItem) {
        casesNotInFinalState.push({ caseId, status: 'missing', rated: false });
        continue;
      }
      const current = caseEntity.fromItem<Case>(caseItem);
      const timeline = partition.filter((item) => String(item.SK).startsWith(keys.caseEventPrefix)).map((item) => attributesOf<CaseEvent>(item));
      const reviewEvents = partition
        .filter((item) => String(item.SK).startsWith(reviewEventPrefix))
        .map((item) => attributesOf<Pick<CaseEvent, 'eventId' | 'type'>>(item));
      const events: Pick<CaseEvent, 'eventId' | 'type'>[] = [...timeline, ...reviewEvents];
      eventsChecked += events.length;
      const audited = await this.auditRecordIds(tenantId, caseId);
      const applied = await this.appliedEventIds(
        tenantId,
        events.map((event) => event.eventId),
      );
      const recorded = new Set(timeline.map((event) => event.eventId));
      for (const event of events) {
        const lostEvent = { caseId, eventId: event.eventId, type: event.type };
        if (!audited.has(event.eventId)) lost.auditTrail.push(lostEvent);
        if (!applied.has(event.eventId)) lost.supervisionCounters.push(lostEvent);
      }
      for (const event of timeline.filter((candidate) => notifyingTypes.has(candidate.type))) {
        const expected = expectedNoticeIds(current, event);
        noticesExpected += expected?.length ?? 0;
        if (!expected?.every((id) => recorded.has(id))) lost.notifier.push({ caseId, eventId: event.eventId, type: event.type });
      }
      const pointers = partition.filter((item) => String(item.SK).startsWith(keys.caseCertificatePrefix)).length;
      const certificates = certificatesByCase.get(caseId) ?? 0;
      if (current.status === 'completed' && (pointers !== 1 || certificates !== 1)) casesWithoutOneCertificate.push({ caseId, pointers, certificates });
      const rated = partition.some((item) => item.SK === keys.review(tenantId, caseId, 'completion').SK);
      if (current.status !== 'completed' || !rated) casesNotInFinalState.push({ caseId, status: current.status, rated });
    }
    const named = new Set(namedCaseIds);
    const casesNoReplyNamed = cases.filter((found) => !named.has(found.caseId));
    return { eventsChecked, noticesExpected, lostEvents: lost, casesWithoutOneCertificate, casesNotInFinalState, casesNoReplyNamed };
  }

  /** Every case of the county (the data directory is the drill's own: all of them are the drill's) and the certificates per case. */
  private async scanCasesAndCertificates(tenantId: string) {
    const cases: { caseId: string; status: string }[] = [];
    const certificatesByCase = new Map<string, number>();
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new ScanCommand({
          TableName: this.tableName,
          FilterExpression: '(entity = :case OR entity = :certificate) AND tenantId = :tenant',
          ExpressionAttributeValues: { ':case': 'Case', ':certificate': 'Certificate', ':tenant': tenantId },
          ProjectionExpression: 'entity, caseId, #status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExclusiveStartKey: startKey,
          ConsistentRead: true,
        }),
      );
      for (const item of page.Items ?? []) {
        const caseId = String(item.caseId);
        if (item.entity === 'Case') cases.push({ caseId, status: String(item.status) });
        else certificatesByCase.set(caseId, (certificatesByCase.get(caseId) ?? 0) + 1);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return { cases, certificatesByCase };
  }

  private async partition(tenantId: string, caseId: string): Promise<Item[]> {
    const { items } = await queryAll(this.documents, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.casePartition(tenantId, caseId) },
      ConsistentRead: true,
    });
    return items;
  }

  private async auditRecordIds(tenantId: string, caseId: string): Promise<Set<string>> {
    const { items } = await queryAll(this.documents, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :trail',
      ExpressionAttributeValues: { ':trail': keys.auditOfCase(tenantId, caseId) },
    });
    return new Set(items.map((item) => String(item.recordId)));
  }

  private async appliedEventIds(tenantId: string, eventIds: readonly string[]): Promise<Set<string>> {
    const found = await batchGetAll(
      this.documents,
      this.tableName,
      eventIds.map((eventId) => keys.appliedEvent(tenantId, eventId)),
      { consistent: true },
    );
    const markerOf = new Map(eventIds.map((eventId) => [keys.appliedEvent(tenantId, eventId).PK, eventId]));
    return new Set(found.map((item) => markerOf.get(String(item.PK)) as string));
  }
}
