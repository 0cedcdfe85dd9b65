import { generateKeyPairSync, sign } from 'node:crypto';
import { z } from 'zod';
import { approvalContracts } from '../../functions/approval/http-contract';
import {
  claimDepartmentTask,
  decideDepartmentTask,
  escalateOverdueTask,
  listDepartmentTasks,
  storeDepartmentTask,
  taskDecisionBody,
  taskListQuery,
} from '../../functions/approval/use-cases';
import type { CertificateSigner } from '../../functions/certificates/domain/ports';
import { publicKeyDer } from '../../functions/certificates/domain/verification';
import { certificateContracts } from '../../functions/certificates/http-contract';
import {
  type CertificateDependencies,
  chooseResultDelivery,
  deliveryChoiceBody,
  handOverResult,
  handoverBody,
  issueCertificates,
  listCertificateLibrary,
  presentedCertificateBody,
  revokeCertificates,
  verifyCertificate,
  verifyPresentedCertificate,
} from '../../functions/certificates/use-cases';
import type { Case } from '../../functions/intake/domain/case';
import { acceptanceBody, createCaseBody, createCase, decideAcceptance } from '../../functions/intake/use-cases';
import { nationalIdDigest } from '../../functions/kernel/applicant';
import { type AuditRecord, staffOf } from '../../functions/kernel/audit-record';
import type { ReviewEvent } from '../../functions/kernel/events/review-events';
import type { Page } from '../../functions/kernel/page';
import { relayedEventSchema } from '../../functions/kernel/events/envelope';
import type { ReviewStore } from '../../functions/reviews/domain/ports';
import type { Rectification, RectificationStatus } from '../../functions/reviews/domain/rectification';
import { alreadyReviewed, type Review } from '../../functions/reviews/domain/review';
import { reviewContracts } from '../../functions/reviews/http-contract';
import {
  complaintBody,
  fileComplaint,
  getRectification,
  ledgerQuery,
  listRectifications,
  listReviews,
  recordRectificationStep,
  type ReviewDependencies,
  reviewBody,
  stepBody,
  submitReview,
} from '../../functions/reviews/use-cases';
import type { RouteContract } from '../../functions/shared/api-contract';
import { InvalidTransitionError } from '../../functions/shared/errors';
import { decodeCursor, encodeCursor } from '../../functions/shared/table/cursor';
import { rollsUp, type SubjectFacts } from '../../functions/supervision/domain/counters';
import type { AuditLog, CounterChange, CounterRead, CounterStore, StoredFacts } from '../../functions/supervision/domain/ports';
import { supervisionContracts } from '../../functions/supervision/http-contract';
import {
  applySupervisionEvent,
  auditQuery,
  dashboardQuery,
  getDashboard,
  getStaffMonthly,
  queryAudit,
  type SupervisionDependencies,
} from '../../functions/supervision/use-cases';
import { approvalFunctionDefinitions } from '../../infra/definitions/functions/approval';
import { certificateFunctionDefinitions } from '../../infra/definitions/functions/certificates';
import { reviewFunctionDefinitions } from '../../infra/definitions/functions/reviews';
import { supervisionFunctionDefinitions } from '../../infra/definitions/functions/supervision';
import { aFixedClock, anInMemoryPlatform, InMemoryCertificateRepository, InMemoryDocumentStore, InMemoryReleaseRepository } from '../support/fakes';
import { anApplicant, aPlanningApplication } from '../support/fixtures';
import { citizenContext, publicContext, staffContext } from '../support/request-context';

/*
 * The response schemas of the approval, certificates, reviews and supervision routes (their http-contract.ts), held
 * to what the code returns: one day of 三都县 played through the use cases on the shared in-memory fakes (a 即办件 at
 * the window, its certificate, delivery and reviews, a complaint and the ledger, a parallel approval with a suspension,
 * a denial, escalations and a transfer, then the supervision counters fed with every event the day wrote). Every reply
 * must parse under its route's schema and lose nothing in the parse: a z.object drops what it does not name, so a
 * field the schema does not describe fails here, as it would fail the OpenAPI validation of the integration suite.
 */

const TENANT = '522732';

