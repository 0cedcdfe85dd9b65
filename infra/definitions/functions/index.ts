/**
 * Every function of the platform, described once, one file per context: where its handler lives, what
 * triggers it and what it may touch. The CDK stateless stack turns each entry into a NodejsFunction with
 * exactly these grants; the local runtime mounts the same handler modules on the same routes and triggers.
 * Handlers know nothing of this: `functions/` imports nothing from `infra/`.
 */
import { apiDocsFunctionDefinitions } from './api-docs';
import { approvalFunctionDefinitions } from './approval';
import { calendarFunctionDefinitions, shippedNoticesLoader } from './calendar';
import { catalogueFunctionDefinitions, tenantConfigLoader } from './catalogue';
import { certificateFunctionDefinitions } from './certificates';
import type { DeployLoaderDefinition, FunctionDefinition } from './definition';
import { intakeFunctionDefinitions } from './intake';
import { materialFunctionDefinitions } from './materials';
import { notificationFunctionDefinitions } from './notifications';
import { reconciliationFunctionDefinitions } from './reconciliation';
import { reviewFunctionDefinitions } from './reviews';
import { supervisionFunctionDefinitions } from './supervision';

export type { Access } from '../access';
export type { BoundedContext, DeployLoaderDefinition, FunctionDefinition, HttpMethod, Trigger } from './definition';
export {
  apiDocsFunctionDefinitions,
  approvalFunctionDefinitions,
  calendarFunctionDefinitions,
  catalogueFunctionDefinitions,
  certificateFunctionDefinitions,
  intakeFunctionDefinitions,
  materialFunctionDefinitions,
  notificationFunctionDefinitions,
  reconciliationFunctionDefinitions,
  reviewFunctionDefinitions,
  shippedNoticesLoader,
  supervisionFunctionDefinitions,
  tenantConfigLoader,
};

export const functionDefinitions: readonly FunctionDefinition[] = [
  ...intakeFunctionDefinitions,
  ...notificationFunctionDefinitions,
  ...catalogueFunctionDefinitions,
  ...approvalFunctionDefinitions,
  ...materialFunctionDefinitions,
  ...certificateFunctionDefinitions,
  ...reviewFunctionDefinitions,
  ...supervisionFunctionDefinitions,
  ...reconciliationFunctionDefinitions,
  ...calendarFunctionDefinitions,
  ...apiDocsFunctionDefinitions,
];

/** The deploy-time loaders (custom resources), in the order the stack runs them: the calendar's initial data first. */
export const deployLoaderDefinitions: readonly DeployLoaderDefinition[] = [shippedNoticesLoader, tenantConfigLoader];
