import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IdentityAudience, IdentitySettings } from '../functions/shared/identity-settings';
import type { Deployment } from './deployment';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { join } from 'node:path';
import { workflowDefinitions } from './definitions/workflows';
import { Workflow } from './workflow';
import { ShippedNoticesLoader } from './shipped-notices-loader';
import { TenantConfigLoader } from './tenant-config-loader';
import { ContextFunctions } from './context-functions';
import { type BoundedContext, functionDefinitions, shippedNoticesLoader, tenantConfigLoader } from './definitions/functions';
import { PortalHosting } from './portal/portal-hosting';
import { portalConfig, portalTenants } from './portal/portal-config';

export interface StatelessStackProps extends StackProps {
  readonly table: ITableV2;
  readonly dataKey: IKey;
  readonly queues: ReadonlyMap<string, IQueue>;
  readonly topics: ReadonlyMap<string, ITopic>;
  readonly secrets: ReadonlyMap<string, ISecret>;
  /** The deployment file this installation is built from (infra/deployment.ts): its SMS channel. */
  readonly deployment: Deployment;
  /** Issuer, audiences and claim names of citizens' and staff tokens (user pools of the stateful stack, or external issuers). */
  readonly identity: IdentitySettings;
  /** The citizen portal: the bucket its pages upload materials to, the access-log bucket (its own bucket is found by name). */
  readonly portal: {
    readonly materialsBucket: IBucket;
    readonly logBucket: IBucket;
    /** The built web app to deploy (web/dist unless told otherwise). */
    readonly assetsDirectory: string;
  };
}

const contexts: readonly { id: string; context: BoundedContext }[] = [
  { id: 'Catalogue', context: 'catalogue' },
  { id: 'Intake', context: 'intake' },
  { id: 'Approval', context: 'approval' },
  { id: 'Notifications', context: 'notifications' },
  { id: 'Certificates', context: 'certificates' },
  { id: 'Reviews', context: 'reviews' },
  { id: 'Supervision', context: 'supervision' },
  { id: 'Reconciliation', context: 'reconciliation' },
];

/**
 * Everything that can be redeployed without touching data: the functions of each bounded context,
 * the state machines (approval, acceptance timer), the HTTP API in front of them and the citizen portal's
 * distribution (the API under `/v1/*`, the portal bucket's build everywhere else).
 */
export class StatelessStack extends Stack {
  readonly api: HttpApi;
  readonly portal: PortalHosting;

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
        sms: props.deployment.sms,
        identity: props.identity,
      });
      for (const [functionId, fn] of built.functions) functions.set(functionId, fn);
    }

    for (const definition of workflowDefinitions) new Workflow(this, definition.id, { definition, functions, queues: props.queues });

    // `cdk deploy` loads the shipped holiday notices (the national calendar's initial data), then config/tenants:
    // each context loads its own data, and a county onboarded by adding a file is live after deploy
    const shippedNotices = new ShippedNoticesLoader(this, shippedNoticesLoader.id, { table: props.table });
    const tenantsDirectory = join(__dirname, '..', 'config', 'tenants');
    const tenantConfigs = new TenantConfigLoader(this, tenantConfigLoader.id, { table: props.table, configDirectory: tenantsDirectory });
    // the calendar first, as when one loader did both
    tenantConfigs.resource.node.addDependency(shippedNotices.resource);

    this.api = new HttpApi(this, 'HttpApi', { apiName: 'tongban', createDefaultStage: false });
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_YEAR })) },
      throttle: { rateLimit: 200, burstLimit: 400 },
    });
    // a route takes the ID token of its audience only: a staff token on a citizen route (or the reverse) is refused at the
    // gateway, as is a missing or expired one; the function reads who acts from the verified claims
    const authorizers: Readonly<Record<IdentityAudience, HttpJwtAuthorizer>> = {
      citizen: new HttpJwtAuthorizer('CitizenAuthorizer', props.identity.citizen.issuer, { jwtAudience: [...props.identity.citizen.audiences] }),
      staff: new HttpJwtAuthorizer('StaffAuthorizer', props.identity.staff.issuer, { jwtAudience: [...props.identity.staff.audiences] }),
    };
    for (const definition of functionDefinitions) {
      if (definition.trigger.kind !== 'http') continue;
      const fn = functions.get(definition.id);
      if (!fn) throw new Error(`function ${definition.id} belongs to no deployed context`);
      const { audience } = definition.trigger;
      const routes = this.api.addRoutes({
        path: definition.trigger.path,
        methods: [HttpMethod[definition.trigger.method]],
        integration: new HttpLambdaIntegration(`${definition.id}Integration`, fn),
        ...(audience === 'public' ? {} : { authorizer: authorizers[audience] }),
      });
      if (audience !== 'public') continue;
      for (const route of routes) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            "Public by design (route audience `public`): the catalogue and guides, the holiday notices, certificate verification, complaints, the receipt's progress lookup, the OpenAPI document and its docs page need no sign-in and return no one's personal data; every key stays tenant-scoped, and every other route has a JWT authorizer.",
        });
      }
    }
    for (const audience of ['citizen', 'staff'] as const) {
      const name = audience === 'citizen' ? 'Citizen' : 'Staff';
      new CfnOutput(this, `${name}Issuer`, { value: props.identity[audience].issuer, description: `iss of the ${audience} ID tokens the API accepts` });
      new CfnOutput(this, `${name}Audiences`, {
        value: Stack.of(this).toJsonString(props.identity[audience].audiences),
        description: `aud (app client ids) of the ${audience} ID tokens the API accepts`,
      });
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

    this.portal = new PortalHosting(this, 'Portal', {
      deployment: props.deployment,
      logBucket: props.portal.logBucket,
      apiEndpoint: this.api.apiEndpoint,
      // the code exchange is a cross-origin fetch to each issuer's host, uploads go to presigned URLs of the materials bucket
      connectSources: [props.identity.citizen.issuer, props.identity.staff.issuer, `https://${props.portal.materialsBucket.bucketRegionalDomainName}`],
      portalConfig: portalConfig(portalTenants(tenantsDirectory), props.identity, props.deployment.portal.defaultTenantId),
      assetsDirectory: props.portal.assetsDirectory,
    });
  }
}
