import type { WorkbenchArea, WorkbenchLink } from '../area';
import { may } from '../permissions';
import { supervisionText } from './text';

/**
 * Supervision's pages (督办 / 监察): the dashboard with its drill-down, audit lookup, the rectification ledger (read
 * by the supervision office, worked by the owner department), staff figures. Each link follows the permission matrix.
 */
const page = (title: string) => ({ title, staff: true });

export const supervisionArea: WorkbenchArea = {
  routes: [
    { path: 'supervision', name: 'workbench-supervision', component: () => import('./SupervisionDashboardPage.vue'), meta: page('督查看板') },
    { path: 'supervision/cases', name: 'workbench-supervision-cases', component: () => import('./OpenCasesPage.vue'), meta: page('在办件') },
    { path: 'audit', name: 'workbench-audit', component: () => import('./AuditLookupPage.vue'), meta: page('审计查询') },
    { path: 'rectifications', name: 'workbench-rectifications', component: () => import('./RectificationLedgerPage.vue'), meta: page('整改台账') },
    {
      path: 'rectifications/:rectificationId',
      name: 'workbench-rectification',
      component: () => import('./RectificationEntryPage.vue'),
      meta: page('整改事项'),
    },
    { path: 'staff-figures', name: 'workbench-staff-figures', component: () => import('./StaffFiguresPage.vue'), meta: page('月度考核') },
  ],
  links: (member) => {
    const { navigation } = supervisionText;
    const links: WorkbenchLink[] = [];
    if (may(member, 'supervision.read-dashboard')) {
      links.push({ name: 'workbench-supervision', label: navigation.dashboard }, { name: 'workbench-supervision-cases', label: navigation.cases });
    }
    if (may(member, 'audit.read')) links.push({ name: 'workbench-audit', label: navigation.audit });
    if (may(member, 'rectification.read')) links.push({ name: 'workbench-rectifications', label: navigation.ledger });
    if (may(member, 'supervision.read-staff-month')) links.push({ name: 'workbench-staff-figures', label: navigation.figures });
    return links;
  },
};
