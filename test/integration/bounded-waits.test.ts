import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createServer, type Server, type Socket } from 'node:net';
import { BOUNDED_WAITS } from '../../functions/shared/clients';
import { errorReply, isUnavailable } from '../../functions/shared/http';
import { ValidationError } from '../../functions/shared/errors';

/**
 * A dependency that stalls (accepts the connection, never answers) or is gone (refuses it) costs a bounded wait and
 * then a 503 with Retry-After (issue 16), with the SDK client configured exactly as the functions' clients are.
 */
describe('given the SDK configured with the platform’s bounded waits', () => {
  let stalled: Server;
  const sockets: Socket[] = [];
  let stalledPort = 0;

  beforeAll(async () => {
    stalled = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    stalledPort = (stalled.address() as { port: number }).port;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => stalled.close(resolve));
  });

  const clientAt = (port: number) =>
    new DynamoDBClient({
      ...BOUNDED_WAITS,
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    });
  const read = (client: DynamoDBClient) => client.send(new GetItemCommand({ TableName: 't', Key: { PK: { S: 'a' }, SK: { S: 'b' } } }));

  it('when the engine stalls, then the call gives up inside the functions’ 15 s and the reply is 503 DEPENDENCY_UNAVAILABLE with Retry-After', async () => {
    const started = Date.now();
    const error = await read(clientAt(stalledPort)).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    const waited = Date.now() - started;
    expect(error).toBeDefined();
    expect(isUnavailable(error)).toBe(true);
    expect(waited).toBeLessThan(15_000);
    const reply = errorReply(error, 'R-1');
    expect(reply.statusCode).toBe(503);
    expect(reply.headers).toMatchObject({ 'retry-after': '5' });
    expect(JSON.parse(reply.body as string)).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', messageZh: expect.stringMatching(/稍后重试/) });
  }, 30_000);

  it('when nothing listens on the engine’s port, then 503 as well; a domain refusal and an unexpected error keep their own statuses', async () => {
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const port = (gone.address() as { port: number }).port;
    await new Promise((resolve) => gone.close(resolve));
    const error = await read(clientAt(port)).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(errorReply(error, 'R-2').statusCode).toBe(503);
    expect(errorReply(new ValidationError('参数有误', 'Bad input'), 'R-3').statusCode).toBe(400);
    expect(errorReply(new TypeError('a bug'), 'R-4').statusCode).toBe(500);
  }, 30_000);
});
