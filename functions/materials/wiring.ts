import { DynamoItemCatalogue } from '../catalogue/adapters/dynamo-item-catalogue';
import { DynamoCertificateRepository } from '../certificates/adapters/dynamo-certificate-repository';
import { DynamoCaseRepository } from '../intake/adapters/dynamo-case-repository';
import { dynamoDocuments, requiredEnvironment, s3 } from '../shared/clients';
import { systemClock, ulidGenerator } from '../shared/runtime';
import { DynamoMaterialRepository } from './adapters/dynamo-material-repository';
import { S3MaterialStore } from './adapters/s3-material-store';
import type { MaterialDependencies } from './use-cases';

/** The environment variable of the materials bucket (see infra/definitions/buckets.ts). */
const MATERIALS_BUCKET = 'MATERIALS_BUCKET';

let built: MaterialDependencies | undefined;

/** The materials adapters bound to this process's environment, built once and reused by warm invocations. */
export const materialDependencies = (): MaterialDependencies => {
  if (built) return built;
  const tableName = requiredEnvironment('TABLE_NAME');
  built = {
    cases: new DynamoCaseRepository(dynamoDocuments, tableName),
    library: new DynamoCertificateRepository(dynamoDocuments, tableName),
    catalogue: new DynamoItemCatalogue(dynamoDocuments, tableName),
    materials: new DynamoMaterialRepository(dynamoDocuments, tableName),
    store: new S3MaterialStore(s3, () => requiredEnvironment(MATERIALS_BUCKET)),
    clock: systemClock,
    ids: ulidGenerator,
  };
  return built;
};
