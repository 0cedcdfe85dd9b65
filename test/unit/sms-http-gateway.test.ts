import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  type BearerToken,
  caseNoticeTemplate,
  HttpSmsGatewayChannel,
  SecretsManagerBearerToken,
} from '../../functions/notifications/adapters/http-sms-gateway';
import type { Notification, NotificationChannel } from '../../functions/notifications/domain/notification';

/** A stand-in for a county's SMS gateway on 127.0.0.1: records every request and answers with the next status given. */
interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

let server: Server;
let url: string;
let received: Received[] = [];
let statuses: number[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      response.writeHead(statuses.shift() ?? 200, { 'content-type': 'application/json' }).end('{"accepted":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/messages`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received = [];
  statuses = [];
});

/** Tokens handed out in order; `refresh` moves to the next one (as a rotated secret would). */
const givenTokens = (...tokens: string[]): BearerToken & { reads: { refresh: boolean }[] } => {
  let current = 0;
  const reads: { refresh: boolean }[] = [];
  return {
    reads,
    async get(options = {}) {
      reads.push({ refresh: options.refresh === true });
      if (options.refresh) current = Math.min(current + 1, tokens.length - 1);
      return tokens[current] as string;
    },
  };
};

const staffSent: Notification[] = [];
const staffAlerts: NotificationChannel = { name: 'staff-alerts', send: async (notification) => void staffSent.push(notification) };

const toApplicant: Notification = {
  caseId: '01JCASE',
  tenantId: '522732',
  sourceEventId: '01JEVENT',
  to: { name: '韦小宝', phone: '13800138000' },
  text: '【通办】韦小宝：您申请的「食品经营许可」已受理，办件编号 01JCASE。',
};

describe('given the http-gateway SMS channel and a gateway on 127.0.0.1', () => {
  it('when a notice goes to an applicant, then it is one POST of {to, template, params} with the bearer token and an idempotency key', async () => {
    // Prepare
    const channel = new HttpSmsGatewayChannel({ url, token: givenTokens('gateway-token-1'), staffAlerts });

    // Act
    await channel.send(toApplicant);

    // Assess
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/messages' });
    expect(request?.headers).toMatchObject({
      authorization: 'Bearer gateway-token-1',
      'content-type': 'application/json; charset=utf-8',
      'idempotency-key': '522732:01JEVENT',
    });
    expect(request?.body).toEqual({
      to: '+8613800138000',
      template: caseNoticeTemplate,
      params: { text: toApplicant.text, caseId: '01JCASE', tenantId: '522732' },
    });
  });

  it('when the number already carries +86, then it is not prefixed twice', async () => {
    await new HttpSmsGatewayChannel({ url, token: givenTokens('t'), staffAlerts }).send({ ...toApplicant, to: { name: 'x', phone: '+8613900139000' } });
    expect(received[0]?.body).toMatchObject({ to: '+8613900139000' });
  });

  it('when the gateway refuses the token, then the token is read again once and the notice sent with the new one', async () => {
    // Prepare
    statuses = [401, 200];
    const token = givenTokens('old-token', 'rotated-token');

    // Act
    await new HttpSmsGatewayChannel({ url, token, staffAlerts }).send(toApplicant);

    // Assess
    expect(received.map((request) => request.headers.authorization)).toEqual(['Bearer old-token', 'Bearer rotated-token']);
    expect(token.reads).toEqual([{ refresh: false }, { refresh: true }]);
  });

  it('when the gateway fails, then sending throws (the queue retries) with the status and without the number', async () => {
    statuses = [503];
    const sending = new HttpSmsGatewayChannel({ url, token: givenTokens('t'), staffAlerts }).send(toApplicant);
    await expect(sending).rejects.toThrow(/503/);
    await expect(sending).rejects.not.toThrow(/13800138000/);
  });

  it('when the gateway does not answer in time, then sending throws', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
      await expect(new HttpSmsGatewayChannel({ url: silentUrl, token: givenTokens('t'), staffAlerts, timeoutMs: 200 }).send(toApplicant)).rejects.toThrow();
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('when a notice is for staff, then it goes to the staff alerts channel and not to the gateway', async () => {
    const forStaff: Notification = { ...toApplicant, to: { staff: { role: 'department_head', deptId: 'SCJGJ' } }, text: '【通办督办】…' };
    await new HttpSmsGatewayChannel({ url, token: givenTokens('t'), staffAlerts }).send(forStaff);
    expect(received).toHaveLength(0);
    expect(staffSent).toContainEqual(forStaff);
  });
});

describe('given the gateway token in Secrets Manager', () => {
  const givenSecret = () => {
    const values = ['first-token\n', 'second-token'];
    const calls: unknown[] = [];
    const client = { send: async (command: { input: unknown }) => (calls.push(command.input), { SecretString: values[calls.length - 1] }) };
    return { client: client as unknown as SecretsManagerClient, calls };
  };

  it('then it is read once, trimmed, kept for five minutes and read again after that', async () => {
    // Prepare
    let now = 0;
    const { client, calls } = givenSecret();
    const token = new SecretsManagerBearerToken(client, 'arn:aws-cn:secretsmanager:cn-northwest-1:123456789012:secret:SmsGatewaySecret', 300_000, () => now);

    // Act and assess
    expect(await token.get()).toBe('first-token');
    now = 299_999;
    expect(await token.get()).toBe('first-token');
    expect(calls).toEqual([{ SecretId: expect.stringContaining('SmsGatewaySecret') }]);
    now = 300_000;
    expect(await token.get()).toBe('second-token');
    expect(calls).toHaveLength(2);
  });
});