/** The reply as it leaves the handler (JSON), parsed by the schema with nothing dropped. */
function expectConforms(schema: z.ZodType | undefined, reply: unknown): void {
  if (!schema) throw new Error('the route documents no schema for this status');
  const json: unknown = JSON.parse(JSON.stringify(reply));
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${z.prettifyError(parsed.error)}\nin ${JSON.stringify(json, null, 2)}`);
  expect(parsed.data).toEqual(json);
}

const contracts: Record<string, Record<string, RouteContract>> = {
  approval: approvalContracts,
  certificates: certificateContracts,
  reviews: reviewContracts,
  supervision: supervisionContracts,
};
const definitions = [...approvalFunctionDefinitions, ...certificateFunctionDefinitions, ...reviewFunctionDefinitions, ...supervisionFunctionDefinitions];
const everyContract = Object.values(contracts).flatMap((byId) => Object.entries(byId));

describe('given the route contracts of approval, certificates, reviews and supervision', () => {
  it('then each context has exactly one contract per HTTP route of its function definitions, keyed by the definition id', () => {
    for (const [context, byId] of Object.entries(contracts)) {
      const routes = definitions
        .filter((definition) => definition.context === context && definition.trigger.kind === 'http')
        .map((definition) => definition.id);
      expect(Object.keys(byId).sort()).toEqual(routes.sort());
    }
  });

  it.each(everyContract)('then %s converts to JSON Schema, its examples conform and every status lists its codes', (_id, contract) => {
    for (const part of [contract.path, contract.query, contract.body]) if (part) z.toJSONSchema(part, { target: 'draft-2020-12', io: 'input' });
    if (contract.body) expect(contract.body.safeParse(contract.bodyExample).success).toBe(true);
    const successes = Object.values(contract.responses);
    expect(successes.length).toBeGreaterThan(0);
    for (const response of successes) {
      if (!response?.schema) continue;
      z.toJSONSchema(response.schema, { target: 'draft-2020-12', io: 'output' });
      expectConforms(response.schema, response.example);
    }
    for (const codes of Object.values(contract.errors)) {
      expect(codes?.length).toBeGreaterThan(0);
      for (const code of codes ?? []) expect(code).toMatch(/^[A-Z][A-Z_]+$/);
    }
  });

  it('then every response schema of the four contexts converts together, without two components of one id', () => {
    const schemas = everyContract.flatMap(([, contract]) =>
      Object.values(contract.responses).flatMap((response) => (response?.schema ? [response.schema] : [])),
    );
    expect(() => z.toJSONSchema(z.object(Object.fromEntries(schemas.map((schema, index) => [`r${index}`, schema]))), { io: 'output' })).not.toThrow();
  });
});

/** Reviews and the ledger over a map each, with the DynamoDB store's conditions (one review per touchpoint, the next revision only). */
class InMemoryReviewStore implements ReviewStore {
  readonly events: ReviewEvent[] = [];
  private readonly reviews = new Map<string, Review>();
  private readonly entries = new Map<string, Rectification>();

  async saveReview(review: Review, events: readonly ReviewEvent[], opened?: Rectification): Promise<void> {
    const key = `${review.tenantId}#${review.caseId}#${review.touchpoint}`;
    if (this.reviews.has(key)) throw alreadyReviewed(review.touchpoint);
    this.reviews.set(key, structuredClone(review));
    if (opened) this.entries.set(`${opened.tenantId}#${opened.rectificationId}`, structuredClone(opened));
    this.events.push(...events);
  }
  async reviewsOfCase(tenantId: string, caseId: string): Promise<Review[]> {
    return [...this.reviews.values()].filter((review) => review.tenantId === tenantId && review.caseId === caseId).map((review) => structuredClone(review));
  }
  async openRectification(entry: Rectification, events: readonly ReviewEvent[]): Promise<void> {
    this.entries.set(`${entry.tenantId}#${entry.rectificationId}`, structuredClone(entry));
    this.events.push(...events);
  }
  async findRectification(tenantId: string, rectificationId: string): Promise<Rectification | undefined> {
    const found = this.entries.get(`${tenantId}#${rectificationId}`);
    return found && structuredClone(found);
  }
  async saveRectification(next: Rectification, events: readonly ReviewEvent[]): Promise<void> {
    const key = `${next.tenantId}#${next.rectificationId}`;
    if (this.entries.get(key)?.revision !== next.revision - 1)
      throw new InvalidTransitionError('整改事项已被其他操作更新', 'changed concurrently', 'CONCURRENT_UPDATE');
    this.entries.set(key, structuredClone(next));
    this.events.push(...events);
  }
  async pageRectifications(
    tenantId: string,
    status: RectificationStatus | undefined,
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<Page<Rectification>> {
    // the adapter's opaque cursor over the ledger's order (status, deadline, id), bound to the tenant's ledger
    const partition = `${tenantId}#LEDGER`;
    const sortKey = (entry: Rectification) => `${entry.status}#${entry.deadline}#${entry.rectificationId}`;
    const after = decodeCursor(page.cursor, 'partition', partition, status ? { attribute: 'sort', prefix: `${status}#` } : undefined)?.sort;
    const listed = [...this.entries.values()]
      .filter((entry) => entry.tenantId === tenantId && (!status || entry.status === status) && (after === undefined || sortKey(entry) > after))
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    const shown = listed.slice(0, page.limit);
    const last = listed.length > page.limit ? shown[shown.length - 1] : undefined;
    return { items: shown.map((entry) => structuredClone(entry)), nextCursor: last ? encodeCursor({ partition, sort: sortKey(last) }) : undefined };
  }
}

