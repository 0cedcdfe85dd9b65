/**
 * Every environment variable a function of the platform reads, named once. The stacks and the local
 * platform set them from these names, and handlers and adapters read them by these names. No imports:
 * both `functions/` and `infra/` depend on this file, and it on nothing.
 */
export const environmentNames = {
  tableName: 'TABLE_NAME',

  materialsBucket: 'MATERIALS_BUCKET',
  certificatesBucket: 'CERTIFICATES_BUCKET',
  auditExportBucket: 'AUDIT_EXPORT_BUCKET',

  caseEventsTopicArn: 'CASE_EVENTS_TOPIC_ARN',
  staffAlertsTopicArn: 'STAFF_ALERTS_TOPIC_ARN',

  departmentTaskQueueUrl: 'DEPARTMENT_TASK_QUEUE_URL',
  notificationQueueUrl: 'NOTIFICATION_QUEUE_URL',
  certificateQueueUrl: 'CERTIFICATE_QUEUE_URL',
  supervisionQueueUrl: 'SUPERVISION_QUEUE_URL',
  deadlineRecomputeQueueUrl: 'DEADLINE_RECOMPUTE_QUEUE_URL',

  approvalStateMachineArn: 'APPROVAL_STATE_MACHINE_ARN',
  acceptanceTimerStateMachineArn: 'ACCEPTANCE_TIMER_STATE_MACHINE_ARN',

  certificateSigningSecretArn: 'CERTIFICATE_SIGNING_SECRET_ARN',
  /** Locally: the key file that stands in for the signing secret. */
  certificateSigningKeyFile: 'CERTIFICATE_SIGNING_KEY_FILE',

  /**
   * How applicants' text messages go out: `sns` (global regions), `http-gateway` (the county's SMS gateway, AWS China) from
   * the deployment file, or `outbox` locally (every notice appended to `notificationOutboxFile`).
   */
  notificationChannel: 'NOTIFICATION_CHANNEL',
  notificationOutboxFile: 'NOTIFICATION_OUTBOX_FILE',
  /** The `http-gateway` channel: the gateway's URL, and the ARN of the secret holding its bearer token. */
  smsGatewayUrl: 'SMS_GATEWAY_URL',
  smsGatewaySecretArn: 'SMS_GATEWAY_SECRET_ARN',

  /**
   * Who signed in, as JSON of `IdentitySettings` (functions/shared/identity-settings.ts): for citizens and for staff, the issuer,
   * the audience and the claim names, from config/deployments/<name>.yaml on AWS and from the local provider locally.
   */
  identitySettings: 'IDENTITY_SETTINGS',

  /** How long a function keeps the national calendar before reading the notices again. */
  calendarCacheTtlSeconds: 'CALENDAR_CACHE_TTL_SECONDS',

  /** Local platform only (an infra test checks no deployed function has them). */
  localClockOffsetMs: 'TONGBAN_LOCAL_CLOCK_OFFSET_MS',
  dataDir: 'TONGBAN_DATA_DIR',
  /** How often the local platform runs the reconciler (seconds; 0: never). */
  localReconcileEverySeconds: 'TONGBAN_RECONCILE_EVERY_SECONDS',

  /** `true` on the local engines, whose S3 stand-in takes path-style addressing only. */
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',

  /** Powertools' own settings, which functions/shared/powertools.ts also reads for its defaults. */
  powertoolsServiceName: 'POWERTOOLS_SERVICE_NAME',
  powertoolsMetricsNamespace: 'POWERTOOLS_METRICS_NAMESPACE',
} as const;

export type EnvironmentName = (typeof environmentNames)[keyof typeof environmentNames];
