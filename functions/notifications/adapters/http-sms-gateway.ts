import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { isForStaff, type Notification, type NotificationChannel } from '../domain/notification';

/**
 * What Tongban posts to a county's SMS gateway, one message per request (`POST <url>`, JSON, UTF-8):
 * `to` is the applicant's number in E.164 (`+8613800138000`); `template` names what the message is, and `params`
 * fills it. The gateway maps the template to the SMS provider's registered template (Alibaba Cloud, Tencent Cloud and
 * the operators' platforms send only registered templates) and answers 2xx once the provider has accepted it.
 */
export interface SmsGatewayMessage {
  readonly to: string;
  readonly template: string;
  readonly params: Readonly<Record<string, string>>;
}

/** The one template of case notices: the whole notice text in `text`, with the case and county it is about. */
export const caseNoticeTemplate = 'tongban.case-notice';

export const smsGatewayMessageOf = (notification: Notification & { to: { phone: string } }): SmsGatewayMessage => ({
  to: `+86${notification.to.phone.replace(/^\+?86/, '')}`,
  template: caseNoticeTemplate,
  params: { text: notification.text, caseId: notification.caseId, tenantId: notification.tenantId },
});

/** Where the bearer token comes from; re-read after `maxAgeMs` so a token rotated by an operator is taken up without a deploy. */
export interface BearerToken {
  get(options?: { refresh?: boolean }): Promise<string>;
}

/** The gateway token in Secrets Manager (the stack's SmsGatewaySecret), cached per process for five minutes. */
export class SecretsManagerBearerToken implements BearerToken {
  private cached: { value: string; readAt: number } | undefined;

  constructor(
    private readonly secrets: SecretsManagerClient,
    private readonly secretArn: string,
    private readonly maxAgeMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(options: { refresh?: boolean } = {}): Promise<string> {
    if (!options.refresh && this.cached && this.now() - this.cached.readAt < this.maxAgeMs) return this.cached.value;
    const { SecretString } = await this.secrets.send(new GetSecretValueCommand({ SecretId: this.secretArn }));
    if (!SecretString) throw new Error('the SMS gateway secret has no string value');
    this.cached = { value: SecretString.trim(), readAt: this.now() };
    return this.cached.value;
  }
}

export interface HttpSmsGatewayOptions {
  /** The gateway's endpoint (https), from the deployment file. */
  readonly url: string;
  readonly token: BearerToken;
  /** Staff are not texted through the gateway: their alerts go to this channel (the staff alerts topic). */
  readonly staffAlerts: NotificationChannel;
  /** @default 10000 */
  readonly timeoutMs?: number;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

/**
 * Applicants' text messages through the county's SMS gateway (AWS China, where SNS sends no text messages): one POST per
 * notice with `Authorization: Bearer <token>` and an `Idempotency-Key` of the county and the event, so a redelivered notice
 * can be recognised by the gateway. Any answer but 2xx throws, and the notification queue retries the message; a 401 or
 * 403 rereads the token once first (it may just have been rotated). Staff alerts go to `staffAlerts`.
 */
export class HttpSmsGatewayChannel implements NotificationChannel {
  readonly name = 'sms';
  private readonly fetch: typeof fetch;

  constructor(private readonly options: HttpSmsGatewayOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async send(notification: Notification): Promise<void> {
    if (isForStaff(notification)) return this.options.staffAlerts.send(notification);
    const body = JSON.stringify(smsGatewayMessageOf(notification as Notification & { to: { phone: string } }));
    const idempotencyKey = `${notification.tenantId}:${notification.sourceEventId}`;
    let response = await this.post(body, idempotencyKey, await this.options.token.get());
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      response = await this.post(body, idempotencyKey, await this.options.token.get({ refresh: true }));
    }
    if (!response.ok) {
      // the body may echo the number: only the status is logged and thrown
      await response.body?.cancel();
      throw new Error(`SMS gateway answered ${response.status} for notice ${notification.sourceEventId}`);
    }
    await response.body?.cancel();
  }

  private post(body: string, idempotencyKey: string, token: string): Promise<Response> {
    return this.fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${token}`, 'idempotency-key': idempotencyKey },
      body,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
  }
}
