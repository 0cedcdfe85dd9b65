import { routeContracts } from '../shared/api-contract';
import { auditTrailSchema, staffMonthlySchema, supervisionDashboardSchema } from './responses';
import { auditQuery, dashboardQuery, monthQuery, staffPath } from './use-cases';

/**
 * The HTTP routes of supervision (电子监察): the dashboard, a member of staff's monthly figures and the audit trail,
 * keyed by their function definition id (infra/definitions/functions/supervision.ts). The handlers spread these into
 * `httpEndpoint`, and the OpenAPI document is generated from them.
 */

const TAG = '评价与督查 Reviews';

const CASE_ID = '01KAB4M7Q0Y8ZB1N2P3R4S5T6V';

const satisfactionExample = (reviews: number, levels: readonly [number, number, number, number, number]) => ({
  reviews,
  distribution: { 非常满意: levels[0], 满意: levels[1], 基本满意: levels[2], 不满意: levels[3], 非常不满意: levels[4] },
  satisfactionRate: reviews > 0 ? Math.round(((levels[0] + levels[1] + levels[2]) / reviews) * 10_000) / 10_000 : null,
});

export const supervisionContracts = routeContracts({
  GetSupervisionDashboard: {
    summary: '督查看板 / The supervision dashboard',
    description:
      '电子监察（seed 004 第23条，000 第11条）：在办件的红黄绿灯、按时办结率、实际与承诺办理工作日、好差评满意率和整改台账，按部门和事项分列；可看本县，或汇总到所属市州、省。' +
      '读取成本固定（两次查询），与办件数量无关。正式节假日安排即将用完时附 calendarWarning。/ ' +
      'Electronic supervision (seed 004 art.23, 000 art.11): open cases by light, on-time rates, working days taken against promised, satisfaction and the ' +
      'rectification ledger, per department and item; for the county or rolled up to its city or province. A constant read cost (two queries), whatever the ' +
      'case count. Carries calendarWarning while next year’s holiday notice is due.',
    tag: TAG,
    query: dashboardQuery,
    responses: {
      200: {
        description: '看板 / The dashboard',
        schema: supervisionDashboardSchema,
        example: {
          scope: { level: 'county', divisionCode: '522732' },
          window: { kind: 'week', period: '2026-W48', date: '2026-11-24' },
          calendarWarning: {
            code: 'CALENDAR_NOTICE_DUE',
            lastOfficialYear: 2026,
            officialUntil: '2026-12-31',
            daysLeft: 37,
            provisionalUntil: '2028-12-31',
            message:
              '2027年国务院办公厅节假日安排尚未加载：正式工作日历截至 2026-12-31（还剩 37 天），其后至 2028-12-31 的期限按法定节假日暂算。公布后请执行 npm run calendar:load 加载。' +
              ' / The State Council holiday notice for 2027 is not loaded: the official calendar ends on 2026-12-31 (37 days left) and deadlines after it, up to 2028-12-31, are counted provisionally on the statutory holidays. Load it with npm run calendar:load once published.',
          },
          casesByLight: { open: 12, green: 9, yellow: 2, red: 0, suspended: 1, unknown: 0 },
          cases: {
            accepted: 14,
            refused: 1,
            finished: 6,
            denied: 0,
            onTime: 6,
            onTimeRate: 1,
            averageHandlingWorkingDays: 1.5,
            averagePromisedWorkingDays: 3.33,
            escalations: 2,
            escalationsByRung: { '1': 1, '2': 1 },
          },
          satisfaction: satisfactionExample(5, [2, 2, 0, 1, 0]),
          rectifications: {
            opened: 2,
            complaints: 1,
            closed: 1,
            closedOnTime: 1,
            unfixable: 0,
            open: 1,
            openByLight: { green: 1, yellow: 0, red: 0, unknown: 0 },
          },
          departments: [
            {
              deptId: 'SJJ',
              tasksDecided: 4,
              tasksOnTime: 4,
              onTimeRate: 1,
              escalations: 0,
              satisfaction: satisfactionExample(4, [2, 1, 0, 1, 0]),
              rectificationsOpened: 1,
              rectificationsOpenNow: 1,
            },
          ],
          items: [
            {
              itemCode: 'SCZR-0001',
              accepted: 4,
              refused: 0,
              finished: 4,
              denied: 0,
              onTime: 4,
              onTimeRate: 1,
              averageHandlingWorkingDays: 0,
              averagePromisedWorkingDays: 0,
              escalations: 0,
              escalationsByRung: {},
              satisfaction: satisfactionExample(4, [2, 1, 0, 1, 0]),
            },
          ],
          readCost: { itemsRead: 9, readCapacityUnits: 1 },
        },
      },
    },
    errors: { 403: ['ROLE_NOT_ALLOWED'], 404: ['TENANT_NOT_FOUND'] },
  },

  GetStaffMonthly: {
    summary: '工作人员月度考核数据 / A member of staff’s monthly figures',
    description:
      '窗口人员和承办人按月考核质量、时效和评价（000 第17条）：本人可看自己的，部门负责人、督查人员和系统管理员可看本县任何人的。/ ' +
      'Staff are assessed monthly on timeliness and reviews (000 art.17): a window clerk or handler sees their own figures; department heads, supervisors ' +
      'and admins anyone’s in the county.',
    tag: TAG,
    path: staffPath,
    query: monthQuery,
    responses: {
      200: {
        description: '月度数据 / The month’s figures',
        schema: staffMonthlySchema,
        example: { staffId: 'GTJ-007', month: '2026-11', casesHandled: 8, onTime: 7, onTimeRate: 0.875, ...satisfactionExample(5, [3, 1, 1, 0, 0]) },
      },
    },
    errors: { 403: ['NOT_YOURSELF'] },
  },

  QueryAudit: {
    summary: '审计记录 / The audit trail',
    description:
      '全流程电子监察：一件办件或一名工作人员的审计记录，按时间顺序（谁、以何角色、何时、做了什么，变更前后），只增不改；仅督查人员和系统管理员可查。须且仅须指定 caseId 或 staffId 之一。/ ' +
      'The audit trail of one case or one member of staff, in time order (who, in which role, when, what, before and after), append-only; supervisors and ' +
      'admins only. Exactly one of caseId or staffId.',
    tag: TAG,
    query: auditQuery,
    responses: {
      200: {
        description: '审计记录 / The records',
        schema: auditTrailSchema,
        example: {
          records: [
            {
              recordId: '01KAB4M7Q0Y8ZB1N2P3R4S0001',
              at: '2026-11-23T02:00:01.000Z',
              day: '2026-11-23',
              who: 'CK-02',
              role: 'staff',
              action: 'CaseSubmitted',
              caseId: CASE_ID,
              detail: { itemCode: 'SCZR-0001', itemVersion: 1, channel: 'window' },
            },
            {
              recordId: '01KAB5C2H8J4K6M9N3P5Q7R0S9',
              at: '2026-11-25T01:30:00.000Z',
              day: '2026-11-25',
              who: 'SJJ-007',
              role: 'handler',
              action: 'RectificationStepRecorded',
              caseId: CASE_ID,
              rectificationId: '01KAB5C2H8J4K6M9N3P5Q7R0S3',
              before: 'open',
              after: 'verified',
              detail: { step: 'verify', before: 'open', after: 'verified', ownerDeptId: 'SJJ' },
            },
          ],
        },
      },
    },
    errors: { 403: ['ROLE_NOT_ALLOWED'] },
  },
});
