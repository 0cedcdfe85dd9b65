import { routeContracts } from '../shared/api-contract';
import { caseReviewListSchema, complaintReceiptSchema, rectificationEntrySchema, rectificationLedgerSchema, reviewReceiptSchema } from './responses';
import { caseIdPath, complaintBody, ledgerQuery, rectificationIdPath, reviewBody, stepBody } from './use-cases';

/**
 * The HTTP routes of reviews (好差评), complaints and the rectification ledger (整改台账), keyed by their function
 * definition id (infra/definitions/functions/reviews.ts): what each parses, answers and refuses. The handlers
 * spread these into `httpEndpoint`, and the OpenAPI document is generated from them.
 */

const TAG = '评价与督查 Reviews';

const CASE_ID = '01KAB4M7Q0Y8ZB1N2P3R4S5T6V';
const REVIEW_ID = '01KAB5C2H8J4K6M9N3P5Q7R0S2';
const RECTIFICATION_ID = '01KAB5C2H8J4K6M9N3P5Q7R0S3';
const COMPLAINT_ENTRY_ID = '01KAB6D3J9K5M7N0P4Q6R8S1T3';

const badReviewEntry = {
  rectificationId: RECTIFICATION_ID,
  source: { kind: 'review', reviewId: REVIEW_ID, caseId: CASE_ID, touchpoint: 'completion', level: '不满意', itemCode: 'SCZR-0001' },
  ownerDeptId: 'SJJ',
  openedAt: '2026-11-24T03:00:00.000Z',
  limitDays: 10,
  deadline: '2026-12-08T23:59:59+08:00',
  status: 'verified',
  steps: [{ step: 'verify', at: '2026-11-25T01:30:00.000Z', staffId: 'SJJ-007', role: 'handler', note: '经核实，窗口高峰时段等候时间过长' }],
  revision: 2,
  statusLabel: '已核实',
  light: 'green',
  remainingWorkingDays: 9,
  overdueWorkingDays: 0,
  provisional: false,
};

