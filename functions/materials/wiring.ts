import { dynamoDocuments, requiredEnvironment, s3 } from '../shared/clients';
import { environmentNames } from '../shared/environment-names';
import { systemClock, ulidGenerator } from '../shared/runtime';
import { DynamoCaseFacts, DynamoCertificateLibrary } from './adapters/dynamo-case-facts';
import { DynamoMaterialRepository } from './adapters/dynamo-material-repository';
import { S3MaterialStore } from './adapters/s3-material-store';
import type { MaterialDependencies } from './use-cases';

let built: MaterialDependencies | undefined;

/** The materials adapters bound to this process's environment, built once and reused by warm invocations. */
export const materialDependencies = (): MaterialDependencies => {
  if (built) return built;
  const tableName = requiredEnvironment(environmentNames.tableName);
  const facts = new DynamoCaseFacts(dynamoDocuments, tableName);
  built = {
    cases: facts,
    library: new DynamoCertificateLibrary(dynamoDocuments, tableName),
    catalogue: facts,
    materials: new DynamoMaterialRepository(dynamoDocuments, tableName),
    store: new S3MaterialStore(s3, () => requiredEnvironment(environmentNames.materialsBucket)),
    clock: systemClock,
    ids: ulidGenerator,
  };
  return built;
};
