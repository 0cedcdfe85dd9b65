import { readTable } from '../access';
import type { DeployLoaderDefinition, FunctionDefinition } from './definition';

/** The public reads of the catalogue (办事指南): items, their versions, 一件事 bundles and the deadline calculator. */
export const catalogueFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'ListItems',
    context: 'catalogue',
    entry: 'functions/catalogue/list-items/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/items', audience: 'public' },
    access: [readTable],
  },
  {
    id: 'GetItemGuide',
    context: 'catalogue',
    entry: 'functions/catalogue/get-item-guide/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/items/{itemCode}', audience: 'public' },
    access: [readTable],
  },
  {
    id: 'ListItemVersions',
    context: 'catalogue',
    entry: 'functions/catalogue/list-item-versions/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/items/{itemCode}/versions', audience: 'public' },
    access: [readTable],
  },
  {
    id: 'GetBundleGuide',
    context: 'catalogue',
    entry: 'functions/catalogue/get-bundle-guide/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/bundles/{bundleCode}', audience: 'public' },
    access: [readTable],
  },
  {
    id: 'GetDeadline',
    context: 'catalogue',
    entry: 'functions/catalogue/get-deadline/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/calendar/deadline', audience: 'public' },
    access: [readTable],
  },
];

/**
 * On `cdk deploy`: config/tenants, bundled next to the handler, validated and applied all or nothing (a county
 * onboarded by adding a file is live after deploy). Runs after the calendar's `shippedNoticesLoader`.
 */
export const tenantConfigLoader: DeployLoaderDefinition = {
  id: 'TenantConfigs',
  entry: 'functions/catalogue/load-tenant-configs/handler.ts',
  description: 'Tongban: loads config/tenants into the table on cdk deploy',
  resourceType: 'Custom::TenantConfigs',
  // two counties take seconds; the margin is for many counties, each item read before it is written
  timeoutSeconds: 300,
};
