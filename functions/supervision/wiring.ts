import { dynamoDocuments, requiredEnvironment, s3 } from '../shared/clients';
import { environmentNames } from '../shared/environment-names';
import { nationalCalendarSource } from '../shared/national-calendar';
import { systemClock } from '../shared/runtime';
import { DynamoCaseFacts } from './adapters/dynamo-case-facts';
import { DynamoCounterStore } from './adapters/dynamo-counter-store';
import { S3ExportStore } from './adapters/s3-export-store';
import type { SupervisionDependencies } from './use-cases';

let built: (SupervisionDependencies & { exports: S3ExportStore }) | undefined;

/** The supervision adapters bound to this process's environment, built once and reused by warm invocations. */
export const supervisionDependencies = () => {
  if (built) return built;
  const tableName = requiredEnvironment(environmentNames.tableName);
  const store = new DynamoCounterStore(dynamoDocuments, tableName);
  const facts = new DynamoCaseFacts(dynamoDocuments, tableName);
  built = {
    cases: facts,
    tenants: facts,
    counters: store,
    audit: store,
    exports: new S3ExportStore(s3, () => requiredEnvironment(environmentNames.auditExportBucket)),
    clock: systemClock,
    calendar: nationalCalendarSource(),
  };
  return built;
};
