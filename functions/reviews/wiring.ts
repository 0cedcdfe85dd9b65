import { dynamoDocuments, requiredEnvironment } from '../shared/clients';
import { environmentNames } from '../shared/environment-names';
import { nationalCalendarSource } from '../shared/national-calendar';
import { systemClock, ulidGenerator } from '../shared/runtime';
import { DynamoCaseFacts } from './adapters/dynamo-case-facts';
import { DynamoReviewStore } from './adapters/dynamo-review-store';
import type { ReviewDependencies } from './use-cases';

let built: ReviewDependencies | undefined;

/** The reviews adapters bound to this process's environment, built once and reused by warm invocations. */
export const reviewDependencies = (): ReviewDependencies => {
  if (built) return built;
  const tableName = requiredEnvironment(environmentNames.tableName);
  const facts = new DynamoCaseFacts(dynamoDocuments, tableName);
  built = {
    cases: facts,
    catalogue: facts,
    tenants: facts,
    reviews: new DynamoReviewStore(dynamoDocuments, tableName),
    clock: systemClock,
    calendar: nationalCalendarSource(),
    ids: ulidGenerator,
  };
  return built;
};
