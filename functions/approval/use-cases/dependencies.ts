import type { TenantDirectory } from '../../catalogue/domain/service-item';
import type { CaseRepository } from '../../intake/domain/ports';
import type { NationalCalendarSource } from '../../kernel/calendar-access';
import type { Clock, IdGenerator } from '../../shared/runtime';
import type { TaskRepository, WorkflowCallback } from '../domain/ports';

export interface ApprovalDependencies {
  readonly tasks: TaskRepository;
  readonly tenants: Pick<TenantDirectory, 'profile'>;
  /** The case the join concludes (intake's aggregate, changed on its revision like every change of it). */
  readonly cases: Pick<CaseRepository, 'find' | 'save'>;
  readonly callback: WorkflowCallback;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly calendar: NationalCalendarSource;
}
