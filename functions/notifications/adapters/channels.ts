import { appendFile } from 'node:fs/promises';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { isForStaff, type Notification, type NotificationChannel } from '../domain/notification';

/**
 * Staff alerts, on every AWS deployment: a publish to the staff alerts topic with role, department and level as message
 * attributes for the offices' subscription filters (topics exist in the China regions too; only SNS text messages do not).
 */
export class StaffAlertsTopicChannel implements NotificationChannel {
  readonly name = 'staff-alerts';
  constructor(
    private readonly sns: SNSClient,
    private readonly staffAlertsTopicArn: string,
  ) {}

  async send(notification: Notification): Promise<void> {
    if (!isForStaff(notification)) throw new Error(`notice ${notification.sourceEventId} is for an applicant, not for staff`);
    const { staff } = notification.to;
    const attributes = Object.fromEntries(
      Object.entries({ role: staff.role, deptId: staff.deptId, windowId: staff.windowId, level: staff.level, tenantId: notification.tenantId })
        .filter((entry): entry is [string, string] => entry[1] !== undefined)
        .map(([name, value]) => [name, { DataType: 'String', StringValue: value }]),
    );
    await this.sns.send(new PublishCommand({ TopicArn: this.staffAlertsTopicArn, Message: notification.text, MessageAttributes: attributes }));
  }
}

/**
 * AWS global regions: applicants by SMS through SNS (mainland numbers with the +86 prefix); staff through the staff
 * alerts topic (`StaffAlertsTopicChannel`).
 */
export class SnsChannel implements NotificationChannel {
  readonly name = 'sms';
  private readonly staffAlerts: StaffAlertsTopicChannel;

  constructor(
    private readonly sns: SNSClient,
    staffAlertsTopicArn: string,
  ) {
    this.staffAlerts = new StaffAlertsTopicChannel(sns, staffAlertsTopicArn);
  }

  async send(notification: Notification): Promise<void> {
    if (isForStaff(notification)) return this.staffAlerts.send(notification);
    const applicant = notification.to as { readonly phone: string };
    await this.sns.send(new PublishCommand({ PhoneNumber: `+86${applicant.phone.replace(/^\+?86/, '')}`, Message: notification.text }));
  }
}

/** The local stand-in for SMS: one JSON line per notice in an outbox file, to read what would have been sent. */
export class OutboxFileChannel implements NotificationChannel {
  readonly name = 'outbox';
  constructor(private readonly file: string) {}

  async send(notification: Notification): Promise<void> {
    await appendFile(this.file, `${JSON.stringify({ ...notification, sentAt: new Date().toISOString() })}\n`, 'utf8');
  }
}
