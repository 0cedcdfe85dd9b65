import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AttributeType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { copyIntoBundle } from '../../infra/context-functions';
import { apiDocsFunctionDefinitions } from '../../infra/definitions/functions';
import { platformFunction } from '../../infra/platform-function';

const repositoryRoot = join(__dirname, '..', '..');

/**
 * The API docs functions bundled as on AWS (esbuild, then the `bundledFiles` copy), and their bundles run with Node
 * outside the repository, where no node_modules can be found: what they serve must be in the bundle itself.
 */
describe('given the API docs functions bundled as for AWS', () => {
  const app = new App();
  const stack = new Stack(app, 'ApiDocsTest');
  const table = new TableV2(stack, 'Table', { partitionKey: { name: 'PK', type: AttributeType.STRING } });
  for (const definition of apiDocsFunctionDefinitions)
    platformFunction(stack, definition.id, {
      entry: definition.entry,
      table,
      ...(definition.bundledFiles ? { commandHooks: copyIntoBundle(definition.bundledFiles) } : {}),
    });
  const assembly = app.synth();
  const functions = Template.fromStack(stack).findResources('AWS::Lambda::Function');
  const bundleOf = (id: string): string => {
    const [, fn] = Object.entries(functions).find(([logicalId]) => logicalId.startsWith(id) && !logicalId.startsWith(`${id}Logs`)) ?? [];
    return join(assembly.directory, `asset.${String(fn?.Properties.Code.S3Key).replace(/\.zip$/, '')}`);
  };

  // what the Lambda runtime provides besides the bundle: the AWS SDK (bundling leaves @aws-sdk/* out), and nothing else
  const runtimeModules = mkdtempSync(join(tmpdir(), 'tongban-lambda-runtime-'));
  mkdirSync(join(runtimeModules, 'node_modules'));
  symlinkSync(join(repositoryRoot, 'node_modules', '@aws-sdk'), join(runtimeModules, 'node_modules', '@aws-sdk'));
  afterAll(() => rmSync(runtimeModules, { recursive: true, force: true }));

  /** Runs the bundle's handler in a child Node process (no jest module resolution) and returns its answer. */
  const invoke = (id: string, pathParameters?: Record<string, string>) => {
    const event = { rawPath: '/docs', requestContext: { requestId: 'R-infra' }, ...(pathParameters ? { pathParameters } : {}) };
    const context = { functionName: id, awsRequestId: 'R-infra' };
    // the answer goes to a file: the function's own logs are on stdout
    const answer = join(runtimeModules, `${id}.json`);
    const script = `require(${JSON.stringify(join(bundleOf(id), 'index.js'))}).handler(${JSON.stringify(event)}, { ...${JSON.stringify(context)}, getRemainingTimeInMillis: () => 1000 })
      .then((reply) => require('node:fs').writeFileSync(${JSON.stringify(answer)}, JSON.stringify(reply)))`;
    execFileSync(process.execPath, ['-e', script], {
      cwd: assembly.directory,
      env: { PATH: process.env.PATH, NODE_PATH: join(runtimeModules, 'node_modules'), POWERTOOLS_TRACE_ENABLED: 'false', POWERTOOLS_LOG_LEVEL: 'ERROR' },
      stdio: 'ignore',
    });
    return JSON.parse(readFileSync(answer, 'utf8')) as { statusCode: number; headers: Record<string, string>; body: string };
  };

  it('when the OpenAPI function runs, then it answers the committed document, which esbuild bundled', () => {
    const reply = invoke('GetOpenApiDocument');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(reply.body)).toEqual(JSON.parse(readFileSync(join(repositoryRoot, 'schemas', 'openapi.json'), 'utf8')));
  });

  it("when the asset function runs, then it serves swagger-ui-dist's files from its own bundle", () => {
    for (const { to, from } of apiDocsFunctionDefinitions.flatMap((definition) => definition.bundledFiles ?? [])) {
      expect(readFileSync(join(bundleOf('GetApiDocsAsset'), to), 'utf8')).toBe(readFileSync(join(repositoryRoot, from), 'utf8'));
    }
    const reply = invoke('GetApiDocsAsset', { asset: 'swagger-ui.css' });
    expect([reply.statusCode, reply.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
    expect(reply.body).toBe(readFileSync(join(repositoryRoot, 'node_modules', 'swagger-ui-dist', 'swagger-ui.css'), 'utf8'));
  });

  it('when the page function runs, then it answers the HTML page under its Content-Security-Policy', () => {
    const reply = invoke('GetApiDocsPage');
    expect([reply.statusCode, reply.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(reply.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });
});
