import { createHash } from 'node:crypto';
import type { CustomResource } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { officialCalendarYears } from '../functions/domain/calendar-data';
import { addDeployTimeLoader } from './deploy-time-loader';
import { shippedNoticesLoader } from './definitions/functions';

/** sha256 of the holiday notices the loader bundles (functions/domain/calendar-data): a changed one re-runs the loader. */
function shippedNoticesDigest(): string {
  return createHash('sha256').update(JSON.stringify(officialCalendarYears)).digest('hex');
}

export interface ShippedNoticesLoaderProps {
  readonly table: ITableV2;
}

/**
 * Makes `cdk deploy` load the holiday notices shipped with the code as the national calendar's initial
 * data (functions/calendar/load-shipped-notices). Years already loaded, and their corrections, are kept.
 */
export class ShippedNoticesLoader extends Construct {
  /** The custom resource: what must be loaded first depends on it. */
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: ShippedNoticesLoaderProps) {
    super(scope, id);
    ({ resource: this.resource } = addDeployTimeLoader(this, {
      definition: shippedNoticesLoader,
      table: props.table,
      properties: { noticesDigest: shippedNoticesDigest() },
    }));
  }
}
