/**
 * The bodies the intake routes answer with, as zod schemas: what `createCase`, `getCaseView` (with
 * `caseProgressView`, `caseClockView` and `caseRecordsView`), `lookUpCaseProgress`, `decideAcceptance`,
 * `resubmitCase`, `verifyCommitment` and `listMyCases` return, field by field. The OpenAPI document is
 * generated from them (infra/openapi/), and the integration suite validates every answer it sees against
 * it, so a field added to a use case without its schema fails a test. Read with ./http-contract.ts.
 */

import { z } from 'zod';
import type { SuspensionKind, TaskLight, TaskStatus } from '../approval/domain/department-task';
import { MaterialFileTypeSchema } from '../catalogue/domain/tenant-config/vocabularies';
import type { CertificateStatus } from '../certificates/domain/certificate';
import { caseEventTypes, deadlineSchema } from '../kernel/events/case-events';
import { caseIdSchema, tenantIdSchema, ulidSchema } from '../kernel/ids';
import { QUERY_CODE_ALPHABET, QUERY_CODE_LENGTH } from './domain/query-code';
import type { CaseStatus, NoticeKind } from './domain/case';

// ---------------------------------------------------------------------------------------------
// Vocabulary: every list below is checked against the domain's own type, so a status added there
// without its schema fails the typecheck.
// ---------------------------------------------------------------------------------------------

/**
 * The members of a domain union, listed once for a schema: the compiler refuses a list that misses a member
 * (or names one the domain does not have).
 */
const every =
  <Domain extends string>() =>
  <const Listed extends readonly [Domain, ...Domain[]]>(
    values: Listed & ([Exclude<Domain, Listed[number]>] extends [never] ? unknown : { readonly missing: Exclude<Domain, Listed[number]> }),
  ): Listed =>
    values;

const caseStatuses = every<CaseStatus>()([
  'submitted',
  'supplement_requested',
  'accepted',
  'in_approval',
  'completed',
  'denied',
  'rejected',
  'returned',
  'revoked',
]);
const noticeKinds = every<NoticeKind>()(['acceptance', 'supplement', 'rejection', 'return']);
const taskStatuses = every<TaskStatus>()(['waiting', 'pending', 'suspended', 'approved', 'denied', 'cancelled']);
const taskLights = every<TaskLight>()(['green', 'yellow', 'red', 'suspended', 'unknown']);
const suspensionKinds = every<SuspensionKind>()(['现场勘察', '专家论证', '听证', '公示', '检验检测', '鉴定', '补正']);
const certificateStatuses = every<CertificateStatus>()(['valid', 'revoked']);

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

/** An instant as `toISOString` writes it (UTC). */
const instant = (what: string) => z.iso.datetime().describe(what);
/** A working-day deadline: the end of the n-th working day, Beijing time (`YYYY-MM-DDT23:59:59+08:00`). */
const deadline = (what: string) => deadlineSchema.describe(what);

export const caseStatusSchema = z
  .enum(caseStatuses)
  .describe(
    '办件状态：submitted 已提交待受理，supplement_requested 待补正材料，accepted 已受理，in_approval 审批中，completed 已办结，denied 不予许可，rejected 不予受理，returned 已退件，revoked 已撤销许可（告知承诺不实） / Case status',
  )
  .meta({ id: 'CaseStatus' });

const statusLabel = z.string().describe('状态的中文名称，如「审批中」 / The status in Chinese, as the applicant reads it');

const channelSchema = z.enum(['online', 'window']).describe('申请渠道：网上申报或窗口收件，同一标准（seed 002 §15） / Online or at a window, one standard');

const itemRef = {
  code: z.string().describe('事项编码（一件事套餐为套餐编码） / Item code (the bundle code for a 一件事 bundle)'),
  name: z.string().describe('事项名称 / Item name'),
};

const bundleMemberSchema = z.object({
  code: z.string().describe('组成事项编码 / Member item code'),
  name: z.string().describe('组成事项名称 / Member item name'),
  version: z.number().int().positive().describe('申请时该事项的版本 / Version of the member item the bundle was built from'),
});

