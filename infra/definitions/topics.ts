/**
 * Topics described once as data. Case events are relayed here from the table's stream, so other
 * contexts (notifications, supervision counters, review prompts) subscribe without touching intake.
 */
export interface TopicDefinition {
  readonly id: string;
  /** Environment variable through which functions receive the topic ARN. */
  readonly arnEnvironmentVariable: string;
}

export const caseEventsTopic: TopicDefinition = { id: 'CaseEventsTopic', arnEnvironmentVariable: 'CASE_EVENTS_TOPIC_ARN' };

/** Escalation alerts for staff; offices subscribe (e-mail, SMS, their own systems) filtered on role, department and level. */
export const staffAlertsTopic: TopicDefinition = { id: 'StaffAlertsTopic', arnEnvironmentVariable: 'STAFF_ALERTS_TOPIC_ARN' };

export const topicDefinitions: readonly TopicDefinition[] = [caseEventsTopic, staffAlertsTopic];
