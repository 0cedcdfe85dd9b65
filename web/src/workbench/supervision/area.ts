import type { WorkbenchArea } from '../area';

/** Supervision's pages (督办 / 监察): the dashboard with its drill-down, audit lookup, the rectification ledger, staff figures. */
export const supervisionArea: WorkbenchArea = {
  routes: [],
  links: () => [],
};
