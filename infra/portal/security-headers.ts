import { Duration, Token } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, type ResponseCustomHeader, type ResponseSecurityHeadersBehavior } from 'aws-cdk-lib/aws-cloudfront';
import { contentSecurityPolicy, originOf, securityHeaders } from '../definitions/web-security';

/**
 * The origin of a URL that may hold unresolved tokens (a user pool's issuer, a bucket's regional domain): what comes
 * before its path. Token strings hold no `/`, so the split is exact; a resolved URL is normalised by the URL parser.
 */
const originOfUrl = (url: string): string => (Token.isUnresolved(url) ? url.split('/').slice(0, 3).join('/') : originOf(url));

/**
 * The CSP of infra/definitions/web-security.ts for these connect sources. Origins still holding tokens stand in as
 * `https://connect-source-<n>.invalid` while the policy is written (its URL parsing cannot read a token) and are put
 * back afterwards; CloudFormation resolves them at deploy time.
 */
export function portalContentSecurityPolicy(connect: readonly string[]): string {
  const origins = [...new Set(connect.map(originOfUrl))];
  const standIns = new Map(origins.filter((origin) => Token.isUnresolved(origin)).map((origin, index) => [`https://connect-source-${index}.invalid`, origin]));
  const written = contentSecurityPolicy({ connect: origins.map((origin) => [...standIns].find(([, real]) => real === origin)?.[0] ?? origin) });
  return [...standIns].reduce((policy, [standIn, origin]) => policy.replace(standIn, origin), written);
}

export interface PortalResponseHeaders {
  readonly securityHeadersBehavior: ResponseSecurityHeadersBehavior;
  readonly customHeaders: ResponseCustomHeader[];
}

const referrerPolicies = new Map<string, HeadersReferrerPolicy>(Object.values(HeadersReferrerPolicy).map((policy) => [policy as string, policy]));

/**
 * The headers of `securityHeaders` (HTTPS) as a response-headers policy: each header CloudFront has a typed field for
 * goes there (a custom header of that name is refused by CloudFront), the others are custom headers. Every header
 * overrides what an origin sent, so the API's answers carry the same policy as the page.
 */
export function portalResponseHeaders(connect: readonly string[]): PortalResponseHeaders {
  const headers = { ...securityHeaders({ connect: [] }, { https: true }), 'content-security-policy': portalContentSecurityPolicy(connect) };
  const typed: { -readonly [K in keyof ResponseSecurityHeadersBehavior]: ResponseSecurityHeadersBehavior[K] } = {};
  const customHeaders: ResponseCustomHeader[] = [];
  for (const [name, value] of Object.entries(headers)) {
    switch (name) {
      case 'content-security-policy':
        typed.contentSecurityPolicy = { contentSecurityPolicy: value, override: true };
        break;
      case 'x-content-type-options':
        if (value !== 'nosniff') throw new Error(`x-content-type-options: CloudFront sets only nosniff, not ${value}`);
        typed.contentTypeOptions = { override: true };
        break;
      case 'x-frame-options':
        if (value !== 'DENY' && value !== 'SAMEORIGIN') throw new Error(`x-frame-options: CloudFront sets DENY or SAMEORIGIN, not ${value}`);
        typed.frameOptions = { frameOption: value === 'DENY' ? HeadersFrameOption.DENY : HeadersFrameOption.SAMEORIGIN, override: true };
        break;
      case 'referrer-policy': {
        const referrerPolicy = referrerPolicies.get(value);
        if (!referrerPolicy) throw new Error(`referrer-policy: CloudFront has no value ${value}`);
        typed.referrerPolicy = { referrerPolicy, override: true };
        break;
      }
      case 'strict-transport-security': {
        const maxAge = /max-age=(\d+)/.exec(value)?.[1];
        if (maxAge === undefined) throw new Error(`strict-transport-security without max-age: ${value}`);
        typed.strictTransportSecurity = {
          accessControlMaxAge: Duration.seconds(Number(maxAge)),
          includeSubdomains: /includeSubDomains/i.test(value),
          preload: /preload/i.test(value),
          override: true,
        };
        break;
      }
      default:
        customHeaders.push({ header: name, value, override: true });
    }
  }
  return { securityHeadersBehavior: typed, customHeaders };
}
