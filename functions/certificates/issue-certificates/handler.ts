import { relayedCaseEventSchema } from '../../kernel/events/envelope';
import { queueConsumer } from '../../shared/worker';
import { handleCertificateEvent } from '../use-cases';
import { certificateDependencies } from '../wiring';

/** Consumes the certificate queue (case events `CaseCompleted` and `ApprovalRevoked`): issues or revokes the case's certificates. */
export const handler = queueConsumer('CertificateEventHandled', relayedCaseEventSchema, (event) => handleCertificateEvent(certificateDependencies(), event));
