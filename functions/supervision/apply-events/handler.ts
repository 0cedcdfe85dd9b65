import { queueConsumer } from '../../shared/worker';
import { relayedEventSchema } from '../../kernel/events/envelope';
import { applySupervisionEvent } from '../use-cases';
import { supervisionDependencies } from '../wiring';

/** Consumes the supervision queue (every event of the case-events topic): counters and the audit trail, once per event. */
export const handler = queueConsumer('SupervisionEventApplied', relayedEventSchema, (event) => applySupervisionEvent(supervisionDependencies(), event));
