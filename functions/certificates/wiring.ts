import { join } from 'node:path';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { dynamoDocuments, requiredEnvironment, s3 } from '../shared/clients';
import { environmentNames } from '../shared/environment-names';
import { nationalCalendarSource } from '../shared/national-calendar';
import { tracer } from '../shared/powertools';
import { systemClock, ulidGenerator } from '../shared/runtime';
import { DynamoCaseFacts } from './adapters/dynamo-case-facts';
import { DynamoCertificateRepository, DynamoReleaseRepository } from './adapters/dynamo-certificate-repository';
import { S3CertificateDocumentStore } from './adapters/s3-document-store';
import { KeyFileSigner, SecretsManagerSigner } from './adapters/signers';
import type { CertificateSigner } from './domain/ports';
import type { CertificateDependencies } from './use-cases';

/** Environment variables of the signing key: the secret's ARN on AWS, the key file locally. */
export const signingEnvironment = { secretArn: environmentNames.certificateSigningSecretArn, keyFile: environmentNames.certificateSigningKeyFile } as const;

/** The signer is a deployment setting: the Secrets Manager secret where one is given, else the local key file. */
function signer(): CertificateSigner {
  const secretArn = process.env[signingEnvironment.secretArn];
  if (secretArn) return new SecretsManagerSigner(tracer.captureAWSv3Client(new SecretsManagerClient({})), secretArn);
  const dataDir = process.env[environmentNames.dataDir] ?? join(process.cwd(), '.data');
  return new KeyFileSigner(process.env[signingEnvironment.keyFile] ?? join(dataDir, 'certificate-signing-key.pem'));
}

let built: CertificateDependencies | undefined;

/** The certificate adapters bound to this process's environment, built once and reused by warm invocations. */
export const certificateDependencies = (): CertificateDependencies => {
  if (built) return built;
  const tableName = requiredEnvironment(environmentNames.tableName);
  const facts = new DynamoCaseFacts(dynamoDocuments, tableName);
  built = {
    cases: facts,
    catalogue: facts,
    tenants: facts,
    certificates: new DynamoCertificateRepository(dynamoDocuments, tableName),
    releases: new DynamoReleaseRepository(dynamoDocuments, tableName),
    materials: facts,
    documents: new S3CertificateDocumentStore(s3, () => requiredEnvironment(environmentNames.certificatesBucket)),
    signer: signer(),
    clock: systemClock,
    calendar: nationalCalendarSource(),
    ids: ulidGenerator,
  };
  return built;
};