/** Counters, subject facts and the audit trail over maps, applied as the DynamoDB store applies them (marker, version, roll-up). */
class InMemoryCounters implements CounterStore, AuditLog {
  private readonly applied = new Set<string>();
  private readonly subjects = new Map<string, { facts: SubjectFacts; version: number }>();
  private readonly rows = new Map<string, Map<string, Record<string, number>>>();
  private readonly records: AuditRecord[] = [];

  async facts(tenantId: string, subject: string): Promise<StoredFacts> {
    const stored = this.subjects.get(`${tenantId}|${subject}`);
    return stored ? structuredClone(stored) : { version: 0 };
  }
  async apply(change: CounterChange): Promise<'applied' | 'duplicate' | 'stale'> {
    if (this.applied.has(`${change.tenantId}|${change.eventId}`)) return 'duplicate';
    if (change.subject) {
      const key = `${change.tenantId}|${change.subject.key}`;
      if ((this.subjects.get(key)?.version ?? 0) !== change.subject.expectedVersion) return 'stale';
      this.subjects.set(key, { facts: structuredClone(change.subject.facts), version: change.subject.expectedVersion + 1 });
    }
    this.applied.add(`${change.tenantId}|${change.eventId}`);
    this.records.push(structuredClone(change.audit));
    for (const increment of change.increments) {
      const divisions = [change.tenantId, ...(rollsUp(increment.row) ? change.rollUpTo : [])];
      for (const division of divisions) {
        const partition = this.rows.get(`${division}|${increment.period}`) ?? new Map<string, Record<string, number>>();
        const values = partition.get(increment.row) ?? {};
        values[increment.field] = (values[increment.field] ?? 0) + increment.by;
        partition.set(increment.row, values);
        this.rows.set(`${division}|${increment.period}`, partition);
      }
    }
    return 'applied';
  }
  async readPeriod(divisionCode: string, period: string): Promise<CounterRead> {
    const rows = [...(this.rows.get(`${divisionCode}|${period}`) ?? new Map<string, Record<string, number>>()).entries()]
      .filter(([row]) => !row.startsWith('STAFF#'))
      .map(([row, values]) => ({ row, values: { ...values } }));
    return { rows, itemsRead: rows.length, readCapacityUnits: Math.max(0.5, rows.length * 0.5) };
  }
  async readStaff(tenantId: string, period: string, staffId: string): Promise<CounterRead> {
    const values = this.rows.get(`${tenantId}|${period}`)?.get(`STAFF#${staffId}`);
    return { rows: values ? [{ row: `STAFF#${staffId}`, values: { ...values } }] : [], itemsRead: values ? 1 : 0, readCapacityUnits: 0.5 };
  }
  private inOrder = (records: AuditRecord[], limit: number) =>
    records.sort((a, b) => a.at.localeCompare(b.at) || a.recordId.localeCompare(b.recordId)).slice(0, limit);
  async ofCase(tenantId: string, caseId: string, limit: number): Promise<AuditRecord[]> {
    return this.inOrder(
      this.records.filter((record) => record.tenantId === tenantId && record.caseId === caseId),
      limit,
    );
  }
  async ofStaff(tenantId: string, staffId: string, limit: number): Promise<AuditRecord[]> {
    return this.inOrder(
      this.records.filter((record) => record.tenantId === tenantId && staffOf(record) === staffId),
      limit,
    );
  }
  async ofDay(tenantId: string, day: string): Promise<AuditRecord[]> {
    return this.inOrder(
      this.records.filter((record) => record.tenantId === tenantId && record.day === day),
      Number.MAX_SAFE_INTEGER,
    );
  }
}

