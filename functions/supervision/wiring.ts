import { DynamoTenantDirectory } from '../catalogue/adapters/dynamo-tenant-directory';
import { DynamoCaseRepository } from '../intake/adapters/dynamo-case-repository';
import { nationalCalendarSource } from '../calendar/wiring';
import { dynamoDocuments, requiredEnvironment, s3 } from '../shared/clients';
import { systemClock } from '../shared/runtime';
import { DynamoCounterStore } from './adapters/dynamo-counter-store';
import { S3ExportStore } from './adapters/s3-export-store';
import type { SupervisionDependencies } from './use-cases';

/** The environment variable of the audit export bucket (see infra/definitions/buckets.ts). */
export const AUDIT_EXPORT_BUCKET = 'AUDIT_EXPORT_BUCKET';

let built: (SupervisionDependencies & { exports: S3ExportStore }) | undefined;

/** The supervision adapters bound to this process's environment, built once and reused by warm invocations. */
export const supervisionDependencies = () => {
  if (built) return built;
  const tableName = requiredEnvironment('TABLE_NAME');
  const store = new DynamoCounterStore(dynamoDocuments, tableName);
  built = {
    cases: new DynamoCaseRepository(dynamoDocuments, tableName),
    tenants: new DynamoTenantDirectory(dynamoDocuments, tableName),
    counters: store,
    audit: store,
    exports: new S3ExportStore(s3, () => requiredEnvironment(AUDIT_EXPORT_BUCKET)),
    clock: systemClock,
    calendar: nationalCalendarSource(),
  };
  return built;
};