/** A written notice (受理通知书, 一次性告知书, 不予受理通知书, 退件通知书), archived as a document. */
export const caseNoticeSchema = z
  .object({
    noticeNo: z.string().describe('文书编号：类别前缀（SL 受理、BZ 补正、BY 不予受理、TJ 退件）+ 行政区划代码 + 日期 + 办件编号后8位 / Notice number'),
    kind: z
      .enum(noticeKinds)
      .describe('acceptance 受理通知书（电子回执），supplement 补正材料一次性告知书，rejection 不予受理通知书，return 退件通知书 / Kind of notice'),
    issuedAt: instant('出具时间 / Issued at'),
    items: z
      .array(
        z.object({
          materialId: z.string().describe('需补正的材料编码 / Material to supplement'),
          reason: z.string().describe('补正理由 / Why'),
        }),
      )
      .optional()
      .describe('一次性告知：一次列明需补正的全部材料，每件只告知一次（seed 004 art.10） / 一次性告知: every missing material at once, one notice per case'),
    reason: z.string().optional().describe('不予受理或退件的理由 / Reason of a rejection or return'),
  })
  .describe('书面通知（归档为电子文书） / A written notice to the applicant, archived as a document')
  .meta({ id: 'CaseNotice' });

const commitmentSignature = {
  signedBy: z.string().describe('承诺人 / Who signed'),
  signedAt: instant('签署时间 / Signed at'),
};

const postVerificationSchema = z
  .object({
    status: z
      .enum(['pending', 'confirmed', 'false-commitment'])
      .describe('pending 待核查，confirmed 承诺属实，false-commitment 承诺不实 / Verification status'),
    verifiedAt: instant('核查时间 / Verified at').optional(),
    verifier: z.string().optional().describe('核查人工号 / 工号 of the verifier'),
    note: z.string().optional().describe('核查说明 / Note of the verification'),
  })
  .describe('告知承诺核查：先批后核，承诺不实撤销许可并记入信用记录（seed 002 §26） / Post-verification of a commitment')
  .meta({ id: 'CommitmentPostVerification' });

const creditRecordSchema = z
  .object({
    recordedAt: instant('记录时间 / Recorded at'),
    reason: z.string().describe('记录原因（核查说明） / Why'),
  })
  .describe('承诺不实的信用记录，推送信用系统（seed 002 §26） / Credit record of a false commitment');

// ---------------------------------------------------------------------------------------------
// Filing: POST …/cases and …/workbench/cases
// ---------------------------------------------------------------------------------------------

export const queryCodeSchema = z
  .string()
  .regex(new RegExp(`^[${QUERY_CODE_ALPHABET}]{${QUERY_CODE_LENGTH}}$`))
  .describe('查询码：8位，不含 0/O、1/I/L，只在此时显示一次（平台只保存摘要） / Query code, shown once: only its digest is kept');

export const filedCaseSchema = z
  .object({
    caseId: caseIdSchema.describe('办件编号 / Case id'),
    status: z.literal('submitted').describe('已提交待受理 / Waiting for the acceptance review'),
    channel: channelSchema,
    itemVersion: z.number().int().positive().describe('申请所依据的事项版本，办件始终按此版本办理 / The item version the case keeps'),
    createdAt: instant('收件时间 / Filed at'),
    noticeDeadline: deadline(
      '一次性告知期限：逾期未告知补正的，自收到申请之日起视为受理（seed 004 art.10）；所在年度无日历时为 null / One-time notice deadline, after which the case is deemed accepted; null while its year has no calendar',
    ).nullable(),
    receipt: z
      .object({
        caseId: caseIdSchema,
        queryCode: queryCodeSchema,
        hint: z.string().describe('回执提示语 / What the receipt tells the applicant'),
      })
      .describe('电子回执：凭办件编号和查询码无需登录即可查询进度 / The receipt: with the case id and query code anyone can follow the case'),
  })
  .describe('已收件 / The application was filed')
  .meta({ id: 'FiledCase' });

// ---------------------------------------------------------------------------------------------
// The case view: GET …/cases/{caseId} and …/workbench/cases/{caseId}
// ---------------------------------------------------------------------------------------------

export const clockAlertSchema = z
  .object({
    code: z
      .enum(['CALENDAR_NOT_AVAILABLE', 'CALENDAR_PROVISIONAL'])
      .describe(
        'CALENDAR_NOT_AVAILABLE 该年节假日安排未加载、期限暂无法计算；CALENDAR_PROVISIONAL 按法定节假日暂算 / Why a deadline is missing or provisional',
      ),
    year: z.number().int().describe('涉及的年度 / The year'),
    message: z.string().describe('中文 / English'),
  })
  .meta({ id: 'CaseClockAlert' });

