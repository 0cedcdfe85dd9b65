import { z } from 'zod';
import { reviewTouchpoints } from '../kernel/case-vocabulary';
import { staffRoles } from '../kernel/principal';
import { rectificationSteps } from './domain/rectification';
import { reviewChannels, reviewLevels } from './domain/review';

/**
 * What the review, complaint and ledger routes answer (好差评, 整改台账), as ./use-cases.ts builds it (the ledger
 * entries through its `ledgerView`). Published in the OpenAPI document through ./http-contract.ts.
 */

const instant = z.iso.datetime({ offset: true });

const touchpoint = z
  .enum(reviewTouchpoints)
  .describe(
    '评价环节：acceptance 受理后，completion 办结后，refusal 不予受理或退件后（一事一评：每个环节一次） / Touchpoint; one review per case per touchpoint (一事一评)',
  );
const level = z
  .enum(reviewLevels)
  .describe(
    '五级评价；不满意、非常不满意为差评，自动进入整改台账（seed 004 第24–26条） / Five levels; the last two are bad reviews and open a ledger entry (seed 004 art.24–26)',
  );
const channel = z.enum(reviewChannels).describe('评价渠道：hall_device 大厅评价器，web 网站，mobile 移动端，hotline 热线 / Channel');
const deadline = instant.describe('整改期限（工作日，按本县工作日历） / Rectification deadline (working days on the county’s calendar)');

export const reviewReceiptSchema = z
  .object({
    reviewId: z.string(),
    caseId: z.string(),
    touchpoint,
    level,
    links: z
      .object({
        itemCode: z.string(),
        itemName: z.string(),
        departments: z.array(z.string()).describe('办理本件的部门 / The departments that worked on the case'),
        windowId: z.string().optional().describe('窗口收件时的窗口 / The window, for a case filed at one'),
        clerk: z.string().optional().describe('收件人员工号 / 工号 of the clerk who filed it'),
        handlers: z.array(z.string()).describe('认领或决定过任务的承办人工号 / 工号 of the handlers who claimed or decided its tasks'),
      })
      .describe('评价关联的事项、部门、窗口和人员（好差评结果用于考核） / Who the review is about: item, departments, window and staff (for the assessment)'),
    rectification: z
      .object({
        rectificationId: z.string(),
        deadline,
        ownerDeptId: z.string().describe('负责整改的部门（牵头部门） / The department that owns it (the lead department)'),
      })
      .optional()
      .describe('差评开立的整改事项 / The ledger entry a bad review opened'),
  })
  .meta({ id: 'ReviewReceipt', description: '好差评：已记录的评价 / 好差评: the review as recorded' });

export const caseReviewListSchema = z
  .object({
    caseId: z.string(),
    reviews: z.array(
      z.object({
        reviewId: z.string(),
        caseId: z.string(),
        touchpoint,
        level,
        comment: z.string().optional(),
        tags: z.array(z.string()),
        channel,
        submittedAt: instant,
        links: z
          .object({ itemCode: z.string(), itemName: z.string(), departments: z.array(z.string()) })
          .describe('事项和部门；不含工作人员 / Item and departments; no staff names'),
        rectificationId: z.string().optional().describe('差评开立的整改事项 / The ledger entry a bad review opened'),
      }),
    ),
  })
  .meta({ id: 'CaseReviewList', description: '本件的评价，每个环节一条 / The reviews of a case, one per touchpoint' });

export const complaintReceiptSchema = z
  .object({
    rectificationId: z.string(),
    ownerDeptId: z.string().describe('负责处理的部门：投诉指明的部门，或办件的牵头部门 / The department named, or the case’s lead department'),
    deadline,
    status: z.literal('open'),
  })
  .meta({ id: 'ComplaintReceipt', description: '投诉已登记，进入整改台账 / The complaint is in the ledger' });

const rectificationStatus = z
  .enum(['open', 'verified', 'rectified', 'called_back', 'closed', 'closed_unfixable'])
  .describe('台账状态：待核实、已核实、已整改、已回访、已销号、无法整改已说明 / Ledger status');

export const rectificationEntrySchema = z
  .object({
    rectificationId: z.string(),
    source: z
      .discriminatedUnion('kind', [
        z.object({
          kind: z.literal('review'),
          reviewId: z.string(),
          caseId: z.string(),
          touchpoint,
          level,
          itemCode: z.string(),
        }),
        z.object({
          kind: z.literal('complaint'),
          caseId: z.string().optional(),
          itemCode: z.string().optional(),
          channel,
          content: z.string().describe('投诉内容（联系方式只存于台账，不返回） / What the complaint says (its contact is stored, never returned)'),
        }),
      ])
      .describe('来源：差评或投诉 / Where it came from: a bad review or a complaint'),
    ownerDeptId: z.string(),
    openedAt: instant,
    limitDays: z.number().int().positive().describe('整改时限（工作日） / Working days to rectify'),
    deadline,
    status: rectificationStatus,
    steps: z
      .array(
        z.object({
          step: z.enum(rectificationSteps),
          at: instant,
          staffId: z.string().describe('记录人工号（实名制） / 工号 of who recorded it'),
          role: z.enum(staffRoles),
          note: z.string(),
          satisfaction: z.enum(reviewLevels).optional().describe('回访时申请人的满意度 / The applicant’s satisfaction at the call-back'),
        }),
      )
      .describe(
        '核实 → 整改 → 回访 → 销号，依次记录；核实后无法整改的说明情况后销号 / verify → rectify → call_back → close, in order; or close_unfixable after verify',
      ),
    callBackSatisfaction: z.enum(reviewLevels).optional(),
    closedAt: instant.optional(),
    explanation: z.string().optional().describe('无法整改时向申请人所作的说明（做好解释工作） / Why it could not be fixed, as explained to the applicant'),
    revision: z.number().int().positive(),
    statusLabel: z.string().describe('状态的中文名称 / The status in Chinese'),
    light: z
      .enum(['green', 'yellow', 'red'])
      .describe('整改时限灯：临近期限为黄灯，逾期为红灯，逾期销号保持红灯 / Yellow near the deadline, red once past it; a late closure stays red'),
    remainingWorkingDays: z.number().int().min(0),
    overdueWorkingDays: z.number().int().min(0),
    provisional: z.boolean().describe('期限按尚未公布节假日安排的年度暂算 / Counted over a year whose holiday notice is not out yet'),
    provisionalNote: z.string().optional(),
  })
  .meta({ id: 'RectificationEntry', description: '整改台账中的一条（seed 004 第26条） / One entry of the rectification ledger (seed 004 art.26)' });

export const rectificationLedgerSchema = z
  .object({
    rectifications: z
      .array(rectificationEntrySchema)
      .describe(
        '按状态、整改期限排序；部门与灯色筛选只筛本页，因此一页可能少于 limit 条 / By status, then deadline; the department and light filters apply to the page read, so a page may be short',
      ),
    nextCursor: z
      .string()
      .optional()
      .describe('下一页的游标（原样放入 cursor 参数）；没有时已是最后一页 / The next page’s cursor (pass it as `cursor`); absent on the last page'),
  })
  .meta({ id: 'RectificationLedger', description: '整改台账 / The rectification ledger' });
