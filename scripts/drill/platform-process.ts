/**
 * The local platform under the drill: `npm start` (infra/local/start.ts through tsx) as a child process in its own
 * process group, on the drill's data directory and port. It is crashed the way a machine crashes a program (SIGKILL to
 * the one node process that runs start.ts, nothing else), restarted on the same data and port, and stopped as a person
 * stops it (SIGINT). Its engines (DynamoDB Local, fauxqs) are found as its child processes by their command lines.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { localEndpointsFile } from '../../infra/local/endpoints-file';
import { descendantsOf, pause, type ProcessInfo, running, signal, waitFor } from './processes';

const repositoryRoot = join(__dirname, '..', '..');
const binDirectory = join(repositoryRoot, 'node_modules', '.bin');

/** The first start may build the web app first (web/dist missing or stale), which takes a minute or more. */
const FIRST_START_TIMEOUT_MS = 300_000;
const RESTART_TIMEOUT_MS = 180_000;
/** Ctrl-C stops the HTTP server, the pollers and then the engines; longer than that is a hang. */
const STOP_TIMEOUT_MS = 30_000;

export type EngineKind = 'dynamodb' | 'fauxqs';

export const engineNames: Record<EngineKind, string> = { dynamodb: 'DynamoDB Local', fauxqs: 'fauxqs' };

/** Lines of the platform's output that say something went wrong, counted by their shape (ids and numbers left out). */
export interface NoteworthyLine {
  readonly example: string;
  readonly count: number;
}

/** The platform did not come to serve: it exited, or did not answer in time. */
export class StartFailed extends Error {}

export class DrillPlatform {
  private wrapper?: ChildProcess;
  private wrapperExit?: Promise<void>;
  private readonly log: WriteStream;
  private readonly noteworthy = new Map<string, NoteworthyLine>();
  private readonly recentLines: string[] = [];
  /** Engine processes a crash left behind, still running: reaped at the end (or earlier, if a restart needs their ports). */
  private readonly orphans: ProcessInfo[] = [];
  /** Times the platform came to serve (the first start included). */
  starts = 0;
  /** Orphaned engines seen right after each crash. */
  orphansLeft = 0;
  /** Restarts that failed until the orphans of earlier crashes were killed. */
  restartsNeedingOrphansKilled = 0;
  /** The engine supervisor's own word that it restarted an engine (`✓ … restarted`). */
  engineRestartsLogged = 0;

  constructor(
    readonly dataDir: string,
    readonly port: number,
    private readonly probePath: string,
  ) {
    this.log = createWriteStream(join(dataDir, 'drill-platform.log'), { flags: 'a' });
  }

