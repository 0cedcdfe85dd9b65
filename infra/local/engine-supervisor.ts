import type { RunningEngine } from './engines';

/**
 * Keeps an engine running: when its process dies (a crash, `kill -9`, the OOM killer) it is started again on the same
 * port with the same data directory, so every client's endpoint stays right and nothing stored is lost; the handlers'
 * bounded waits answer 503 meanwhile. Restarts back off (1 s, 2 s, … at most 10 s) while the engine will not come up.
 * Stopping the supervised engine stops it for good.
 */
export function superviseEngine(first: RunningEngine, restart: () => Promise<RunningEngine>, log: (line: string) => void): RunningEngine {
  let current = first;
  let stopping = false;
  const watch = (engine: RunningEngine) => {
    void engine.exited.then(async () => {
      if (stopping) return;
      log(`⚠ ${engine.name} stopped unexpectedly; restarting it on ${engine.endpoint} with its data`);
      for (let attempt = 1; !stopping; attempt += 1) {
        try {
          current = await restart();
          if (stopping) {
            await current.stop();
            return;
          }
          log(`✓ ${current.name} restarted ${current.endpoint}`);
          watch(current);
          return;
        } catch (error) {
          log(`✗ ${engine.name} restart ${attempt} failed: ${(error as Error).message.split('\n')[0]}`);
          await new Promise((resolve) => setTimeout(resolve, Math.min(1_000 * attempt, 10_000)));
        }
      }
    });
  };
  watch(first);
  return {
    name: first.name,
    endpoint: first.endpoint,
    get pid() {
      return current.pid;
    },
    get exited() {
      return current.exited;
    },
    stop: async () => {
      stopping = true;
      await current.stop();
    },
  };
}
