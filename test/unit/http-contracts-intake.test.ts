import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { z } from 'zod';
import {
  claimDepartmentTask,
  completeApproval,
  decideDepartmentTask,
  escalateOverdueTask,
  storeDepartmentTask,
  taskDecisionBody,
} from '../../functions/approval/use-cases';
import { calendarContracts, holidayNoticesSchema, holidayNoticeVersionsSchema } from '../../functions/calendar/http-contract';
import { listHolidayNotices, loadHolidayNotice, loadShippedNotices, noticeVersions } from '../../functions/calendar/use-cases';
import {
  bundleGuideSchema,
  catalogueContracts,
  catalogueSchema,
  itemGuideSchema,
  itemVersionsSchema,
  workingDayDeadlineSchema,
} from '../../functions/catalogue/http-contract';
import { bundleGuide, itemGuide, itemVersions, listCatalogue, workingDayDeadline } from '../../functions/catalogue/use-cases';
import type { FormField } from '../../functions/catalogue/domain/tenant-config/index';
import type { CertificateSigner } from '../../functions/certificates/domain/ports';
import { publicKeyDer } from '../../functions/certificates/domain/verification';
import { chooseResultDelivery, deliveryChoiceBody, handoverBody, handOverResult, issueCertificates } from '../../functions/certificates/use-cases';
import { officialCalendarYears } from '../../functions/domain/calendar-data';
import { intakeContracts } from '../../functions/intake/http-contract';
import {
  acceptanceOutcomeSchema,
  caseMaterialLineSchema,
  caseProgressSchema,
  caseViewSchema,
  commitmentVerificationSchema,
  filedCaseSchema,
  myCasesSchema,
  resubmittedCaseSchema,
} from '../../functions/intake/responses';
import {
  acceptanceBody,
  createCase,
  createCaseBody,
  decideAcceptance,
  getCaseView,
  listMyCases,
  lookUpCaseProgress,
  resubmitCase,
  verifyCommitment,
} from '../../functions/intake/use-cases';
import { nationalIdDigest } from '../../functions/kernel/applicant';
import type { MaterialEvent, MaterialUpload, ProvidedMaterial, ReferencedMaterial, UploadedMaterial } from '../../functions/materials/domain/material';
import type { MaterialRepository, MaterialStore, StoredObject } from '../../functions/materials/domain/ports';
import {
  caseMaterialsSchema,
  materialChecklistLineSchema,
  materialContracts,
  materialDownloadSchema,
  materialReferenceSchema,
  materialUploadTicketSchema,
  verifiedUploadSchema,
} from '../../functions/materials/http-contract';
import {
  completeMaterialUpload,
  listCaseMaterials,
  materialDownload,
  type MaterialDependencies,
  referenceLibraryCertificate,
  requestMaterialUpload,
} from '../../functions/materials/use-cases';
import type { RouteContract } from '../../functions/shared/api-contract';
import { InvalidTransitionError } from '../../functions/shared/errors';
import type { RequestContext } from '../../functions/shared/request-context';
import { calendarFunctionDefinitions } from '../../infra/definitions/functions/calendar';
import { catalogueFunctionDefinitions } from '../../infra/definitions/functions/catalogue';
import type { FunctionDefinition } from '../../infra/definitions/functions/definition';
import { intakeFunctionDefinitions } from '../../infra/definitions/functions/intake';
import { materialFunctionDefinitions } from '../../infra/definitions/functions/materials';
import {
  anInMemoryPlatform,
  aClock,
  InMemoryCertificateRepository,
  InMemoryDocumentStore,
  InMemoryHolidayNoticeStore,
  InMemoryReleaseRepository,
  type InMemoryPlatform,
  type InMemoryTable,
  keyOf,
  sequentialIds,
} from '../support/fakes';
import { anApplicant, aPlanningApplication } from '../support/fixtures';
import { citizenContext, publicContext, staffContext } from '../support/request-context';

/*
 * The response schemas of the intake, materials, catalogue and calendar contracts, held against what the code
 * returns: the use cases run on the shared in-memory ports, through acceptance, materials, parallel approval,
 * certificates, release and the calendar's edges, and every body they answer must be exactly what its schema
 * describes (no field missing, none undescribed: the document says `additionalProperties: false`). The
 * contracts' own examples are held to the same schemas. The engines and the HTTP edge are the integration
 * suite's, which validates every answer against the generated document.
 */

