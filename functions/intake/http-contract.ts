/**
 * The HTTP contract of intake (受理): one entry per route of infra/definitions/functions/intake.ts, keyed by
 * its definition id. The handlers parse with these request schemas (spread into `httpEndpoint`), the OpenAPI
 * document is generated from the whole entry, and the integration suite holds every answer to it.
 * The answers' schemas are in ./responses.ts.
 */

import { z } from 'zod';
import { routeContracts } from '../shared/api-contract';
import { caseIdSchema } from '../kernel/ids';
import {
  acceptanceOutcomeSchema,
  caseProgressSchema,
  caseViewSchema,
  commitmentVerificationSchema,
  filedCaseSchema,
  myCasesSchema,
  resubmittedCaseSchema,
} from './responses';
import {
  acceptanceBody,
  createCaseBody,
  examinationQueueQuery,
  handoverQueueQuery,
  openCasesQuery,
  postVerificationBody,
  progressLookupBody,
  resubmissionBody,
} from './use-cases/requests';
import { examinationQueueSchema, handoverQueueSchema, openCasesSchema } from './work-queue-responses';

const tag = '办件受理 Intake';

/** The case of a route under `…/cases/{caseId}`. */
export const caseIdPath = z.object({ caseId: caseIdSchema.describe('办件编号 / Case id') });

// the codes every signed-in or idempotent route can carry besides its own (the generic 400s and the 401 are implied)
const signedIn = ['INVALID_IDENTITY_CLAIMS'] as const;
const staffOfThisCounty = ['STAFF_OF_OTHER_TENANT'] as const;
const idempotencyKey = ['INVALID_IDEMPOTENCY_KEY', 'IDEMPOTENCY_KEY_REUSED'] as const;
const idempotencyInProgress = ['IDEMPOTENCY_IN_PROGRESS'] as const;

// ---------------------------------------------------------------------------------------------
// Examples: 三都水族自治县 (522732) and 西宁市城中区 (630103), as the sample tenant files configure them.
// ---------------------------------------------------------------------------------------------

const PLANNING_CASE = '01KMZ3Q8T4V6W9X2Y5Z7A1B3C4';
const WALK_IN_CASE = '01KMZ3Q8T4V6W9X2Y5Z7A1B3D6';
const HOTEL_CASE = '01KMZ3Q8T4V6W9X2Y5Z7A1B3E8';

const planningApplication = {
  itemCode: 'GTGH-0001',
  applicant: { kind: 'organisation', name: '三都县城投建设有限公司', idType: '统一社会信用代码', idNumber: '91522732MA6DLXXX1Q', phone: '13800000000' },
  formData: {
    projectName: '民族文化广场',
    constructionUnit: '三都县城投建设有限公司',
    unifiedSocialCreditCode: '91522732MA6DLXXX1Q',
    projectAddress: '三合街道',
    landUsePermitNumber: '地字第522732202600001号',
    totalFloorAreaSquareMetres: 12800,
    contactName: '韦工',
    phone: '13800000000',
  },
};

const walkInApplication = {
  itemCode: 'SCZR-0001',
  window: { windowId: 'ZH-SCZR' },
  applicant: { kind: 'person', name: '韦小宝', idType: '居民身份证', idNumber: '52273219900101123X', phone: '13800000000' },
  formData: {
    operatorName: '韦小宝',
    operatorIdNumber: '52273219900101123X',
    phone: '13800000000',
    organizationForm: '个人经营',
    businessScope: '米粉、小吃',
    businessAddress: '三合街道民族路1号',
    capitalTenThousandYuan: 5,
  },
};

const receiptHint = '凭办件编号和查询码可在“办件进度查询”中查看进度，请妥善保管';

const filedOnline = {
  caseId: PLANNING_CASE,
  status: 'submitted',
  channel: 'online',
  itemVersion: 1,
  createdAt: '2026-11-23T02:00:00.000Z',
  noticeDeadline: '2026-11-30T23:59:59+08:00',
  receipt: { caseId: PLANNING_CASE, queryCode: 'E5TJ5A8U', hint: receiptHint },
};

