import { logger } from '../../shared/powertools';
import { queueConsumer } from '../../shared/worker';
import { fanOutRecomputation, recomputeMessage, recomputeTenantDeadlines } from '../recompute';
import { recomputeDependencies } from '../recompute-wiring';

/**
 * The deadline recomputation queue: a `CalendarNoticeLoaded` event fans out to one message per county;
 * each county's message recomputes its open deadlines on the new calendar.
 */
export const handler = queueConsumer('DeadlinesRecomputed', recomputeMessage, async (message) => {
  const deps = recomputeDependencies();
  if ('kind' in message) {
    const summary = await recomputeTenantDeadlines(deps, message);
    logger.info('deadlines recomputed', { ...summary, year: message.year, version: message.version });
    return;
  }
  const counties = await fanOutRecomputation(deps, message);
  logger.info('holiday notice loaded; counties queued for recomputation', { year: message.detail.year, version: message.detail.version, counties });
});
