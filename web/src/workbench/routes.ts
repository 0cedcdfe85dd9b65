import type { RouteRecordRaw } from 'vue-router';
import type { WorkbenchArea } from './area';
import { supervisionArea } from './supervision/area';
import { tasksArea } from './tasks/area';
import { windowArea } from './window/area';

/** The areas of the workbench, in the order of its navigation. */
export const workbenchAreas: readonly WorkbenchArea[] = [windowArea, tasksArea, supervisionArea];

/** The staff workbench (issue 15), under /workbench/: every page signed in through the staff provider. */
export const workbenchRoutes: RouteRecordRaw[] = [
  {
    path: '/workbench/',
    component: () => import('./WorkbenchLayout.vue'),
    meta: { title: '通办工作台', staff: true },
    children: [
      { path: '', name: 'workbench-home', component: () => import('./WorkbenchHomePage.vue'), meta: { title: '工作台首页', staff: true } },
      ...workbenchAreas.flatMap((area) => area.routes),
    ],
  },
];
