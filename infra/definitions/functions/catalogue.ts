import { readTable } from '../access';
import type { FunctionDefinition } from './definition';

/** The public reads of the catalogue (办事指南): items, their versions, 一件事 bundles and the deadline calculator. */
export const catalogueFunctionDefinitions: readonly FunctionDefinition[] = [
  {
    id: 'ListItems',
    context: 'catalogue',
    entry: 'functions/catalogue/list-items/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/items' },
    access: [readTable],
  },
  {
    id: 'GetItemGuide',
    context: 'catalogue',
    entry: 'functions/catalogue/get-item-guide/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/items/{itemCode}' },
    access: [readTable],
  },
  {
    id: 'ListItemVersions',
    context: 'catalogue',
    entry: 'functions/catalogue/list-item-versions/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/items/{itemCode}/versions' },
    access: [readTable],
  },
  {
    id: 'GetBundleGuide',
    context: 'catalogue',
    entry: 'functions/catalogue/get-bundle-guide/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/bundles/{bundleCode}' },
    access: [readTable],
  },
  {
    id: 'GetDeadline',
    context: 'catalogue',
    entry: 'functions/catalogue/get-deadline/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/tenants/{tenantId}/calendar/deadline' },
    access: [readTable],
  },
];
