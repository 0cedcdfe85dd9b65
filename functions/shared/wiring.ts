import { DynamoTaskRepository } from '../approval/adapters/dynamo-task-repository';
import { StepFunctionsApprovalWorkflow } from '../approval/adapters/sfn-workflow';
import { DynamoItemCatalogue } from '../catalogue/adapters/dynamo-item-catalogue';
import { DynamoTenantDirectory } from '../catalogue/adapters/dynamo-tenant-directory';
import { DynamoCaseRepository } from '../intake/adapters/dynamo-case-repository';
import { S3NoticeArchive } from '../intake/adapters/s3-notice-archive';
import { StepFunctionsAcceptanceTimer } from '../intake/adapters/sfn-acceptance-timer';
import { nationalCalendarSource } from '../calendar/wiring';
import { dynamoDocuments, requiredEnvironment, s3, stepFunctions } from './clients';
import { powertoolsClockMonitor } from './monitoring';
import { systemClock, ulidGenerator } from './runtime';

/**
 * Adapters bound to this process's environment, built lazily once and reused by warm invocations.
 * Use cases receive them as plain port implementations.
 */
let built: ReturnType<typeof build> | undefined;

function build() {
  const tableName = requiredEnvironment('TABLE_NAME');
  const workflow = new StepFunctionsApprovalWorkflow(stepFunctions, process.env.APPROVAL_STATE_MACHINE_ARN ?? '');
  return {
    cases: new DynamoCaseRepository(dynamoDocuments, tableName),
    tasks: new DynamoTaskRepository(dynamoDocuments, tableName),
    catalogue: new DynamoItemCatalogue(dynamoDocuments, tableName),
    tenants: new DynamoTenantDirectory(dynamoDocuments, tableName),
    workflow,
    callback: workflow,
    clock: systemClock,
    ids: ulidGenerator,
    calendar: nationalCalendarSource(),
    monitor: powertoolsClockMonitor,
    notices: new S3NoticeArchive(s3, () => requiredEnvironment('CERTIFICATES_BUCKET')),
    acceptanceTimer: new StepFunctionsAcceptanceTimer(stepFunctions, () => requiredEnvironment('ACCEPTANCE_TIMER_STATE_MACHINE_ARN')),
  };
}

export const dependencies = (): ReturnType<typeof build> => (built ??= build());
