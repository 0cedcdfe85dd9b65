import { completeApproval } from '../approval/use-cases';
import { approvalDependencies } from '../approval/wiring';
import { resumeApproval, startAcceptanceTimer } from '../intake/use-cases';
import { intakeDependencies } from '../intake/wiring';
import { dynamoDocuments, requiredEnvironment, sns, stepFunctions } from '../shared/clients';
import { environmentNames } from '../shared/environment-names';
import { systemClock, ulidGenerator } from '../shared/runtime';
import { DynamoCaseSurvey } from './adapters/dynamo-case-survey';
import { PlatformRepairs } from './adapters/platform-repairs';
import type { ReconciliationDependencies } from './use-cases';

let built: ReconciliationDependencies | undefined;

/**
 * The reconciler's adapters bound to this process's environment. Its repairs are the other contexts' own steps, called
 * through their use cases (the join of approval, the workflow start and timer of intake), never through their adapters.
 */
export const reconciliationDependencies = (): ReconciliationDependencies => {
  if (built) return built;
  const tableName = requiredEnvironment(environmentNames.tableName);
  built = {
    survey: new DynamoCaseSurvey(dynamoDocuments, tableName, stepFunctions, () => ({
      approval: requiredEnvironment(environmentNames.approvalStateMachineArn),
      acceptanceTimer: requiredEnvironment(environmentNames.acceptanceTimerStateMachineArn),
    })),
    repairs: new PlatformRepairs(dynamoDocuments, tableName, sns, () => requiredEnvironment(environmentNames.caseEventsTopicArn), {
      joinApproval: (tenantId, caseId) => completeApproval(approvalDependencies(), { tenantId, caseId }),
      resumeApproval: (tenantId, caseId) => resumeApproval(intakeDependencies(), tenantId, caseId),
      armAcceptanceTimer: (tenantId, caseId) => startAcceptanceTimer(intakeDependencies(), tenantId, caseId),
    }),
    clock: systemClock,
    ids: ulidGenerator,
  };
  return built;
};