  /** What a running platform publishes: its URL, the table, the queues and the engines' endpoints (they move after a crash). */
  endpoints(): Record<string, string> {
    return JSON.parse(readFileSync(localEndpointsFile(this.dataDir), 'utf8')) as Record<string, string>;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the platform and waits until it serves: its endpoints file written by this start, and a public route answering 200. */
  async start(timeoutMs = this.starts === 0 ? FIRST_START_TIMEOUT_MS : RESTART_TIMEOUT_MS): Promise<void> {
    const spawnedAt = Date.now();
    const child = spawn(join(binDirectory, 'tsx'), ['infra/local/start.ts'], {
      cwd: repositoryRoot,
      // npm's PATH: `node` is the project's Node 22, which fauxqs and the engines need
      env: { ...process.env, TONGBAN_DATA_DIR: this.dataDir, PORT: String(this.port), PATH: `${binDirectory}:${process.env.PATH ?? ''}` },
      // its own process group: a Ctrl-C of the drill's terminal reaches the drill only, which stops the platform itself
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.wrapper = child;
    let exited = false;
    this.wrapperExit = new Promise((resolve) =>
      child.once('exit', () => {
        exited = true;
        resolve();
      }),
    );
    for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => this.heard(line));
    const endpointsFile = localEndpointsFile(this.dataDir);
    const served = await waitFor(async () => {
      if (exited) return true;
      // a crash leaves the last run's file behind: only one written by this start counts
      if (!existsSync(endpointsFile) || statSync(endpointsFile).mtimeMs < spawnedAt) return false;
      return this.answers();
    }, timeoutMs);
    if (exited || !served) {
      if (!exited) await this.killGroup();
      throw new StartFailed(
        `本地平台未能启动 / The local platform did not come to serve (${exited ? 'it exited' : `no answer in ${timeoutMs / 1000} s`}):\n${this.recentLines.join('\n')}`,
      );
    }
    this.starts += 1;
  }

  /** A restart on the same data and port; only if it cannot start, the engines earlier crashes left behind are killed and it tries once more. */
  async restart(): Promise<void> {
    try {
      await this.start();
    } catch (error) {
      if (!(error instanceof StartFailed) || this.orphans.length === 0) throw error;
      this.restartsNeedingOrphansKilled += 1;
      this.reapOrphans();
      await this.start();
    }
  }

  /** The node process that runs start.ts (tsx runs it as its child): the one a crash takes down. */
  platformProcess(): ProcessInfo | undefined {
    const wrapper = this.wrapper?.pid === undefined ? undefined : running(this.wrapper.pid);
    if (!wrapper) return undefined;
    const candidates = [wrapper, ...descendantsOf(wrapper.pid)].filter((candidate) => candidate.commandLine.includes('infra/local/start.ts'));
    return candidates[candidates.length - 1];
  }

  /** The running engine of this platform (a child of its process, on this data directory). */
  engine(kind: EngineKind): ProcessInfo | undefined {
    const platform = this.platformProcess();
    return platform ? descendantsOf(platform.pid).find((candidate) => this.isEngine(candidate, kind)) : undefined;
  }

  /** SIGKILL to the platform's node process only, as a crash or the OOM killer would; what it started is left as it is. */
  async crash(): Promise<void> {
    const platform = this.platformProcess();
    if (!platform) throw new Error('no platform process to kill');
    const engines = (['dynamodb', 'fauxqs'] as const).flatMap((kind) => this.engine(kind) ?? []);
    signal(platform.pid, 'SIGKILL');
    // tsx exits with its child; should it not, it goes too (it is only the launcher)
    if (!(await this.wrapperExited(10_000)) && this.wrapper?.pid) signal(this.wrapper.pid, 'SIGKILL');
    await this.wrapperExited(10_000);
    const left = engines.filter((engine) => running(engine.pid));
    this.orphansLeft += left.length;
    this.orphans.push(...left);
  }

  /** Waits until the engine supervisor has started the engine again: a new process, and its word for it in the output. */
  async engineRestarted(kind: EngineKind, killedPid: number, restartsLoggedBefore: number, timeoutMs = 90_000): Promise<boolean> {
    return waitFor(() => {
      const current = this.engine(kind);
      return current !== undefined && current.pid !== killedPid && this.engineRestartsLogged > restartsLoggedBefore;
    }, timeoutMs);
  }

  /** Ctrl-C, as a person stops `npm start`; SIGKILL to its whole process group if it does not stop in time. Then the orphans go. */
  async stop(): Promise<'stopped' | 'killed' | 'not running'> {
    let outcome: 'stopped' | 'killed' | 'not running' = 'not running';
    if (this.wrapper?.pid !== undefined && running(this.wrapper.pid)) {
      // tsx passes the signal on to the node process that runs start.ts
      signal(this.wrapper.pid, 'SIGINT');
      outcome = (await this.wrapperExited(STOP_TIMEOUT_MS)) ? 'stopped' : 'killed';
      if (outcome === 'killed') await this.killGroup();
    }
    this.reapOrphans();
    await new Promise((resolve) => this.log.end(resolve));
    return outcome;
  }

  /** The noteworthy lines of the platform's output: ✗ and ⚠ lines and error logs, most frequent first. */
  noteworthyLines(): NoteworthyLine[] {
    return [...this.noteworthy.values()].sort((a, b) => b.count - a.count);
  }

  get orphansRunning(): number {
    return this.orphans.filter((orphan) => this.stillThe(orphan)).length;
  }

  private heard(line: string): void {
    this.log.write(`${line}\n`);
    this.recentLines.push(line);
    if (this.recentLines.length > 30) this.recentLines.shift();
    if (/^✓ .* restarted http/.test(line)) this.engineRestartsLogged += 1;
    if (!/^\s*(✗|⚠)/.test(line) && !/"level":"(ERROR|CRITICAL|WARN)"/.test(line)) return;
    // the holiday-notice reminder after every start says nothing about the drill
    if (line.includes('npm run calendar:load')) return;
    const shape = line
      .replace(/[0-9A-HJKMNP-TV-Z]{26}/g, '<id>')
      .replace(/"(timestamp|xray_trace_id|function_request_id|requestId|correlation_id)":"[^"]*"/g, '"$1":"…"')
      .replace(/\d+/g, '#');
    const known = this.noteworthy.get(shape);
    this.noteworthy.set(shape, { example: known?.example ?? line.slice(0, 400), count: (known?.count ?? 0) + 1 });
  }

  private isEngine(candidate: ProcessInfo, kind: EngineKind): boolean {
    return kind === 'dynamodb'
      ? candidate.commandLine.includes('DynamoDBLocal.jar') && candidate.commandLine.includes(join(this.dataDir, 'dynamodb'))
      : candidate.commandLine.includes('fauxqs-server.mjs') && candidate.commandLine.includes(join(this.dataDir, 'fauxqs'));
  }

  /** The recorded process still runs with the same command line (its id was not given to another process meanwhile). */
  private stillThe(recorded: ProcessInfo): boolean {
    return running(recorded.pid)?.commandLine === recorded.commandLine;
  }

  private reapOrphans(): void {
    for (const orphan of this.orphans.splice(0)) if (this.stillThe(orphan)) signal(orphan.pid, 'SIGKILL');
  }

  private async answers(): Promise<boolean> {
    try {
      return (await fetch(`${this.url}${this.probePath}`, { signal: AbortSignal.timeout(5_000) })).status === 200;
    } catch {
      return false;
    }
  }

  private async wrapperExited(timeoutMs: number): Promise<boolean> {
    if (!this.wrapperExit) return true;
    return Promise.race([this.wrapperExit.then(() => true), pause(timeoutMs).then(() => false)]);
  }

  /** The group is the drill's own (the platform was started detached): nothing else is in it. */
  private async killGroup(): Promise<void> {
    if (this.wrapper?.pid === undefined) return;
    signal(-this.wrapper.pid, 'SIGKILL');
    await this.wrapperExited(10_000);
  }
}
