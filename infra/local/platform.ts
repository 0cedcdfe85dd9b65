import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { environmentNames } from '../../functions/shared/environment-names';
import { functionDefinitions } from '../definitions/functions';
import { renderWorkflow, workflowDefinitions } from '../definitions/workflows';
import { bucketDefinitions, materialsBrowserAccess } from '../definitions/buckets';
import { queueDefinitions } from '../definitions/queues';
import { tableDefinition } from '../definitions/table';
import { topicDefinitions } from '../definitions/topics';
import { localEndpointNames, localEndpointsFile } from './endpoints-file';
import { systemClock, ulidGenerator } from '../../functions/shared/runtime';
import { DynamoHolidayNoticeStore } from '../../functions/calendar/adapters/dynamo-holiday-notice-store';
import { loadShippedNotices } from '../../functions/calendar/use-cases';
import { officialCalendarYears } from '../../functions/domain/calendar-data';
import { superviseEngine } from './engine-supervisor';
import { freePort, isFree, reapOrphanedEngines, type RunningEngine, startDynamoDbLocal, startFauxqs, startOnSomePort } from './engines';
import { startHttpApi } from './http-api';
import { type PortalConfig, type PortalSite } from './portal-site';
import { startS3CorsFront } from './s3-cors-front';
import type { CitizenAccount, StaffAccount } from './identity-accounts';
import { type LocalIdentity, type RunningIssuer, signInScopes, startLocalIdentity } from './identity-provider';
import { JwtAuthorizers } from './jwt-authorizer';
import { LambdaHost } from './lambda-host';
import { QueuePollers } from './queue-pollers';
import { ensureBuckets, ensureQueues, ensureSubscriptions, ensureTable, ensureTopics } from './resources';
import { StreamCheckpoints } from './stream-checkpoints';
import { StreamPollers } from './stream-pollers';
import { LocalStepFunctions, serveStepFunctions } from './step-functions';

export interface LocalPlatformOptions {
  /** Where DynamoDB Local and fauxqs keep their data; survives restarts. */
  readonly dataDir: string;
  /** HTTP API port; 0 picks a free one. */
  readonly httpPort: number;
  readonly log?: (line: string) => void;
  /** Runs after the resources exist and before the API opens (e.g. loading tenant configuration). */
  readonly beforeServing?: (platform: { environment: Record<string, string> }) => Promise<void>;
  /** Staff accounts besides config/local/staff.yaml (tests); one with the same county and 工号 replaces the file's. */
  readonly staffAccounts?: readonly StaffAccount[];
  /** Real-name citizens besides config/local/citizens.yaml (tests); any other phone signs in as a self-registered L2 account. */
  readonly citizenAccounts?: readonly CitizenAccount[];
  /** The web app served on the API's origin (`npm start`): its build and the counties it lists. */
  readonly web?: { readonly distDir: string; readonly tenants: PortalConfig['tenants']; readonly defaultTenantId: string };
}

/** The hot-reloading dev server of the web app (`npm run dev:web`): signs in and uploads like the served build. */
export const webDevServerOrigin = 'http://localhost:5173';

export interface LocalPlatform {
  readonly url: string;
  readonly environment: Readonly<Record<string, string>>;
  /** The local state machines, in the order of `workflowDefinitions`. */
  readonly stepFunctions: readonly LocalStepFunctions[];
  readonly host: LambdaHost;
  /** The local identity providers (citizens, staff) and where sign-in codes go: what `signInCitizen` / `signInStaff` need. */
  readonly identity: { readonly citizen: RunningIssuer; readonly staff: RunningIssuer; readonly outboxFile: string; readonly enrol: LocalIdentity['enrol'] };
  /**
   * Drills only: moves the handlers' clock forward and ends every open department wait as a timeout
   * would, so escalations run at once against the moved clock.
   */
  advanceClock(milliseconds: number): void;
  /** DynamoDB Local and fauxqs (S3 and SQS), supervised: their current process ids, for drills that freeze or kill them. */
  readonly engines: readonly RunningEngine[];
  stop(): Promise<void>;
}

const localFunctionName = (id: string) => `arn:aws:lambda:us-east-1:000000000000:function:tongban-local-${id}`;

