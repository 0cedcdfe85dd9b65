import { appendFile } from 'node:fs/promises';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Notification, NotificationChannel } from '../domain/notification';

/** SMS through SNS (AWS): mainland numbers with the +86 prefix. */
export class SnsSmsChannel implements NotificationChannel {
  readonly name = 'sms';
  constructor(private readonly sns: SNSClient) {}

  async send(notification: Notification): Promise<void> {
    await this.sns.send(new PublishCommand({ PhoneNumber: `+86${notification.to.phone.replace(/^\+?86/, '')}`, Message: notification.text }));
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
