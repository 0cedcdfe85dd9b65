import { DynamoItemCatalogue } from '../catalogue/adapters/dynamo-item-catalogue';
import { DynamoTenantDirectory } from '../catalogue/adapters/dynamo-tenant-directory';
import { DynamoCaseRepository } from '../intake/adapters/dynamo-case-repository';
import { nationalCalendarSource } from '../calendar/wiring';
import { dynamoDocuments, requiredEnvironment } from '../shared/clients';
import { systemClock, ulidGenerator } from '../shared/runtime';
import { DynamoReviewStore } from './adapters/dynamo-review-store';
import type { ReviewDependencies } from './use-cases';

let built: ReviewDependencies | undefined;

/** The reviews adapters bound to this process's environment, built once and reused by warm invocations. */
export const reviewDependencies = (): ReviewDependencies => {
  if (built) return built;
  const tableName = requiredEnvironment('TABLE_NAME');
  built = {
    cases: new DynamoCaseRepository(dynamoDocuments, tableName),
    catalogue: new DynamoItemCatalogue(dynamoDocuments, tableName),
    tenants: new DynamoTenantDirectory(dynamoDocuments, tableName),
    reviews: new DynamoReviewStore(dynamoDocuments, tableName),
    clock: systemClock,
    calendar: nationalCalendarSource(),
    ids: ulidGenerator,
  };
  return built;
};
