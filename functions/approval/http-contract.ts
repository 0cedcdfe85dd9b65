import { z } from 'zod';
import { routeContracts } from '../shared/api-contract';
import { ulidSchema } from '../kernel/ids';
import { departmentTaskListSchema, taskClaimSchema, taskDecisionResultSchema } from './responses';
import { taskDecisionBody, taskListQuery } from './use-cases/requests';

/**
 * The HTTP routes of parallel approval (并联审批), keyed by their function definition id
 * (infra/definitions/functions/approval.ts): what each parses, answers and refuses. The handlers spread
 * these into `httpEndpoint`, and the OpenAPI document is generated from them.
 */

const TAG = '审批 Approval';

const departmentPath = z.object({ deptId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/) });
const taskPath = z.object({ taskId: ulidSchema });

const CASE_ID = '01KAB4M7Q0Y8ZB1N2P3R4S5T6V';
const TASK_ID = '01KAB4N9X3E5W7Y2Z8A6B0C1D4';

export const approvalContracts = routeContracts({
  ListDepartmentTasks: {
    summary: '部门审批任务列表 / A department’s approval tasks',
    description:
      '并联审批中本部门的任务，按环节期限排序，每件带当前红黄绿灯（限时办结）与督办进度（电子监察，seed 004 第23条）。' +
      '承办人和部门负责人只看本部门；督查人员和系统管理员可看本县任一部门。/ ' +
      'The department’s share of parallel approvals, by stage deadline, each with its light as of now (time-limited handling) and its escalation ' +
      '(electronic supervision, seed 004 art.23). Handlers and department heads see their own department; supervisors and admins any department of the county. ' +
      '分页：答复带 nextCursor 时还有下一页，原样放入 cursor 参数；游标与部门、状态绑定，改动或他用的游标被拒绝（400 INVALID_CURSOR）。/ ' +
      'Paged: pass `nextCursor` back as `cursor`; a cursor is bound to its department and status (400 INVALID_CURSOR otherwise).',
    tag: TAG,
    path: departmentPath,
    query: taskListQuery,
    responses: {
      200: {
        description: '任务列表 / The work list',
        schema: departmentTaskListSchema,
        example: {
          deptId: 'GTJ',
          status: 'pending',
          tasks: [
            {
              taskId: TASK_ID,
              caseId: CASE_ID,
              itemCode: 'GTGH-0001',
              itemName: '建设工程规划许可证核发',
              lead: true,
              status: 'pending',
              assignedAt: '2026-11-23T02:00:05.000Z',
              stageDeadline: '2026-12-07T23:59:59+08:00',
              light: 'green',
              provisional: false,
              claimedBy: 'GTJ-007',
            },
          ],
        },
      },
    },
    errors: { 400: ['INVALID_CURSOR'], 403: ['ROLE_NOT_ALLOWED', 'OTHER_DEPARTMENT'] },
  },

  ClaimTask: {
    summary: '认领审批任务（首问负责） / Claim a task (首问负责)',
    description:
      '首问负责：本部门的承办人或负责人以登录凭证中的工号认领任务，此后只有认领人能作出审批决定（实名制，000 第15条）；他人已认领的任务不能被悄然接手。' +
      '中止计时中的任务也可认领；本人再次认领不产生新记录。/ ' +
      '首问负责: a handler or head of the task’s department takes it under the 工号 of their token; from then on only they decide it (实名制, 000 art.15), ' +
      'and someone else’s claim is never silently taken over. A suspended task can be claimed; claiming one’s own task again changes nothing.',
    tag: TAG,
    path: taskPath,
    responses: {
      200: {
        description: '已认领 / Claimed',
        schema: taskClaimSchema,
        example: { taskId: TASK_ID, claimedBy: 'GTJ-007', claimedAt: '2026-11-23T03:15:00.000Z' },
      },
    },
    errors: {
      403: ['ROLE_NOT_ALLOWED', 'OTHER_DEPARTMENT'],
      404: ['TASK_NOT_FOUND'],
      409: ['TASK_NOT_PENDING', 'TASK_ALREADY_CLAIMED', 'CONCURRENT_UPDATE'],
    },
  },

  DecideTask: {
    summary: '审批决定 / Decide a department task',
    description:
      '并联审批中本部门的决定：批准；不予批准（须说明理由，其他部门随即取消，办件不予许可，答复告知行政复议和行政诉讼的权利）；' +
      '要求补正（按事项的补正政策中止或重新计时）；特殊程序（现场勘察、专家论证、听证、公示、检验检测、鉴定）中止计时，其时间不计入办结时限（seed 004 第11条）；恢复计时；' +
      '转办至本县另一部门（环节期限不变）。各部门按“默认前置条件批准”先行办理，前置部门不予批准的，依赖它的批准在汇总时作废。决定先与其时间线事件一并保存，再告知等待中的审批流程。/ ' +
      'The department’s decision in a parallel approval: approve; deny (with a reason: the other departments are cancelled, the case is denied, and the reply states ' +
      'the rights to reconsideration and litigation); ask for a supplement (the item’s policy suspends or restarts the clock); a special procedure stops the clock and ' +
      'its time is not counted (seed 004 art.11); resume; or 转办 to another department of the county (the stage deadline stays). Departments proceed as if their ' +
      'prerequisites were approved (默认前置条件批准); approvals that presumed a denied prerequisite are voided at the join. The decision is stored with its timeline event first, ' +
      'then the waiting workflow is told.',
    tag: TAG,
    path: taskPath,
    body: taskDecisionBody,
    bodyExample: { decision: 'suspend', procedure: '现场勘察', reason: '核实建设用地四至', expectedDays: 2 },
    idempotent: true,
    responses: {
      200: {
        description: '决定已记录 / The decision is recorded',
        schema: taskDecisionResultSchema,
        example: {
          taskId: TASK_ID,
          caseId: CASE_ID,
          deptId: 'GTJ',
          status: 'suspended',
          decision: 'suspend',
          decidedAt: '2026-11-24T06:30:00.000Z',
          delivery: 'not-needed',
        },
      },
    },
    errors: {
      400: ['REASON_REQUIRED', 'REASSIGN_TO_SELF'],
      403: ['ROLE_NOT_ALLOWED', 'OTHER_DEPARTMENT'],
      404: ['TASK_NOT_FOUND'],
      409: ['TASK_NOT_PENDING', 'TASK_SUSPENDED', 'TASK_NOT_SUSPENDED', 'TASK_CLAIMED_BY_OTHER', 'CONCURRENT_UPDATE'],
      422: ['UNKNOWN_DEPARTMENT'],
    },
  },
});
