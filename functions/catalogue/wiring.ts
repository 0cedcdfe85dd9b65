import { dynamoDocuments, requiredEnvironment } from '../shared/clients';
import { environmentNames } from '../shared/environment-names';
import { nationalCalendarSource } from '../shared/national-calendar';
import { systemClock } from '../shared/runtime';
import { DynamoItemCatalogue } from './adapters/dynamo-item-catalogue';
import { DynamoTenantDirectory } from './adapters/dynamo-tenant-directory';
import type { CatalogueDependencies } from './use-cases';

let built: CatalogueDependencies | undefined;

/** The catalogue adapters bound to this process's environment, built once and reused by warm invocations. */
export const catalogueDependencies = (): CatalogueDependencies => {
  if (built) return built;
  const tableName = requiredEnvironment(environmentNames.tableName);
  built = {
    catalogue: new DynamoItemCatalogue(dynamoDocuments, tableName),
    tenants: new DynamoTenantDirectory(dynamoDocuments, tableName),
    clock: systemClock,
    calendar: nationalCalendarSource(),
  };
  return built;
};
