import { join } from 'node:path';

/** Where a running local platform publishes its endpoints for operator tools; removed on stop. */
export const localEndpointsFile = (dataDir: string): string => join(dataDir, 'local-endpoints.json');
