import type { RouteRecordRaw } from 'vue-router';

/** The staff workbench (issue 15), under /workbench/: every page signed in through the staff provider. */
export const workbenchRoutes: RouteRecordRaw[] = [
  {
    path: '/workbench/',
    component: () => import('./WorkbenchLayout.vue'),
    meta: { title: '通办工作台', staff: true },
    children: [
      { path: '', name: 'workbench-home', component: () => import('./WorkbenchHomePage.vue'), meta: { title: '工作台首页', staff: true } },
      { path: 'tasks', name: 'workbench-tasks', component: () => import('./tasks/TaskQueuePage.vue'), meta: { title: '部门任务', staff: true } },
      { path: 'tasks/:taskId', name: 'workbench-task', component: () => import('./tasks/TaskPage.vue'), meta: { title: '任务详情', staff: true } },
    ],
  },
];
