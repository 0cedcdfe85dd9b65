import { exportRequestSchema, tenantsToExport } from '../../functions/supervision/use-cases';
import type { TenantRegister } from '../../functions/supervision/domain/tenant-register';

const aRegister = (tenantIds: string[]): TenantRegister & { reads: number } => {
  const register = {
    reads: 0,
    tenantIds: async () => {
      register.reads += 1;
      return [...tenantIds];
    },
  };
  return register;
};

describe('given the daily audit export', () => {
  it('when the schedule sends no tenant list, then every county in the register and the national level are exported, each once, in code order', async () => {
    const request = exportRequestSchema.parse({});
    const register = aRegister(['630103', '522732']);
    expect(await tenantsToExport({ register }, request.tenants)).toEqual(['000000', '522732', '630103']);
    expect(register.reads).toBe(1);
  });

  it('when a county was applied after the deploy, then it is in the register and so in the export', async () => {
    expect(await tenantsToExport({ register: aRegister(['522732', '630103', '520000']) })).toEqual(['000000', '520000', '522732', '630103']);
  });

  it('when an operator names tenants, then exactly those are exported and the register is not read', async () => {
    const register = aRegister(['522732', '630103']);
    const request = exportRequestSchema.parse({ tenants: ['630103', '630103'], date: '2026-11-20' });
    expect(await tenantsToExport({ register }, request.tenants)).toEqual(['630103']);
    expect(register.reads).toBe(0);
  });

  it('when a tenant code is malformed or the list is empty, then the request is refused', () => {
    expect(exportRequestSchema.safeParse({ tenants: ['52273x'] }).success).toBe(false);
    expect(exportRequestSchema.safeParse({ tenants: [] }).success).toBe(false);
  });
});
