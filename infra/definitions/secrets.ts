import { type EnvironmentName, environmentNames } from '../../functions/shared/environment-names';

/**
 * Secrets described once as data. The stateful stack creates each with a generated value; functions
 * are granted `secretsmanager:GetSecretValue` on exactly the secrets their definition lists
 * (`readSecret(<definition>)`, infra/definitions/access.ts) and receive the ARN in an environment variable. The local runtime has no
 * secrets: each consumer has a local stand-in (the certificate key file).
 */
export interface SecretDefinition {
  readonly id: string;
  readonly description: string;
  /** Environment variable through which functions receive the secret ARN. */
  readonly arnEnvironmentVariable: EnvironmentName;
}

export const certificateSigningSecret: SecretDefinition = {
  id: 'CertificateSigningSecret',
  description: 'Tongban: seed material of the Ed25519 key that signs electronic certificates (SHA-256 of this string)',
  arnEnvironmentVariable: environmentNames.certificateSigningSecretArn,
};

export const secretDefinitions: readonly SecretDefinition[] = [certificateSigningSecret];

/**
 * The bearer token of the county's SMS gateway, in deployments whose SMS channel is `http-gateway` only (the stateful
 * stack creates it then, not with `secretDefinitions`). Generated on the first deploy: configure the gateway to accept
 * it, or put the token the gateway issued into it (`aws secretsmanager put-secret-value`); see docs/operations.md.
 */
export const smsGatewaySecret: SecretDefinition = {
  id: 'SmsGatewaySecret',
  description: "Tongban: bearer token of the county's SMS gateway (Authorization: Bearer <token> on every message)",
  arnEnvironmentVariable: environmentNames.smsGatewaySecretArn,
};
