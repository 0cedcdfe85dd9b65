import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import type { FunctionDefinition } from '../definitions/functions';

type LoadedHandler = (event: unknown, context: Context) => Promise<unknown>;

const repositoryRoot = join(__dirname, '..', '..');

/**
 * Runs the deployed handler modules in this process, as Lambda would run them: same module,
 * same exported `handler`, an event of the same shape and a Lambda-like context.
 */
export class LambdaHost {
  private readonly loaded = new Map<string, LoadedHandler>();

  constructor(private readonly definitions: readonly FunctionDefinition[]) {}

  definition(id: string): FunctionDefinition {
    const found = this.definitions.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no function ${id}`);
    return found;
  }

  async invoke(id: string, event: unknown): Promise<unknown> {
    const definition = this.definition(id);
    let handler = this.loaded.get(id);
    if (!handler) {
      // loaded on first use, after the platform has set the endpoints the SDK clients read at import
      handler = (require(join(repositoryRoot, definition.entry)) as { handler: LoadedHandler }).handler;
      this.loaded.set(id, handler);
    }
    const timeoutMs = (definition.timeoutSeconds ?? 15) * 1000;
    const startedAt = Date.now();
    const context: Context = {
      callbackWaitsForEmptyEventLoop: false,
      functionName: `tongban-local-${id}`,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:tongban-local-${id}`,
      memoryLimitInMB: String(definition.memoryMb ?? 512),
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/tongban-local-${id}`,
      logStreamName: 'local',
      getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - startedAt)),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    };
    return handler(event, context);
  }
}
