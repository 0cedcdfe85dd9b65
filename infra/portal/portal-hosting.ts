import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Annotations, CfnOutput, DefaultStackSynthesizer, Duration, Fn, Stack, Token, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  type CfnDistribution,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginAccessIdentity,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  SSLMethod,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { AnyPrincipal, CanonicalUserPrincipal, Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Bucket, BucketPolicy, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { PortalConfig } from '../local/portal-site';
import type { Deployment } from '../deployment';
import { portalResponseHeaders } from './security-headers';

/** The portal bucket is `<prefix>-<account>-<region>`, like the buckets of infra/definitions/buckets.ts: named without a cross-stack token. */
export const portalBucketNamePrefix = 'tongban-portal';
export const portalBucketName = (stack: Stack): string => `${portalBucketNamePrefix}-${stack.account}-${stack.region}`;

/** The build the portal is deployed from, resolved from the repository root. */
export const portalBuildDirectory = join(__dirname, '..', '..', 'web', 'dist');

/** Where the API is routed on the portal's own origin, so the page calls `/v1` without CORS. */
export const apiPathPattern = '/v1/*';

/**
 * The SPA fallback, at the viewer request of the default behaviour only: a path whose last segment has no dot is a page
 * of the app (`/522732/items/GTGH-0001`), answered by index.html; a path with one is a file and reaches the bucket as it
 * is, so a missing asset stays an error. Not distribution-wide error responses: those would also turn the API's own 403
 * and 404 answers into index.html.
 */
export const spaFallbackCode = `function handler(event) {
  var request = event.request;
  if (!/\\.[^/]*$/.test(request.uri)) request.uri = '/index.html';
  return request;
}
`;

/** Request headers the API reads, forwarded under the legacy cache settings of aws-cn (there is no origin request policy there). */
const apiRequestHeaders = ['Authorization', 'Content-Type', 'Accept', 'Accept-Language', 'Idempotency-Key', 'User-Agent'];

export interface PortalHostingProps {
  readonly deployment: Deployment;
  /** Where CloudFront writes its standard access logs (the stateful stack's access-log bucket, ACLs enabled). */
  readonly logBucket: IBucket;
  /** The HTTP API's own endpoint, `https://<id>.execute-api.<region>.<suffix>`. */
  readonly apiEndpoint: string;
  /** Origins the page may call besides its own: the issuers and the materials bucket (CSP connect-src). */
  readonly connectSources: readonly string[];
  readonly portalConfig: PortalConfig;
  /** The built web app (web/dist); it must hold index.html. */
  readonly assetsDirectory: string;
}

/**
 * The citizen portal on CloudFront. Its default behaviour is the portal bucket (origin access control; an origin access
 * identity in aws-cn, where CloudFront has no OAC), `/v1/*` the HTTP API (uncached, every method, every viewer header
 * but Host), HTTPS only, the security headers of infra/definitions/web-security.ts on every answer, and standard access
 * logs. `cdk deploy` uploads the build: hashed assets under /assets/ immutable and never pruned (a page loaded before a
 * deploy still finds its chunks), index.html and portal-config.json never cached, then invalidates the distribution.
 * Construct ids are stable: `Distribution`, `SpaFallback`, `SecurityHeaders`, `BucketPolicy`, `Assets`, `EntryFiles`.
 */
export class PortalHosting extends Construct {
  readonly distribution: Distribution;
  /** `https://<first domain name>`, or the distribution's own name when the deployment names none. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: PortalHostingProps) {
    super(scope, id);
    const indexFile = join(props.assetsDirectory, 'index.html');
    if (!existsSync(indexFile))
      throw new Error(
        `${relative(join(__dirname, '..', '..'), indexFile) || indexFile} is missing: run npm run build:web first (the portal is deployed from its build)`,
      );

    const china = props.deployment.partition === 'aws-cn';
    const { domainNames, certificate } = props.deployment.portal;
    // the stateful stack's bucket, by name: its policy names the distribution, so it is written here (a grant on the bucket
    // itself would make the stateful stack depend on this one)
    const bucket = Bucket.fromBucketName(this, 'Bucket', portalBucketName(Stack.of(this)));
    const originAccessIdentity = china ? new OriginAccessIdentity(this, 'OriginAccessIdentity', { comment: 'Tongban portal bucket reader' }) : undefined;
    const bucketOrigin = originAccessIdentity
      ? S3BucketOrigin.withOriginAccessIdentity(bucket, { originAccessIdentity })
      : S3BucketOrigin.withOriginAccessControl(bucket);

    const { securityHeadersBehavior, customHeaders } = portalResponseHeaders(props.connectSources);
    const responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Tongban portal: CSP (this origin, the sign-in issuers, the materials bucket), HSTS, no framing',
      securityHeadersBehavior,
      customHeadersBehavior: { customHeaders },
    });
    // CloudFormation has no AWS::CloudFront::Function in aws-cn: there the fallback is the bucket's 403 (see adaptToChina)
    const spaFallback = china
      ? undefined
      : new EdgeFunction(this, 'SpaFallback', {
          code: FunctionCode.fromInline(spaFallbackCode),
          runtime: FunctionRuntime.JS_2_0,
          comment: 'Tongban portal: a path without a file extension is a page of the app (index.html)',
        });

    // `https://<host>` → `<host>`: the endpoint is a deploy-time attribute
    const apiHost = Fn.select(2, Fn.split('/', props.apiEndpoint));
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Tongban citizen portal (网上办事大厅)',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: bucketOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy,
        ...(spaFallback ? { functionAssociations: [{ function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }] } : {}),
      },
      additionalBehaviors: {
        [apiPathPattern]: {
          origin: new HttpOrigin(apiHost, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY, originSslProtocols: [OriginSslPolicy.TLS_V1_2] }),
          // a redirect would turn a POST into a GET: the API answers HTTPS only
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // API Gateway routes by its own Host; everything else the viewer sent (Authorization, Idempotency-Key) goes through
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy,
        },
      },
      ...(!china && domainNames.length > 0 && certificate
        ? {
            domainNames,
            certificate: Certificate.fromCertificateArn(this, 'Certificate', certificate),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
            sslSupportMethod: SSLMethod.SNI,
          }
        : {}),
      // the bucket answers 403 for a key it does not hold (the reader may not list it): in aws-cn that is a page of the app
      ...(china ? { errorResponses: [{ httpStatus: 403, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.seconds(0) }] } : {}),
      httpVersion: china ? HttpVersion.HTTP2 : HttpVersion.HTTP2_AND_3,
      enableIpv6: !china,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'PortalDistribution/',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: the portal serves every citizen of the county wherever they are (跨省通办, people working away from home or abroad); sign-in and the API decide what anyone may do.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF web ACL yet: a CloudFront web ACL lives in us-east-1 (a stack of its own, and a separate question in aws-cn); the API keeps its stage throttling (200 rps, burst 400) and every signed-in route its JWT authorizer. Planned in docs/portal-deployment.md.',
    });
    if (china) this.adaptToChina(props.deployment);
    else if (domainNames.length === 0)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'This deployment names no portal domain, so the distribution answers on its *.cloudfront.net name, whose certificate and security policy CloudFront fixes; a deployment file with portal.domainNames and an ACM certificate gets TLSv1.2_2021 (docs/portal-deployment.md).',
      });

    const bucketPolicy = new BucketPolicy(this, 'BucketPolicy', { bucket });
    Validations.of(bucketPolicy).acknowledge({
      id: 'AwsSolutions-S10',
      reason:
        'The DenyInsecureTransport statement denies s3:* to every principal without TLS on the bucket and its objects; cdk-nag cannot match the bucket, named here from the account and region rather than by reference. test/infra/portal.test.ts checks the statement.',
    });
    bucketPolicy.document.addStatements(
      new PolicyStatement({
        sid: 'DenyInsecureTransport',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['s3:*'],
        resources: [bucket.bucketArn, bucket.arnForObjects('*')],
        conditions: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
      originAccessIdentity
        ? new PolicyStatement({
            sid: 'PortalDistributionReads',
            principals: [new CanonicalUserPrincipal(originAccessIdentity.cloudFrontOriginAccessIdentityS3CanonicalUserId)],
            actions: ['s3:GetObject'],
            resources: [bucket.arnForObjects('*')],
          })
        : new PolicyStatement({
            sid: 'PortalDistributionReads',
            principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
            actions: ['s3:GetObject'],
            resources: [bucket.arnForObjects('*')],
            conditions: { StringEquals: { 'AWS:SourceArn': this.distribution.distributionArn } },
          }),
    );
    Annotations.of(this).acknowledgeWarning(
      `@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicy${originAccessIdentity ? 'Oai' : 'Oac'}`,
      'The portal bucket policy is written by this construct (BucketPolicy), granting this distribution only.',
    );

    const assets = new BucketDeployment(this, 'Assets', {
      sources: [Source.asset(join(props.assetsDirectory, 'assets'))],
      destinationBucket: bucket,
      destinationKeyPrefix: 'assets/',
      // file names carry a content hash: a name never changes content, and old names stay for pages loaded before a deploy
      prune: false,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    const entryFiles = new BucketDeployment(this, 'EntryFiles', {
      sources: [
        Source.asset(props.assetsDirectory, { exclude: ['assets', 'assets/**', 'bundle-weight.json'] }),
        Source.jsonData('portal-config.json', props.portalConfig),
      ],
      destinationBucket: bucket,
      // pruning removes entry files a build dropped; excluded keys are neither uploaded nor pruned, so assets/ stays
      exclude: ['assets/*', 'bundle-weight.json'],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    // the new index.html may name only assets already uploaded
    entryFiles.node.addDependency(assets);
    acknowledgeDeploymentHandler(this, bucket);

    this.url = `https://${domainNames[0] ?? this.distribution.distributionDomainName}`;
    new CfnOutput(this, 'PortalUrl', { value: this.url, description: 'Where citizens open the portal (网上办事大厅)' });
    new CfnOutput(this, 'PortalDistributionId', { value: this.distribution.distributionId });
  }

  /**
   * CloudFront in aws-cn (docs/portal-deployment.md): an ICP-filed alternate domain name with an IAM server certificate
   * (no ACM there), and legacy cache settings in place of cache and origin request policies, which it has refused. It has
   * no CloudFront Function either (not a CloudFormation resource type there): the SPA fallback is the 403 error response.
   */
  private adaptToChina(deployment: Deployment): void {
    const distribution = this.distribution.node.defaultChild as CfnDistribution;
    distribution.addPropertyOverride('DistributionConfig.Aliases', deployment.portal.domainNames);
    distribution.addPropertyOverride('DistributionConfig.ViewerCertificate', {
      IamCertificateId: deployment.portal.certificate,
      SslSupportMethod: 'sni-only',
      MinimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
    });
    const legacy = (path: string, forwardedValues: object, ttl: { min: number; default: number; max: number }) => {
      distribution.addPropertyDeletionOverride(`${path}.CachePolicyId`);
      distribution.addPropertyDeletionOverride(`${path}.OriginRequestPolicyId`);
      distribution.addPropertyOverride(`${path}.ForwardedValues`, forwardedValues);
      distribution.addPropertyOverride(`${path}.MinTTL`, ttl.min);
      distribution.addPropertyOverride(`${path}.DefaultTTL`, ttl.default);
      distribution.addPropertyOverride(`${path}.MaxTTL`, ttl.max);
    };
    // the bucket's Cache-Control decides (no-cache entry files, immutable assets), as under CachingOptimized
    legacy('DistributionConfig.DefaultCacheBehavior', { QueryString: false, Cookies: { Forward: 'none' } }, { min: 0, default: 86400, max: 31536000 });
    legacy(
      'DistributionConfig.CacheBehaviors.0',
      { QueryString: true, Cookies: { Forward: 'none' }, Headers: apiRequestHeaders },
      { min: 0, default: 0, max: 0 },
    );
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'In aws-cn the viewer certificate is the IAM server certificate of the ICP-filed domain (CloudFront there takes no ACM certificate), set on the template with TLSv1.2_2021 and SNI; cdk-nag reads the construct, which has no ACM certificate. test/infra/portal.test.ts checks the template.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR7',
      reason:
        'CloudFront in aws-cn has no origin access control (AWS::CloudFront::OriginAccessControl is not a resource type there): an origin access identity reads the bucket, granted in the bucket policy, and Block Public Access stays on.',
    });
  }
}

