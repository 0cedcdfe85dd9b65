import { z } from 'zod';

/**
 * What the approval routes answer (并联审批), as the use cases in ./use-cases build it: the department work list with
 * each task's stage light, a claim (首问负责) and a decision. Published in the OpenAPI document through ./http-contract.ts.
 */

const instant = z.iso.datetime({ offset: true });

export const taskStatusSchema = z
  .enum(['waiting', 'pending', 'suspended', 'approved', 'denied', 'cancelled'])
  .describe(
    '任务状态：waiting 待送达部门（串联环节或转办后），pending 办理中，suspended 中止计时（特殊程序或补正），approved 批准，denied 不予批准，cancelled 他部门不予批准后无需再办 / ' +
      'Task status: waiting (not yet with the department: a serial stage, or after a transfer), pending, suspended (a special procedure or a supplement stops the clock), approved, denied, cancelled (another department denied)',
  );

export const taskLightSchema = z
  .enum(['green', 'yellow', 'red', 'suspended', 'unknown'])
  .describe(
    '环节时限红黄绿灯（限时办结）：yellow 临近环节期限，red 已超期，suspended 中止计时不计入时限（seed 004 第11条），unknown 期限所在年度的节假日安排未加载 / ' +
      'Stage light (time-limited handling): yellow near the stage deadline, red overdue, suspended while the clock stands still (not counted, seed 004 art.11), unknown while the holiday calendar of the year the deadline falls in is not loaded',
  );

export const taskEscalationSchema = z
  .object({
    level: z
      .number()
      .int()
      .min(0)
      .describe(
        '督办层级：0 无，1 黄灯（已提醒承办人和部门负责人），2 红灯（县级督办），3 及以上更高层级督办 / 0 none, 1 yellow (handler and head told), 2 red (county 督办), 3+ higher levels',
      ),
    supervisionDeadline: instant.optional().describe('当前督办层级限定的办理期限 / The handling deadline the current 督办 level set'),
    since: instant.optional().describe('当前督办层级接手的时间 / When the current 督办 level took the stage up'),
    handlingDays: z.number().int().positive().optional().describe('督办给予的办理工作日数 / Working days the supervising office gave'),
  })
  .meta({ id: 'TaskEscalation', description: '超期督办进度（电子监察） / How far up the supervision ladder an overdue stage has gone' });

export const departmentTaskListSchema = z
  .object({
    deptId: z.string().describe('部门代码 / Department'),
    status: taskStatusSchema.describe('所列任务的状态（查询条件） / The status listed (the query)'),
    light: taskLightSchema.optional().describe('只列此灯色的任务（查询条件） / Only tasks of this light (the query)'),
    tasks: z
      .array(
        z.object({
          taskId: z.string(),
          caseId: z.string(),
          itemCode: z.string().describe('事项编码 / Item code'),
          itemName: z.string().describe('事项名称 / Item name'),
          lead: z.boolean().describe('是否牵头部门（并联审批由牵头部门负责） / Whether this department leads the parallel approval'),
          status: taskStatusSchema,
          assignedAt: instant.optional().describe('送达本部门的时间；待送达的任务没有 / When the workflow handed it to the department; absent while waiting'),
          stageDeadline: instant
            .optional()
            .describe('环节期限（扣除中止时间）；所在年度节假日安排未加载时没有 / Stage deadline, suspensions excluded; absent while its year has no calendar'),
          light: taskLightSchema,
          provisional: z
            .boolean()
            .describe('期限按尚未公布节假日安排的年度暂算，公布后自动重算 / Counted over a year whose holiday notice is not out yet; recomputed once it is'),
          claimedBy: z.string().optional().describe('认领的承办人工号（首问负责） / 工号 of the handler who claimed it (首问负责)'),
          escalation: taskEscalationSchema.optional(),
        }),
      )
      .describe(
        '按环节期限排序；按灯色筛选时只筛本页，因此一页可能少于 limit 条 / By stage deadline; a light filter applies to the page read, so a page may be short',
      ),
    nextCursor: z
      .string()
      .optional()
      .describe('下一页的游标（原样放入 cursor 参数）；没有时已是最后一页 / The next page’s cursor (pass it as `cursor`); absent on the last page'),
  })
  .meta({ id: 'DepartmentTaskList', description: '部门审批任务列表 / A department’s work list' });

export const taskClaimSchema = z
  .object({
    taskId: z.string(),
    claimedBy: z.string().describe('承办人工号（取自登录凭证） / 工号 of the handler, from the token'),
    claimedAt: instant.describe('首次认领时间；本人再次认领不变 / When first claimed; a repeated claim by the same handler keeps it'),
  })
  .meta({ id: 'TaskClaim', description: '首问负责：任务由具名承办人认领 / 首问负责: a named handler takes the task' });

export const taskDecisionResultSchema = z
  .object({
    taskId: z.string(),
    caseId: z.string(),
    deptId: z.string().describe('决定后任务所在部门（转办后为新部门） / The task’s department after the decision (the new one after 转办)'),
    status: taskStatusSchema.describe(
      '决定后的任务状态：approve→approved，deny→denied，supplement/suspend→suspended，resume→pending，reassign→waiting / Status after it',
    ),
    decision: z.enum(['approve', 'deny', 'supplement', 'suspend', 'resume', 'reassign']),
    decidedAt: instant,
    delivery: z
      .enum(['delivered', 'token-expired', 'not-needed'])
      .describe(
        '审批流程是否已获知：delivered 已告知，token-expired 等待刚超时（重新派发的任务会按已存决定答复，不会丢失），not-needed 无需告知（中止、补正） / ' +
          'Whether the waiting workflow was told: delivered; token-expired (its wait had just ended: the re-sent task answers from the stored decision, nothing is lost); not-needed (suspend, supplement)',
      ),
    rightsNotice: z
      .string()
      .optional()
      .describe(
        '不予批准时告知申请人申请行政复议（60日内）或提起行政诉讼（6个月内）的权利 / With a denial: the right to reconsideration (60 days) or litigation (6 months)',
      ),
  })
  .meta({ id: 'TaskDecisionResult', description: '部门的审批决定 / A department’s decision on its task' });
