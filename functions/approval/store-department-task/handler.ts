import { queueConsumer } from '../../shared/worker';
import { storeDepartmentTask } from '../use-cases/store-department-task';
import { taskMessageSchema } from '../use-cases/requests';
import { approvalDependencies } from '../wiring';

/** Consumes the department task queue: stores each task as pending with its callback token. */
export const handler = queueConsumer('TaskStored', taskMessageSchema, (message) => storeDepartmentTask(approvalDependencies(), message));
