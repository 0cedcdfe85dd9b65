import type { WorkbenchArea, WorkbenchLink } from '../area';
import { may } from '../permissions';
import { windowText } from './text';

/** The window's pages (窗口): the examination queue and a case's acceptance decision, the notices to print, walk-in intake, handover. */
export const windowArea: WorkbenchArea = {
  routes: [
    { path: 'window', name: 'workbench-window', component: () => import('./ExaminationQueuePage.vue'), meta: { title: '待审查', staff: true } },
    { path: 'window/intake', name: 'workbench-window-intake', component: () => import('./WalkInIntakePage.vue'), meta: { title: '窗口收件', staff: true } },
    { path: 'window/handover', name: 'workbench-window-handover', component: () => import('./HandoverQueuePage.vue'), meta: { title: '待出件', staff: true } },
    { path: 'window/cases/:caseId', name: 'workbench-window-case', component: () => import('./ExamineCasePage.vue'), meta: { title: '受理审查', staff: true } },
    {
      path: 'window/cases/:caseId/notices/:noticeNo',
      name: 'workbench-window-notice',
      component: () => import('./PrintNoticePage.vue'),
      meta: { title: '打印文书', staff: true },
    },
  ],
  links: (member) => {
    const links: WorkbenchLink[] = [];
    if (may(member, 'case.decide-acceptance')) links.push({ name: 'workbench-window', label: windowText.navigation.queue });
    if (may(member, 'case.file-at-window')) links.push({ name: 'workbench-window-intake', label: windowText.navigation.intake });
    if (may(member, 'result.hand-over')) links.push({ name: 'workbench-window-handover', label: windowText.navigation.handover });
    return links;
  },
};
