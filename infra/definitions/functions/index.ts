/**
 * Every function of the platform, described once, one file per context: where its handler lives, what
 * triggers it and what it may touch. The CDK stateless stack turns each entry into a NodejsFunction with
 * exactly these grants; the local runtime mounts the same handler modules on the same routes and triggers.
 * Handlers know nothing of this: `functions/` imports nothing from `infra/`.
 */
import { approvalFunctionDefinitions } from './approval';
import { calendarFunctionDefinitions } from './calendar';
import { catalogueFunctionDefinitions } from './catalogue';
import { certificateFunctionDefinitions } from './certificates';
import type { FunctionDefinition } from './definition';
import { intakeFunctionDefinitions } from './intake';
import { materialFunctionDefinitions } from './materials';
import { notificationFunctionDefinitions } from './notifications';
import { reviewFunctionDefinitions } from './reviews';
import { supervisionFunctionDefinitions } from './supervision';

export type { Access } from '../access';
export type { BoundedContext, FunctionDefinition, HttpMethod, Trigger } from './definition';
export {
  approvalFunctionDefinitions,
  calendarFunctionDefinitions,
  catalogueFunctionDefinitions,
  certificateFunctionDefinitions,
  intakeFunctionDefinitions,
  materialFunctionDefinitions,
  notificationFunctionDefinitions,
  reviewFunctionDefinitions,
  supervisionFunctionDefinitions,
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
  ...calendarFunctionDefinitions,
];