const SANDU = '522732';
const CHENGZHONG = '630103';

/** The body as it goes over the wire, parsed by the schema: it must parse, and lose nothing in parsing (z.object strips what it does not describe). */
function expectToConform(schema: z.ZodType, value: unknown): void {
  const body: unknown = JSON.parse(JSON.stringify(value));
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`${z.prettifyError(parsed.error)}\nin ${JSON.stringify(body, null, 1)}`);
  expect(parsed.data).toEqual(body);
}

const contracts: Record<string, RouteContract> = { ...intakeContracts, ...materialContracts, ...catalogueContracts, ...calendarContracts };
const definitions: readonly FunctionDefinition[] = [
  ...intakeFunctionDefinitions,
  ...materialFunctionDefinitions,
  ...catalogueFunctionDefinitions,
  ...calendarFunctionDefinitions,
];
const httpDefinitions = definitions.filter((definition) => definition.trigger.kind === 'http');

describe('given the contracts of intake, materials, catalogue and calendar', () => {
  it('then each belongs to an http route of its definitions, and every such route has one', () => {
    expect(Object.keys(contracts).sort()).toEqual(httpDefinitions.map((definition) => definition.id).sort());
  });

  it('then the routes one handler serves share their request schemas, so what is parsed is what both document', () => {
    const byEntry = new Map<string, string[]>();
    for (const definition of httpDefinitions) byEntry.set(definition.entry, [...(byEntry.get(definition.entry) ?? []), definition.id]);
    const shared = [...byEntry.values()].filter((ids) => ids.length > 1);
    expect(shared.length).toBeGreaterThanOrEqual(5);
    for (const [first, ...others] of shared) {
      const request = (id: string) => {
        const { body, query, path, idempotent } = contracts[id] as RouteContract;
        return { body, query, path, idempotent };
      };
      for (const other of others) {
        const [a, b] = [request(first as string), request(other)];
        expect(b.idempotent).toBe(a.idempotent);
        expect(b.body).toBe(a.body);
        expect(b.query).toBe(a.query);
        expect(b.path).toBe(a.path);
      }
    }
  });

  it('then every example is one its schema describes exactly, and every body example parses as the request', () => {
    for (const [id, contract] of Object.entries(contracts)) {
      const specs = Object.values(contract.responses);
      expect(specs.length).toBeGreaterThan(0);
      for (const spec of specs) {
        expect({ id, hasSchema: spec?.schema !== undefined, hasExample: spec?.example !== undefined }).toEqual({ id, hasSchema: true, hasExample: true });
        expectToConform(spec?.schema as z.ZodType, spec?.example);
      }
      if (contract.body) {
        const parsed = contract.body.safeParse(contract.bodyExample);
        if (!parsed.success) throw new Error(`${id}: ${z.prettifyError(parsed.error)}`);
      }
    }
  });

  it('then every schema converts to JSON Schema 2020-12 (requests as input, answers as output), with component ids used once', () => {
    const options = (io: 'input' | 'output') => ({ target: 'draft-2020-12' as const, io });
    const answers = Object.values(contracts).flatMap((contract) => Object.values(contract.responses).map((spec) => spec?.schema as z.ZodType));
    for (const schema of answers) expect(() => z.toJSONSchema(schema, options('output'))).not.toThrow();
    for (const contract of Object.values(contracts)) {
      for (const part of [contract.body, contract.query, contract.path]) if (part) expect(() => z.toJSONSchema(part, options('input'))).not.toThrow();
    }
    // converted together, as one document: two different schemas with one id would throw here
    const together = z.toJSONSchema(z.object(Object.fromEntries(answers.map((schema, index) => [`answer${index}`, schema]))), options('output')) as {
      $defs?: Record<string, unknown>;
    };
    expect(Object.keys(together.$defs ?? {})).toEqual(
      expect.arrayContaining(['CaseView', 'CaseClock', 'MaterialChecklistLine', 'ItemGuide', 'HolidayNotices']),
    );
  });

  it('then the case view and the materials checklist describe a checklist line alike', () => {
    const variants = (schema: z.ZodType) => {
      const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as { anyOf?: unknown; $defs?: Record<string, { anyOf?: unknown }> };
      return converted.anyOf ?? Object.values(converted.$defs ?? {})[0]?.anyOf;
    };
    expect(variants(caseMaterialLineSchema)).toBeDefined();
    expect(variants(caseMaterialLineSchema)).toEqual(variants(materialChecklistLineSchema));
  });
});

