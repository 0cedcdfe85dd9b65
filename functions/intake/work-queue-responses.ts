import { z } from 'zod';

/**
 * What the workbench's queues answer (工作台): the window's examination and handover queues and the supervision
 * drill-down behind the dashboard's figures. Published through ./http-contract.ts.
 */

const instant = z.iso.datetime({ offset: true });

const nextCursor = z
  .string()
  .optional()
  .describe('下一页的游标（原样放入 cursor 参数）；没有时已是最后一页 / The next page’s cursor (pass it as `cursor`); absent on the last page');

const queueLight = z
  .enum(['green', 'yellow', 'red', 'suspended', 'unknown'])
  .describe(
    '时限灯（与办件时钟同一算法）：yellow 临近期限，red 已超期，suspended 计时暂停（等待申请人或特殊程序），unknown 期限所在年度的节假日安排未加载 / ' +
      'The light, as the case clock counts it: yellow near the deadline, red overdue, suspended while the clock waits, unknown while the year has no calendar',
  );

const provisional = z.boolean().describe('期限按尚未公布节假日安排的年度暂算 / Counted over a year whose holiday notice is not out yet');

export const examinationQueueSchema = z
  .object({
    status: z.enum(['submitted', 'supplement_requested']).describe('所列办件的状态（查询条件） / The status listed (the query)'),
    cases: z
      .array(
        z.object({
          caseId: z.string(),
          itemCode: z.string().describe('事项编码 / Item code'),
          itemName: z.string().describe('事项名称 / Item name'),
          status: z.enum(['submitted', 'supplement_requested']),
          applicantName: z.string().describe('申请人姓名或单位名称（不含证件号码、电话） / Applicant name (never the ID number or phone)'),
          channel: z.enum(['online', 'window']).describe('网上申报或窗口收件 / Filed online or at a window'),
          windowId: z.string().optional().describe('收件窗口 / The receiving window'),
          submittedAt: instant.describe('提交时间 / When filed'),
          receivedAt: instant.describe('收到完整申请的时间（补正后为补正时间），一次性告知期限由此起算 / When the complete application was received'),
          noticeDays: z.union([z.literal(1), z.literal(5)]).describe('事项的告知工作日数 / The item’s notice working days'),
          noticeDeadline: instant
            .nullable()
            .describe(
              '一次性告知期限，逾期未告知视为受理；等待补正或节假日安排未加载时为 null / The one-time-notice deadline; null while waiting for the supplement or without a calendar',
            ),
          light: queueLight,
          oneTimeNoticeUsed: z.boolean().describe('本件是否已发出过一次性告知（每件只有一次） / Whether the one-time notice was already sent (one per case)'),
          oneTimeNoticeIssuedAt: instant.optional(),
          provisional,
        }),
      )
      .describe('按收件先后 / In order of receipt'),
    nextCursor,
  })
  .meta({ id: 'ExaminationQueue', description: '窗口待审查（受理决定）的申请 / Applications waiting for the window’s acceptance decision' });

export const handoverQueueSchema = z
  .object({
    cases: z
      .array(
        z.object({
          caseId: z.string(),
          itemCode: z.string(),
          itemName: z.string(),
          applicantName: z.string().describe('申请人姓名或单位名称 / Applicant name'),
          completedAt: instant.describe('办结时间 / When completed'),
          deliveryMethod: z
            .enum(['pickup', 'mail'])
            .nullable()
            .describe('取件方式：pickup 窗口领取，mail 政务专递；申请人尚未选择时为 null / pickup or mail; null while the applicant has not chosen'),
          mailRecipient: z.string().optional().describe('邮寄收件人（只给姓名，不含电话和地址） / The mail recipient (the name only)'),
          deliveryDeadline: instant
            .nullable()
            .describe('出件期限：办结后第3个工作日（本县工作日历）；节假日安排未加载时为 null / End of the 3rd working day after completion'),
          light: queueLight,
          provisional,
          blockedByDeferredMaterials: z.boolean().describe('容缺材料未补齐，暂不能出件（seed 002 §27） / Blocked while 容缺 materials are outstanding'),
          waitingFor: z.array(z.string()).describe('尚未补齐的容缺材料 / Deferred materials still outstanding'),
        }),
      )
      .describe('按办结先后；已出件的不再列出（因此一页可能少于 limit 件） / By completion; handed-over results drop out, so a page may be short'),
    nextCursor,
  })
  .meta({ id: 'HandoverQueue', description: '待出件的办结件 / Completed cases whose result is not handed over yet' });

export const openCasesSchema = z
  .object({
    filters: z.object({ light: queueLight.optional(), deptId: z.string().optional(), itemCode: z.string().optional() }).describe('查询条件 / The filters'),
    cases: z.array(
      z.object({
        caseId: z.string(),
        itemCode: z.string(),
        itemName: z.string(),
        status: z.enum(['accepted', 'in_approval']).describe('在办状态 / Open status'),
        acceptedAt: instant.optional(),
        light: queueLight.describe('承诺时限灯（办件时钟，扣除特殊程序时间） / The promised-deadline light of the case clock'),
        promisedDeadline: instant.nullable().describe('承诺办结期限 / The promised deadline'),
        departments: z
          .array(
            z.object({
              deptId: z.string(),
              taskId: z.string(),
              lead: z.boolean(),
              status: z.enum(['waiting', 'pending', 'suspended', 'approved', 'denied', 'cancelled']),
              light: queueLight.describe('环节时限灯 / The stage light'),
              stageDeadline: instant.optional(),
              escalationLevel: z.number().int().min(0).describe('督办层级：0 无，1 黄灯提醒，2 起为督办 / The 督办 rung: 0 none, 1 yellow reminder, 2+ 督办'),
            }),
          )
          .describe('并联审批的各部门及其环节灯 / The departments of the parallel approval with their stage lights'),
      }),
    ),
    nextCursor,
  })
  .meta({ id: 'OpenCases', description: '督查看板背后的在办件（钻取） / The open cases behind the dashboard (drill-down)' });
