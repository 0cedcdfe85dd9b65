import { z } from 'zod';

/**
 * What the supervision routes answer (电子监察), as ./use-cases.ts and domain/dashboard.ts build it from the counters,
 * and the audit trail (functions/kernel/audit-record.ts). Published in the OpenAPI document through ./http-contract.ts.
 */

const instant = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
const rate = z.number().min(0).max(1).nullable().describe('比率（保留四位小数），无计数时为 null / A fraction to 4 places; null when nothing was counted');
const average = z
  .number()
  .min(0)
  .nullable()
  .describe('平均工作日数（保留两位小数），无计数时为 null / Average working days to 2 places; null when nothing was counted');

export const satisfactionSchema = z
  .object({
    reviews: count.describe('评价数 / Reviews'),
    distribution: z.object({ 非常满意: count, 满意: count, 基本满意: count, 不满意: count, 非常不满意: count }).describe('五级评价分布 / By level'),
    satisfactionRate: rate.describe('满意率：非常满意、满意、基本满意占比 / Satisfaction rate: 非常满意, 满意 and 基本满意 over all reviews'),
  })
  .meta({ id: 'SatisfactionFigures', description: '好差评统计 / Review figures' });

const caseFigures = {
  accepted: count.describe('受理 / Accepted'),
  refused: count.describe('不予受理或退件 / Rejected or returned'),
  finished: count.describe('办结（含不予许可） / Finished (denials included)'),
  denied: count.describe('不予许可 / Denied'),
  onTime: count.describe('按承诺时限办结 / Finished within the promised time'),
  onTimeRate: rate.describe('按时办结率 / On-time rate'),
  averageHandlingWorkingDays: average.describe('平均实际办理工作日 / Average working days taken'),
  averagePromisedWorkingDays: average.describe('平均承诺工作日 / Average working days promised'),
  escalations: count.describe('升级督办次数 / Escalations'),
  escalationsByRung: z
    .record(z.string(), count)
    .describe('按督办层级：1 黄灯提醒，2 起为督办（县级汇总，事项行为空） / By rung: 1 the yellow reminder, 2 and up 督办 (county total; empty on item rows)'),
};

export const supervisionDashboardSchema = z
  .object({
    scope: z.object({
      level: z.enum(['county', 'city', 'province']),
      divisionCode: z.string().describe('统计的行政区划代码（县、所属市州或省） / The division counted: the county, its city or its province'),
    }),
    window: z.object({
      kind: z.enum(['day', 'week', 'month']),
      period: z.string().describe('统计周期：日 2026-11-23、ISO 周 2026-W48 或月 2026-11 / The period: a day, an ISO week or a month'),
      date: z.iso.date().describe('周期内的日期（默认今天，北京时间） / The date asked for (today in Shanghai by default)'),
    }),
    calendarWarning: z
      .object({
        code: z.literal('CALENDAR_NOTICE_DUE'),
        lastOfficialYear: z.number().int(),
        officialUntil: z.iso.date(),
        daysLeft: z.number().int().describe('距正式工作日历结束的天数，已结束为负 / Days until the official calendar ends; negative once it has'),
        provisionalUntil: z.iso.date().nullable(),
        message: z.string().describe('中文 / English'),
      })
      .optional()
      .describe(
        '正式工作日历结束前60天起：下一年国务院节假日安排尚未加载，其后的期限按法定节假日暂算 / From 60 days before the official calendar ends: next year’s notice is not loaded and later deadlines are provisional',
      ),
    casesByLight: z
      .object({ open: count, green: count, yellow: count, red: count, suspended: count, unknown: count })
      .describe('在办件今日红黄绿灯分布（限时办结） / Open cases by light today'),
    cases: z.object(caseFigures).describe('本周期的办件 / Cases of the period'),
    satisfaction: satisfactionSchema,
    rectifications: z
      .object({
        opened: count.describe('开立（差评与投诉） / Opened (bad reviews and complaints)'),
        complaints: count,
        closed: count,
        closedOnTime: count,
        unfixable: count.describe('无法整改已说明 / Closed as cannot-be-fixed'),
        open: count.describe('当前未销号 / Open now'),
        openByLight: z.object({ green: count, yellow: count, red: count, unknown: count }),
      })
      .describe('整改台账（seed 004 第26条） / The rectification ledger (seed 004 art.26)'),
    departments: z
      .array(
        z.object({
          deptId: z.string(),
          tasksDecided: count,
          tasksOnTime: count,
          onTimeRate: rate,
          escalations: count,
          satisfaction: satisfactionSchema,
          rectificationsOpened: count,
          rectificationsOpenNow: count,
        }),
      )
      .describe('各部门（只在县级统计） / Per department (county level only)'),
    items: z.array(z.object({ itemCode: z.string(), ...caseFigures, satisfaction: satisfactionSchema })).describe('各事项 / Per item'),
    readCost: z
      .object({ itemsRead: count, readCapacityUnits: z.number().min(0) })
      .describe('本次读取的成本：与办件数量无关的固定两次查询 / What the read cost: two queries, whatever the case count'),
  })
  .meta({ id: 'SupervisionDashboard', description: '电子监察看板（seed 004 第23条） / The supervision dashboard (seed 004 art.23)' });

export const staffMonthlySchema = z
  .object({
    staffId: z.string().describe('工号 / 工号'),
    month: z.string().describe('月份 YYYY-MM / The month'),
    casesHandled: count.describe('作出决定的审批任务数 / Tasks decided'),
    onTime: count.describe('在环节期限内决定的 / Decided within the stage deadline'),
    onTimeRate: rate,
    ...satisfactionSchema.shape,
  })
  .meta({
    id: 'StaffMonthlyFigures',
    description: '工作人员月度考核数据：质量、时效和评价（000 第17条） / A member of staff’s monthly figures: timeliness and reviews (000 art.17)',
  });

export const auditRecordSchema = z
  .object({
    recordId: z.string(),
    at: instant,
    day: z.iso.date().describe('北京时间日期 / Shanghai date'),
    who: z.string().describe('工号，或 applicant、public、system / A 工号, or applicant, public, system'),
    role: z.string(),
    action: z.string().describe('事件或配置变更，如 CaseAccepted、RectificationStepRecorded / The event or configuration change'),
    caseId: z.string().optional(),
    taskId: z.string().optional(),
    rectificationId: z.string().optional(),
    reviewId: z.string().optional(),
    before: z.unknown().optional().describe('变更前 / Before'),
    after: z.unknown().optional().describe('变更后 / After'),
    detail: z.record(z.string(), z.unknown()).describe('事件的明细（不含证件号码和电话） / The event’s detail (never ID or phone numbers)'),
  })
  .meta({ id: 'AuditRecord', description: '一条审计记录（只增不改） / One audit record (append-only)' });

export const auditTrailSchema = z
  .object({ records: z.array(auditRecordSchema).describe('按时间顺序 / In time order') })
  .meta({ id: 'AuditTrail', description: '全流程电子监察审计记录 / The audit trail' });
