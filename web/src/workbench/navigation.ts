import type { WorkbenchLink } from './area';
import { workbenchAreas } from './routes';
import type { StaffMember } from './staff';

/** The pages a member of staff sees in the navigation: each area's links for their role and department. */
export const linksOf = (member: StaffMember): WorkbenchLink[] => workbenchAreas.flatMap((area) => area.links(member));
