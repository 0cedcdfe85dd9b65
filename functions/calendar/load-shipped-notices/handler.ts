import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { officialCalendarYears } from '../../domain/calendar-data';
import { logger, tracer } from '../../shared/powertools';
import { loadShippedNotices } from '../use-cases';
import { calendarDependencies } from '../wiring';

/** One id for all shipped years: the resource is the set of notices bundled with the code, not any one year. */
const physicalResourceId = 'shipped-holiday-notices';

/** What the CDK Provider framework expects back from an onEvent handler. */
export interface ProviderOnEventResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, string>;
}

/** The properties the ShippedNoticesLoader construct puts on the custom resource. */
interface LoaderProperties {
  /** sha256 of the holiday notices bundled with the code: a new value is what makes CloudFormation send an Update. */
  readonly noticesDigest: string;
}

async function onEvent(event: CloudFormationCustomResourceEvent<LoaderProperties>): Promise<ProviderOnEventResponse> {
  // the table is retained and the notices stay live data: removing the loader must not unload anything
  if (event.RequestType === 'Delete') return { PhysicalResourceId: physicalResourceId };
  try {
    // the shipped notices are the national calendar's initial data, and years already loaded are kept
    const notices = await loadShippedNotices(calendarDependencies(), officialCalendarYears);
    logger.info('holiday notices (initial data)', { notices: notices.map(({ year, version, status }) => ({ year, version, status })) });
    return { PhysicalResourceId: physicalResourceId, Data: { years: notices.map((notice) => notice.year).join(',') } };
  } catch (error) {
    // CloudFormation shows only a truncated reason; the log keeps the whole error for the operator
    logger.error('shipped holiday notices not loaded', error as Error);
    throw error;
  }
}

/**
 * CloudFormation custom resource (CDK Provider framework onEvent): loads the holiday notices shipped with the
 * code on every deploy that changes them. The stack makes the tenant configuration's resource wait for it.
 */
export const handler = middy<CloudFormationCustomResourceEvent<LoaderProperties>, ProviderOnEventResponse>()
  .use(injectLambdaContext(logger, { clearState: true, resetKeys: true }))
  .use(captureLambdaHandler(tracer))
  .handler(onEvent) as unknown as (event: CloudFormationCustomResourceEvent<LoaderProperties>, context: Context) => Promise<ProviderOnEventResponse>;
