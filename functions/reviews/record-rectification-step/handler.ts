import { httpEndpoint } from '../../shared/http';
import { reviewContracts } from '../http-contract';
import { recordRectificationStep, getRectification } from '../use-cases';
import { reviewDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/rectifications/{rectificationId}/steps: 核实, 整改, 回访, 销号 or 无法整改, in order. */
export const handler = httpEndpoint(
  { metric: 'RectificationStepRecorded', ...reviewContracts.RecordRectificationStep },
  async ({ ctx, path, body }) => ({
    statusCode: 200,
    body: await recordRectificationStep(reviewDependencies(), ctx, path.rectificationId, body),
  }),
  async ({ ctx, path }) => ({ statusCode: 200, body: await getRectification(reviewDependencies(), ctx, path.rectificationId) }),
);
