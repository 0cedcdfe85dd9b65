import { join } from 'node:path';

/** Where a running local platform publishes its endpoints for operator tools; removed on stop. */
export const localEndpointsFile = (dataDir: string): string => join(dataDir, 'local-endpoints.json');

/**
 * Entries of that file besides `url` and the handlers' environment (which includes `IDENTITY_SETTINGS` and
 * `NOTIFICATION_OUTBOX_FILE`): the issuers of the local identity providers, for `npm run token` and for people.
 */
export const localEndpointNames = { citizenSignIn: 'citizenSignIn', staffSignIn: 'staffSignIn' } as const;
