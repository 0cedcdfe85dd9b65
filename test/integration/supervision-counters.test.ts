import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoTenantDirectory } from '../../functions/catalogue/adapters/dynamo-tenant-directory';
import { DynamoCaseRepository } from '../../functions/intake/adapters/dynamo-case-repository';
import { DynamoCounterStore } from '../../functions/supervision/adapters/dynamo-counter-store';
import { S3ExportStore } from '../../functions/supervision/adapters/s3-export-store';
import type { relayedEventSchema } from '../../functions/kernel/events/envelope';
import { applySupervisionEvent, exportAuditDay } from '../../functions/supervision/use-cases';
import type { z } from 'zod';
import { aPlatformForThisFile, asStaffMember } from './support/platform';
import { fixedNationalCalendar } from '../support/calendar';

type Message = z.infer<typeof relayedEventSchema>;
const TENANT = '630103';

describe('given the supervision consumer on the local engines', () => {
  const running = aPlatformForThisFile();
  let deps: Parameters<typeof applySupervisionEvent>[0];
  let store: DynamoCounterStore;
  let s3: S3Client;

  beforeAll(() => {
    const env = running.platform.environment;
    const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: env.AWS_ENDPOINT_URL_DYNAMODB, region: 'us-east-1', credentials }), {
      marshallOptions: { removeUndefinedValues: true },
    });
    const table = env.TABLE_NAME as string;
    store = new DynamoCounterStore(documents, table);
    deps = {
      cases: new DynamoCaseRepository(documents, table),
      tenants: new DynamoTenantDirectory(documents, table),
      counters: store,
      calendar: fixedNationalCalendar(),
    };
    s3 = new S3Client({ endpoint: env.AWS_ENDPOINT_URL_S3, region: 'us-east-1', credentials, forcePathStyle: true });
  });

  /** A read by the county's supervisor (config/local/staff.yaml), signed in through the local staff provider. */
  const get = async (path: string) => {
    const response = await fetch(`${running.platform.url}/v1/tenants/${TENANT}${path}`, { headers: await asStaffMember(running, TENANT, 'JC-001') });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are untyped JSON, checked by the assertions
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  let sequence = 0;
  const anEvent = (type: string, at: string, fields: Partial<Message>): Message => ({
    version: 1,
    tenantId: TENANT,
    eventId: `EVT-${type}-${(sequence += 1)}`,
    type,
    at,
    actor: 'system',
    detail: {},
    ...fields,
  });

  /** Delivered at least once: some events twice, all of them at the same time. */
  const deliverConcurrently = async (events: readonly Message[], redelivered: number) => {
    const deliveries = [...events, ...events.slice(0, redelivered)];
    const outcomes = await Promise.all(deliveries.map((event) => applySupervisionEvent(deps, event)));
    return { applied: outcomes.filter((outcome) => outcome === 'applied').length, duplicates: outcomes.filter((outcome) => outcome === 'duplicate').length };
  };

  describe('when 40 reviews and 20 decisions of one handler arrive concurrently, 15 of them twice', () => {
    it('then the counters are exact, and the handler monthly figures show them', async () => {
      const levels = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];
      const reviews = Array.from({ length: 40 }, (_, index) =>
        anEvent('ReviewSubmitted', '2026-11-20T03:00:00Z', {
          caseId: `CASE-R${index}`,
          detail: { reviewId: `R${index}`, level: levels[index % 5], itemCode: 'QA-0001', departments: ['QAJ'], handlers: ['QA-STAFF'] },
        }),
      );
      const decisions = Array.from({ length: 20 }, (_, index) =>
        anEvent('DepartmentTaskDecided', '2026-11-20T04:00:00Z', {
          caseId: `CASE-D${index}`,
          detail: { taskId: `T${index}`, deptId: 'QAJ', decision: 'approve', staffId: 'QA-STAFF' },
        }),
      );

      const outcome = await deliverConcurrently([...reviews, ...decisions], 15);

      expect(outcome).toEqual({ applied: 60, duplicates: 15 });
      const monthly = await get('/staff/QA-STAFF/monthly?month=2026-11');
      expect(monthly).toMatchObject({
        status: 200,
        body: {
          staffId: 'QA-STAFF',
          casesHandled: 20,
          reviews: 40,
          distribution: { 非常满意: 8, 满意: 8, 基本满意: 8, 不满意: 8, 非常不满意: 8 },
          satisfactionRate: 0.6,
        },
      });
      const day = await get('/supervision/dashboard?window=day&date=2026-11-20');
      expect(day.body.departments).toContainEqual(
        expect.objectContaining({ deptId: 'QAJ', tasksDecided: 20, satisfaction: expect.objectContaining({ reviews: 40 }) }),
      );
      const province = await get('/supervision/dashboard?window=month&date=2026-11-20&level=province');
      expect(province.body).toMatchObject({ scope: { divisionCode: '630000' }, satisfaction: { reviews: 40 } });
    });
  });

  describe('when the dashboard is read after 5 and after 50 completed cases of the same items', () => {
    it('then it reads the same number of items and capacity units, and counts every case', async () => {
      const casesOf = (from: number, count: number) =>
        Array.from({ length: count }, (_, offset) => {
          const caseId = `CASE-K${from + offset}`;
          const itemCode = ['QA-0002', 'QA-0003'][(from + offset) % 2];
          return [
            anEvent('CaseSubmitted', '2026-11-19T01:00:00Z', { caseId, detail: { itemCode } }),
            anEvent('CaseAccepted', '2026-11-19T02:00:00Z', { caseId, detail: {} }),
            anEvent('CaseCompleted', '2026-11-19T05:00:00Z', { caseId, detail: {} }),
          ];
        }).flat();

      // one case stays open, so the gauge has its row whatever order the completed cases' events arrive in
      await deliverConcurrently([anEvent('CaseSubmitted', '2026-11-19T01:00:00Z', { caseId: 'CASE-OPEN', detail: { itemCode: 'QA-0002' } })], 0);
      await deliverConcurrently([anEvent('CaseAccepted', '2026-11-19T02:00:00Z', { caseId: 'CASE-OPEN', detail: {} })], 0);
      await deliverConcurrently(casesOf(0, 5), 3);
      const afterFive = await get('/supervision/dashboard?window=day&date=2026-11-19');
      await deliverConcurrently(casesOf(5, 45), 10);
      const afterFifty = await get('/supervision/dashboard?window=day&date=2026-11-19');

      expect(afterFive.body.cases).toMatchObject({ accepted: 6, finished: 5 });
      expect(afterFifty.body.cases).toMatchObject({ accepted: 51, finished: 50 });
      expect(afterFifty.body.items.map((item: { finished: number }) => item.finished)).toEqual([25, 25]);
      expect(afterFifty.body.readCost).toEqual(afterFive.body.readCost);
      // TOTAL and one row per item of the day, and the gauge's TOTAL: rows per department and item, never per case
      expect(afterFive.body.readCost.itemsRead).toBe(4);
    });
  });

  describe('when a day is exported', () => {
    it('then the audit and review records of that day are JSON lines in the export bucket, each event once', async () => {
      const exported = await exportAuditDay(
        { audit: store, exports: new S3ExportStore(s3, () => running.platform.environment.AUDIT_EXPORT_BUCKET as string) },
        TENANT,
        '2026-11-20',
      );
      expect(exported).toMatchObject({ auditRecords: 60, reviews: 40 });
      const object = await s3.send(new GetObjectCommand({ Bucket: running.platform.environment.AUDIT_EXPORT_BUCKET, Key: `audit/${TENANT}/2026-11-20.jsonl` }));
      const lines = (await object.Body?.transformToString())?.trim().split('\n') ?? [];
      expect(lines).toHaveLength(60);
      expect(new Set(lines.map((line) => (JSON.parse(line) as { recordId: string }).recordId)).size).toBe(60);
      expect(JSON.parse(lines[0] as string)).toMatchObject({ tenantId: TENANT, day: '2026-11-20', action: expect.any(String), who: expect.any(String) });
    });

    it('then the scheduled run (no tenant list) reads the county register and exports every onboarded county and the national level', async () => {
      const results = (await running.platform.host.invoke('ExportAudit', { date: '2026-11-20' })) as { tenantId: string; auditRecords: number }[];
      expect(results.map((result) => result.tenantId)).toEqual(['000000', '522732', '630103']);
      expect(results.find((result) => result.tenantId === TENANT)).toMatchObject({ auditRecords: 60 });
      const national = await s3.send(new GetObjectCommand({ Bucket: running.platform.environment.AUDIT_EXPORT_BUCKET, Key: 'audit/000000/2026-11-20.jsonl' }));
      expect(national.$metadata.httpStatusCode).toBe(200);
    });
  });
});
