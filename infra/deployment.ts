import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Node } from 'constructs';
import { parse } from 'yaml';
import { z } from 'zod';
import { identitySettingsSchema } from '../functions/shared/identity-settings';

/**
 * Where and how one installation of the platform runs, read from `config/deployments/<name>.yaml` and chosen with
 * `cdk synth -c deployment=<name>` (`default` when not given): the partition and region, who issues the ID tokens of
 * citizens and of staff (Amazon Cognito user pools the stacks create, or an external OpenID Connect issuer), the
 * channel applicants' text messages go through, and the names and certificate the citizen portal is served with. The
 * stacks read nothing else about the environment.
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

/** A DNS name the distribution answers to (an alternate domain name, CNAME): lower-case labels, no scheme, no path. */
const hostName = z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a host name such as zwfw.sandu.gov.cn');
/** The origin of a web page: `https://host[:port]`, nothing after it. */
const webOrigin = z.string().regex(/^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/, 'must be an origin such as https://zwfw.sandu.gov.cn (https, no path)');
/** An ACM certificate for CloudFront: always in us-east-1, whatever the stacks' region. */
const acmCertificateArn = /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/;
/** The id IAM gives an uploaded server certificate (`aws iam upload-server-certificate --path /cloudfront/…`). */
const iamServerCertificateId = /^ASCA[A-Z0-9]{17}$/;

/**
 * The citizen portal's CloudFront distribution (infra/portal/): the names it answers to, with their certificate, and the
 * origins browsers load it from, which are also the only origins the materials bucket accepts uploads from (CORS).
 */
const portalSchema = z
  .strictObject({
    /** Alternate domain names; they need `certificate`. None: the distribution answers on its own CloudFront name only. */
    domainNames: z.array(hostName).default([]),
    /** In aws an ACM certificate ARN in us-east-1; in aws-cn the id of an IAM server certificate (CloudFront there takes no ACM certificate). */
    certificate: z.string().optional(),
    /** Further origins the portal is served from, e.g. `https://d111111abcdef8.cloudfront.net` (output PortalUrl) when no domain is named. */
    origins: z.array(webOrigin).default([]),
    /** The county the portal opens on; @default - the first county of config/tenants, by file name */
    defaultTenantId: z
      .string()
      .regex(/^\d{6}$/, 'must be a six-digit division code')
      .optional(),
  })
  .prefault({});

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
    portal: portalSchema,
  })
  .superRefine((deployment, context) => {
    const china = deployment.partition === 'aws-cn';
    refusePortalProblems(deployment.partition, deployment.portal, context);
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

type PortalSettings = z.infer<typeof portalSchema>;

function refusePortalProblems(partition: 'aws' | 'aws-cn', portal: PortalSettings, context: z.RefinementCtx): void {
  const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: ['portal', path], message });
  const { domainNames, certificate } = portal;
  if (partition === 'aws-cn') {
    if (domainNames.length === 0)
      issue(
        'domainNames',
        "CloudFront in aws-cn serves no content on its own *.cloudfront.cn name: name the county's ICP-filed domain (备案域名) the portal answers to",
      );
    if (certificate === undefined)
      issue('certificate', 'CloudFront in aws-cn needs the certificate of portal.domainNames uploaded to IAM: give its server certificate id (ASCA…)');
    else if (!iamServerCertificateId.test(certificate))
      issue(
        'certificate',
        'CloudFront in aws-cn takes no ACM certificate: give the id (ASCA…) of the IAM server certificate uploaded with --path /cloudfront/',
      );
    return;
  }
  if (domainNames.length > 0 && certificate === undefined) issue('certificate', 'portal.domainNames need a certificate: an ACM certificate ARN in us-east-1');
  if (certificate !== undefined && domainNames.length === 0) issue('domainNames', 'a certificate is given but no domain name it is for');
  if (certificate !== undefined && !acmCertificateArn.test(certificate))
    issue('certificate', 'must be the ARN of an ACM certificate in us-east-1 (CloudFront reads certificates from there only)');
  if (domainNames.length === 0 && portal.origins.length === 0)
    issue(
      'origins',
      "name the portal's origin: portal.domainNames (with a certificate), or portal.origins with the distribution's own https://….cloudfront.net name after a first deploy; the materials bucket takes browser uploads from these origins only",
    );
}

/**
 * The origins the portal is loaded from: its domain names over HTTPS and the further origins the file lists. Known
 * before anything is deployed, so the materials bucket (stateful stack) can allow them without reading the distribution
 * (stateless stack), which would make the stacks depend on each other.
 */
export const portalOrigins = (deployment: Pick<Deployment, 'portal'>): string[] =>
  [...new Set([...deployment.portal.domainNames.map((name) => `https://${name}`), ...deployment.portal.origins])].sort();

export type Deployment = z.infer<typeof deploymentSchema> & {
  /** The file's name without `.yaml`. */
  readonly name: string;
  /** The file it was read from. */
  readonly file: string;
};
export type DeploymentAudience = Deployment['identity']['citizen' | 'staff'];
export type SmsSettings = Deployment['sms'];
export type { PortalSettings };

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
