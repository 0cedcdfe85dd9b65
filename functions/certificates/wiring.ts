import { join } from 'node:path';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoItemCatalogue } from '../catalogue/adapters/dynamo-item-catalogue';
import { DynamoTenantDirectory } from '../catalogue/adapters/dynamo-tenant-directory';
import { DynamoCaseRepository } from '../intake/adapters/dynamo-case-repository';
import { DynamoMaterialRepository } from '../materials/adapters/dynamo-material-repository';
import { nationalCalendarSource } from '../calendar/wiring';
import { dynamoDocuments, requiredEnvironment, s3 } from '../shared/clients';
import { tracer } from '../shared/powertools';
import { systemClock, ulidGenerator } from '../shared/runtime';
import { DynamoCertificateRepository, DynamoReleaseRepository } from './adapters/dynamo-certificate-repository';
import { S3CertificateDocumentStore } from './adapters/s3-document-store';
import { KeyFileSigner, SecretsManagerSigner } from './adapters/signers';
import type { CertificateSigner } from './domain/ports';
import type { CertificateDependencies } from './use-cases';

/** Environment variables of the signing key: the secret's ARN on AWS, the key file locally. */
export const signingEnvironment = { secretArn: 'CERTIFICATE_SIGNING_SECRET_ARN', keyFile: 'CERTIFICATE_SIGNING_KEY_FILE' } as const;

/** The signer is a deployment setting: the Secrets Manager secret where one is given, else the local key file. */
function signer(): CertificateSigner {
  const secretArn = process.env[signingEnvironment.secretArn];
  if (secretArn) return new SecretsManagerSigner(tracer.captureAWSv3Client(new SecretsManagerClient({})), secretArn);
  const dataDir = process.env.TONGBAN_DATA_DIR ?? join(process.cwd(), '.data');
  return new KeyFileSigner(process.env[signingEnvironment.keyFile] ?? join(dataDir, 'certificate-signing-key.pem'));
}

let built: CertificateDependencies | undefined;

/** The certificate adapters bound to this process's environment, built once and reused by warm invocations. */
export const certificateDependencies = (): CertificateDependencies => {
  if (built) return built;
  const tableName = requiredEnvironment('TABLE_NAME');
  built = {
    cases: new DynamoCaseRepository(dynamoDocuments, tableName),
    catalogue: new DynamoItemCatalogue(dynamoDocuments, tableName),
    tenants: new DynamoTenantDirectory(dynamoDocuments, tableName),
    certificates: new DynamoCertificateRepository(dynamoDocuments, tableName),
    releases: new DynamoReleaseRepository(dynamoDocuments, tableName),
    materials: new DynamoMaterialRepository(dynamoDocuments, tableName),
    documents: new S3CertificateDocumentStore(s3, () => requiredEnvironment('CERTIFICATES_BUCKET')),
    signer: signer(),
    clock: systemClock,
    calendar: nationalCalendarSource(),
    ids: ulidGenerator,
  };
  return built;
};