// ---------------------------------------------------------------------------------------------
// In-memory materials: uploads and provided materials over the shared table (what the case view reads), and the bucket
// ---------------------------------------------------------------------------------------------

class TableMaterials implements MaterialRepository {
  private readonly uploads = new Map<string, MaterialUpload>();
  constructor(private readonly table: InMemoryTable) {}

  private uploadKey = (upload: Pick<MaterialUpload, 'tenantId' | 'caseId' | 'materialId' | 'uploadId'>) =>
    [upload.tenantId, upload.caseId, upload.materialId, upload.uploadId].join('#');

  private provide(provided: ProvidedMaterial, event: MaterialEvent): void {
    const partition = keyOf(provided.tenantId, provided.caseId);
    const materials = this.table.materials.get(partition) ?? new Map<string, unknown>();
    materials.set(provided.materialId, structuredClone(provided));
    this.table.materials.set(partition, materials);
    this.table.appendEvents(provided.tenantId, [event]);
  }

  async createUpload(upload: MaterialUpload): Promise<void> {
    this.uploads.set(this.uploadKey(upload), structuredClone(upload));
  }

  async findUpload(tenantId: string, caseId: string, materialId: string, uploadId: string): Promise<MaterialUpload | undefined> {
    const found = this.uploads.get(this.uploadKey({ tenantId, caseId, materialId, uploadId }));
    return found && structuredClone(found);
  }

  async recordVerified(change: { upload: MaterialUpload; provided: UploadedMaterial; event: MaterialEvent }): Promise<boolean> {
    if (this.uploads.get(this.uploadKey(change.upload))?.status !== 'pending') return false;
    this.uploads.set(this.uploadKey(change.upload), structuredClone(change.upload));
    this.provide(change.provided, change.event);
    return true;
  }

  async recordRejected(change: { upload: MaterialUpload; event: MaterialEvent }): Promise<boolean> {
    if (this.uploads.get(this.uploadKey(change.upload))?.status !== 'pending') return false;
    this.uploads.set(this.uploadKey(change.upload), structuredClone(change.upload));
    this.table.appendEvents(change.upload.tenantId, [change.event]);
    return true;
  }

  async recordReference(change: { provided: ReferencedMaterial; event: MaterialEvent }, caseStatuses: readonly string[]): Promise<void> {
    if (!caseStatuses.includes(this.table.caseStatus(change.provided.tenantId, change.provided.caseId) ?? '')) {
      throw new InvalidTransitionError('办件状态已变化', 'The case no longer takes materials', 'CASE_STATE_CONFLICT');
    }
    this.provide(change.provided, change.event);
  }

  async checklist(tenantId: string, caseId: string): Promise<ProvidedMaterial[]> {
    return [...(this.table.materials.get(keyOf(tenantId, caseId))?.values() ?? [])].map((entry) => structuredClone(entry) as ProvidedMaterial);
  }

  async provided(tenantId: string, caseId: string, materialId: string): Promise<ProvidedMaterial | undefined> {
    const entry = this.table.materials.get(keyOf(tenantId, caseId))?.get(materialId);
    return entry === undefined ? undefined : (structuredClone(entry) as ProvidedMaterial);
  }
}

/** The bucket, with URLs shaped like S3's presigned ones and the headers the S3 adapter signs. */
class InMemoryObjects implements MaterialStore {
  readonly objects = new Map<string, Uint8Array>();

  async presignPut(key: string, object: { contentType: string; sizeBytes: number }, expiresInSeconds: number) {
    return {
      url: `https://materials.example/${key}?X-Amz-Expires=${expiresInSeconds}&X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost%3Bif-none-match`,
      headers: { 'content-type': object.contentType, 'if-none-match': '*' },
    };
  }

  async presignGet(key: string, _file: { fileName: string }, expiresInSeconds: number): Promise<string> {
    return `https://materials.example/${key}?response-content-disposition=attachment&X-Amz-Expires=${expiresInSeconds}`;
  }

  async head(key: string): Promise<StoredObject | undefined> {
    const bytes = this.objects.get(key);
    return bytes ? { sizeBytes: bytes.length } : undefined;
  }

  async readPrefix(key: string, _stored: StoredObject, bytes: number): Promise<Uint8Array> {
    return (this.objects.get(key) ?? new Uint8Array()).subarray(0, bytes);
  }

