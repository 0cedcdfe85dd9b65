/** What the intake use cases are given: ports and platform services, wired in `../wiring.ts`. */

import type { TaskRepository } from '../../approval/domain/ports';
import type { ItemCatalogue, TenantDirectory } from '../../catalogue/domain/service-item';
import type { NationalCalendarSource } from '../../kernel/calendar-access';
import type { ClockMonitor } from '../../shared/monitoring';
import type { Clock, IdGenerator } from '../../shared/runtime';
import type { NoticeArchive } from '../domain/notices';
import type { AcceptanceTimer, ApprovalWorkflow, CaseFiles, CaseRecords, CaseRepository } from '../domain/ports';

export interface IntakeDependencies {
  readonly cases: CaseRepository;
  /** The case's department tasks (the approval context's), read to start the workflow and to show the case. */
  readonly tasks: Pick<TaskRepository, 'findMany'>;
  readonly catalogue: Pick<ItemCatalogue, 'publishedItem' | 'itemVersion'>;
  readonly tenants: Pick<TenantDirectory, 'profile'>;
  /** What other contexts keep in the case partition (materials, release, certificates), for the case view. */
  readonly records: CaseRecords;
  /** The case view's reads, in two calls. */
  readonly caseFiles: CaseFiles;
  readonly workflow: ApprovalWorkflow;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly monitor: ClockMonitor;
  readonly notices: NoticeArchive;
  readonly acceptanceTimer: AcceptanceTimer;
  readonly calendar: NationalCalendarSource;
}
