import type { WorkbenchArea } from '../area';
import { may } from '../permissions';
import { tasksText } from './text';

/**
 * The department's pages: its task queue and the task page. 部门任务 is `task.list` in the scope 本部门 for handlers and
 * heads, so it needs a department on the account.
 */
export const tasksArea: WorkbenchArea = {
  routes: [
    { path: 'tasks', name: 'workbench-tasks', component: () => import('./TaskQueuePage.vue'), meta: { title: '部门任务', staff: true } },
    { path: 'tasks/:taskId', name: 'workbench-task', component: () => import('./TaskPage.vue'), meta: { title: '任务详情', staff: true } },
  ],
  links: (member) => (may(member, 'task.claim') && member.deptId ? [{ name: 'workbench-tasks', label: tasksText.navigation }] : []),
};
