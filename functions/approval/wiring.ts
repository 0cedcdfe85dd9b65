import { dynamoDocuments, requiredEnvironment, stepFunctions } from '../shared/clients';
import { environmentNames } from '../shared/environment-names';
import { nationalCalendarSource } from '../shared/national-calendar';
import { systemClock, ulidGenerator } from '../shared/runtime';
import { DynamoApprovalCases } from './adapters/dynamo-approval-cases';
import { DynamoTaskRepository } from './adapters/dynamo-task-repository';
import { DynamoTenantProfiles } from './adapters/dynamo-tenant-profiles';
import { StepFunctionsWorkflowCallback } from './adapters/sfn-workflow-callback';
import type { ApprovalDependencies } from './use-cases';

let built: ApprovalDependencies | undefined;

/** The approval adapters bound to this process's environment, built once and reused by warm invocations. */
export const approvalDependencies = (): ApprovalDependencies => {
  if (built) return built;
  const tableName = requiredEnvironment(environmentNames.tableName);
  built = {
    tasks: new DynamoTaskRepository(dynamoDocuments, tableName),
    tenants: new DynamoTenantProfiles(dynamoDocuments, tableName),
    cases: new DynamoApprovalCases(dynamoDocuments, tableName),
    callback: new StepFunctionsWorkflowCallback(stepFunctions),
    clock: systemClock,
    ids: ulidGenerator,
    calendar: nationalCalendarSource(),
  };
  return built;
};
