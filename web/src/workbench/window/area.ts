import type { WorkbenchArea } from '../area';

/** The window's pages (窗口): walk-in intake, the examination queue, acceptance decisions, notices, handover. */
export const windowArea: WorkbenchArea = {
  routes: [],
  links: () => [],
};
