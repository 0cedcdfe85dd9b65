import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { StaffDirectory } from './staff-directory';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { join } from 'node:path';
import { workflowDefinitions } from './definitions/workflows';
import { Workflow } from './workflow';
import { TenantConfigLoader } from './tenant-config-loader';
import { ContextFunctions } from './context-functions';
import { type BoundedContext, functionDefinitions } from './definitions/functions';

export interface StatelessStackProps extends StackProps {
  readonly table: ITableV2;
  readonly dataKey: IKey;
  readonly queues: ReadonlyMap<string, IQueue>;
  readonly topics: ReadonlyMap<string, ITopic>;
  readonly secrets: ReadonlyMap<string, ISecret>;
  readonly staffDirectory: StaffDirectory;
}

const contexts: readonly { id: string; context: BoundedContext }[] = [
  { id: 'Catalogue', context: 'catalogue' },
  { id: 'Intake', context: 'intake' },
  { id: 'Approval', context: 'approval' },
  { id: 'Notifications', context: 'notifications' },
  { id: 'Certificates', context: 'certificates' },
  { id: 'Reviews', context: 'reviews' },
  { id: 'Supervision', context: 'supervision' },
];

/**
 * Everything that can be redeployed without touching data: the functions of each bounded context,
 * the state machines (approval, acceptance timer) and the HTTP API in front of them.
 */
export class StatelessStack extends Stack {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);

    const functions = new Map<string, NodejsFunction>();
    for (const { id: contextId, context } of contexts) {
      const built = new ContextFunctions(this, contextId, {
        context,
        table: props.table,
        dataKey: props.dataKey,
        queues: props.queues,
        topics: props.topics,
        secrets: props.secrets,
      });
      for (const [functionId, fn] of built.functions) functions.set(functionId, fn);
    }

    for (const definition of workflowDefinitions) new Workflow(this, definition.id, { definition, functions, queues: props.queues });

    // `cdk deploy` loads config/tenants into the table: a county onboarded by adding a file is live after deploy
    new TenantConfigLoader(this, 'TenantConfigs', { table: props.table, configDirectory: join(__dirname, '..', 'config', 'tenants') });

    this.api = new HttpApi(this, 'HttpApi', { apiName: 'tongban', createDefaultStage: false });
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_YEAR })) },
      throttle: { rateLimit: 200, burstLimit: 400 },
    });
    // staff routes take only a verified ID token of a staff account; its claims say who acts
    const staffAuthorizer = new HttpUserPoolAuthorizer('StaffAuthorizer', props.staffDirectory.userPool, {
      userPoolClients: [props.staffDirectory.portalClient],
    });
    for (const definition of functionDefinitions) {
      if (definition.trigger.kind !== 'http') continue;
      const fn = functions.get(definition.id);
      if (!fn) throw new Error(`function ${definition.id} belongs to no deployed context`);
      const forStaff = definition.trigger.audience === 'staff';
      const routes = this.api.addRoutes({
        path: definition.trigger.path,
        methods: [HttpMethod[definition.trigger.method]],
        integration: new HttpLambdaIntegration(`${definition.id}Integration`, fn),
        ...(forStaff ? { authorizer: staffAuthorizer } : {}),
      });
      if (forStaff) continue;
      for (const route of routes) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            'A route for applicants and the public (apply, own cases by ID proof, guides, verification); staff identity is never taken from it, and every key stays tenant-scoped.',
        });
      }
    }
    // raised by functions/shared/monitoring.ts when a deadline reaches a year without an official holiday notice
    new Alarm(this, 'CalendarNotAvailableAlarm', {
      alarmDescription:
        '工作日历缺少年度节假日安排，期限无法计算 / A deadline reached a year without an official holiday calendar: load the notice (npm run calendar:check)',
      metric: new Metric({
        namespace: 'Tongban',
        metricName: 'CalendarNotAvailable',
        dimensionsMap: { service: 'tongban' },
        statistic: 'Sum',
        period: Duration.hours(1),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    // raised daily by functions/supervision/check-calendar from 60 days before the last official year ends until the next notice is loaded;
    // a day without a datapoint (the check did not run) keeps the alarm where it was rather than clearing it
    new Alarm(this, 'CalendarNoticeDueAlarm', {
      alarmDescription:
        "下一年度国务院办公厅节假日安排尚未加载，正式工作日历将在60天内或已经用尽 / The next year's State Council holiday notice is not loaded and the official calendar ends within 60 days or has ended: load it (npm run calendar:load)",
      metric: new Metric({
        namespace: 'Tongban',
        metricName: 'CalendarNoticeDue',
        dimensionsMap: { service: 'tongban' },
        statistic: 'Maximum',
        period: Duration.days(1),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.MISSING,
    });
    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
  }
}