export const caseClockSchema = z
  .object({
    noticeDeadline: deadline('一次性告知期限（seed 004 art.10） / One-time notice deadline').nullable(),
    promisedDeadline: deadline('承诺办结期限，自受理起按工作日计算 / Promised deadline from acceptance').nullable(),
    light: z
      .enum(['green', 'yellow', 'red', 'suspended', 'not_started', 'unknown'])
      .describe(
        '电子监察灯：绿、黄（临近期限）、红（超期）、suspended 中止计时，not_started 未受理，unknown 日历缺失 / Supervision light of the promised deadline',
      ),
    remainingWorkingDays: z.number().int().nullable().describe('剩余工作日 / Working days left'),
    overdueWorkingDays: z.number().int().nullable().describe('超期工作日 / Working days overdue'),
    finishedOnTime: z.boolean().optional().describe('已办结的：是否在承诺期限内 / For a finished case: within the promised deadline'),
    deliveryDeadline: deadline('送达期限：办结后3个工作日内（seed 004 art.12） / Result delivery deadline, 3 working days after completion').nullable(),
    provisional: z.boolean().describe('期限跨越尚未公布节假日安排的年度，按法定节假日暂算 / Counted over a year whose holiday notice is not out yet'),
    provisionalNote: z.string().optional().describe('暂算说明 / Why the deadline is provisional'),
    alerts: z.array(clockAlertSchema),
  })
  .describe('办件时钟：特殊环节与补正时间不计入（seed 004 art.11） / The case clock; special procedures are not counted')
  .meta({ id: 'CaseClock' });

const taskSuspensionSchema = z.object({
  kind: z.enum(suspensionKinds).describe('特殊环节或补正 / Special procedure or supplement'),
  reason: z.string(),
  expectedDays: z.number().int().describe('预计工作日 / Expected working days'),
  from: instant('中止时间 / From'),
  resumedAt: instant('恢复时间 / Resumed at').optional(),
  by: z.string().optional().describe('恢复人工号 / Who resumed it'),
});

const taskReassignmentSchema = z.object({
  fromDeptId: z.string(),
  toDeptId: z.string(),
  reason: z.string(),
  at: instant('转办时间 / At'),
  by: z.string().optional().describe('转办人工号 / Who reassigned it'),
});

export const caseTaskSchema = z
  .object({
    taskId: ulidSchema.describe('审批任务编号 / Task id'),
    deptId: z.string().describe('部门编码 / Department'),
    lead: z.boolean().describe('牵头部门，对期限负责（seed 001 §5(三)3） / The lead department answers for the deadline'),
    status: z.enum(taskStatuses).describe('waiting 待送达，pending 办理中，suspended 中止，approved 同意，denied 不同意，cancelled 已取消 / Task status'),
    stageDeadline: deadline('环节期限 / Stage deadline').optional(),
    light: z.enum(taskLights).describe('环节灯 / Stage light'),
    provisional: z.boolean().describe('环节期限按法定节假日暂算 / The stage deadline is provisional'),
    decision: z.enum(['approve', 'deny']).optional(),
    decidedAt: instant('决定时间 / Decided at').optional(),
    claimedBy: z.string().optional().describe('首问负责：认领人工号 / 工号 of the handler who claimed it'),
    suspensions: z.array(taskSuspensionSchema).optional().describe('中止记录：特殊环节时间不计入时限（seed 004 art.11） / Suspensions, not counted'),
    reassignments: z.array(taskReassignmentSchema).optional().describe('转办记录 / Reassignments'),
    escalation: z
      .object({
        level: z.number().int().describe('0 无，1 黄灯提醒，2 起为督办层级 / 0 none, 1 yellow, 2+ 督办 levels'),
        supervisionDeadline: deadline('督办期限 / Handling deadline of the 督办 level').optional(),
        since: instant('督办开始 / Since').optional(),
        handlingDays: z.number().int().optional().describe('督办给予的工作日 / Working days the level gave'),
      })
      .optional()
      .describe('电子监察督办 / Escalation'),
    voidedBecause: z
      .string()
      .optional()
      .describe('默认前置条件批准：所假定的前置部门不予批准，本部门批准随之失效（seed 004 art.17） / Approval voided by a denied prerequisite'),
  })
  .describe('部门审批任务（并联审批） / A department task of the case')
  .meta({ id: 'CaseDepartmentTask' });