describe('given a day of 三都县 on the in-memory ports (Monday 2026-11-23)', () => {
  const platform = anInMemoryPlatform();
  const { intake, approval } = platform.deps;

  const { privateKey } = generateKeyPairSync('ed25519');
  const signer: CertificateSigner = { sign: async (bytes) => sign(null, bytes, privateKey), publicKey: async () => publicKeyDer(privateKey) };
  const documents = new InMemoryDocumentStore();
  const certificatesDeps: CertificateDependencies = {
    cases: platform.cases,
    catalogue: platform.catalogue,
    tenants: platform.tenants,
    certificates: new InMemoryCertificateRepository(platform.table),
    releases: new InMemoryReleaseRepository(platform.table),
    materials: platform.records,
    documents,
    signer,
    clock: platform.clock,
    ids: platform.ids,
    calendar: platform.calendar,
  };
  const reviewStore = new InMemoryReviewStore();
  const reviewsDeps: ReviewDependencies = {
    cases: platform.cases,
    catalogue: platform.catalogue,
    tenants: platform.tenants,
    reviews: reviewStore,
    clock: platform.clock,
    ids: platform.ids,
    calendar: platform.calendar,
  };
  const counters = new InMemoryCounters();
  const supervisionDeps: SupervisionDependencies = {
    cases: platform.cases,
    tenants: platform.tenants,
    counters,
    audit: counters,
    clock: platform.clock,
    calendar: platform.calendar,
  };

  const applicant = anApplicant();
  const windowClerk = staffContext(TENANT, { staffId: 'CK-02', role: 'window' });
  const theApplicant = citizenContext(TENANT, 'sub-weixiaobao', applicant.idNumber);
  const supervisor = staffContext(TENANT, { staffId: 'JC-001', role: 'supervisor' });
  const sjjHandler = staffContext(TENANT, { staffId: 'SJJ-007', role: 'handler', deptId: 'SJJ' });
  const handlerOf = (deptId: string) => staffContext(TENANT, { staffId: `${deptId}-007`, role: 'handler', deptId });

  /** The 即办件 (个体工商户设立登记) the window completes on the spot for 韦小宝. */
  let immediateCaseId = '';

  beforeAll(async () => {
    await platform.onboard();
    const filed = await createCase(
      intake,
      windowClerk,
      createCaseBody.parse({
        itemCode: 'SCZR-0001',
        window: { windowId: 'ZH-SCZR' },
        applicant,
        formData: {
          operatorName: applicant.name,
          operatorIdNumber: applicant.idNumber,
          phone: applicant.phone,
          organizationForm: '个人经营',
          businessScope: '米粉',
          businessAddress: '三合街道',
          capitalTenThousandYuan: 5,
        },
      }),
    );
    immediateCaseId = filed.caseId;
    await decideAcceptance(intake, windowClerk, immediateCaseId, acceptanceBody.parse({ decision: 'complete' }));
  });

  describe('when its certificate is issued, verified, listed, delivered and finally revoked', () => {
    let certificateNo = '';

    beforeAll(async () => {
      const issued = await issueCertificates(certificatesDeps, { tenantId: TENANT, caseId: immediateCaseId, eventId: 'E-COMPLETED' });
      certificateNo = issued.issued[0] as string;
    });

    it('then a verification by number answers a CertificateVerdict, valid and, once the document is changed, invalid', async () => {
      const { VerifyCertificate } = certificateContracts;
      const valid = await verifyCertificate(certificatesDeps, VerifyCertificate.path.parse({ certificateNo }).certificateNo);
      expect(valid).toMatchObject({ status: 'valid', certificate: { certificateNo } });
      expectConforms(VerifyCertificate.responses[200].schema, valid);

      const key = `certificates/${TENANT}/${certificateNo}.json`;
      const stored = documents.objects.get(key) as Uint8Array;
      documents.objects.set(key, Buffer.from(Buffer.from(stored).toString('utf8').replace('米粉', '粉面')));
      const tampered = await verifyCertificate(certificatesDeps, certificateNo);
      documents.objects.set(key, stored);
      expect(tampered).toMatchObject({ status: 'invalid', reasons: expect.arrayContaining(['DOCUMENT_DIGEST_MISMATCH']) });
      expectConforms(VerifyCertificate.responses[200].schema, tampered);
    });

    it('then a presented document answers a verdict, with no certificate when the number was never issued', async () => {
      const { VerifyPresentedCertificate } = certificateContracts;
      const presented = JSON.parse(Buffer.from(documents.objects.get(`certificates/${TENANT}/${certificateNo}.json`) as Uint8Array).toString('utf8'));
      const genuine = await verifyPresentedCertificate(certificatesDeps, presentedCertificateBody.parse(presented));
      expect(genuine.status).toBe('valid');
      expectConforms(VerifyPresentedCertificate.responses[200].schema, genuine);

      const forged = { ...presented, certificate: { ...presented.certificate, certificateNo: `${certificateNo.slice(0, -4)}0000` } };
      const notIssued = await verifyPresentedCertificate(certificatesDeps, presentedCertificateBody.parse(forged));
      expect(notIssued).toMatchObject({ status: 'invalid', reasons: expect.arrayContaining(['NOT_ISSUED']) });
      expect(notIssued.certificate).toBeUndefined();
      expectConforms(VerifyPresentedCertificate.responses[200].schema, notIssued);
    });

    it('then the holder’s library (免证办) answers a CertificateLibrary', async () => {
      const library = await listCertificateLibrary(certificatesDeps, theApplicant);
      expect(library.certificates.map((certificate) => certificate.certificateNo)).toEqual([certificateNo]);
      expectConforms(certificateContracts.ListCertificateLibrary.responses[200].schema, library);
    });

    it('then choosing mail and handing the result over answer a ResultDelivery each', async () => {
      const { ChooseResultDelivery, HandOverResult } = certificateContracts;
      const chosen = await chooseResultDelivery(
        certificatesDeps,
        theApplicant,
        immediateCaseId,
        deliveryChoiceBody.parse({ method: 'mail', address: { recipient: '韦小宝', phone: '13800000000', detail: '三都县三合街道民族路1号' } }),
      );
      expect(chosen).toMatchObject({ status: 'chosen', method: 'mail' });
      expect(JSON.stringify(chosen)).not.toContain('民族路');
      expectConforms(ChooseResultDelivery.responses[200].schema, chosen);

      const delivered = await handOverResult(certificatesDeps, windowClerk, immediateCaseId, handoverBody.parse({ trackingNumber: '1187654321098' }));
      expect(delivered).toMatchObject({ status: 'delivered', deliveredBy: 'CK-02', trackingNumber: '1187654321098' });
      expectConforms(HandOverResult.responses[200].schema, delivered);
    });

    it('then a revoked certificate verifies as revoked, with the instant', async () => {
      await revokeCertificates(certificatesDeps, { tenantId: TENANT, caseId: immediateCaseId, eventId: 'E-REVOKED' });
      const revoked = await verifyCertificate(certificatesDeps, certificateNo);
      expect(revoked).toMatchObject({ status: 'revoked', certificate: { status: 'revoked', revokedAt: expect.any(String) } });
      expectConforms(certificateContracts.VerifyCertificate.responses[200].schema, revoked);
    });
  });

  describe('when the applicant rates the case, someone complains and the department works the ledger', () => {
    let badReviewEntry = '';
    let complaintEntry = '';

    it('then a bad review and a good one answer a ReviewReceipt, with and without the entry it opened', async () => {
      const schema = reviewContracts.SubmitReview.responses[201].schema;
      const bad = await submitReview(
        reviewsDeps,
        theApplicant,
        immediateCaseId,
        reviewBody.parse({ touchpoint: 'completion', level: '不满意', comment: '排队等候时间较长', tags: ['效率'], channel: 'hall_device' }),
      );
      expect(bad).toMatchObject({ links: { windowId: 'ZH-SCZR', clerk: 'CK-02' }, rectification: { ownerDeptId: 'SJJ' } });
      expectConforms(schema, bad);
      badReviewEntry = bad.rectification?.rectificationId as string;

      const good = await submitReview(
        reviewsDeps,
        theApplicant,
        immediateCaseId,
        reviewBody.parse({ touchpoint: 'acceptance', level: '非常满意', channel: 'web' }),
      );
      expect(good.rectification).toBeUndefined();
      expectConforms(schema, good);
    });

    it('then the case’s reviews answer a CaseReviewList without staff', async () => {
      const listed = await listReviews(reviewsDeps, theApplicant, immediateCaseId);
      expect(listed.reviews).toHaveLength(2);
      expect(JSON.stringify(listed)).not.toContain('CK-02');
      expectConforms(reviewContracts.ListCaseReviews.responses[200].schema, listed);
    });

    it('then complaints by department and by case answer a ComplaintReceipt', async () => {
      const schema = reviewContracts.FileComplaint.responses[201].schema;
      const byDepartment = await fileComplaint(
        reviewsDeps,
        publicContext(TENANT),
        complaintBody.parse({
          deptId: 'SJJ',
          channel: 'hotline',
          content: '市场准入窗口午休时间不办理业务',
          contact: { name: '韦先生', phone: '13900000000' },
        }),
      );
      expectConforms(schema, byDepartment);
      complaintEntry = byDepartment.rectificationId;
      expectConforms(
        schema,
        await fileComplaint(
          reviewsDeps,
          publicContext(TENANT),
          complaintBody.parse({ caseId: immediateCaseId, channel: 'web', content: '取件通知未收到短信' }),
        ),
      );
    });

    it('then the ledger and an entry answer a RectificationLedger and a RectificationEntry, for the supervisor and the department', async () => {
      const ledger = await listRectifications(reviewsDeps, supervisor, ledgerQuery.parse({}));
      expect(ledger.rectifications).toHaveLength(3);
      expect(JSON.stringify(ledger)).not.toContain('13900000000');
      expectConforms(reviewContracts.ListRectifications.responses[200].schema, ledger);
      expectConforms(
        reviewContracts.ListRectifications.responses[200].schema,
        await listRectifications(reviewsDeps, sjjHandler, ledgerQuery.parse({ light: 'green' })),
      );
      expectConforms(reviewContracts.GetRectification.responses[200].schema, await getRectification(reviewsDeps, sjjHandler, badReviewEntry));
    });

    it('then every step of the ledger answers a RectificationEntry, closed or closed as cannot-be-fixed', async () => {
      const schema = reviewContracts.RecordRectificationStep.responses[200].schema;
      const steps = [
        { step: 'verify', note: '经核实，窗口高峰时段等候时间过长' },
        { step: 'rectify', note: '高峰时段增设综合窗口一个' },
        { step: 'call_back', note: '电话回访', satisfaction: '满意' },
        { step: 'close', note: '销号' },
      ];
      for (const step of steps) expectConforms(schema, await recordRectificationStep(reviewsDeps, sjjHandler, badReviewEntry, stepBody.parse(step)));
      await recordRectificationStep(reviewsDeps, sjjHandler, complaintEntry, stepBody.parse({ step: 'verify', note: '属实' }));
      const unfixable = await recordRectificationStep(
        reviewsDeps,
        sjjHandler,
        complaintEntry,
        stepBody.parse({ step: 'close_unfixable', note: '无法整改', explanation: '午休轮岗需增加编制，已报县编办' }),
      );
      expect(unfixable).toMatchObject({ status: 'closed_unfixable', explanation: '午休轮岗需增加编制，已报县编办' });
      expectConforms(schema, unfixable);
    });
  });

  describe('when a construction company’s 建设工程规划许可 goes through parallel approval (GTJ lead, ZJJ, GAJ)', () => {
    const company = aPlanningApplication();
    let caseId = '';
    const taskOf = async (deptId: string) =>
      (((await platform.cases.find(TENANT, caseId)) as Case).tasks.find((task) => task.deptId === deptId) as { taskId: string }).taskId;
    const list = async (deptId: string, query: Record<string, string> = {}, ctx = handlerOf(deptId)) =>
      listDepartmentTasks(approval, ctx, deptId, taskListQuery.parse(query));

    beforeAll(async () => {
      const body = createCaseBody.parse(company);
      const account = citizenContext(TENANT, 'sub-chengtou', undefined, {
        subjectType: 'organisation',
        trustLevel: 'L3',
        idDigest: nationalIdDigest(body.applicant.idType, body.applicant.idNumber),
      });
      caseId = (await createCase(intake, account, body)).caseId;
      await decideAcceptance(intake, windowClerk, caseId, acceptanceBody.parse({ decision: 'accept' }));
      const accepted = (await platform.cases.find(TENANT, caseId)) as Case;
      for (const task of accepted.tasks) {
        await storeDepartmentTask(approval, {
          taskToken: `token-${task.deptId}`,
          tenantId: TENANT,
          caseId,
          taskId: task.taskId,
          deptId: task.deptId,
          timeoutSeconds: 86_400,
          dispatchedAt: platform.clock.now().toISOString(),
        });
      }
    });

    it('then each department’s work list answers a DepartmentTaskList, for its handler and for the supervisor', async () => {
      const schema = approvalContracts.ListDepartmentTasks.responses[200].schema;
      const gtj = await list('GTJ');
      expect(gtj.tasks).toEqual([expect.objectContaining({ caseId, lead: true, status: 'pending', light: 'green' })]);
      expectConforms(schema, gtj);
      expectConforms(schema, await list('ZJJ', { light: 'green' }, supervisor));
    });

    it('then a claim answers a TaskClaim, and claiming again the same', async () => {
      const schema = approvalContracts.ClaimTask.responses[200].schema;
      const taskId = await taskOf('GTJ');
      const claimed = await claimDepartmentTask(approval, handlerOf('GTJ'), taskId);
      expect(claimed).toMatchObject({ taskId, claimedBy: 'GTJ-007' });
      expectConforms(schema, claimed);
      expectConforms(schema, await claimDepartmentTask(approval, handlerOf('GTJ'), taskId));
    });

    it('then a suspension (现场勘察), a resumption and an approval answer a TaskDecisionResult each, and the suspended list shows it', async () => {
      const schema = approvalContracts.DecideTask.responses[200].schema;
      const taskId = await taskOf('GTJ');
      const decide = (decision: unknown) => decideDepartmentTask(approval, handlerOf('GTJ'), taskId, taskDecisionBody.parse(decision));
      const suspended = await decide({ decision: 'suspend', procedure: '现场勘察', reason: '核实建设用地四至', expectedDays: 2 });
      expect(suspended).toMatchObject({ status: 'suspended', delivery: 'not-needed' });
      expectConforms(schema, suspended);
      const listed = await list('GTJ', { status: 'suspended' });
      expect(listed.tasks).toEqual([expect.objectContaining({ light: 'suspended', claimedBy: 'GTJ-007' })]);
      expectConforms(approvalContracts.ListDepartmentTasks.responses[200].schema, listed);

      const resumed = await decide({ decision: 'resume' });
      expect(resumed).toMatchObject({ status: 'pending', delivery: 'delivered' });
      expectConforms(schema, resumed);
      const approved = await decide({ decision: 'approve', comment: '符合规划条件' });
      expect(approved).toMatchObject({ status: 'approved', delivery: 'delivered' });
      expectConforms(schema, approved);
    });

    it('then a denial answers a TaskDecisionResult with the rights notice', async () => {
      const denied = await decideDepartmentTask(
        approval,
        handlerOf('ZJJ'),
        await taskOf('ZJJ'),
        taskDecisionBody.parse({ decision: 'deny', reason: '未按规定配建防空地下室' }),
      );
      expect(denied).toMatchObject({ status: 'denied', rightsNotice: expect.stringContaining('行政复议') });
      expectConforms(approvalContracts.DecideTask.responses[200].schema, denied);
    });

    it('then an overdue task lists with its escalation (yellow, then red with a 督办 deadline), and a transfer (转办) answers waiting', async () => {
      const schema = approvalContracts.ListDepartmentTasks.responses[200].schema;
      const taskId = await taskOf('GAJ');
      const escalate = () => escalateOverdueTask(approval, { tenantId: TENANT, caseId, taskId, deptId: 'GAJ' });
      // 7 working days from Monday 2026-11-23: due Wednesday 12-02 (yellow that day), red from Thursday
      platform.clock.set('2026-12-02T02:00:00.000Z');
      await escalate();
      const yellow = await list('GAJ');
      expect(yellow.tasks).toEqual([expect.objectContaining({ light: 'yellow', escalation: { level: 1 } })]);
      expectConforms(schema, yellow);
      platform.clock.set('2026-12-03T02:00:00.000Z');
      await escalate();
      const red = await list('GAJ', { light: 'red' }, supervisor);
      expect(red.tasks).toEqual([
        expect.objectContaining({ light: 'red', escalation: expect.objectContaining({ level: 2, supervisionDeadline: expect.any(String) }) }),
      ]);
      expectConforms(schema, red);

      const moved = await decideDepartmentTask(
        approval,
        handlerOf('GAJ'),
        taskId,
        taskDecisionBody.parse({ decision: 'reassign', toDeptId: 'AJJ', reason: '属安全生产监管职责' }),
      );
      expect(moved).toMatchObject({ status: 'waiting', deptId: 'AJJ' });
      expectConforms(approvalContracts.DecideTask.responses[200].schema, moved);
      expectConforms(schema, await list('AJJ', { status: 'waiting' }, supervisor));
    });
  });

  describe('when the supervision counters and the audit trail have taken every event of the day', () => {
    beforeAll(async () => {
      const caseEvents = [...platform.table.timelines.entries()].flatMap(([partition, events]) =>
        [...events.values()].map((event) => ({ ...(event as object), tenantId: partition.slice(0, 6) })),
      );
      const reviewEvents = reviewStore.events.map((event) => ({ ...event, tenantId: TENANT }));
      const relayed = [...caseEvents, ...reviewEvents].map((event) => relayedEventSchema.parse({ version: 1, ...event }));
      for (const event of relayed.sort((a, b) => a.at.localeCompare(b.at) || a.eventId.localeCompare(b.eventId))) {
        await applySupervisionEvent(supervisionDeps, event);
      }
    });

    it('then the dashboard answers a SupervisionDashboard at county, city and province level, with the calendar warning', async () => {
      const schema = supervisionContracts.GetSupervisionDashboard.responses[200].schema;
      const county = await getDashboard(supervisionDeps, supervisor, dashboardQuery.parse({ window: 'month', date: '2026-11-24' }));
      expect(county).toMatchObject({ scope: { divisionCode: TENANT } });
      expect(county.departments.length).toBeGreaterThan(0);
      expect(county.satisfaction.reviews).toBe(2);
      expectConforms(schema, county);
      for (const level of ['city', 'province']) {
        expectConforms(schema, await getDashboard(supervisionDeps, supervisor, dashboardQuery.parse({ window: 'week', date: '2026-11-23', level })));
      }
      expectConforms(schema, await getDashboard(supervisionDeps, supervisor, dashboardQuery.parse({})));

      // a month before the last official year ends, whichever year that is: next year's holiday notice is due
      const lastOfficialYear = (await platform.calendar.current()).officialYears().at(-1) as number;
      const inDecember = { ...supervisionDeps, clock: aFixedClock(`${lastOfficialYear}-12-01T02:00:00.000Z`) };
      const warned = await getDashboard(inDecember, supervisor, dashboardQuery.parse({ window: 'month', date: '2026-11-24' }));
      expect(warned.calendarWarning).toMatchObject({ code: 'CALENDAR_NOTICE_DUE', lastOfficialYear });
      expectConforms(schema, warned);
    });

    it('then a member of staff’s month answers StaffMonthlyFigures, with and without anything counted', async () => {
      const schema = supervisionContracts.GetStaffMonthly.responses[200].schema;
      const gtj = await getStaffMonthly(supervisionDeps, handlerOf('GTJ'), 'GTJ-007', '2026-11');
      expect(gtj).toMatchObject({ casesHandled: 1 });
      expectConforms(schema, gtj);
      const nothing = await getStaffMonthly(supervisionDeps, supervisor, 'CK-01', '2026-11');
      expect(nothing).toMatchObject({ casesHandled: 0, onTimeRate: null, satisfactionRate: null });
      expectConforms(schema, nothing);
    });

    it('then the audit trail of a case and of a handler answers an AuditTrail', async () => {
      const schema = supervisionContracts.QueryAudit.responses[200].schema;
      const ofCase = await queryAudit(supervisionDeps, supervisor, auditQuery.parse({ caseId: immediateCaseId }));
      expect(ofCase.records.map((record) => record.action)).toEqual(expect.arrayContaining(['CaseSubmitted', 'CaseCompleted', 'RectificationStepRecorded']));
      expectConforms(schema, ofCase);
      const ofHandler = await queryAudit(supervisionDeps, supervisor, auditQuery.parse({ staffId: 'SJJ-007' }));
      expect(ofHandler.records).toContainEqual(expect.objectContaining({ action: 'RectificationStepRecorded', before: 'open', after: 'verified' }));
      expectConforms(schema, ofHandler);
    });
  });
});
