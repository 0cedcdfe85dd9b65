import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { environmentNames } from './environment-names';

/**
 * One logger, tracer and metrics instance per process, created at module load so a warm Lambda
 * reuses them. The service name groups logs and metrics of the whole platform.
 */
const serviceName = process.env[environmentNames.powertoolsServiceName] ?? 'tongban';

export const logger = new Logger({ serviceName });
export const tracer = new Tracer({ serviceName });
export const metrics = new Metrics({ serviceName, namespace: process.env[environmentNames.powertoolsMetricsNamespace] ?? 'Tongban' });