export const caseTimelineEventSchema = z
  .object({
    type: z.enum(caseEventTypes).describe('事件类型 / Event type'),
    at: instant('时间 / At'),
    actor: z.string().describe('工号、applicant（申请人）或 system / 工号, `applicant` or `system`'),
    detail: z.record(z.string(), z.unknown()).describe('事件的非个人信息 / Non-personal facts of the step'),
  })
  .describe('办件过程记录 / One step of the case timeline')
  .meta({ id: 'CaseTimelineEvent' });

const checklistBase = {
  materialId: z.string().describe('材料编码 / Material id'),
  name: z.string().describe('材料名称 / Material name'),
  required: z.boolean().describe('必交 / Required'),
  mayBeMissingAtAcceptance: z.boolean().describe('容缺：可先受理、出证前补齐（seed 002 §27） / 容缺: may follow after acceptance'),
  electronicAccepted: z.boolean().describe('接收电子文件 / Electronic files accepted'),
  fileTypes: z.array(MaterialFileTypeSchema).describe('可上传的文件类型 / Accepted file types'),
  fromCertificateLibrary: z.string().optional().describe('免证办：可从电子证照库调取的证照类型（seed 002 §20） / Certificate type it can be referenced from'),
};

/**
 * One line of a material checklist (`checklistView`): missing, provided by a verified upload, or provided by a
 * certificate reference. The same shape as functions/materials/responses.ts `materialChecklistLineSchema`
 * (a unit test holds them equal); each context keeps its own, as neither imports the other's outer layers.
 */
export const caseMaterialLineSchema = z.union([
  z.object({ ...checklistBase, status: z.literal('missing').describe('未提供 / Missing') }),
  z.object({
    ...checklistBase,
    status: z.literal('provided').describe('已提供 / Provided'),
    source: z.literal('upload').describe('上传并核验的文件 / A verified upload'),
    fileName: z.string().describe('文件名（已清理） / Sanitised file name'),
    contentType: z.string(),
    sizeBytes: z.number().int().positive(),
    uploadedAt: instant('核验通过时间 / Verified at'),
  }),
  z.object({
    ...checklistBase,
    status: z.literal('provided').describe('已提供 / Provided'),
    source: z.literal('certificate-library').describe('免证办：引用电子证照库中的证照 / Referenced from the certificate library'),
    certificateType: z.string(),
    certificateNo: z.string(),
    referencedAt: instant('引用时间 / Referenced at'),
  }),
]);

const missingMaterialsSchema = z
  .object({
    blocking: z.array(z.string()).describe('尚缺、影响受理的必交材料 / Required materials still missing that block acceptance'),
    deferrable: z.array(z.string()).describe('尚缺、可容缺受理的材料（出证前补齐） / Missing materials that may follow (容缺)'),
  })
  .describe('仍缺的电子材料（窗口可能已收纸质材料） / What is still missing electronically');

export const caseReleaseSchema = z
  .union([
    z.object({
      blocked: z.boolean(),
      waitingFor: z.array(z.string()),
      status: z.literal('not_due').describe('尚未办结，无结果可送达 / Not completed: nothing to deliver yet'),
    }),
    z.object({
      blocked: z.boolean().describe('容缺材料未补齐，暂不出件（seed 002 §27） / Held back while 容缺 materials are outstanding'),
      waitingFor: z.array(z.string()).describe('尚待补齐的容缺材料 / The 容缺 materials still outstanding'),
      status: z.enum(['awaiting_choice', 'chosen', 'delivered']).describe('awaiting_choice 待选择送达方式，chosen 已选择，delivered 已送达 / Release status'),
      deadline: deadline('送达期限（办结后3个工作日，seed 004 art.12） / Delivery deadline').nullable(),
      light: z.enum(['green', 'yellow', 'red', 'suspended', 'unknown']).describe('送达灯 / Release light'),
      provisional: z.boolean(),
      method: z.enum(['pickup', 'mail']).optional().describe('窗口领取或政务专递（seed 004 art.13） / Pickup or mail'),
      chosenAt: instant('选择时间 / Chosen at').optional(),
      deliveredAt: instant('送达时间 / Delivered at').optional(),
      deliveredBy: z.string().optional().describe('出件人工号 / Who handed it over'),
      trackingNumber: z.string().optional().describe('邮件单号 / Tracking number of the mail'),
    }),
  ])
  .describe('结果送达（出件）；不含邮寄地址 / The release of the result, without the address')
  .meta({ id: 'CaseRelease' });

