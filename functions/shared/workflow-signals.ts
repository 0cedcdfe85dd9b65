/**
 * The errors the approval state machine routes on (infra/approval/approval-workflow.asl.json): a department's callback
 * or a workflow step fails with one of these to steer its branch, so no Choice state follows every answer (issue 17:
 * each state entered is a billed transition).
 */
export const workflowSignals = {
  /** A department denied: the branch fails, the Map stops the other departments, the join concludes. */
  denied: 'Tongban.DepartmentDenied',
  /** A resumed clock or a moved task: the wait is recomputed and begins again. */
  rescheduled: 'Tongban.Rescheduled',
  /** The task was closed with its case: its branch ends. */
  taskClosed: 'Tongban.TaskClosed',
} as const;

/** A workflow step's signal: Step Functions reads the error's name (Lambda's `errorType`) and catches it by that name. */
export class WorkflowSignal extends Error {
  constructor(signal: (typeof workflowSignals)[keyof typeof workflowSignals], message: string) {
    super(message);
    this.name = signal;
  }
}
