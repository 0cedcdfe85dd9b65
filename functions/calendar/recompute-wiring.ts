import { DynamoTaskRepository } from '../approval/adapters/dynamo-task-repository';
import { StepFunctionsApprovalWorkflow } from '../approval/adapters/sfn-workflow';
import { DynamoTenantDirectory } from '../catalogue/adapters/dynamo-tenant-directory';
import { DynamoReleaseRepository } from '../certificates/adapters/dynamo-certificate-repository';
import { DynamoCaseRepository } from '../intake/adapters/dynamo-case-repository';
import { DynamoReviewStore } from '../reviews/adapters/dynamo-review-store';
import { dynamoDocuments, requiredEnvironment, sqs, stepFunctions } from '../shared/clients';
import { systemClock, ulidGenerator } from '../shared/runtime';
import { calendarCacheTtlSeconds } from './adapters/cached-national-calendar';
import { SqsRecomputeRequests } from './adapters/sqs-recompute-requests';
import type { RecomputeDependencies } from './recompute';
import { calendarDependencies, nationalCalendarSource } from './wiring';

/** Five seconds beyond the cache TTL: every function has dropped the old calendar by then. */
const CACHE_MARGIN_SECONDS = 5;
/** SQS delays a message by at most 15 minutes. */
const MAX_DELAY_SECONDS = 900;

let built: RecomputeDependencies | undefined;

/** What the deadline recomputation touches in every context, bound to this process's environment once. */
export const recomputeDependencies = (): RecomputeDependencies => {
  if (built) return built;
  const tableName = requiredEnvironment('TABLE_NAME');
  built = {
    cases: new DynamoCaseRepository(dynamoDocuments, tableName),
    tasks: new DynamoTaskRepository(dynamoDocuments, tableName),
    callback: new StepFunctionsApprovalWorkflow(stepFunctions, process.env.APPROVAL_STATE_MACHINE_ARN ?? ''),
    releases: new DynamoReleaseRepository(dynamoDocuments, tableName),
    reviews: new DynamoReviewStore(dynamoDocuments, tableName),
    tenants: new DynamoTenantDirectory(dynamoDocuments, tableName),
    notices: calendarDependencies().notices,
    calendar: nationalCalendarSource(),
    requests: new SqsRecomputeRequests(
      sqs,
      () => requiredEnvironment('DEADLINE_RECOMPUTE_QUEUE_URL'),
      Math.min(MAX_DELAY_SECONDS, calendarCacheTtlSeconds() + CACHE_MARGIN_SECONDS),
    ),
    clock: systemClock,
    ids: ulidGenerator,
  };
  return built;
};
