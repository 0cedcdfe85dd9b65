import { type SFNClient, SendTaskSuccessCommand, TaskTimedOut } from '@aws-sdk/client-sfn';

/**
 * Answers a Step Functions `.waitForTaskToken` wait. A token that expired meanwhile (the wait timed out
 * and the task was re-sent with a fresh one) is an outcome, not an error: the re-sent message is answered
 * from the stored state instead.
 */
export async function answerTaskToken(client: SFNClient, taskToken: string, output: unknown): Promise<'delivered' | 'token-expired'> {
  try {
    await client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    return 'delivered';
  } catch (error) {
    if (error instanceof TaskTimedOut) return 'token-expired';
    throw error;
  }
}