const filedAtWindow = {
  caseId: WALK_IN_CASE,
  status: 'submitted',
  channel: 'window',
  itemVersion: 1,
  createdAt: '2026-11-23T02:10:00.000Z',
  noticeDeadline: '2026-11-24T23:59:59+08:00',
  receipt: { caseId: WALK_IN_CASE, queryCode: 'JR8ZH3BJ', hint: receiptHint },
};

const fileTypes = ['pdf', 'jpg', 'png'];

/** 建设工程规划许可 in approval: accepted with one 容缺 material, the lead department back from a site survey. */
const planningCaseView = {
  caseId: PLANNING_CASE,
  tenantId: '522732',
  item: { code: 'GTGH-0001', name: '建设工程规划许可证核发', version: 1 },
  channel: 'online',
  applicant: { kind: 'organisation', name: '三都县城投建设有限公司' },
  receivedAt: '2026-11-24T01:30:00.000Z',
  deemedAccepted: false,
  deferredMaterials: {
    materialIds: ['PROJECT_APPROVAL'],
    commitment: { statement: '本单位承诺在领取规划许可证前补齐建设项目批准文件。', signedBy: '韦工', signedAt: '2026-11-24T02:00:00.000Z' },
  },
  notices: [
    {
      noticeNo: 'BZ52273220261123Z7A1B3C4',
      kind: 'supplement',
      issuedAt: '2026-11-23T06:00:00.000Z',
      items: [{ materialId: 'DESIGN_SCHEME', reason: '总平面图缺少比例尺' }],
    },
    { noticeNo: 'SL52273220261124Z7A1B3C4', kind: 'acceptance', issuedAt: '2026-11-24T02:05:00.000Z' },
  ],
  status: 'in_approval',
  statusLabel: '审批中',
  finished: false,
  createdAt: '2026-11-23T02:00:00.000Z',
  acceptedAt: '2026-11-24T02:05:00.000Z',
  promisedDays: 10,
  promisedDeadline: '2026-12-09T23:59:59+08:00',
  clock: {
    noticeDeadline: '2026-11-30T23:59:59+08:00',
    promisedDeadline: '2026-12-09T23:59:59+08:00',
    light: 'green',
    remainingWorkingDays: 4,
    overdueWorkingDays: 0,
    deliveryDeadline: null,
    provisional: false,
    alerts: [],
  },
  tasks: [
    {
      taskId: '01KMZ3Q8T4V6W9X2Y5Z7A1B3C7',
      deptId: 'GTJ',
      lead: true,
      status: 'pending',
      stageDeadline: '2026-12-09T23:59:59+08:00',
      light: 'green',
      provisional: false,
      claimedBy: 'GTJ-007',
      suspensions: [
        {
          kind: '现场勘察',
          reason: '核实建设用地四至',
          expectedDays: 2,
          from: '2026-11-25T01:00:00.000Z',
          resumedAt: '2026-11-26T09:00:00.000Z',
          by: 'GTJ-007',
        },
      ],
    },
    {
      taskId: '01KMZ3Q8T4V6W9X2Y5Z7A1B3C8',
      deptId: 'ZJJ',
      lead: false,
      status: 'approved',
      stageDeadline: '2026-12-03T23:59:59+08:00',
      light: 'green',
      provisional: false,
      decision: 'approve',
      decidedAt: '2026-11-26T03:00:00.000Z',
      claimedBy: 'ZJJ-003',
    },
    {
      taskId: '01KMZ3Q8T4V6W9X2Y5Z7A1B3C9',
      deptId: 'GAJ',
      lead: false,
      status: 'pending',
      stageDeadline: '2026-12-03T23:59:59+08:00',
      light: 'yellow',
      provisional: false,
    },
  ],
  timeline: [
    { type: 'CaseSubmitted', at: '2026-11-23T02:00:00.000Z', actor: 'applicant', detail: { itemCode: 'GTGH-0001', itemVersion: 1, channel: 'online' } },
    {
      type: 'SupplementRequested',
      at: '2026-11-23T06:00:00.000Z',
      actor: 'SD-CK-02',
      detail: { noticeNo: 'BZ52273220261123Z7A1B3C4', materials: ['DESIGN_SCHEME'] },
    },
    { type: 'CaseResubmitted', at: '2026-11-24T01:30:00.000Z', actor: 'applicant', detail: { receivedAt: '2026-11-24T01:30:00.000Z' } },
    {
      type: 'CaseAccepted',
      at: '2026-11-24T02:05:00.000Z',
      actor: 'SD-CK-02',
      detail: { promisedDeadline: '2026-12-08T23:59:59+08:00', departments: ['GTJ', 'ZJJ', 'GAJ'], deferredMaterials: ['PROJECT_APPROVAL'] },
    },
    { type: 'ApprovalStarted', at: '2026-11-24T02:05:01.000Z', actor: 'system', detail: { executionRef: `522732-${PLANNING_CASE}` } },
    {
      type: 'DepartmentTaskSuspended',
      at: '2026-11-25T01:00:00.000Z',
      actor: 'GTJ-007',
      detail: { taskId: '01KMZ3Q8T4V6W9X2Y5Z7A1B3C7', deptId: 'GTJ', procedure: '现场勘察', expectedDays: 2 },
    },
  ],
  materials: [
    {
      materialId: 'PROJECT_APPROVAL',
      name: '建设项目批准、核准或备案文件',
      required: true,
      mayBeMissingAtAcceptance: true,
      electronicAccepted: true,
      fileTypes,
      status: 'missing',
    },
    {
      materialId: 'LAND_TITLE',
      name: '使用土地的有关证明文件（不动产权证书）',
      required: true,
      mayBeMissingAtAcceptance: false,
      electronicAccepted: true,
      fileTypes,
      fromCertificateLibrary: 'REAL_ESTATE_CERT',
      status: 'provided',
      source: 'certificate-library',
      certificateType: 'REAL_ESTATE_CERT',
      certificateNo: '522732-2025-REAL_ESTATE_CERT-7M2K9Q4W1X8Z',
      referencedAt: '2026-11-23T02:20:00.000Z',
    },
    {
      materialId: 'DESIGN_SCHEME',
      name: '建设工程设计方案（总平面图及单体建筑方案）',
      required: true,
      mayBeMissingAtAcceptance: false,
      electronicAccepted: true,
      fileTypes: ['pdf'],
      status: 'provided',
      source: 'upload',
      fileName: '设计方案.pdf',
      contentType: 'application/pdf',
      sizeBytes: 1843200,
      uploadedAt: '2026-11-24T01:25:00.000Z',
    },
  ],
  missingMaterials: { blocking: [], deferrable: ['PROJECT_APPROVAL'] },
  release: { blocked: true, waitingFor: ['PROJECT_APPROVAL'], status: 'not_due' },
  certificates: [],
};

