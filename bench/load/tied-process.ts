import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";

/** A command run for a test or a benchmark, which ends when its starter ends, however that ends. */
export interface TiedProcess {
  /** Resolves when the command has ended (with its exit code, or null when a signal ended it). */
  readonly exited: Promise<number | null>;
  running(): boolean;
  /** Sends the signal to the command, then waits until it (and its watcher) is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface TiedProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Where the command's output goes (appended), never to the starter's own output. */
  logFile: string;
}

/**
 * The command runs under `sh`, in a process group of its own, beside a watcher that reads the
 * starter's end of a pipe: when the starter ends (a test worker killed hard included) the pipe
 * closes and the watcher sends the command SIGTERM. Redis, HAProxy and the API do not watch for
 * their parent themselves. The shell exits with the command's status, so `exited` tells a crash.
 */
const TIE = 'exec 3<&0; "$@" & child=$!; { read -r _ <&3; kill -TERM "$child" 2>/dev/null; } & wait "$child"';

/** Process groups still running, killed when the starter exits normally without stopping them. */
const live = new Set<number>();
process.on("exit", () => {
  for (const group of live) signalGroup(group, "SIGKILL");
});

/** How long `stop` waits after its signal before it sends SIGKILL. */
const STOP_MS = 15_000;

export function spawnTied(command: string, args: readonly string[], options: TiedProcessOptions): TiedProcess {
  const log = openSync(options.logFile, "a");
  const child = spawn("sh", ["-c", TIE, "sh", command, ...args], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["pipe", log, log],
  });
  closeSync(log);
  const group = child.pid;
  if (group === undefined) throw new Error(`could not start ${command}`);
  live.add(group);
  let ended = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      ended = true;
      resolve(code);
    });
  });
  return {
    exited,
    running: () => !ended,
    stop: async (signal = "SIGTERM") => {
      signalGroup(group, signal);
      if (!(await groupGone(group, STOP_MS))) {
        signalGroup(group, "SIGKILL");
        await groupGone(group, STOP_MS);
      }
      live.delete(group);
      await exited;
      child.stdin?.destroy();
    },
  };
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch {
    // The group is already gone.
  }
}

/** Polls until no process of the group is left; false when some still are after `withinMs`. */
async function groupGone(group: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    try {
      process.kill(-group, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
