import { type EnvironmentName, environmentNames } from '../../functions/shared/environment-names';
import { caseEventsTopic, type TopicDefinition } from './topics';

/**
 * Queues described once as data, for the CDK stateful stack and the local runtime alike.
 * Every work queue has a dead-letter queue: a message that keeps failing is parked, never lost.
 */
export interface QueueDefinition {
  /** Stable logical id; also the local queue name. */
  readonly id: string;
  readonly visibilityTimeoutSeconds: number;
  readonly maxReceiveCount: number;
  readonly retentionDays: number;
  /** Environment variable through which functions receive the queue URL. */
  readonly urlEnvironmentVariable: EnvironmentName;
  /** Placeholder in the approval state machine definition that stands for this queue's URL, if any. */
  readonly definitionPlaceholder?: string;
  /** A topic this queue subscribes to (raw delivery), with the event types it wants (every type when absent). @default - none */
  readonly subscribesTo?: { readonly topic: TopicDefinition; readonly types?: readonly string[] };
}

export const departmentTaskQueue: QueueDefinition = {
  id: 'DepartmentTaskQueue',
  // longer than the consumer function timeout, as SQS event sources require
  visibilityTimeoutSeconds: 180,
  maxReceiveCount: 5,
  retentionDays: 14,
  urlEnvironmentVariable: environmentNames.departmentTaskQueueUrl,
  definitionPlaceholder: 'DepartmentTaskQueueUrl',
};

/** Events that tell the applicant something: each becomes a notice, delivered with retries and a DLQ. */
export const notificationQueue: QueueDefinition = {
  id: 'NotificationQueue',
  visibilityTimeoutSeconds: 180,
  maxReceiveCount: 5,
  retentionDays: 14,
  urlEnvironmentVariable: environmentNames.notificationQueueUrl,
  subscribesTo: {
    topic: caseEventsTopic,
    types: [
      'SupplementRequested',
      'CaseAccepted',
      'CaseDeemedAccepted',
      'CaseRejected',
      'CaseReturned',
      'CaseCompleted',
      'CaseDenied',
      'ApprovalRevoked',
      'DepartmentTaskSuspended',
      'DepartmentTaskEscalated',
      // a moved promised deadline tells the applicant; a stage or 督办 deadline brought forward tells the handler
      'DeadlineRecomputed',
    ],
  },
};

/** Completions issue certificates, revocations revoke them (functions/certificates). */
export const certificateQueue: QueueDefinition = {
  id: 'CertificateQueue',
  visibilityTimeoutSeconds: 360,
  maxReceiveCount: 5,
  retentionDays: 14,
  urlEnvironmentVariable: environmentNames.certificateQueueUrl,
  subscribesTo: { topic: caseEventsTopic, types: ['CaseCompleted', 'MaterialProvided', 'ApprovalRevoked'] },
};

/**
 * Every case, review and rectification event, for the supervision counters and the audit trail (全流程电子监察):
 * no filter, so event types added later are audited without a change here.
 */
export const supervisionQueue: QueueDefinition = {
  id: 'SupervisionQueue',
  visibilityTimeoutSeconds: 180,
  maxReceiveCount: 8,
  retentionDays: 14,
  urlEnvironmentVariable: environmentNames.supervisionQueueUrl,
  subscribesTo: { topic: caseEventsTopic },
};

/**
 * A loaded holiday notice, then one message per county: each county's open deadlines are recomputed on
 * the new calendar (functions/calendar). Long visibility: a county's pass may take minutes.
 */
export const deadlineRecomputeQueue: QueueDefinition = {
  id: 'DeadlineRecomputeQueue',
  visibilityTimeoutSeconds: 960,
  maxReceiveCount: 5,
  retentionDays: 14,
  urlEnvironmentVariable: environmentNames.deadlineRecomputeQueueUrl,
  subscribesTo: { topic: caseEventsTopic, types: ['CalendarNoticeLoaded'] },
};

export const queueDefinitions: readonly QueueDefinition[] = [
  departmentTaskQueue,
  notificationQueue,
  certificateQueue,
  supervisionQueue,
  deadlineRecomputeQueue,
];

export const deadLetterQueueId = (queue: QueueDefinition): string => `${queue.id}DeadLetter`;
