import { type SFNClient, SendTaskFailureCommand, SendTaskSuccessCommand, TaskTimedOut } from '@aws-sdk/client-sfn';
import { workflowSignals } from './workflow-signals';

/**
 * Answers a Step Functions `.waitForTaskToken` wait, the answer routing the branch by itself: an approval is the wait's
 * success (its output ends the branch), a denial and a reschedule are its failure with the signal the state machine
 * catches (./workflow-signals.ts). A token that expired meanwhile (the wait timed out and the task was re-sent with a
 * fresh one) is an outcome, not an error: the re-sent message is answered from the stored state instead.
 */
export async function answerTaskToken(
  client: SFNClient,
  taskToken: string,
  answer: { readonly outcome: string; readonly decision?: string },
): Promise<'delivered' | 'token-expired'> {
  const signal = answer.outcome === 'rescheduled' ? workflowSignals.rescheduled : answer.decision === 'deny' ? workflowSignals.denied : undefined;
  try {
    if (signal) await client.send(new SendTaskFailureCommand({ taskToken, error: signal, cause: JSON.stringify(answer) }));
    else await client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(answer) }));
    return 'delivered';
  } catch (error) {
    if (error instanceof TaskTimedOut) return 'token-expired';
    throw error;
  }
}
