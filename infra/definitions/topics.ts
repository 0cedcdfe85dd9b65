import { type EnvironmentName, environmentNames } from '../../functions/shared/environment-names';

/**
 * Topics described once as data. Case events are relayed here from the table's stream, so other
 * contexts (notifications, supervision counters, review prompts) subscribe without touching intake.
 */
export interface TopicDefinition {
  readonly id: string;
  /** Environment variable through which functions receive the topic ARN. */
  readonly arnEnvironmentVariable: EnvironmentName;
}

export const caseEventsTopic: TopicDefinition = { id: 'CaseEventsTopic', arnEnvironmentVariable: environmentNames.caseEventsTopicArn };

/** Escalation alerts for staff; offices subscribe (e-mail, SMS, their own systems) filtered on role, department and level. */
export const staffAlertsTopic: TopicDefinition = { id: 'StaffAlertsTopic', arnEnvironmentVariable: environmentNames.staffAlertsTopicArn };

export const topicDefinitions: readonly TopicDefinition[] = [caseEventsTopic, staffAlertsTopic];