/**
 * Brings the whole platform up on this machine: real local engines, resources from the stack
 * definitions, the approval ASL on the local interpreter, queue pollers and the HTTP API, all
 * calling the same handler modules Lambda runs. Handlers learn the endpoints only through the
 * standard AWS_ENDPOINT_URL_* variables.
 */
export async function startLocalPlatform(options: LocalPlatformOptions): Promise<LocalPlatform> {
  const log = options.log ?? (() => undefined);
  mkdirSync(options.dataDir, { recursive: true });
  const engines: RunningEngine[] = [];
  const servers: Server[] = [];
  let pollers: QueuePollers | undefined;
  let streamPollers: StreamPollers | undefined;
  let stepFunctions: LocalStepFunctions[] = [];
  let identity: LocalIdentity | undefined;
  let reconciler: NodeJS.Timeout | undefined;

  const stop = async () => {
    clearInterval(reconciler);
    rmSync(localEndpointsFile(options.dataDir), { force: true });
    delete process.env[environmentNames.localClockOffsetMs];
    await pollers?.stop();
    await streamPollers?.stop();
    for (const machine of stepFunctions) machine.stopAll();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await identity?.stop();
    await Promise.all(engines.map((engine) => engine.stop()));
  };

  try {
    const reaped = await reapOrphanedEngines(options.dataDir);
    if (reaped > 0) log(`✓ stopped ${reaped} engine process(es) a killed platform left on ${options.dataDir}`);
    const wantedPorts = await enginePorts(options.dataDir);
    // the web apps' sign-in redirect URIs name the API's port, so it is chosen before the identity providers start
    const httpPort = options.httpPort === 0 ? await freePort() : options.httpPort;
    const outboxFile = join(options.dataDir, 'outbox.jsonl');
    const webOrigins = [`http://localhost:${httpPort}`, `http://127.0.0.1:${httpPort}`, webDevServerOrigin];
    const [dynamoStart, fauxqsStart, identityStart] = await Promise.allSettled([
      startOnSomePort(wantedPorts.dynamoPort, (port) => startDynamoDbLocal(port, options.dataDir)),
      startOnSomePort(wantedPorts.fauxqsPort, (port) => startFauxqs(port, options.dataDir)),
      startLocalIdentity({
        dataDir: options.dataDir,
        outboxFile,
        ports: { citizen: wantedPorts.citizenSignInPort, staff: wantedPorts.staffSignInPort },
        webOrigins,
        staffAccounts: options.staffAccounts,
        citizenAccounts: options.citizenAccounts,
        log,
      }),
    ]);
    for (const start of [dynamoStart, fauxqsStart]) if (start.status === 'fulfilled') engines.push(start.value.started);
    if (identityStart.status === 'fulfilled') identity = identityStart.value;
    if (dynamoStart.status === 'rejected') throw dynamoStart.reason;
    if (fauxqsStart.status === 'rejected') throw fauxqsStart.reason;
    if (identityStart.status === 'rejected') throw identityStart.reason;
    // watched from here on: an engine that dies is started again on its port with its data (./engine-supervisor.ts)
    engines.length = 0;
    const dynamo = superviseEngine(dynamoStart.value.started, () => startDynamoDbLocal(dynamoStart.value.port, options.dataDir), log);
    const fauxqs = superviseEngine(fauxqsStart.value.started, () => startFauxqs(fauxqsStart.value.port, options.dataDir), log);
    engines.push(dynamo, fauxqs);
    const signIn = identityStart.value;
    log(`✓ ${dynamo.name} ${dynamo.endpoint} (data: ${join(options.dataDir, 'dynamodb')})`);
    log(`✓ ${fauxqs.name} ${fauxqs.endpoint} (data: ${join(options.dataDir, 'fauxqs')})`);
    // presigned URLs name the S3 endpoint the handlers are given: the CORS front, so a browser may PUT to them
    const s3Front = await startOnSomePort(wantedPorts.s3FrontPort, (port) =>
      startS3CorsFront({ port, target: fauxqs.endpoint, allowedOrigins: webOrigins, rule: materialsBrowserAccess }),
    );
    servers.push(s3Front.started);
    const s3Endpoint = `http://127.0.0.1:${s3Front.port}`;
    log(`✓ S3 CORS front (the materials bucket's browser rules) ${s3Endpoint}`);
    log(`✓ citizen sign-in (oidc-provider, client ${signIn.citizen.clientId}; accounts: config/local/citizens.yaml) ${signIn.citizen.issuer}`);
    log(`✓ staff sign-in (oidc-provider, client ${signIn.staff.clientId}; accounts: config/local/staff.yaml) ${signIn.staff.issuer}`);

    const environment: Record<string, string> = {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_SQS: fauxqs.endpoint,
      AWS_ENDPOINT_URL_S3: s3Endpoint,
      AWS_ENDPOINT_URL_SNS: fauxqs.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      // who signed in: the local providers' issuers and app clients, with the default claim names (as Cognito's)
      [environmentNames.identitySettings]: JSON.stringify(signIn.settings),
      POWERTOOLS_SERVICE_NAME: 'tongban',
      POWERTOOLS_METRICS_NAMESPACE: 'Tongban',
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    };
    const clientConfig = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
    const dynamodb = new DynamoDBClient({ ...clientConfig, endpoint: dynamo.endpoint });
    const sqs = new SQSClient({ ...clientConfig, endpoint: fauxqs.endpoint });
    const s3 = new S3Client({ ...clientConfig, endpoint: fauxqs.endpoint, forcePathStyle: true });
    const sns = new SNSClient({ ...clientConfig, endpoint: fauxqs.endpoint });
    const streams = new DynamoDBStreamsClient({ ...clientConfig, endpoint: dynamo.endpoint });

    const tableName = await ensureTable(dynamodb);
    const queueUrls = await ensureQueues(sqs);
    const topicArns = await ensureTopics(sns);
    await ensureSubscriptions(sns, sqs, queueUrls, topicArns);
    // SMS stands in as an outbox file of everything that would have been sent
    environment[environmentNames.notificationChannel] = 'outbox';
    environment[environmentNames.notificationOutboxFile] = outboxFile;
    // every handler runs in this one process and shares one calendar cache; a short TTL keeps a loaded notice's
    // recomputation (queued TTL + 5 s later) quick, as the deployed default of 60 s does on AWS
    environment[environmentNames.calendarCacheTtlSeconds] = process.env[environmentNames.calendarCacheTtlSeconds] ?? '5';
    // certificates are signed with a key file generated on first use (a Secrets Manager secret on AWS)
    environment[environmentNames.certificateSigningKeyFile] = join(options.dataDir, 'certificate-signing-key.pem');
    for (const topic of topicDefinitions) environment[topic.arnEnvironmentVariable] = topicArns.get(topic.id) as string;
    const bucketNames = await ensureBuckets(s3);
    environment[tableDefinition.nameEnvironmentVariable] = tableName;
    for (const queue of queueDefinitions) environment[queue.urlEnvironmentVariable] = queueUrls.get(queue.id) as string;
    for (const bucket of bucketDefinitions) environment[bucket.nameEnvironmentVariable] = bucketNames.get(bucket.id) as string;
    log(`✓ resources: table ${tableName}, queues ${[...queueUrls.keys()].join(', ')}, buckets ${[...bucketNames.values()].join(', ')}`);

    const host = new LambdaHost(functionDefinitions);
    const queueSubstitutions = Object.fromEntries(
      queueDefinitions.flatMap((queue) => (queue.definitionPlaceholder ? [[queue.definitionPlaceholder, queueUrls.get(queue.id) as string]] : [])),
    );
    stepFunctions = workflowDefinitions.map((workflow) => {
      const functionSubstitutions = Object.fromEntries(
        functionDefinitions.flatMap((definition) =>
          definition.trigger.kind === 'stateMachineTask' && definition.trigger.workflow === workflow.id
            ? [[definition.trigger.definitionPlaceholder, localFunctionName(definition.id)]]
            : [],
        ),
      );
      const machine = new LocalStepFunctions({
        definition: renderWorkflow(workflow, { ...queueSubstitutions, ...functionSubstitutions }),
        stateMachineName: workflow.localName,
        sqs,
        invokeFunction: (functionName, payload) => host.invoke(functionName.replace(localFunctionName(''), ''), payload),
        onExecutionFailed: ({ executionArn, error }) => log(`✗ execution failed: ${executionArn}: ${error}`),
      });
      environment[workflow.arnEnvironmentVariable] = machine.stateMachineArn;
      return machine;
    });
    const sfn = await startOnSomePort(wantedPorts.sfnPort, (port) => serveStepFunctions(stepFunctions, port));
    servers.push(sfn.started);
    environment.AWS_ENDPOINT_URL_SFN = `http://127.0.0.1:${sfn.port}`;
    rememberEnginePorts(options.dataDir, {
      dynamoPort: dynamoStart.value.port,
      fauxqsPort: fauxqsStart.value.port,
      sfnPort: sfn.port,
      citizenSignInPort: signIn.citizen.port,
      staffSignInPort: signIn.staff.port,
      s3FrontPort: s3Front.port,
    });
    log(
      `✓ Step Functions (aws-local-stepfunctions: ${workflowDefinitions.map((workflow) => workflow.localName).join(', ')}) ${environment.AWS_ENDPOINT_URL_SFN}`,
    );

    // the handlers run in this process and read their configuration from its environment
    Object.assign(process.env, environment);
    // the notices shipped with the software are the calendar's initial data, as on deploy; loaded years are kept
    const notices = new DynamoHolidayNoticeStore(DynamoDBDocumentClient.from(dynamodb), tableName);
    const seeded = await loadShippedNotices({ notices, clock: systemClock, ids: ulidGenerator }, officialCalendarYears);
    const loadedNow = seeded.filter((result) => result.status === 'loaded').map((result) => result.year);
    if (loadedNow.length > 0) log(`✓ holiday notices (initial data): ${loadedNow.join(', ')}`);
    await options.beforeServing?.({ environment });

    pollers = new QueuePollers(sqs, host, (error) => log(`✗ queue poller: ${error.message}`));
    await pollers.start(functionDefinitions, queueUrls);
    streamPollers = new StreamPollers(dynamodb, streams, host, new StreamCheckpoints(join(options.dataDir, 'stream-checkpoints.json')), (error) =>
      log(`✗ stream poller: ${error.message}`),
    );
    await streamPollers.start(functionDefinitions, tableName);

    const resumed = await resumeInterruptedWork(dynamodb, tableName);
    if (resumed > 0) log(`✓ resumed ${resumed} case(s) awaiting acceptance or in approval from DynamoDB`);
    reconciler = startReconcilerTimer(host, log);

    // API Gateway's JWT authorizers: the route's audience decides which issuer's tokens pass
    const portal: PortalSite | undefined = options.web && {
      distDir: options.web.distDir,
      config: {
        tenants: options.web.tenants,
        defaultTenantId: options.web.defaultTenantId,
        signIn: {
          citizen: { issuer: signIn.citizen.issuer, clientId: signIn.citizen.clientId, scope: signInScopes.citizen },
          staff: { issuer: signIn.staff.issuer, clientId: signIn.staff.clientId, scope: signInScopes.staff },
        },
      },
      connectOrigins: [signIn.citizen.issuer, signIn.staff.issuer, s3Endpoint],
    };
    const api = await startHttpApi(functionDefinitions, host, httpPort, { authorizers: new JwtAuthorizers(signIn.settings), ...(portal ? { portal } : {}) });
    servers.push(api);
    const url = `http://127.0.0.1:${httpPort}`;
    // operator tools (npm run tenant:apply, npm run token) find the running platform through this file
    writeFileSync(
      localEndpointsFile(options.dataDir),
      JSON.stringify(
        { url, [localEndpointNames.citizenSignIn]: signIn.citizen.issuer, [localEndpointNames.staffSignIn]: signIn.staff.issuer, ...environment },
        null,
        2,
      ),
    );
    const advanceClock = (milliseconds: number) => {
      process.env[environmentNames.localClockOffsetMs] = String(Number(process.env[environmentNames.localClockOffsetMs] ?? 0) + milliseconds);
      for (const machine of stepFunctions) machine.timeOutOpenWaits();
    };
    return {
      url,
      environment,
      stepFunctions,
      host,
      identity: { citizen: signIn.citizen, staff: signIn.staff, outboxFile, enrol: signIn.enrol },
      advanceClock,
      engines: [dynamo, fauxqs],
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

type EnginePorts = { dynamoPort: number; fauxqsPort: number; sfnPort: number; citizenSignInPort: number; staffSignInPort: number; s3FrontPort: number };

const enginePortsFile = (dataDir: string) => join(dataDir, 'engine-ports.json');

/**
 * Engine ports are chosen once per data directory and kept, so a restart serves the same
 * endpoints (tools and long-lived SDK clients keep working); a port taken meanwhile is replaced.
 */
async function enginePorts(dataDir: string): Promise<EnginePorts> {
  const file = enginePortsFile(dataDir);
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<EnginePorts>) : {};
  const wanted = async (port: number | undefined) => (port !== undefined && (await isFree(port)) ? port : freePort());
  return {
    dynamoPort: await wanted(saved.dynamoPort),
    fauxqsPort: await wanted(saved.fauxqsPort),
    sfnPort: await wanted(saved.sfnPort),
    // an issuer's URL names its port, so a kept port also keeps tokens of the last run valid
    citizenSignInPort: await wanted(saved.citizenSignInPort),
    staffSignInPort: await wanted(saved.staffSignInPort),
    // presigned URLs of the last run name this port
    s3FrontPort: await wanted(saved.s3FrontPort),
  };
}

function rememberEnginePorts(dataDir: string, ports: EnginePorts): void {
  writeFileSync(enginePortsFile(dataDir), JSON.stringify(ports));
}

/**
 * Local executions live in memory, so after a restart every case DynamoDB says is waiting is
 * started again: the acceptance timer of each submitted case, the approval of each case in
 * approval (tasks already decided answer the new execution from their stored decision).
 */
/**
 * The stand-in for the reconciler's EventBridge schedule: the same function on a timer, every
 * TONGBAN_RECONCILE_EVERY_SECONDS (default 300; 0 turns it off, as tests that count events do).
 */
function startReconcilerTimer(host: LambdaHost, log: (line: string) => void): NodeJS.Timeout | undefined {
  const everySeconds = Number(process.env[environmentNames.localReconcileEverySeconds] ?? 300);
  if (!(everySeconds > 0)) return undefined;
  const timer = setInterval(() => {
    host.invoke('ReconcileCases', {}).then(
      (report) => {
        const { repaired, failures } = report as { repaired: number; failures: unknown[] };
        if (repaired > 0 || failures.length > 0) log(`⚠ reconciler: ${repaired} repair(s), ${failures.length} failure(s) (npm run reconcile for the detail)`);
      },
      (error: Error) => log(`✗ reconciler: ${error.message}`),
    );
  }, everySeconds * 1000);
  timer.unref();
  return timer;
}

async function resumeInterruptedWork(dynamodb: DynamoDBClient, tableName: string): Promise<number> {
  // required late: the handlers' SDK clients must be built after the local endpoints are in the environment
  const { resumeApproval, startAcceptanceTimer } = require('../../functions/intake/use-cases') as typeof import('../../functions/intake/use-cases');
  const { intakeDependencies } = require('../../functions/intake/wiring') as typeof import('../../functions/intake/wiring');
  let resumed = 0;
  let startKey: Record<string, never> | undefined;
  do {
    const page = await dynamodb.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'entity = :case AND #status IN (:submitted, :accepted, :inApproval)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':case': { S: 'Case' },
          ':submitted': { S: 'submitted' },
          ':accepted': { S: 'accepted' },
          ':inApproval': { S: 'in_approval' },
        },
        ProjectionExpression: 'tenantId, caseId, #status',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const { tenantId, caseId, status } = unmarshall(item) as { tenantId: string; caseId: string; status: string };
      if (status === 'submitted') await startAcceptanceTimer(intakeDependencies(), tenantId, caseId);
      else await resumeApproval(intakeDependencies(), tenantId, caseId);
      resumed += 1;
    }
    startKey = page.LastEvaluatedKey as typeof startKey;
  } while (startKey);
  return resumed;
}
