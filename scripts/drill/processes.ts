/**
 * The processes of the local platform as the kernel sees them (Linux /proc): the drill kills, freezes and reaps by
 * process id, found by parentage and command line, never by a name pattern that could hit someone else's process.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  readonly pid: number;
  readonly parentPid: number;
  /** The arguments, joined by spaces. */
  readonly commandLine: string;
}

function processInfo(pid: number): ProcessInfo | undefined {
  try {
    // the command name in field 2 may hold spaces and parentheses: the fields after its closing parenthesis are fixed
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return { pid, parentPid, commandLine };
  } catch {
    return undefined; // gone meanwhile
  }
}

function allProcesses(): ProcessInfo[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => processInfo(Number(name)) ?? []);
}

/** Every process below `pid` (children, their children, …). */
export function descendantsOf(pid: number): ProcessInfo[] {
  const processes = allProcesses();
  const found: ProcessInfo[] = [];
  let parents = new Set([pid]);
  while (parents.size > 0) {
    const children = processes.filter((candidate) => parents.has(candidate.parentPid));
    found.push(...children);
    parents = new Set(children.map((child) => child.pid));
  }
  return found;
}

/** The process if it still runs (a zombie counts as gone). */
export function running(pid: number): ProcessInfo | undefined {
  try {
    if (/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'))) return undefined;
  } catch {
    return undefined;
  }
  return processInfo(pid);
}

/** Sends a signal; false when the process is already gone. */
export function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `probe` holds, checking every `everyMs`; false when `timeoutMs` passed first. */
export async function waitFor(probe: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() > deadline) return false;
    await pause(everyMs);
  }
}
