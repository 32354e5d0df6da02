import type { RestartSettings } from "../config.js";
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions, type ProcessExit } from "./embedded-neo4j.js";

/** Where the supervisor reports: an exit and a failed restart are warnings, giving up an error. */
export interface SupervisionLog {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

export interface SupervisionOptions {
  restart: RestartSettings;
  log: SupervisionLog;
  /**
   * True once the API is shutting down on purpose. Ctrl-C reaches the JVM too (same process group),
   * and it may end before the API gets to call stop(); that exit is no crash.
   */
  isStopping?: () => boolean;
  /** Starts the JVM again; startEmbeddedNeo4j unless a test gives a stand-in. */
  start?: (options: EmbeddedOptions) => Promise<EmbeddedNeo4j>;
}

/** A database restarted that stays up this long counts as recovered: the next exit starts a new count of attempts. */
export const STABLE_AFTER_MS = 60_000;

/** The wait before restart attempt `attempt` (from 1): doubling from the first delay, capped. */
export function restartDelayMs(attempt: number, settings: RestartSettings): number {
  return Math.min(settings.firstDelayMs * 2 ** (attempt - 1), settings.maxDelayMs);
}

/** "exit code 1" or "signal SIGKILL": how the JVM ended, nothing else (its output is in its own log file). */
export function describeExit(exit: ProcessExit): string {
  return exit.signal !== null ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

export interface SupervisedNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  origin: "embedded";
  /** The JVM running now (it changes with each restart). */
  pid(): number;
  /** Stops supervising, then the JVM (waiting for a restart under way); safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Watches an embedded Neo4j kept in a data folder of its own: when its JVM ends without stop()
 * (killed, out of memory), logs how it ended and starts it again on the same folder and the same
 * Bolt port, after a back-off, so that the driver, which keeps the URI, reconnects by itself and
 * `/ready` turns 200 again. The password is the one kept in the folder, so it does not change either.
 */
export function superviseEmbeddedNeo4j(first: EmbeddedNeo4j, options: SupervisionOptions): SupervisedNeo4j {
  const { restart, log, start = startEmbeddedNeo4j } = options;
  const port = Number(new URL(first.uri).port);
  let current = first;
  let startedAt = performance.now();
  let attemptsInARow = 0;
  let stopped = false;
  let restarting: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const deliberate = () => stopped || (options.isStopping?.() ?? false);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const watch = (instance: EmbeddedNeo4j) => {
    void instance.exited.then((exit) => {
      if (deliberate() || instance !== current) return;
      restarting = recover(instance, exit).finally(() => (restarting = undefined));
    });
  };

  const recover = async (dead: EmbeddedNeo4j, exit: ProcessExit) => {
    const ranMs = performance.now() - startedAt;
    if (ranMs >= STABLE_AFTER_MS) attemptsInARow = 0;
    if (restart.attempts === 0) {
      log.error(`the embedded Neo4j (process ${dead.pid}) ended unexpectedly (${describeExit(exit)}); restarts are off (NEO4J_RESTART_ATTEMPTS=0)`);
      return;
    }
    log.warn(`the embedded Neo4j (process ${dead.pid}) ended unexpectedly (${describeExit(exit)}); starting it again on the same data folder`);
    // Drops the dead JVM from the embedded module's list of live ones; it returns at once.
    await dead.stop();
    while (!deliberate()) {
      if (attemptsInARow >= restart.attempts) {
        log.error(
          `the embedded Neo4j could not be kept running: ${restart.attempts} restarts in a row; the API answers ` +
            "DATABASE_UNAVAILABLE until it is restarted (NEO4J_RESTART_ATTEMPTS)",
        );
        return;
      }
      attemptsInARow += 1;
      const delay = restartDelayMs(attemptsInARow, restart);
      log.info(`restart ${attemptsInARow} of ${restart.attempts} of the embedded Neo4j in ${(delay / 1000).toFixed(1)} s`);
      await sleep(delay);
      if (deliberate()) return;
      try {
        const next = await start({ home: dead.home, port, log: (line) => log.info(line) });
        if (deliberate()) {
          await next.stop();
          return;
        }
        current = next;
        startedAt = performance.now();
        log.info(`the embedded Neo4j runs again (process ${next.pid}, restart ${attemptsInARow} of ${restart.attempts})`);
        watch(next);
        return;
      } catch (error) {
        // Ctrl-C reaches a JVM that is starting too: no failure to report.
        if (deliberate()) return;
        log.warn(`restart ${attemptsInARow} of the embedded Neo4j failed: ${(error as Error).message}`);
      }
    }
  };

  watch(first);
  let stopping: Promise<void> | undefined;
  return {
    uri: first.uri,
    user: first.user,
    password: first.password,
    database: first.database,
    origin: "embedded",
    pid: () => current.pid,
    stop: () =>
      (stopping ??= (async () => {
        stopped = true;
        wake?.();
        await restarting;
        await current.stop();
      })()),
  };
}