export const caseCertificateSchema = z
  .object({
    certificateNo: z.string().describe('证照编号：行政区划代码-年份-证照类型-12位编码 / Certificate number'),
    certificateType: z.string(),
    name: z.string().describe('证照名称，如 营业执照 / Certificate name'),
    itemCode: z.string(),
    status: z.enum(certificateStatuses),
    issuedAt: instant('签发时间 / Issued at'),
    validUntil: z.iso.date().nullable().describe('有效期至（北京日期）；长期有效为 null / Valid until; null when permanent'),
  })
  .describe('本件签发的电子证照，与纸质证照同等效力（seed 004 art.8–9） / An electronic certificate issued for the case')
  .meta({ id: 'CaseCertificate' });

export const caseViewSchema = z
  .object({
    caseId: caseIdSchema.describe('办件编号 / Case id'),
    tenantId: tenantIdSchema.describe('县（区）行政区划代码 / Tenant'),
    item: z
      .object({
        ...itemRef,
        version: z.number().int().positive().describe('办件所依据的事项版本 / The item version the case keeps'),
        bundleOf: z.array(bundleMemberSchema).optional().describe('“一件事”套餐所含事项（seed 002 §19） / The items of a 一件事 bundle'),
      })
      .describe('事项（按申请时的版本） / The item, at the version filed under'),
    channel: channelSchema,
    window: z
      .object({ windowId: z.string().describe('窗口编号 / Window'), clerk: z.string().describe('收件人工号 / 工号 of the clerk') })
      .optional()
      .describe('窗口收件：窗口与收件人 / Window intake: the window and the clerk'),
    applicant: z
      .object({ kind: z.enum(['person', 'organisation']), name: z.string() })
      .describe('申请人（不含证件号码与电话） / The applicant, without ID or phone'),
    receivedAt: instant('收到完整申请的时间（收件或补正后） / When the complete application was received').optional(),
    deemedAccepted: z.boolean().describe('视为受理：告知期限内未作决定，自收到之日起视为受理（seed 004 art.10） / Deemed accepted'),
    commitment: z.object(commitmentSignature).optional().describe('告知承诺：以承诺代替证明（seed 002 §26） / 告知承诺: signed in place of proofs'),
    deferredMaterials: z
      .object({
        materialIds: z.array(z.string()).describe('容缺受理的材料 / Materials accepted as missing'),
        commitment: z.object({ statement: z.string().describe('承诺内容 / The commitment'), ...commitmentSignature }),
      })
      .optional()
      .describe('容缺受理：非关键材料缺失时先行受理，出证前补齐（seed 002 §27） / 容缺 acceptance'),
    postVerification: postVerificationSchema.optional(),
    creditRecord: creditRecordSchema.optional(),
    notices: z.array(caseNoticeSchema).describe('已出具的书面通知，按时间顺序 / The written notices, in order'),
    status: caseStatusSchema,
    statusLabel,
    finished: z.boolean().describe('已结束（办结、不予许可、不予受理、退件、撤销） / Finished'),
    createdAt: instant('收件时间 / Filed at'),
    acceptedAt: instant('受理时间（视为受理的，为收到申请之日） / Accepted at').optional(),
    promisedDays: z.number().int().min(0).describe('承诺办结时限（工作日），即办件为 0 / Promised working days, 0 for 即办件'),
    promisedDeadline: deadline('承诺办结期限 / Promised deadline').nullable(),
    completedAt: instant('办结时间 / Completed at').optional(),
    clock: caseClockSchema,
    outcomeReason: z.string().optional().describe('不予许可、不予受理、退件或撤销的理由 / Reason of the outcome'),
    rightsNotice: z.string().optional().describe('不予许可时告知的救济权利：行政复议60日、行政诉讼6个月（seed 001 §5(三)5） / The rights a denial states'),
    tasks: z.array(caseTaskSchema).describe('各部门审批任务（并联审批，seed 001 §5(三)3） / Department tasks'),
    timeline: z.array(caseTimelineEventSchema).describe('办件过程，按时间顺序 / The timeline, in time order'),
    materials: z.array(caseMaterialLineSchema).describe('材料清单（按办件所依据的事项版本） / The material checklist of the item version'),
    missingMaterials: missingMaterialsSchema,
    release: caseReleaseSchema,
    certificates: z.array(caseCertificateSchema),
  })
  .describe('办件详情：状态、期限与灯、书面通知、部门进度、材料、结果与过程 / The case as the applicant and staff see it')
  .meta({ id: 'CaseView' });

