import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { App } from 'aws-cdk-lib';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { stringify } from 'yaml';
import { buildApp } from '../../infra/app';
import { materialsBucket } from '../../infra/definitions/buckets';
import { contentSecurityPolicy, securityHeaders } from '../../infra/definitions/web-security';
import { loadDeployment, portalOrigins } from '../../infra/deployment';
import { portalConfig, portalSignInScopes, portalTenants } from '../../infra/portal/portal-config';
import { apiPathPattern, portalBuildDirectory, spaFallbackCode } from '../../infra/portal/portal-hosting';
import { portalContentSecurityPolicy } from '../../infra/portal/security-headers';
import { synthesize } from './synthesized';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- template JSON, read loosely and checked by the assertions
type Json = any;
type Resource = { Type: string; Properties: Json; DeletionPolicy?: string };
type Template = ReturnType<typeof synthesize>['statefulTemplate'];
const resourcesOf = (template: Template, type: string): [string, Resource][] => Object.entries(template.findResources(type)) as [string, Resource][];
const onlyOf = (template: Template, type: string): [string, Resource] => {
  const found = resourcesOf(template, type);
  expect(found).toHaveLength(1);
  return found[0] as [string, Resource];
};
const text = (value: unknown): string => JSON.stringify(value);
const distributionConfigOf = (template: Template) => onlyOf(template, 'AWS::CloudFront::Distribution')[1].Properties.DistributionConfig;
const cspOf = (template: Template): string =>
  text(onlyOf(template, 'AWS::CloudFront::ResponseHeadersPolicy')[1].Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy);

/** The SPA fallback as CloudFront runs it: the function's code on a viewer request for `uri`. */
function rewritten(uri: string): string {
  const handler = runInNewContext(`${spaFallbackCode}; handler`) as (event: { request: { uri: string } }) => { uri: string };
  return handler({ request: { uri } }).uri;
}

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});
function givenDeploymentFile(content: unknown): string {
  const directory = mkdtempSync(join(os.tmpdir(), 'deployments-'));
  directories.push(directory);
  writeFileSync(join(directory, 'trial.yaml'), stringify(content), 'utf8');
  return directory;
}