export const reviewContracts = routeContracts({
  SubmitReview: {
    summary: '评价办事服务（好差评） / Rate the service (好差评)',
    description:
      '好差评（seed 004 第24条，002 §16）：只有申请人本人可以评价，工作人员不得代评；评价自愿，不评价不影响办事。一事一评：每件每个环节（受理、办结、不予受理或退件）一次，' +
      '须已到达该环节且本县开放该环节。评价关联事项、部门、窗口和承办人；差评（不满意、非常不满意）在同一事务中开立整改事项，由牵头部门在规定工作日内整改（seed 004 第26条）。/ ' +
      '好差评 (seed 004 art.24, 002 §16): only the applicant rates, never staff for them; rating is voluntary. One review per case per touchpoint (acceptance, completion, ' +
      'refusal), once the case has reached it and the county opens it. The review is linked to the item, departments, window and handlers; a bad one opens a ' +
      'rectification entry owned by the lead department, due in working days (seed 004 art.26), in the same transaction.',
    tag: TAG,
    path: caseIdPath,
    body: reviewBody,
    bodyExample: { touchpoint: 'completion', level: '不满意', comment: '排队等候时间较长', tags: ['效率'], channel: 'hall_device' },
    idempotent: true,
    responses: {
      201: {
        description: '评价已记录 / The review is recorded',
        schema: reviewReceiptSchema,
        example: {
          reviewId: REVIEW_ID,
          caseId: CASE_ID,
          touchpoint: 'completion',
          level: '不满意',
          links: { itemCode: 'SCZR-0001', itemName: '个体工商户设立登记', departments: ['SJJ'], windowId: 'ZH-SCZR', clerk: 'CK-02', handlers: [] },
          rectification: { rectificationId: RECTIFICATION_ID, deadline: '2026-12-08T23:59:59+08:00', ownerDeptId: 'SJJ' },
        },
      },
    },
    errors: {
      403: ['STAFF_CANNOT_REVIEW'],
      404: ['CASE_NOT_FOUND', 'TENANT_NOT_FOUND'],
      409: ['TOUCHPOINT_NOT_REACHED', 'ALREADY_REVIEWED'],
      422: ['TOUCHPOINT_NOT_OPEN'],
    },
  },

  ListCaseReviews: {
    summary: '查看本件评价 / The reviews of my case',
    description:
      '申请人查看本人办件的评价，每个环节一条，含本人的评语；不含工作人员姓名或工号。/ ' +
      'The applicant’s own ratings of their case, one per touchpoint, with their comments; never the names or 工号 of staff.',
    tag: TAG,
    path: caseIdPath,
    responses: {
      200: {
        description: '本件的评价 / The case’s reviews',
        schema: caseReviewListSchema,
        example: {
          caseId: CASE_ID,
          reviews: [
            {
              reviewId: REVIEW_ID,
              caseId: CASE_ID,
              touchpoint: 'completion',
              level: '不满意',
              comment: '排队等候时间较长',
              tags: ['效率'],
              channel: 'hall_device',
              submittedAt: '2026-11-24T03:00:00.000Z',
              links: { itemCode: 'SCZR-0001', itemName: '个体工商户设立登记', departments: ['SJJ'] },
              rectificationId: RECTIFICATION_ID,
            },
          ],
        },
      },
    },
    errors: { 404: ['CASE_NOT_FOUND'] },
  },

  FileComplaint: {
    summary: '投诉 / File a complaint',
    description:
      '任何人无需登录即可投诉（指明办件或部门）；投诉进入整改台账，由指明的部门或办件的牵头部门在规定工作日内整改（seed 004 第26条）。联系方式仅用于回访，只存于台账，不进入事件或日志。/ ' +
      'Anyone may complain without signing in, naming a case or a department; the complaint opens a ledger entry owned by that department or the case’s lead ' +
      'department, due in working days (seed 004 art.26). The contact is for the call-back only: stored on the entry, never in events or logs.',
    tag: TAG,
    body: complaintBody,
    bodyExample: { deptId: 'SJJ', channel: 'hotline', content: '市场准入窗口午休时间不办理业务', contact: { name: '韦先生', phone: '13900000000' } },
    idempotent: true,
    responses: {
      201: {
        description: '投诉已登记 / The complaint is in the ledger',
        schema: complaintReceiptSchema,
        example: { rectificationId: COMPLAINT_ENTRY_ID, ownerDeptId: 'SJJ', deadline: '2026-12-08T23:59:59+08:00', status: 'open' },
      },
    },
    errors: {
      400: ['UNKNOWN_DEPARTMENT'],
      404: ['TENANT_NOT_FOUND', 'CASE_NOT_FOUND'],
    },
  },

  ListRectifications: {
    summary: '整改台账 / The rectification ledger',
    description:
      '差评和投诉的整改台账（seed 004 第26条），按整改期限排序，每条带整改时限灯；可按状态、灯色和部门筛选。承办人和部门负责人只看本部门的；督查人员和系统管理员看全部。/ ' +
      'The ledger of bad reviews and complaints (seed 004 art.26) by deadline, each entry with its light; filter by status, light and department. Handlers and ' +
      'department heads see their own department’s entries; supervisors and admins all of them.',
    tag: TAG,
    query: ledgerQuery,
    responses: {
      200: { description: '台账 / The ledger', schema: rectificationLedgerSchema, example: { rectifications: [badReviewEntry] } },
    },
    errors: {
      400: ['INVALID_CURSOR'],
      403: ['ROLE_NOT_ALLOWED', 'OTHER_DEPARTMENT'],
      404: ['TENANT_NOT_FOUND'],
    },
  },

  GetRectification: {
    summary: '查看整改事项 / One ledger entry',
    description:
      '一条整改事项及其已记录的步骤和时限灯：负责部门的承办人和负责人、督查人员和系统管理员可查看。/ ' +
      'One entry with its steps and light, for the owner department’s handlers and head, supervisors and admins.',
    tag: TAG,
    path: rectificationIdPath,
    responses: {
      200: { description: '整改事项 / The entry', schema: rectificationEntrySchema, example: badReviewEntry },
    },
    errors: {
      403: ['ROLE_NOT_ALLOWED', 'OTHER_DEPARTMENT'],
      404: ['RECTIFICATION_NOT_FOUND', 'TENANT_NOT_FOUND'],
    },
  },

  RecordRectificationStep: {
    summary: '记录整改步骤 / Record a step of the ledger',
    description:
      '负责部门的承办人或负责人以本人工号依次记录：核实 → 整改 → 回访（记录申请人满意度）→ 销号；核实后确实无法整改的，说明情况后销号（做好解释工作）。' +
      '顺序不对的步骤被拒绝，每一步连同前后状态记入审计。/ ' +
      'A handler or head of the owner department records, under their 工号 and in order: verify → rectify → call_back (with the applicant’s satisfaction) → close; ' +
      'after verify, an entry that cannot be fixed is closed with an explanation. A step out of order is refused; each step goes to the audit trail with the status before and after.',
    tag: TAG,
    path: rectificationIdPath,
    body: stepBody,
    bodyExample: { step: 'verify', note: '经核实，窗口高峰时段等候时间过长' },
    idempotent: true,
    responses: {
      200: { description: '步骤已记录 / The step is recorded', schema: rectificationEntrySchema, example: badReviewEntry },
    },
    errors: {
      403: ['ROLE_NOT_ALLOWED', 'OTHER_DEPARTMENT'],
      404: ['RECTIFICATION_NOT_FOUND', 'TENANT_NOT_FOUND'],
      409: ['RECTIFICATION_STEP_OUT_OF_ORDER', 'CONCURRENT_UPDATE'],
    },
  },
});