// ---------------------------------------------------------------------------------------------
// The routes
// ---------------------------------------------------------------------------------------------

const filingErrors = {
  400: ['FORM_INVALID', 'COMMITMENT_NOT_ALLOWED', ...signedIn, ...idempotencyKey],
  404: ['TENANT_NOT_FOUND', 'ITEM_NOT_FOUND', 'BUNDLE_NOT_FOUND'],
  409: [...idempotencyInProgress],
} as const;

const caseViewErrors = { 404: ['CASE_NOT_FOUND', 'TENANT_NOT_FOUND', 'ITEM_NOT_FOUND'] } as const;

export const intakeContracts = routeContracts({
  CreateCase: {
    summary: '网上申报 / File an application online',
    description:
      '实名账号以本人（本单位）名义申报：申请人证件须与登录账号的实名信息一致（403 APPLICANT_NOT_ACCOUNT_HOLDER），实名等级须为 L3 及以上（403 REAL_NAME_REQUIRED）。申请表只校验办事指南列出的字段（seed 004 art.7）；告知承诺事项可附承诺书代替证明（seed 002 §26）；一件事套餐以 `bundleCode` 一表申请（seed 002 §19）。答复中的查询码只显示这一次。\n\n' +
      "Online, one files in one's own name with a real-name account. The form is checked against the guide's fields only; the reply's query code is shown once.",
    tag,
    body: createCaseBody,
    bodyExample: planningApplication,
    idempotent: true,
    responses: { 201: { description: '已收件，附电子回执 / Filed, with the receipt', schema: filedCaseSchema, example: filedOnline } },
    errors: { ...filingErrors, 403: ['REAL_NAME_REQUIRED', 'APPLICANT_NOT_ACCOUNT_HOLDER'], 422: ['ONLINE_NOT_ALLOWED'] },
  },
  FileCaseAtWindow: {
    summary: '窗口收件（代为录入） / File at the window for a walk-in applicant',
    description:
      '窗口人员为到场申请人录入，网上与窗口同一标准（seed 002 §15）；收件人为登录的工号（实名制），须填写窗口编号（400 WINDOW_REQUIRED）。申请人登录实名账号后即可看到该件。\n\n' +
      'A window clerk files for the person at the window, to the same standard as online; the clerk of record is the signed-in 工号.',
    tag,
    body: createCaseBody,
    bodyExample: walkInApplication,
    idempotent: true,
    responses: { 201: { description: '已收件，附电子回执 / Filed, with the receipt', schema: filedCaseSchema, example: filedAtWindow } },
    errors: { ...filingErrors, 400: ['WINDOW_REQUIRED', 'UNKNOWN_WINDOW', ...filingErrors[400]], 403: ['ROLE_NOT_ALLOWED', ...staffOfThisCounty] },
  },
  GetCaseForStaff: {
    summary: '查看办件详情（工作人员） / The case, for staff of the county',
    description: '本县（区）工作人员均可查看；内容与申请人所见相同。\n\nAny member of staff of the county; the same view as the applicant’s.',
    tag,
    path: caseIdPath,
    responses: { 200: { description: '办件详情 / The case', schema: caseViewSchema, example: planningCaseView } },
    errors: { ...caseViewErrors, 400: [...signedIn], 403: [...staffOfThisCounty] },
  },
  LookUpCaseProgress: {
    summary: '办件进度查询（凭回执） / Progress by the receipt, without signing in',
    description:
      '持回执的任何人（如代办的亲属、无智能手机的老年人）凭办件编号和查询码查看状态与日期；不显示姓名、证件、工作人员与理由。查询码错误与办件不存在的答复相同（404），不会证实办件编号。用 POST 使查询码不进入访问日志中的 URL。\n\n' +
      'Anyone holding the receipt sees status and dates only. A wrong code answers exactly as an unknown case (404).',
    tag,
    body: progressLookupBody,
    bodyExample: { caseId: '01KMZ3Q8T4V6W9X2Y5Z7A1B3F2', queryCode: 'K7MQ2ZP9' },
    responses: {
      200: {
        description: '办件进度 / The progress',
        schema: caseProgressSchema,
        example: {
          caseId: '01KMZ3Q8T4V6W9X2Y5Z7A1B3F2',
          itemName: '企业设立登记',
          status: 'in_approval',
          statusLabel: '审批中',
          submittedAt: '2026-11-23T01:40:00.000Z',
          acceptedAt: '2026-11-23T03:00:00.000Z',
          promisedDeadline: '2026-11-24T23:59:59+08:00',
        },
      },
    },
    errors: { 404: ['CASE_NOT_FOUND'] },
  },
  GetCase: {
    summary: '查看本人办件详情 / The case, for its applicant',
    description:
      '申请人（提交该件的账号，或证件与该件申请人一致的实名账号）查看办件：状态、期限与灯、书面通知、材料清单及仍缺材料、部门进度、出件与电子证照、办件过程。他人的办件答复 404。\n\n' +
      'The applicant’s view of the case; another person’s case answers 404 CASE_NOT_FOUND.',
    tag,
    path: caseIdPath,
    responses: { 200: { description: '办件详情 / The case', schema: caseViewSchema, example: planningCaseView } },
    errors: { ...caseViewErrors, 400: [...signedIn] },
  },
  DecideAcceptance: {
    summary: '受理审查：受理、一次性告知补正、不予受理、退件、当场办结 / The window’s acceptance decision',
    description:
      '每种决定都出具书面通知并归档。受理：承诺期限起算、分送各部门并联审批；可对 `mayBeMissingAtAcceptance` 材料容缺受理，附申请人承诺（seed 002 §27，其他材料 400 MATERIAL_NOT_DEFERRABLE）。一次性告知：一次列明全部需补正材料，每件只能告知一次（seed 004 art.10，409 SUPPLEMENT_ALREADY_NOTIFIED）。不予受理、退件须说明理由。即办件当场办结（409 NOT_AN_IMMEDIATE_ITEM）。签署告知承诺的件受理即办结，待事后核查（seed 002 §26）。\n\n' +
      'Accept (容缺 allowed for may-be-missing materials), one supplement notice listing everything, reject or return with a reason, or complete a 即办件 on the spot; each with a written notice.',
    tag,
    path: caseIdPath,
    body: acceptanceBody,
    bodyExample: {
      decision: 'supplement',
      items: [
        { materialId: 'DESIGN_SCHEME', reason: '总平面图缺少比例尺' },
        { materialId: 'CIVIL_AIR_DEFENCE_DESIGN', reason: '未提供防空地下室设计文件' },
      ],
    },
    idempotent: true,
    responses: {
      200: {
        description: '决定已记录，附书面通知 / Decided, with the written notice',
        schema: acceptanceOutcomeSchema,
        example: {
          caseId: PLANNING_CASE,
          status: 'supplement_requested',
          notice: {
            noticeNo: 'BZ52273220261123Z7A1B3C4',
            kind: 'supplement',
            issuedAt: '2026-11-23T06:00:00.000Z',
            items: [
              { materialId: 'DESIGN_SCHEME', reason: '总平面图缺少比例尺' },
              { materialId: 'CIVIL_AIR_DEFENCE_DESIGN', reason: '未提供防空地下室设计文件' },
            ],
          },
        },
      },
    },
    errors: {
      400: ['MATERIAL_NOT_DEFERRABLE', 'UNKNOWN_MATERIAL', 'DUPLICATE_MATERIAL', ...signedIn, ...idempotencyKey],
      403: ['ROLE_NOT_ALLOWED', ...staffOfThisCounty],
      404: ['CASE_NOT_FOUND', 'ITEM_NOT_FOUND', 'TENANT_NOT_FOUND'],
      409: [
        'CASE_STATE_CONFLICT',
        'SUPPLEMENT_ALREADY_NOTIFIED',
        'NOT_AN_IMMEDIATE_ITEM',
        'ITEM_WITHOUT_DEPARTMENTS',
        'CONCURRENT_UPDATE',
        ...idempotencyInProgress,
      ],
    },
  },
  ResubmitCase: {
    summary: '补正后重新提交 / Resubmit after the one-time notice',
    description:
      '申请人补齐一次性告知所列材料后重新提交（可补充或更正表单字段）；收到之日起重新计算一次性告知期限并重新起算视为受理的计时（seed 004 art.10）。\n\n' +
      'The applicant supplied what the notice listed; the notice window restarts from this receipt.',
    tag,
    path: caseIdPath,
    body: resubmissionBody,
    bodyExample: { formData: { totalFloorAreaSquareMetres: 12900 } },
    idempotent: true,
    responses: {
      200: {
        description: '已重新提交，回到受理审查 / Back in the acceptance review',
        schema: resubmittedCaseSchema,
        example: { caseId: PLANNING_CASE, status: 'submitted', receivedAt: '2026-11-24T01:30:00.000Z', noticeDeadline: '2026-12-01T23:59:59+08:00' },
      },
    },
    errors: {
      400: ['FORM_INVALID', ...signedIn, ...idempotencyKey],
      404: ['CASE_NOT_FOUND', 'ITEM_NOT_FOUND', 'TENANT_NOT_FOUND'],
      409: ['CASE_STATE_CONFLICT', 'CONCURRENT_UPDATE', ...idempotencyInProgress],
    },
  },
  VerifyCommitment: {
    summary: '告知承诺核查 / Verify a commitment after approval',
    description:
      '告知承诺制先批后核：审批部门（无部门任务的，事项牵头部门）的承办人或负责人核查承诺。属实的维持；不实的撤销许可、生成信用记录，证照随之撤销（seed 002 §26）。每件只核查一次（409 NO_PENDING_VERIFICATION）。核查人为登录的工号。\n\n' +
      'The responsible department confirms the commitment or finds it false, which revokes the approval and leaves a credit record.',
    tag,
    path: caseIdPath,
    body: postVerificationBody,
    bodyExample: { outcome: 'false-commitment', note: '现场核查发现未配备消毒设施，与承诺不符' },
    idempotent: true,
    responses: {
      200: {
        description: '核查结果已记录 / The verification is recorded',
        schema: commitmentVerificationSchema,
        example: {
          caseId: HOTEL_CASE,
          status: 'revoked',
          postVerification: {
            status: 'false-commitment',
            verifiedAt: '2026-12-01T03:00:00.000Z',
            verifier: 'WJJ-HC-01',
            note: '现场核查发现未配备消毒设施，与承诺不符',
          },
          creditRecord: { recordedAt: '2026-12-01T03:00:00.000Z', reason: '现场核查发现未配备消毒设施，与承诺不符' },
        },
      },
    },
    errors: {
      400: [...signedIn, ...idempotencyKey],
      403: ['ROLE_NOT_ALLOWED', 'OTHER_DEPARTMENT', ...staffOfThisCounty],
      404: ['CASE_NOT_FOUND'],
      409: ['NO_PENDING_VERIFICATION', 'CONCURRENT_UPDATE', ...idempotencyInProgress],
    },
  },
  ListMyCases: {
    summary: '我的办件 / My cases in this county',
    description:
      '按实名账号的证件摘要查找本人在本县（区）的办件，最新在前，含窗口代为录入的；请求中不含任何证件信息。须实名等级 L3 及以上（403 REAL_NAME_REQUIRED）。\n\n' +
      "Found by the real-name account's ID digest, newest first, window cases filed for the applicant included.",
    tag,
    responses: {
      200: {
        description: '本人的办件 / The applicant’s cases',
        schema: myCasesSchema,
        example: {
          cases: [
            {
              caseId: WALK_IN_CASE,
              item: { code: 'SCZR-0001', name: '个体工商户设立登记' },
              status: 'completed',
              statusLabel: '已办结',
              createdAt: '2026-11-23T02:10:00.000Z',
            },
          ],
        },
      },
    },
    errors: { 400: [...signedIn], 403: ['REAL_NAME_REQUIRED'], 404: ['TENANT_NOT_FOUND'] },
  },
  ListExaminationQueue: {
    summary: '窗口待审查的申请 / The window’s examination queue',
    description:
      '本县网上申报和窗口收件中等待受理决定的申请（status=submitted），或已发出一次性告知、等待申请人补正的（status=supplement_requested），按收件先后分页；' +
      '每件带一次性告知期限（事项的告知工作日数，逾期未告知视为受理，seed 004 第9条）及其时限灯。\n\n' +
      'Applications waiting for the acceptance decision (or for the applicant’s supplement), in order of receipt, paged, each with its one-time-notice deadline and light.',
    tag,
    query: examinationQueueQuery,
    responses: {
      200: {
        description: '一页待审查的申请 / A page of the queue',
        schema: examinationQueueSchema,
        example: {
          status: 'submitted',
          cases: [
            {
              caseId: PLANNING_CASE,
              itemCode: 'GTGH-0001',
              itemName: '建设工程规划许可证核发',
              status: 'submitted',
              applicantName: '三都县城投建设有限公司',
              channel: 'online',
              submittedAt: '2026-11-23T02:00:00.000Z',
              receivedAt: '2026-11-23T02:00:00.000Z',
              noticeDays: 5,
              noticeDeadline: '2026-11-30T23:59:59+08:00',
              light: 'green',
              oneTimeNoticeUsed: false,
              provisional: false,
            },
          ],
          nextCursor: 'eyJQSyI6IlQjNTIyNzMyI0NBU0UjMDFLTVozUThUNFY2VzlYMlk1WjdBMUIzQzQifQ',
        },
      },
    },
    errors: { 400: ['INVALID_CURSOR', ...signedIn], 403: ['ROLE_NOT_ALLOWED', ...staffOfThisCounty], 404: ['TENANT_NOT_FOUND'] },
  },
  ListHandoverQueue: {
    summary: '待出件 / Results to hand over',
    description:
      '已办结、结果尚未送达的办件，按办结先后分页；每件带出件期限（办结后3个工作日，seed 004 第12–13条）及其时限灯、申请人选择的取件方式，以及容缺材料未补齐时的阻断。\n\n' +
      'Completed cases whose result is not handed over yet, by completion, paged, with the 3-working-day deadline, its light, the chosen method and any 容缺 block.',
    tag: '证照与出件 Results',
    query: handoverQueueQuery,
    responses: {
      200: {
        description: '一页待出件的办结件 / A page of results to hand over',
        schema: handoverQueueSchema,
        example: {
          cases: [
            {
              caseId: WALK_IN_CASE,
              itemCode: 'SCZR-0001',
              itemName: '个体工商户设立登记',
              applicantName: '韦小宝',
              completedAt: '2026-11-23T02:30:00.000Z',
              deliveryMethod: 'pickup',
              deliveryDeadline: '2026-11-26T23:59:59+08:00',
              light: 'green',
              provisional: false,
              blockedByDeferredMaterials: false,
              waitingFor: [],
            },
          ],
        },
      },
    },
    errors: { 400: ['INVALID_CURSOR', ...signedIn], 403: ['ROLE_NOT_ALLOWED', ...staffOfThisCounty], 404: ['TENANT_NOT_FOUND'] },
  },
  ListOpenCases: {
    summary: '在办件钻取 / The open cases behind the dashboard',
    description:
      '督查看板的钻取：本县在办（审批中、已受理）的办件及其承诺时限灯和各部门环节灯、督办层级，可按灯色（light）、参与部门（deptId）或事项（itemCode）筛选。' +
      '每次最多读取5页状态索引直到凑满 limit 件，因此一页可能少于 limit 件但仍带 nextCursor。\n\n' +
      'The dashboard’s drill-down: open cases with the case light, each department’s stage light and 督办 rung, filtered by light, department or item. ' +
      'Up to five index pages are read per answer, so a page may be short and still carry nextCursor.',
    tag: '评价与督查 Reviews',
    query: openCasesQuery,
    responses: {
      200: {
        description: '一页在办件 / A page of open cases',
        schema: openCasesSchema,
        example: {
          filters: { light: 'red' },
          cases: [
            {
              caseId: PLANNING_CASE,
              itemCode: 'GTGH-0001',
              itemName: '建设工程规划许可证核发',
              status: 'in_approval',
              acceptedAt: '2026-11-24T02:05:00.000Z',
              light: 'red',
              promisedDeadline: '2026-12-01T23:59:59+08:00',
              departments: [
                { deptId: 'GTJ', taskId: '01KMZ3R0A1B2C3D4E5F6G7H8J9', lead: true, status: 'waiting', light: 'green', escalationLevel: 0 },
                {
                  deptId: 'ZJJ',
                  taskId: '01KMZ3R0A1B2C3D4E5F6G7H8K0',
                  lead: false,
                  status: 'pending',
                  light: 'red',
                  stageDeadline: '2026-11-27T23:59:59+08:00',
                  escalationLevel: 2,
                },
              ],
            },
          ],
        },
      },
    },
    errors: { 400: ['INVALID_CURSOR', ...signedIn], 403: ['ROLE_NOT_ALLOWED', ...staffOfThisCounty], 404: ['TENANT_NOT_FOUND'] },
  },
});
