/**
 * The security headers of the web app, described once: CloudFront's response-headers policy sets them on AWS and the
 * local server sets them under `npm start`. The page loads scripts, styles, images and fonts from its own origin
 * only; it calls its own origin (`/v1`), plus exactly the origins a sign-in and an upload need: the OpenID provider's
 * token endpoint (the code exchange is a cross-origin fetch) and the materials bucket (presigned PUTs).
 */
export interface WebOrigins {
  /** Origins the page may fetch from besides its own: the identity providers' issuers, the materials bucket. */
  readonly connect: readonly string[];
}

/** Origin of a URL (`https://idp.example.gov.cn/oidc` → `https://idp.example.gov.cn`), for the CSP source list. */
export const originOf = (url: string): string => new URL(url).origin;

export function contentSecurityPolicy(origins: WebOrigins): string {
  const connect = [...new Set(origins.connect.map(originOf))].sort();
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Vue and TDesign bind inline style attributes (positions of popups, progress widths): styles may be inline, scripts never
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${connect.join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** Every header of the policy, by name as sent. HSTS only where the origin is HTTPS (never on the local http origin). */
export function securityHeaders(origins: WebOrigins, options: { readonly https: boolean }): Readonly<Record<string, string>> {
  return {
    'content-security-policy': contentSecurityPolicy(origins),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
