import { dynamoDocuments, requiredEnvironment, sqs, stepFunctions } from '../shared/clients';
import { environmentNames } from '../shared/environment-names';
import { calendarCacheTtlSeconds, nationalCalendarSource } from '../shared/national-calendar';
import { systemClock, ulidGenerator } from '../shared/runtime';
import {
  DynamoCounties,
  DynamoDeadlineCases,
  DynamoDeadlineRectifications,
  DynamoDeadlineReleases,
  DynamoDeadlineTasks,
} from './adapters/dynamo-deadline-subjects';
import { SqsRecomputeRequests } from './adapters/sqs-recompute-requests';
import { StepFunctionsWaitRescheduler } from './adapters/sfn-wait-rescheduler';
import type { RecomputeDependencies } from './recompute';
import { calendarDependencies } from './wiring';

/** Five seconds beyond the cache TTL: every function has dropped the old calendar by then. */
const CACHE_MARGIN_SECONDS = 5;
/** SQS delays a message by at most 15 minutes. */
const MAX_DELAY_SECONDS = 900;

let built: RecomputeDependencies | undefined;

/**
 * The deadline recomputation's adapters, bound to this process's environment once. They are the calendar
 * context's own: the subjects' deadlines are read and written through the table's item codecs.
 */
export const recomputeDependencies = (): RecomputeDependencies => {
  if (built) return built;
  const tableName = requiredEnvironment(environmentNames.tableName);
  built = {
    cases: new DynamoDeadlineCases(dynamoDocuments, tableName),
    tasks: new DynamoDeadlineTasks(dynamoDocuments, tableName),
    callback: new StepFunctionsWaitRescheduler(stepFunctions),
    releases: new DynamoDeadlineReleases(dynamoDocuments, tableName),
    reviews: new DynamoDeadlineRectifications(dynamoDocuments, tableName),
    tenants: new DynamoCounties(dynamoDocuments, tableName),
    notices: calendarDependencies().notices,
    calendar: nationalCalendarSource(),
    requests: new SqsRecomputeRequests(
      sqs,
      () => requiredEnvironment(environmentNames.deadlineRecomputeQueueUrl),
      Math.min(MAX_DELAY_SECONDS, calendarCacheTtlSeconds() + CACHE_MARGIN_SECONDS),
    ),
    clock: systemClock,
    ids: ulidGenerator,
  };
  return built;
};
