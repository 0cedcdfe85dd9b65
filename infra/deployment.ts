import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Node } from 'constructs';
import { parse } from 'yaml';
import { z } from 'zod';
import { identitySettingsSchema } from '../functions/shared/identity-settings';

/**
 * Where and how one installation of the platform runs, read from `config/deployments/<name>.yaml` and chosen with
 * `cdk synth -c deployment=<name>` (`default` when not given): the partition and region, who issues the ID tokens of
 * citizens and of staff (Amazon Cognito user pools the stacks create, or an external OpenID Connect issuer), and the
 * channel applicants' text messages go through. The stacks read nothing else about the environment.
 */
export const deploymentContextKey = 'deployment';
export const defaultDeploymentName = 'default';
export const deploymentsDirectory = join(__dirname, '..', 'config', 'deployments');

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });
/** Callback and sign-out URLs may be http only on the loopback host (a developer's machine). */
const redirectUrl = z.url({ protocol: /^https?$/ }).refine((url) => url.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1)[:/]/.test(url), {
  error: 'must be https:// (http:// only for localhost)',
});

/**
 * The claim names of each audience: the schemas of functions/shared/identity-settings.ts, defaults included, made strict
 * here so a misspelt claim key in a deployment file is an error rather than a silently kept default.
 */
const citizenClaimsSchema = identitySettingsSchema.shape.citizen.shape.claims.unwrap().strict().prefault({});
const staffClaimsSchema = identitySettingsSchema.shape.staff.shape.claims.unwrap().strict().prefault({});

/**
 * Tokens from a user pool the stateful stack creates. Its claim names are the defaults (the pool's attribute and group
 * names), so a Cognito audience names none; the issuer and audience (the app client id) come from the pool.
 */
const cognitoAudienceSchema = z.strictObject({
  provider: z.literal('cognito'),
  /** Where the web app receives the authorization code. */
  callbackUrls: z.array(redirectUrl).min(1),
  logoutUrls: z.array(redirectUrl).default([]),
});

/** Tokens from an issuer outside the account (a province's 统一身份认证 platform, a county's staff directory). */
const oidcAudienceSchema = <C extends z.ZodType>(claims: C) =>
  z.strictObject({
    provider: z.literal('oidc'),
    /** `iss` of the ID tokens; API Gateway reads `<issuer>/.well-known/openid-configuration` and the JWKS it names. */
    issuer: httpsUrl,
    /** `aud` values the tokens may carry: the client ids registered for Tongban. */
    audiences: z.array(z.string().min(1)).min(1),
    claims,
  });

const audienceSchema = <C extends z.ZodType>(claims: C) => z.discriminatedUnion('provider', [cognitoAudienceSchema, oidcAudienceSchema(claims)]);

/**
 * Applicants' text messages: `sns` publishes to phone numbers (global regions); `http-gateway` posts to an HTTPS gateway
 * the county runs in front of a domestic SMS provider (functions/notifications/adapters/http-sms-gateway.ts). The local
 * platform's outbox file is not a deployment setting: it is what `npm start` uses.
 */
const smsSchema = z.discriminatedUnion('channel', [
  z.strictObject({ channel: z.literal('sns') }),
  z.strictObject({ channel: z.literal('http-gateway'), url: httpsUrl }),
]);

export const deploymentSchema = z
  .strictObject({
    partition: z.enum(['aws', 'aws-cn']),
    /** @default - the CLI's region (CDK_DEFAULT_REGION) */
    region: z
      .string()
      .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d+$/, 'must be a region name such as cn-northwest-1')
      .optional(),
    identity: z.strictObject({ citizen: audienceSchema(citizenClaimsSchema), staff: audienceSchema(staffClaimsSchema) }),
    sms: smsSchema,
  })
  .superRefine((deployment, context) => {
    const china = deployment.partition === 'aws-cn';
    if (china && !deployment.region?.startsWith('cn-'))
      context.addIssue({ code: 'custom', path: ['region'], message: 'the aws-cn partition needs its region named (cn-north-1 or cn-northwest-1)' });
    if (!china && deployment.region?.startsWith('cn-'))
      context.addIssue({ code: 'custom', path: ['partition'], message: `region ${deployment.region} is in the aws-cn partition` });
    if (!china) return;
    for (const audience of ['citizen', 'staff'] as const)
      if (deployment.identity[audience].provider === 'cognito')
        context.addIssue({
          code: 'custom',
          path: ['identity', audience, 'provider'],
          message: 'Amazon Cognito user pools are not offered in the aws-cn partition',
        });
    if (deployment.sms.channel === 'sns')
      context.addIssue({ code: 'custom', path: ['sms', 'channel'], message: 'SNS text messages are not offered in the aws-cn partition' });
  });

export type Deployment = z.infer<typeof deploymentSchema> & {
  /** The file's name without `.yaml`. */
  readonly name: string;
  /** The file it was read from. */
  readonly file: string;
};
export type DeploymentAudience = Deployment['identity']['citizen' | 'staff'];
export type SmsSettings = Deployment['sms'];

const repositoryRoot = join(__dirname, '..');

/** The deployment files there are, by name. */
export const deploymentNames = (directory: string = deploymentsDirectory): string[] =>
  readdirSync(directory)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.replace(/\.yaml$/, ''))
    .sort();

/** Reads and validates one deployment file; every problem is reported with the file's path. */
export function loadDeployment(name: string, directory: string = deploymentsDirectory): Deployment {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`deployment "${name}": a deployment name is lower-case letters, digits and dashes`);
  const file = join(directory, `${name}.yaml`);
  const shown = relative(repositoryRoot, file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`deployment "${name}": there is no ${shown} (deployments: ${deploymentNames(directory).join(', ') || 'none'})`);
  }
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new Error(`${shown} is not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  const parsed = deploymentSchema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(file)'}: ${issue.message}`);
    throw new Error(`${shown} is not a valid deployment:\n${problems.join('\n')}`);
  }
  return { ...parsed.data, name, file };
}

/** The deployment an app was synthesized for: `-c deployment=<name>`, else `default`. */
export function deploymentOf(node: Node): Deployment {
  const name: unknown = node.tryGetContext(deploymentContextKey) ?? defaultDeploymentName;
  if (typeof name !== 'string') throw new Error(`-c ${deploymentContextKey}=<name> must name a file of config/deployments`);
  return loadDeployment(name);
}
