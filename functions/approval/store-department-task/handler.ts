import { queueConsumer } from '../../shared/worker';
import { storeDepartmentTask, taskMessageSchema } from '../use-cases';
import { approvalDependencies } from '../wiring';

/** Consumes the department task queue: stores each task as pending with its callback token. */
export const handler = queueConsumer('TaskStored', taskMessageSchema, (message) => storeDepartmentTask(approvalDependencies(), message));