/**
 * The bucket deployments' handler (one per stack, made by CDK): it copies the build from the CDK asset bucket into the
 * portal bucket, prunes the entry files and invalidates the distribution, with the grants CDK writes for that.
 */
function acknowledgeDeploymentHandler(scope: Construct, bucket: IBucket): void {
  const stack = Stack.of(scope);
  const handler = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!handler) throw new Error('CDK made no bucket deployment handler');
  // cdk-nag names a resource as the template has it: pseudo parameters as <AWS::…>, a known account or region literally
  const shown = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
  const qualifier: unknown = stack.node.tryGetContext('@aws-cdk/core:bootstrapQualifier');
  const account = shown(stack.account, 'AccountId');
  const region = shown(stack.region, 'Region');
  const objectsOf = (bucketName: string) => `Resource::arn:<AWS::Partition>:s3:::${bucketName}/*`;
  const wildcards = [
    'Resource::*',
    ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => `Action::${action}`),
    objectsOf(`cdk-${typeof qualifier === 'string' ? qualifier : DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${account}-${region}`),
    objectsOf(`${portalBucketNamePrefix}-${account}-${region}`),
  ];
  if (!Token.isUnresolved(bucket.bucketName) && bucket.bucketName !== `${portalBucketNamePrefix}-${stack.account}-${stack.region}`)
    throw new Error(`the portal bucket is ${bucket.bucketName}, not the one acknowledged`);
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: "CDK's bucket deployment handler gets the AWS-managed basic execution policy, which allows writing its own CloudWatch logs only.",
  });
  for (const wildcard of wildcards)
    Validations.of(handler).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[${wildcard}]`,
      reason:
        "CDK's grants for copying a build: read (s3:GetObject*, s3:GetBucket*, s3:List*) of the CDK asset bucket's objects, write and prune (s3:DeleteObject*, s3:Abort*) of the portal bucket's objects only, and cloudfront:CreateInvalidation/GetInvalidation, which CDK grants on * (test/infra/least-privilege.test.ts pins it to this handler). It runs only during cdk deploy.",
    });
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-L1',
    reason: "The runtime of CDK's bucket deployment handler is chosen by aws-cdk-lib (it bundles the AWS CLI layer for it) and moves with the library version.",
  });
}
