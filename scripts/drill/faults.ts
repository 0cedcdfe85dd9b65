/**
 * What the drill does to the platform while the flows run: K crashes of the platform's process at random moments, each
 * followed by a restart on the same data and port; and once, between the crashes, poison on every queue, each engine
 * frozen for 8 s (SIGSTOP, then SIGCONT: a stalled dependency) and each engine killed (the supervisor must bring it
 * back on its port with its data). The moments are paced by the flows' requests, so the faults meet work in progress
 * however fast this machine runs the flows, and drawn from a seeded generator, so a run can be repeated.
 */
import { type DrillPlatform, type EngineKind, engineNames } from './platform-process';
import { poisonEveryQueue } from './poison';
import { pause, signal, waitFor } from './processes';

/** How long an engine stays frozen: longer than one bounded SDK call (5 s), shorter than two (the 503 threshold). */
const FREEZE_MS = 8_000;
/** Once the flows are done, the gap before each remaining fault (the event chain is still at work). */
const GAP_AFTER_FLOWS_MS = { min: 4_000, max: 16_000 } as const;
/** The poison, the two freezes and the two engine kills. */
const ENGINE_FAULTS = 5;

const engines: readonly EngineKind[] = ['dynamodb', 'fauxqs'];

/** A small seeded generator (mulberry32): the same seed gives the same moments. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface FaultFigures {
  platformKills: number;
  /** Of those, the kills while flows were still running (the rest hit the event chain after the last flow). */
  killsDuringFlows: number;
  restarts: number;
  engineFreezes: Record<EngineKind, number>;
  engineKills: Record<EngineKind, number>;
  /** Engines back on their port after their kill, by the supervisor's word and a new process. */
  engineRestarts: Record<EngineKind, number>;
  poisonMessages: number;
  /** Each fault with its moment, for the report. */
  readonly timeline: string[];
}

/** How far the flows are: whether they still run, how many requests they have sent, and about how many they will send. */
export interface FlowProgress {
  running(): boolean;
  sent(): number;
  readonly expectedRequests: number;
}

export class FaultSchedule {
  readonly figures: FaultFigures = {
    platformKills: 0,
    killsDuringFlows: 0,
    restarts: 0,
    engineFreezes: { dynamodb: 0, fauxqs: 0 },
    engineKills: { dynamodb: 0, fauxqs: 0 },
    engineRestarts: { dynamodb: 0, fauxqs: 0 },
    poisonMessages: 0,
    timeline: [],
  };
  private frozen?: number;
  private flows?: FlowProgress;

  constructor(
    private readonly platform: DrillPlatform,
    private readonly kills: number,
    private readonly random: () => number,
    private readonly startedAt: number,
    private readonly say: (line: string) => void,
  ) {}

  /** Every fault, in order, spread over the flows' requests. */
  async run(flows: FlowProgress): Promise<void> {
    this.flows = flows;
    // the engine faults come halfway through the crashes, so work interrupted by both meets both
    const engineFaultsAfter = Math.ceil(this.kills / 2);
    if (engineFaultsAfter === 0) await this.engineFaults();
    for (let kill = 1; kill <= this.kills; kill += 1) {
      await this.gap();
      await this.crashAndRestart(flows.running());
      if (kill === engineFaultsAfter) await this.engineFaults();
    }
  }

  /** Lets a frozen engine run again (the drill is interrupted mid-freeze). */
  thaw(): void {
    if (this.frozen !== undefined) signal(this.frozen, 'SIGCONT');
    this.frozen = undefined;
  }

  private async crashAndRestart(duringFlows: boolean): Promise<void> {
    const pid = this.platform.platformProcess()?.pid;
    const orphansBefore = this.platform.orphansLeft;
    await this.platform.crash();
    this.figures.platformKills += 1;
    if (duringFlows) this.figures.killsDuringFlows += 1;
    const down = Date.now();
    await this.platform.restart();
    this.figures.restarts += 1;
    this.note(
      `kill -9 platform (pid ${pid}${duringFlows ? '' : ', after the last flow'}): ${this.platform.orphansLeft - orphansBefore} engine process(es) left running; serving again after ${((Date.now() - down) / 1000).toFixed(0)} s`,
    );
  }

  private async engineFaults(): Promise<void> {
    await this.gap();
    try {
      this.figures.poisonMessages += await poisonEveryQueue(this.platform.endpoints());
      this.note(`poison: ${this.figures.poisonMessages} message(s) on the work queues`);
    } catch (error) {
      this.note(`poison could not be sent: ${(error as Error).message}`);
    }
    for (const kind of engines) {
      await this.gap();
      const engine = this.platform.engine(kind);
      if (!engine) {
        this.note(`freeze ${engineNames[kind]}: no process found`);
        continue;
      }
      this.frozen = engine.pid;
      signal(engine.pid, 'SIGSTOP');
      await pause(FREEZE_MS);
      this.thaw();
      this.figures.engineFreezes[kind] += 1;
      this.note(`froze ${engineNames[kind]} (pid ${engine.pid}) for ${FREEZE_MS / 1000} s`);
    }
    for (const kind of engines) {
      await this.gap();
      const engine = this.platform.engine(kind);
      if (!engine) {
        this.note(`kill ${engineNames[kind]}: no process found`);
        continue;
      }
      const loggedBefore = this.platform.engineRestartsLogged;
      signal(engine.pid, 'SIGKILL');
      this.figures.engineKills[kind] += 1;
      const killedAt = Date.now();
      const back = await this.platform.engineRestarted(kind, engine.pid, loggedBefore);
      if (back) this.figures.engineRestarts[kind] += 1;
      this.note(
        `kill -9 ${engineNames[kind]} (pid ${engine.pid}): ${back ? `restarted by the supervisor after ${((Date.now() - killedAt) / 1000).toFixed(0)} s` : 'NOT restarted within 90 s'}`,
      );
    }
  }

  /**
   * Until the next fault: while the flows run, a random number of their requests (on average, the faults spread over the
   * first half of what the flows send, as restarts slow them and the last flows may finish early); the fault then comes
   * as a request has just gone out, so it meets work in progress. After the flows, a random time.
   */
  private async gap(): Promise<void> {
    const flows = this.flows as FlowProgress;
    const meanRequests = flows.expectedRequests / (2 * (this.kills + ENGINE_FAULTS + 1));
    const target = flows.sent() + meanRequests * (0.5 + this.random());
    await waitFor(() => !flows.running() || flows.sent() >= target, Number.POSITIVE_INFINITY, 50);
    if (!flows.running()) await pause(GAP_AFTER_FLOWS_MS.min + this.random() * (GAP_AFTER_FLOWS_MS.max - GAP_AFTER_FLOWS_MS.min));
  }

  private note(line: string): void {
    const entry = `[${String(Math.round((Date.now() - this.startedAt) / 1000)).padStart(4)} s] ${line}`;
    this.figures.timeline.push(entry);
    this.say(entry);
  }
}
