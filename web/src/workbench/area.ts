import type { RouteRecordRaw } from 'vue-router';
import type { StaffMember } from './staff';

/** A link of the workbench's navigation: a route name and its label. */
export interface WorkbenchLink {
  readonly name: string;
  readonly label: string;
}

/**
 * One area of the workbench (the window's, a department's, supervision's): its pages, as children of /workbench/,
 * and the links the navigation shows a member of staff, from what their role may do (./permissions.ts).
 */
export interface WorkbenchArea {
  readonly routes: RouteRecordRaw[];
  readonly links: (member: StaffMember) => WorkbenchLink[];
}
