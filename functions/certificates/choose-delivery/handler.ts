import { httpEndpoint } from '../../shared/http';
import { certificateContracts } from '../http-contract';
import { chooseResultDelivery, replayReleaseChange } from '../use-cases';
import { certificateDependencies } from '../wiring';

/** POST /v1/tenants/{tenantId}/cases/{caseId}/delivery: the applicant chooses pickup or mail for the result. */
export const handler = httpEndpoint(
  { metric: 'ResultDeliveryChosen', ...certificateContracts.ChooseResultDelivery },
  async ({ ctx, path, body }) => ({
    statusCode: 200,
    body: await chooseResultDelivery(certificateDependencies(), ctx, path.caseId, body),
  }),
  async ({ ctx, path }) => ({ statusCode: 200, body: await replayReleaseChange(certificateDependencies(), ctx, path.caseId, 'result.choose-delivery') }),
);