  async readRange(key: string, _stored: StoredObject, start: number, length: number): Promise<Uint8Array> {
    return (this.objects.get(key) ?? new Uint8Array()).subarray(start, start + length);
  }

  async sha256(key: string): Promise<string> {
    return createHash('sha256')
      .update(this.objects.get(key) ?? new Uint8Array())
      .digest('hex');
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }
}

const { privateKey } = generateKeyPairSync('ed25519');
const signer: CertificateSigner = { sign: async (bytes) => sign(null, bytes, privateKey), publicKey: async () => publicKeyDer(privateKey) };

/** The materials and certificates contexts wired over the platform's table, as their wiring.ts wire the adapters over the real one. */
function wireOtherContexts(platform: InMemoryPlatform) {
  const materials = new TableMaterials(platform.table);
  const objects = new InMemoryObjects();
  const certificates = new InMemoryCertificateRepository(platform.table);
  const materialDeps: MaterialDependencies = {
    cases: platform.cases,
    library: certificates,
    catalogue: platform.catalogue,
    materials,
    store: objects,
    clock: platform.clock,
    ids: platform.ids,
  };
  const certificateDeps = {
    cases: platform.cases,
    catalogue: platform.catalogue,
    tenants: platform.tenants,
    certificates,
    releases: new InMemoryReleaseRepository(platform.table),
    materials,
    documents: new InMemoryDocumentStore(),
    signer,
    clock: platform.clock,
    ids: platform.ids,
    calendar: platform.calendar,
  };
  /** Declares, PUTs and completes one file, answering both replies. */
  async function upload(ctx: RequestContext, caseId: string, materialId: string, fileName = `${materialId}.pdf`) {
    const bytes = Buffer.from(`%PDF-1.4\n% ${materialId}\n%%EOF\n`);
    const declaration = { fileName, contentType: 'application/pdf', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    const ticket = await requestMaterialUpload(materialDeps, ctx, { caseId, materialId }, declaration);
    objects.objects.set(`${ctx.tenantId}/${caseId}/${materialId}/${ticket.uploadId}`, bytes);
    const verified = await completeMaterialUpload(materialDeps, ctx, { caseId, materialId, uploadId: ticket.uploadId });
    return { ticket, verified };
  }
  return { materialDeps, certificateDeps, upload };
}

/** A real-name citizen whose checked ID is the applicant's (an organisation's account carries its credit code). */
const accountOf = (tenantId: string, applicant: { kind: string; idType: string; idNumber: string }) =>
  citizenContext(tenantId, `sub-${applicant.idNumber}`, undefined, {
    subjectType: applicant.kind === 'organisation' ? 'organisation' : 'person',
    trustLevel: 'L3',
    idDigest: nationalIdDigest(applicant.idType, applicant.idNumber),
  });

/** A value of each required field of a (merged) form, of the field's type. */
const formFor = (fields: readonly FormField[], person: { idNumber: string; phone: string }) =>
  Object.fromEntries(
    fields
      .filter((field) => field.required)
      .map((field) => {
        const value = {
          text: '三都水族自治县三合街道',
          number: 10,
          date: '2026-11-01',
          select: field.options?.[0],
          idNumber: person.idNumber,
          phone: person.phone,
          boolean: true,
        }[field.type];
        return [field.key, value];
      }),
  );

const windowClerk = (tenantId = SANDU) => staffContext(tenantId, { staffId: 'SD-CK-02', role: 'window' });
const handlerOf = (deptId: string) => staffContext(SANDU, { staffId: `${deptId}-007`, role: 'handler', deptId });

/** The workflow hands each of the case's tasks to its department, as the department-task queue does. */
async function handOutTasks(platform: InMemoryPlatform, tenantId: string, caseId: string) {
  const current = await platform.cases.find(tenantId, caseId);
  for (const task of current?.tasks ?? []) {
    await storeDepartmentTask(platform.deps.approval, {
      taskToken: `token-${task.taskId}`,
      tenantId,
      caseId,
      taskId: task.taskId,
      deptId: task.deptId,
      timeoutSeconds: 3600,
      dispatchedAt: platform.clock.now().toISOString(),
    });
  }
  return current?.tasks ?? [];
}

const decide = (platform: InMemoryPlatform, deptId: string, taskId: string, body: unknown) =>
  decideDepartmentTask(platform.deps.approval, handlerOf(deptId), taskId, taskDecisionBody.parse(body));

describe('given 三都县 and 城中区 on the in-memory ports', () => {
  const platform = anInMemoryPlatform();
  const { intake } = platform.deps;
  const { materialDeps, certificateDeps, upload } = wireOtherContexts(platform);

  beforeAll(async () => {
    await platform.onboard();
  });

  describe('when a construction company files a planning application and it goes through acceptance and parallel approval', () => {
    it('then filing, progress, uploads, the one-time notice, resubmission, 容缺 acceptance, the checklists, tasks and the denial conform', async () => {
      const application = createCaseBody.parse(aPlanningApplication());
      const applicant = accountOf(SANDU, application.applicant);
      const filed = await createCase(intake, applicant, application);
      expectToConform(filedCaseSchema, filed);
      const caseId = filed.caseId;
      expectToConform(caseViewSchema, await getCaseView(intake, applicant, caseId));
      expectToConform(caseProgressSchema, await lookUpCaseProgress(intake, publicContext(SANDU), { caseId, queryCode: filed.receipt.queryCode }));

      const design = await upload(applicant, caseId, 'DESIGN_SCHEME', '../图纸/设计方案.pdf');
      expectToConform(materialUploadTicketSchema, design.ticket);
      expectToConform(verifiedUploadSchema, design.verified);
      // completing again answers the stored verification
      expectToConform(
        verifiedUploadSchema,
        await completeMaterialUpload(materialDeps, applicant, { caseId, materialId: 'DESIGN_SCHEME', uploadId: design.ticket.uploadId }),
      );

      const supplement = await decideAcceptance(
        intake,
        windowClerk(),
        caseId,
        acceptanceBody.parse({ decision: 'supplement', items: [{ materialId: 'CIVIL_AIR_DEFENCE_DESIGN', reason: '未提供防空地下室设计文件' }] }),
      );
      expectToConform(acceptanceOutcomeSchema, supplement);
      expectToConform(caseViewSchema, await getCaseView(intake, windowClerk(), caseId));
      await upload(applicant, caseId, 'CIVIL_AIR_DEFENCE_DESIGN');
      expectToConform(resubmittedCaseSchema, await resubmitCase(intake, applicant, caseId, { formData: { totalFloorAreaSquareMetres: 12900 } }));

      const accepted = await decideAcceptance(
        intake,
        windowClerk(),
        caseId,
        acceptanceBody.parse({
          decision: 'accept',
          deferred: {
            materialIds: ['PROJECT_APPROVAL'],
            commitment: { statement: '本单位承诺在领取规划许可证前补齐建设项目批准文件。', signedBy: '韦工', signedAt: '2026-11-23T02:30:00.000Z' },
          },
        }),
      );
      expectToConform(acceptanceOutcomeSchema, accepted);
      expectToConform(caseMaterialsSchema, await listCaseMaterials(materialDeps, applicant, caseId));
      expectToConform(caseMaterialsSchema, await listCaseMaterials(materialDeps, windowClerk(), caseId));
      expectToConform(materialDownloadSchema, await materialDownload(materialDeps, windowClerk(), { caseId, materialId: 'DESIGN_SCHEME' }));

      // the departments take their tasks: a site survey suspends 国土局's clock, 公安局 transfers (转办) to 消防 under 住建局's review
      const tasks = await handOutTasks(platform, SANDU, caseId);
      const taskOf = (deptId: string) => tasks.find((task) => task.deptId === deptId)?.taskId as string;
      await claimDepartmentTask(platform.deps.approval, handlerOf('GTJ'), taskOf('GTJ'));
      await decide(platform, 'GTJ', taskOf('GTJ'), { decision: 'suspend', procedure: '现场勘察', reason: '核实建设用地四至', expectedDays: 2 });
      await decide(platform, 'GTJ', taskOf('GTJ'), { decision: 'resume' });
      await decide(platform, 'GTJ', taskOf('GTJ'), { decision: 'approve' });
      await decide(platform, 'GAJ', taskOf('GAJ'), { decision: 'reassign', toDeptId: 'XFJ', reason: '消防审查事项转信访局核实' });
      await decide(platform, 'ZJJ', taskOf('ZJJ'), { decision: 'suspend', procedure: '专家论证', reason: '人防设计专家论证', expectedDays: 5 });
      const inApproval = await getCaseView(intake, applicant, caseId);
      expect(inApproval.tasks.map((task) => task.status).sort()).toEqual(['approved', 'suspended', 'waiting']);
      expect(inApproval.release).toMatchObject({ blocked: true, waitingFor: ['PROJECT_APPROVAL'] });
      expectToConform(caseViewSchema, inApproval);

      // the deferred material is still taken while the case is in approval
      const deferred = await upload(applicant, caseId, 'PROJECT_APPROVAL');
      expectToConform(verifiedUploadSchema, deferred.verified);

      // 住建局 denies: 国土局's approval presumed it (默认前置条件批准) and is voided; the transferred task is cancelled
      await decide(platform, 'ZJJ', taskOf('ZJJ'), { decision: 'resume' });
      await decide(platform, 'ZJJ', taskOf('ZJJ'), { decision: 'deny', reason: '人防设施不符合要求' });
      await completeApproval(platform.deps.approval, { tenantId: SANDU, caseId });
      const denied = await getCaseView(intake, applicant, caseId);
      expect(denied).toMatchObject({ status: 'denied', finished: true, rightsNotice: expect.stringContaining('行政复议') });
      expect(denied.tasks.find((task) => task.deptId === 'GTJ')).toMatchObject({ voidedBecause: 'ZJJ' });
      expectToConform(caseViewSchema, denied);
      expectToConform(caseProgressSchema, await lookUpCaseProgress(intake, publicContext(SANDU), { caseId, queryCode: filed.receipt.queryCode }));
    });
  });

  describe('when a walk-in applicant’s 即办件 is completed at the window, certified, and handed over by mail', () => {
    it('then the window filing, the completion, the delivered release, the certificate and my cases conform, and the certificate stands in for a material', async () => {
      const person = anApplicant();
      const filed = await createCase(
        intake,
        windowClerk(),
        createCaseBody.parse({
          itemCode: 'SCZR-0001',
          window: { windowId: 'ZH-SCZR' },
          applicant: person,
          formData: {
            operatorName: '韦小宝',
            operatorIdNumber: person.idNumber,
            phone: person.phone,
            organizationForm: '个人经营',
            businessScope: '米粉',
            businessAddress: '三合街道',
            capitalTenThousandYuan: 5,
          },
        }),
      );
      expectToConform(filedCaseSchema, filed);
      await upload(windowClerk(), filed.caseId, 'GTGSH_APPLICATION');
      expectToConform(acceptanceOutcomeSchema, await decideAcceptance(intake, windowClerk(), filed.caseId, { decision: 'complete' }));

      const issued = await issueCertificates(certificateDeps, { tenantId: SANDU, caseId: filed.caseId, eventId: 'E-COMPLETED' });
      expect(issued.issued).toHaveLength(1);
      const citizen = accountOf(SANDU, person);
      const awaitingChoice = await getCaseView(intake, citizen, filed.caseId);
      expect(awaitingChoice.release).toMatchObject({ status: 'awaiting_choice' });
      expectToConform(caseViewSchema, awaitingChoice);
      await chooseResultDelivery(
        certificateDeps,
        citizen,
        filed.caseId,
        deliveryChoiceBody.parse({ method: 'mail', address: { recipient: '韦小宝', phone: person.phone, detail: '三都县三合街道民族路1号' } }),
      );
      await handOverResult(certificateDeps, windowClerk(), filed.caseId, handoverBody.parse({ trackingNumber: '1187654321098' }));
      const delivered = await getCaseView(intake, citizen, filed.caseId);
      expect(delivered.release).toMatchObject({ status: 'delivered', method: 'mail', trackingNumber: '1187654321098' });
      expect(delivered.certificates).toHaveLength(1);
      expectToConform(caseViewSchema, delivered);
      expectToConform(myCasesSchema, await listMyCases(intake, citizen));

      // 免证办: the new business licence stands in for a material of 印章刻制备案
      const sealFiling = await createCase(
        intake,
        citizen,
        createCaseBody.parse({
          itemCode: 'SCZR-0003',
          applicant: person,
          formData: { companyName: '三都韦记米粉店', sealSet: '仅公章', legalRepresentativeName: '韦小宝', phone: person.phone },
        }),
      );
      const certificateNo = issued.issued[0] as string;
      const referenced = await referenceLibraryCertificate(
        materialDeps,
        citizen,
        { caseId: sealFiling.caseId, materialId: 'BUSINESS_LICENSE' },
        { certificateNo },
      );
      expectToConform(materialReferenceSchema, referenced);
      const checklist = await listCaseMaterials(materialDeps, citizen, sealFiling.caseId);
      expect(checklist.materials.find((line) => line.materialId === 'BUSINESS_LICENSE')).toMatchObject({ source: 'certificate-library' });
      expectToConform(caseMaterialsSchema, checklist);
      expectToConform(caseViewSchema, await getCaseView(intake, citizen, sealFiling.caseId));
    });
  });

  describe('when the window refuses, returns, and accepts on a commitment (告知承诺) that is then verified', () => {
    it('then each decision, each verification and the revoked case conform', async () => {
      const walkIn = (name: string, idNumber: string) =>
        createCase(
          intake,
          windowClerk(),
          createCaseBody.parse({
            itemCode: 'SCZR-0001',
            window: { windowId: 'ZH-SCZR' },
            applicant: anApplicant({ name, idNumber }),
            formData: {
              operatorName: name,
              operatorIdNumber: idNumber,
              phone: '13800000000',
              organizationForm: '个人经营',
              businessScope: '小吃',
              businessAddress: '三合街道',
              capitalTenThousandYuan: 3,
            },
          }),
        );
      const rejected = await walkIn('潘阿妹', '522732199203041234');
      expectToConform(
        acceptanceOutcomeSchema,
        await decideAcceptance(intake, windowClerk(), rejected.caseId, { decision: 'reject', reason: '经营场所位于禁止经营区域' }),
      );
      const returned = await walkIn('蒙阿哥', '522732198805061236');
      expectToConform(
        acceptanceOutcomeSchema,
        await decideAcceptance(intake, windowClerk(), returned.caseId, { decision: 'return', reason: '申请人要求撤回' }),
      );
      expectToConform(caseViewSchema, await getCaseView(intake, windowClerk(), returned.caseId));

      const hotel = (idNumber: string) =>
        createCase(
          intake,
          windowClerk(),
          createCaseBody.parse({
            itemCode: 'SHSW-0003',
            window: { windowId: 'ZH-SHSW' },
            applicant: anApplicant({ kind: 'organisation', name: '三都水乡宾馆', idType: '统一社会信用代码', idNumber }),
            formData: {
              operatorName: '三都水乡宾馆',
              unifiedSocialCreditCode: idNumber,
              businessAddress: '三合街道',
              placeCategory: '住宿场所',
              businessAreaSquareMetres: 800,
              phone: '13800000000',
            },
            commitment: {
              statement: '本单位承诺所申请事项符合公共场所卫生要求，所提交材料真实有效。',
              signedBy: '韦经理',
              signedAt: '2026-11-23T02:00:00.000Z',
            },
          }),
        );
      const verifier = staffContext(SANDU, { staffId: 'WJJ-HC-01', role: 'handler', deptId: 'WJJ' });
      for (const [idNumber, outcome] of [
        ['91522732MA6DLZZZ3S', 'confirmed'],
        ['91522732MA6DLZZZ4T', 'false-commitment'],
      ] as const) {
        const filed = await hotel(idNumber);
        expectToConform(acceptanceOutcomeSchema, await decideAcceptance(intake, windowClerk(), filed.caseId, { decision: 'accept' }));
        expectToConform(commitmentVerificationSchema, await verifyCommitment(intake, verifier, filed.caseId, { outcome, note: '现场核查：消毒设施配备情况' }));
        expectToConform(caseViewSchema, await getCaseView(intake, windowClerk(), filed.caseId));
      }
    });
  });

  describe('when a 一件事 bundle is filed online', () => {
    it('then the filing and the case, with the items it stands for, conform', async () => {
      const guide = await bundleGuide(platform.deps.catalogue, SANDU, 'QYKB');
      const company = anApplicant({ kind: 'organisation', name: '三都县水韵文化传播有限公司', idType: '统一社会信用代码', idNumber: '91522732MA6DLQQQ5U' });
      const filed = await createCase(
        intake,
        accountOf(SANDU, company),
        createCaseBody.parse({ bundleCode: 'QYKB', applicant: company, formData: formFor(guide.formFields, anApplicant()) }),
      );
      expectToConform(filedCaseSchema, filed);
      const view = await getCaseView(intake, windowClerk(), filed.caseId);
      expect(view.item.bundleOf?.length).toBe(3);
      expectToConform(caseViewSchema, view);
    });
  });

  describe('when a department lets its stage run past the deadline', () => {
    it('then the escalated task (督办) and the red case conform', async () => {
      const application = createCaseBody.parse(aPlanningApplication('91522732MA6DLWWW6V'));
      const filed = await createCase(intake, accountOf(SANDU, application.applicant), application);
      await decideAcceptance(intake, windowClerk(), filed.caseId, { decision: 'accept' });
      const tasks = await handOutTasks(platform, SANDU, filed.caseId);
      platform.clock.advanceSeconds(20 * 86_400);
      for (const task of tasks)
        await escalateOverdueTask(platform.deps.approval, { tenantId: SANDU, caseId: filed.caseId, taskId: task.taskId, deptId: task.deptId });
      const overdue = await getCaseView(intake, windowClerk(), filed.caseId);
      expect(overdue.clock.light).toBe('red');
      expect(overdue.tasks.some((task) => task.escalation !== undefined)).toBe(true);
      expectToConform(caseViewSchema, overdue);
    });
  });

  describe('when the public reads the catalogue of each county', () => {
    it('then the catalogue, every guide, every version history and every bundle conform', async () => {
      const deps = platform.deps.catalogue;
      for (const tenantId of [SANDU, CHENGZHONG]) {
        const catalogue = await listCatalogue(deps, tenantId);
        expectToConform(catalogueSchema, catalogue);
        for (const item of catalogue.items) {
          expectToConform(itemGuideSchema, await itemGuide(deps, tenantId, item.code));
          expectToConform(itemVersionsSchema, await itemVersions(deps, tenantId, item.code));
        }
        for (const bundle of catalogue.bundles) expectToConform(bundleGuideSchema, await bundleGuide(deps, tenantId, bundle.code));
        expectToConform(workingDayDeadlineSchema, await workingDayDeadline(deps, tenantId, '2026-09-30T10:00:00+08:00', 3));
        // a deadline that runs into a year whose notice is not out yet is marked provisional
        const provisional = await workingDayDeadline(deps, tenantId, '2027-09-23T10:00:00+08:00', 10);
        expect(provisional).toMatchObject({ provisional: true, provisionalNote: expect.any(String) });
        expectToConform(workingDayDeadlineSchema, provisional);
      }
    });
  });
});

describe('given a case filed where the calendar is provisional, and one where it runs out', () => {
  it('then the provisional clock, and the clock without a calendar (null deadlines, alerts), conform', async () => {
    for (const [now, expected] of [
      // the promised deadline runs into 2027, whose notice is not out yet
      ['2026-12-28T02:00:00.000Z', { provisional: true }],
      // beyond the provisional horizon no deadline is counted: never a Monday-to-Friday guess
      ['2028-12-26T02:00:00.000Z', { noticeDeadline: null }],
    ] as const) {
      const platform = anInMemoryPlatform({ now });
      await platform.onboard(['522732.yaml']);
      const application = createCaseBody.parse(aPlanningApplication());
      const filed = await createCase(platform.deps.intake, accountOf(SANDU, application.applicant), application);
      expectToConform(filedCaseSchema, filed);
      const accepted = await decideAcceptance(platform.deps.intake, windowClerk(), filed.caseId, { decision: 'accept' });
      expectToConform(acceptanceOutcomeSchema, accepted);
      const view = await getCaseView(platform.deps.intake, windowClerk(), filed.caseId);
      expect(view.clock).toMatchObject(expected);
      expect(view.clock.alerts.length).toBeGreaterThan(0);
      expectToConform(caseViewSchema, view);
    }
  });
});

describe('given the national calendar with the shipped notices and one correction', () => {
  it('then the list of years and the versions of a year conform', async () => {
    const deps = { notices: new InMemoryHolidayNoticeStore(), clock: aClock('2026-11-23T02:00:00.000Z'), ids: sequentialIds() };
    await loadShippedNotices(deps, officialCalendarYears);
    const latest = officialCalendarYears.at(-1) as (typeof officialCalendarYears)[number];
    const corrected = {
      ...latest,
      holidays: latest.holidays.map((holiday, index) => (index === 0 ? { ...holiday, name: `${holiday.name}（更正）` } : holiday)),
    };
    await loadHolidayNotice(deps, { text: JSON.stringify(corrected), by: 'ops-li', reason: '更正节日名称' });
    expectToConform(holidayNoticesSchema, await listHolidayNotices(deps, '2026-11-23T02:00:00.000Z'));
    const versions = await noticeVersions(deps, latest.year);
    expect(versions.versions).toHaveLength(2);
    expectToConform(holidayNoticeVersionsSchema, versions);
  });
});