// ---------------------------------------------------------------------------------------------
// The other intake answers
// ---------------------------------------------------------------------------------------------

export const caseProgressSchema = z
  .object({
    caseId: caseIdSchema,
    itemName: z.string().describe('事项名称 / Item name'),
    status: caseStatusSchema,
    statusLabel,
    submittedAt: instant('收件时间 / Filed at'),
    acceptedAt: instant('受理时间 / Accepted at').optional(),
    promisedDeadline: deadline('承诺办结期限 / Promised deadline').optional(),
    completedAt: instant('办结时间 / Completed at').optional(),
  })
  .describe('办件进度（凭回执查询）：只有状态与日期，不含姓名、证件、工作人员与理由 / Progress by the receipt: status and dates only')
  .meta({ id: 'CaseProgress' });

const completedAt = instant('办结时间 / Completed at');

export const acceptanceOutcomeSchema = z
  .union([
    z
      .object({
        caseId: caseIdSchema,
        status: z.literal('in_approval').describe('已受理并启动并联审批 / Accepted; the approval workflow runs'),
        acceptedAt: instant('受理时间 / Accepted at'),
        promisedDeadline: deadline('承诺办结期限（所在年度无日历时不返回） / Promised deadline (absent while its year has no calendar)').optional(),
        notice: caseNoticeSchema,
      })
      .describe('受理（含容缺受理） / Accepted (受理, with 容缺 materials if any)'),
    z
      .object({
        caseId: caseIdSchema,
        status: z.literal('supplement_requested'),
        notice: caseNoticeSchema,
      })
      .describe('一次性告知补正（每件一次，seed 004 art.10） / One-time supplement notice'),
    z
      .object({
        caseId: caseIdSchema,
        status: z.enum(['rejected', 'returned']),
        notice: caseNoticeSchema,
      })
      .describe('不予受理或退件，附理由 / Rejected or returned, with the reason'),
    z
      .object({
        caseId: caseIdSchema,
        status: z.literal('completed'),
        completedAt,
        result: z.string().describe('办理结果名称，如 营业执照 / The result issued'),
        notice: caseNoticeSchema,
      })
      .describe('即办件当场办结 / A 即办件 completed on the spot'),
    z
      .object({
        caseId: caseIdSchema,
        status: z.literal('completed'),
        completedAt,
        postVerification: postVerificationSchema,
        notice: caseNoticeSchema,
      })
      .describe('告知承诺件受理即办结，待事后核查（seed 002 §26） / Approved on the commitment; post-verification pending'),
  ])
  .describe('受理审查的结果，每次都出具书面通知 / The window’s decision, each with its written notice')
  .meta({ id: 'AcceptanceOutcome' });

export const resubmittedCaseSchema = z
  .object({
    caseId: caseIdSchema,
    status: z.literal('submitted').describe('重新进入受理审查 / Back in the acceptance review'),
    receivedAt: instant('补正材料收到时间，受理期限由此重新起算 / When the supplement was received: the notice window restarts'),
    noticeDeadline: deadline('新的一次性告知期限 / The new one-time notice deadline').nullable(),
  })
  .meta({ id: 'ResubmittedCase' });

export const commitmentVerificationSchema = z
  .object({
    caseId: caseIdSchema,
    status: z.enum(['completed', 'revoked']).describe('承诺属实仍为已办结；承诺不实撤销许可 / Still completed, or revoked for a false commitment'),
    postVerification: postVerificationSchema,
    creditRecord: creditRecordSchema.optional(),
  })
  .meta({ id: 'CommitmentVerification' });

export const myCasesSchema = z
  .object({
    cases: z
      .array(
        z.object({
          caseId: caseIdSchema,
          item: z.object(itemRef),
          status: caseStatusSchema,
          statusLabel,
          createdAt: instant('收件时间 / Filed at'),
        }),
      )
      .describe('本人在本县（区）的办件，最新在前，含窗口代为录入的 / The applicant’s cases in this county, newest first'),
  })
  .meta({ id: 'MyCases' });