describe('given the default deployment synthesized (a stand-in build, cdk-nag AwsSolutions checks)', () => {
  const { statefulTemplate, statelessTemplate } = synthesize('default');
  const deployment = loadDeployment('default');
  const distribution = distributionConfigOf(statelessTemplate);

  it('then the portal bucket is private, encrypted, versioned, logged and retained', () => {
    const [, bucket] = resourcesOf(statefulTemplate, 'AWS::S3::Bucket').find(([logicalId]) => logicalId.startsWith('PortalBucket')) as [string, Resource];
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { LogFilePrefix: 'PortalBucket/' },
    });
    expect(text(bucket.Properties.BucketName)).toContain('tongban-portal-');
  });

  it('then its one policy denies requests without TLS and lets only this distribution read, through origin access control', () => {
    const [, policy] = onlyOf(statelessTemplate, 'AWS::S3::BucketPolicy');
    expect(text(policy.Properties.Bucket)).toContain('tongban-portal-');
    const [distributionId] = onlyOf(statelessTemplate, 'AWS::CloudFront::Distribution');
    const statements = policy.Properties.PolicyDocument.Statement as Json[];
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatchObject({
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 's3:*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    expect(statements[1]).toMatchObject({ Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' });
    const sourceArn = text(statements[1]?.Condition?.StringEquals?.['AWS:SourceArn']);
    expect(sourceArn).toContain(':cloudfront::');
    expect(sourceArn).toContain(`{"Ref":"${distributionId}"}`);
    const [, control] = onlyOf(statelessTemplate, 'AWS::CloudFront::OriginAccessControl');
    expect(control.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const bucketOrigin = (distribution.Origins as Json[]).find((origin) => origin.S3OriginConfig);
    expect(bucketOrigin?.OriginAccessControlId).toBeDefined();
    expect(bucketOrigin?.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
  });

  it('then the default behaviour is the bucket over HTTPS, with index.html at the root and the SPA fallback at the viewer request', () => {
    expect(distribution).toMatchObject({ DefaultRootObject: 'index.html', Enabled: true, HttpVersion: 'http2and3' });
    expect(distribution.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
      CachePolicyId: CachePolicy.CACHING_OPTIMIZED.cachePolicyId,
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^PortalSpaFallback/), 'FunctionARN'] } }],
    });
    const [, fn] = onlyOf(statelessTemplate, 'AWS::CloudFront::Function');
    expect(fn.Properties).toMatchObject({ FunctionCode: spaFallbackCode, FunctionConfig: { Runtime: 'cloudfront-js-2.0' }, AutoPublish: true });
    // error responses would turn the API's own 403 and 404 answers into index.html
    expect(distribution.CustomErrorResponses).toBeUndefined();
  });

  it('then the SPA fallback answers a page of the app with index.html and leaves files alone', () => {
    expect(rewritten('/')).toBe('/index.html');
    expect(rewritten('/522732/items/GTGH-0001')).toBe('/index.html');
    expect(rewritten('/522732/my-cases/01JABCDEF')).toBe('/index.html');
    expect(rewritten('/auth/callback')).toBe('/index.html');
    expect(rewritten('/assets/index-abc123.js')).toBe('/assets/index-abc123.js');
    expect(rewritten('/portal-config.json')).toBe('/portal-config.json');
  });

  it('then /v1/* goes to the HTTP API uncached, with every method and every viewer header but Host, HTTPS only', () => {
    expect(distribution.CacheBehaviors).toHaveLength(1);
    const [api] = distribution.CacheBehaviors as Json[];
    expect(api).toMatchObject({
      PathPattern: apiPathPattern,
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
    });
    const origin = (distribution.Origins as Json[]).find((candidate) => candidate.Id === api?.TargetOriginId);
    expect(origin?.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    const [apiId] = onlyOf(statelessTemplate, 'AWS::ApiGatewayV2::Api');
    expect(origin?.DomainName).toEqual({ 'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }] }] });
  });

  it('then every answer carries the security headers of web-security.ts, the CSP allowing this origin, the issuers and the materials bucket', () => {
    const [policyId, policy] = onlyOf(statelessTemplate, 'AWS::CloudFront::ResponseHeadersPolicy');
    expect(distribution.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    expect(distribution.CacheBehaviors[0].ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    const config = policy.Properties.ResponseHeadersPolicyConfig;
    const expected = securityHeaders({ connect: [] }, { https: true });
    expect(config.SecurityHeadersConfig).toMatchObject({
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: expected['x-frame-options'], Override: true },
      ReferrerPolicy: { ReferrerPolicy: expected['referrer-policy'], Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true, Override: true },
      ContentSecurityPolicy: { Override: true },
    });
    expect(config.CustomHeadersConfig.Items).toEqual([{ Header: 'permissions-policy', Value: expected['permissions-policy'], Override: true }]);
    const csp = cspOf(statelessTemplate);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Cognito issuers: https://cognito-idp.<region>.<suffix>/<pool>, as an origin (the pool id is a path, not part of it)
    expect(csp).toMatch(/connect-src 'self' .*https:\/\/cognito-idp\.",\{"Ref":"AWS::Region"\},"\.",\{"Ref":"AWS::URLSuffix"\}/);
    // one origin for both pools, and no pool id in it
    expect(csp.match(/cognito-idp/g)).toHaveLength(1);
    expect(csp).not.toContain('UserPool');
    expect(csp).toMatch(/ https:\/\/",\{"Fn::ImportValue":"[^"]*MaterialsBucket[^"]*RegionalDomainName/);
    expect(csp).not.toContain('.invalid');
  });

  it('then the distribution writes standard access logs and names its URL', () => {
    expect(distribution.Logging).toMatchObject({ Prefix: 'PortalDistribution/' });
    expect(text(distribution.Logging.Bucket)).toContain('AccessLogsBucket');
    expect(Object.keys(statelessTemplate.toJSON().Outputs)).toEqual(expect.arrayContaining([expect.stringMatching(/^PortalPortalUrl/)]));
  });

  it("then the materials bucket allows browser uploads from the deployment's portal origins only, as its definition says", () => {
    const [, bucket] = resourcesOf(statefulTemplate, 'AWS::S3::Bucket').find(([logicalId]) => logicalId.startsWith(materialsBucket.id)) as [string, Resource];
    const access = materialsBucket.browserAccess;
    if (!access) throw new Error('the materials bucket defines browser access');
    expect(portalOrigins(deployment)).toEqual(['https://portal.tongban.example']);
    expect(bucket.Properties.CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedOrigins: ['https://portal.tongban.example'],
          AllowedMethods: [...access.allowedMethods],
          AllowedHeaders: [...access.allowedHeaders],
          ExposedHeaders: [...access.exposedHeaders],
          MaxAge: access.maxAgeSeconds,
        },
      ],
    });
    const others = resourcesOf(statefulTemplate, 'AWS::S3::Bucket').filter(([logicalId]) => !logicalId.startsWith(materialsBucket.id));
    for (const [, other] of others) expect(other.Properties.CorsConfiguration).toBeUndefined();
  });

  it('then cdk deploy uploads the build: immutable assets never pruned, then the entry files uncached, pruned around assets/, and invalidates', () => {
    const deployments = resourcesOf(statelessTemplate, 'Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(2);
    const assets = deployments.find(([logicalId]) => logicalId.startsWith('PortalAssets'))?.[1];
    const entry = deployments.find(([logicalId]) => logicalId.startsWith('PortalEntryFiles'));
    expect(assets?.Properties).toMatchObject({
      DestinationBucketKeyPrefix: 'assets/',
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(entry?.[1].Properties).toMatchObject({ Prune: true, Exclude: ['assets/*', 'bundle-weight.json'], SystemMetadata: { 'cache-control': 'no-cache' } });
    expect(entry?.[1].Properties.DistributionPaths).toEqual(['/*']);
    expect(entry?.[1].Properties.SourceObjectKeys).toHaveLength(2);
    const [distributionId] = onlyOf(statelessTemplate, 'AWS::CloudFront::Distribution');
    expect(entry?.[1].Properties.DistributionId).toEqual({ Ref: distributionId });
    const entryResource = statelessTemplate.toJSON().Resources[entry?.[0] as string];
    expect(text(entryResource.DependsOn)).toMatch(/PortalAssets/);
  });
});

describe('given the portal configuration the web app reads', () => {
  const tenantsDirectory = join(__dirname, '..', '..', 'config', 'tenants');
  const identity = {
    citizen: { issuer: 'https://tyrz.province.example/oidc', audiences: ['tongban-portal', 'other'], claims: {} },
    staff: { issuer: 'https://staff-id.county.example/oidc', audiences: ['tongban-workbench'], claims: {} },
  } as never;

  it('then it lists the counties of config/tenants and signs each audience in at its issuer with the portal client', () => {
    const tenants = portalTenants(tenantsDirectory);
    expect(tenants.map((tenant) => tenant.tenantId)).toEqual(['522732', '630103']);
    expect(tenants[0]?.name).toBe('三都水族自治县');
    expect(portalConfig(tenants, identity)).toEqual({
      tenants,
      defaultTenantId: '522732',
      signIn: {
        citizen: { issuer: 'https://tyrz.province.example/oidc', clientId: 'tongban-portal', scope: 'openid profile phone' },
        staff: { issuer: 'https://staff-id.county.example/oidc', clientId: 'tongban-workbench', scope: 'openid profile' },
      },
    });
    expect(portalSignInScopes).toEqual({ citizen: 'openid profile phone', staff: 'openid profile' });
  });

  it('when the deployment names a county that config/tenants does not hold, then synthesis refuses it', () => {
    expect(() => portalConfig(portalTenants(tenantsDirectory), identity, '999999')).toThrow(
      /portal\.defaultTenantId 999999 is not a county of config\/tenants/,
    );
  });

  it('then a CSP written with unresolved origins equals the one written with them resolved', () => {
    expect(portalContentSecurityPolicy(['https://idp.example/oidc', 'https://b.s3.example'])).toBe(
      contentSecurityPolicy({ connect: ['https://idp.example', 'https://b.s3.example'] }),
    );
  });
});

describe('given no build of the portal', () => {
  it('then synthesis fails and says to run npm run build:web first', () => {
    const empty = mkdtempSync(join(os.tmpdir(), 'portal-unbuilt-'));
    directories.push(empty);
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:defaultCrossStackReferences': 'strong' } });
    expect(() => buildApp(app, { portalAssetsDirectory: empty })).toThrow(/index\.html is missing: run npm run build:web first/);
  });

  it('then the build is looked for in web/dist of the repository unless -c portalAssets=<directory> says otherwise', () => {
    expect(portalBuildDirectory).toBe(join(__dirname, '..', '..', 'web', 'dist'));
    const empty = mkdtempSync(join(os.tmpdir(), 'portal-unbuilt-'));
    directories.push(empty);
    const app = new App({ context: { portalAssets: empty, 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:defaultCrossStackReferences': 'strong' } });
    expect(() => buildApp(app)).toThrow(/portal-unbuilt-.*index\.html is missing/);
  });
});

describe('given the Ningxia deployment (aws-cn) synthesized', () => {
  const { statefulTemplate, statelessTemplate } = synthesize('cn-northwest-1');
  const deployment = loadDeployment('cn-northwest-1');
  const distribution = distributionConfigOf(statelessTemplate);

  it("then the distribution answers on the county's ICP-filed domain with its IAM server certificate, TLS 1.2 and SNI", () => {
    expect(distribution.Aliases).toEqual(deployment.portal.domainNames);
    expect(distribution.ViewerCertificate).toEqual({
      IamCertificateId: deployment.portal.certificate,
      SslSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
    });
  });

  it('then an origin access identity reads the bucket (no origin access control and no CloudFront Function exist in aws-cn)', () => {
    expect(resourcesOf(statelessTemplate, 'AWS::CloudFront::OriginAccessControl')).toEqual([]);
    expect(resourcesOf(statelessTemplate, 'AWS::CloudFront::Function')).toEqual([]);
    const [identityId] = onlyOf(statelessTemplate, 'AWS::CloudFront::CloudFrontOriginAccessIdentity');
    const [, policy] = onlyOf(statelessTemplate, 'AWS::S3::BucketPolicy');
    const [deny, read] = policy.Properties.PolicyDocument.Statement as Json[];
    expect(deny).toMatchObject({ Sid: 'DenyInsecureTransport', Effect: 'Deny' });
    expect(read).toMatchObject({ Effect: 'Allow', Action: 's3:GetObject', Principal: { CanonicalUser: { 'Fn::GetAtt': [identityId, 'S3CanonicalUserId'] } } });
  });

  it('then no behaviour names a cache or origin request policy: legacy settings cache the bucket by its Cache-Control and pass the API through', () => {
    const behaviours = [distribution.DefaultCacheBehavior, ...(distribution.CacheBehaviors as Json[])];
    for (const behaviour of behaviours) {
      expect(behaviour.CachePolicyId).toBeUndefined();
      expect(behaviour.OriginRequestPolicyId).toBeUndefined();
    }
    expect(distribution.DefaultCacheBehavior).toMatchObject({ ForwardedValues: { QueryString: false }, MinTTL: 0 });
    expect(distribution.CacheBehaviors[0]).toMatchObject({
      PathPattern: apiPathPattern,
      ForwardedValues: { QueryString: true, Headers: expect.arrayContaining(['Authorization', 'Idempotency-Key', 'Content-Type']) },
      MinTTL: 0,
      DefaultTTL: 0,
      MaxTTL: 0,
    });
    expect(distribution.CacheBehaviors[0].ForwardedValues.Headers).not.toContain('Host');
  });

  it("then the SPA fallback is the bucket's 403 answered with index.html, and the CSP allows the province's and the county's issuers", () => {
    expect(distribution.CustomErrorResponses).toEqual([{ ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 0 }]);
    const { citizen, staff } = deployment.identity;
    if (citizen.provider !== 'oidc' || staff.provider !== 'oidc') throw new Error('the Ningxia deployment names external issuers');
    const csp = cspOf(statelessTemplate);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(new URL(citizen.issuer).origin);
    expect(csp).toContain(new URL(staff.issuer).origin);
    expect(csp).not.toContain('/oidc');
  });

  it('then the materials bucket allows uploads from the filed domain', () => {
    const [, bucket] = resourcesOf(statefulTemplate, 'AWS::S3::Bucket').find(([logicalId]) => logicalId.startsWith(materialsBucket.id)) as [string, Resource];
    expect(bucket.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins).toEqual(deployment.portal.domainNames.map((name) => `https://${name}`));
  });
});

describe('given a deployment file whose portal settings are wrong', () => {
  const oidc = (issuer: string, audience: string) => ({ provider: 'oidc', issuer, audiences: [audience] });
  const aChinaDeployment = () => ({
    partition: 'aws-cn',
    region: 'cn-northwest-1',
    identity: { citizen: oidc('https://id.province.example', 'portal'), staff: oidc('https://staff.county.example', 'workbench') },
    sms: { channel: 'http-gateway', url: 'https://sms.county.example/send' },
  });

  it('when an aws-cn file names no portal domain or certificate, then it is refused with what China requires', () => {
    const directory = givenDeploymentFile(aChinaDeployment());
    expect(() => loadDeployment('trial', directory)).toThrow(/portal\.domainNames: CloudFront in aws-cn serves no content on its own \*\.cloudfront\.cn name/);
    expect(() => loadDeployment('trial', directory)).toThrow(/portal\.certificate: CloudFront in aws-cn needs the certificate .* uploaded to IAM/);
  });

  it('when an aws-cn file gives an ACM certificate, then it is refused: CloudFront there takes IAM server certificates only', () => {
    const directory = givenDeploymentFile({
      ...aChinaDeployment(),
      portal: { domainNames: ['zwfw.county.example'], certificate: 'arn:aws-cn:acm:cn-northwest-1:111122223333:certificate/x' },
    });
    expect(() => loadDeployment('trial', directory)).toThrow(/portal\.certificate: CloudFront in aws-cn takes no ACM certificate/);
  });

  it('when it names the domain and the IAM server certificate, then it is accepted and its origin is the domain', () => {
    const directory = givenDeploymentFile({ ...aChinaDeployment(), portal: { domainNames: ['zwfw.county.example'], certificate: 'ASCAEXAMPLEPORTALCERT' } });
    expect(portalOrigins(loadDeployment('trial', directory))).toEqual(['https://zwfw.county.example']);
  });

  it('when an aws file names a domain without a certificate, a certificate outside us-east-1, or no origin at all, then it is refused', () => {
    const cognito = { provider: 'cognito', callbackUrls: ['https://portal.example/auth/callback'] };
    const global = { partition: 'aws', identity: { citizen: cognito, staff: cognito }, sms: { channel: 'sns' } };
    expect(() => loadDeployment('trial', givenDeploymentFile({ ...global, portal: { domainNames: ['portal.example'] } }))).toThrow(
      /portal\.certificate: portal\.domainNames need a certificate/,
    );
    expect(() =>
      loadDeployment(
        'trial',
        givenDeploymentFile({
          ...global,
          portal: { domainNames: ['portal.example'], certificate: 'arn:aws:acm:eu-west-1:111122223333:certificate/0e3f8a4e-1b2c-4d5e-8f90-123456789abc' },
        }),
      ),
    ).toThrow(/must be the ARN of an ACM certificate in us-east-1/);
    expect(() => loadDeployment('trial', givenDeploymentFile(global))).toThrow(/portal\.origins: name the portal's origin/);
    expect(() => loadDeployment('trial', givenDeploymentFile({ ...global, portal: { origins: ['https://portal.example/app'] } }))).toThrow(
      /portal\.origins\.0: must be an origin/,
    );
  });
});
