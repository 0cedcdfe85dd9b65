import { dynamoDocuments, requiredEnvironment, s3, stepFunctions } from '../shared/clients';
import { environmentNames } from '../shared/environment-names';
import { powertoolsClockMonitor } from '../shared/monitoring';
import { nationalCalendarSource } from '../shared/national-calendar';
import { systemClock, ulidGenerator } from '../shared/runtime';
import { DynamoCaseFiles } from './adapters/dynamo-case-file';
import { DynamoCaseRecords } from './adapters/dynamo-case-records';
import { DynamoCaseRepository } from './adapters/dynamo-case-repository';
import { DynamoConfigurationReader } from './adapters/dynamo-configuration-reader';
import { DynamoTaskReader } from './adapters/dynamo-task-reader';
import { S3NoticeArchive } from './adapters/s3-notice-archive';
import { StepFunctionsAcceptanceTimer } from './adapters/sfn-acceptance-timer';
import { StepFunctionsApprovalWorkflow } from './adapters/sfn-approval-workflow';
import type { IntakeDependencies } from './use-cases';

let built: IntakeDependencies | undefined;

/**
 * The intake adapters bound to this process's environment, built lazily once and reused by warm
 * invocations. Use cases receive them as plain port implementations.
 */
export const intakeDependencies = (): IntakeDependencies => {
  if (built) return built;
  const tableName = requiredEnvironment(environmentNames.tableName);
  const configuration = new DynamoConfigurationReader(dynamoDocuments, tableName);
  built = {
    cases: new DynamoCaseRepository(dynamoDocuments, tableName),
    tasks: new DynamoTaskReader(dynamoDocuments, tableName),
    catalogue: configuration,
    tenants: configuration,
    records: new DynamoCaseRecords(dynamoDocuments, tableName),
    caseFiles: new DynamoCaseFiles(dynamoDocuments, tableName),
    workflow: new StepFunctionsApprovalWorkflow(stepFunctions, () => requiredEnvironment(environmentNames.approvalStateMachineArn)),
    clock: systemClock,
    ids: ulidGenerator,
    calendar: nationalCalendarSource(),
    monitor: powertoolsClockMonitor,
    notices: new S3NoticeArchive(s3, () => requiredEnvironment(environmentNames.certificatesBucket)),
    acceptanceTimer: new StepFunctionsAcceptanceTimer(stepFunctions, () => requiredEnvironment(environmentNames.acceptanceTimerStateMachineArn)),
  };
  return built;
};
