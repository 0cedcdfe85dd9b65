import { z } from 'zod';
import { ValidationError } from './errors';

/**
 * Who is asking, for which tenant. Built once at the edge and handed to every use case, so the
 * tenant is never read from a body or scattered across handlers. Identity and roles join it later.
 */
export interface RequestContext {
  readonly tenantId: string;
  readonly requestId: string;
}

export const tenantIdSchema = z.string().regex(/^\d{6}$/);

export function requestContextFrom(pathTenantId: string | undefined, requestId: string): RequestContext {
  const parsed = tenantIdSchema.safeParse(pathTenantId);
  if (!parsed.success) {
    throw new ValidationError(
      '租户编号应为6位行政区划代码',
      'tenantId must be a 6-digit administrative division code',
      [{ path: 'tenantId', message: 'expected 6 digits' }],
      'INVALID_TENANT_ID',
    );
  }
  return { tenantId: parsed.data, requestId };
}
