import { describe, expect, it } from "vitest";

import type { RestartSettings } from "../../src/config.js";
import type { EmbeddedNeo4j, EmbeddedOptions, ProcessExit } from "../../src/db/embedded-neo4j.js";
import { describeExit, superviseEmbeddedNeo4j, type SupervisionOptions } from "../../src/db/neo4j-supervisor.js";

/**
 * The supervisor's decisions, with stand-ins for the JVM (no database): what it restarts, where,
 * how often before giving up, and when it leaves a JVM's end alone. The real JVM killed under
 * `npm start` is database-supervision.test.ts.
 */

interface FakeJvm extends EmbeddedNeo4j {
  /** Ends this stand-in as a process ends. */
  end(exit: ProcessExit): void;
  stops: number;
}

let nextPid = 1_000;

function fakeJvm(home: string, port: number): FakeJvm {
  let end!: (exit: ProcessExit) => void;
  const exited = new Promise<ProcessExit>((resolve) => (end = resolve));
  const jvm: FakeJvm = {
    uri: `bolt://127.0.0.1:${port}`,
    user: "neo4j",
    password: "kept-in-the-folder",
    database: "neo4j",
    origin: "embedded",
    pid: nextPid++,
    home,
    exited,
    end,
    stops: 0,
    stop: async () => {
      jvm.stops += 1;
      end({ code: 0, signal: null });
    },
  };
  return jvm;
}

interface Harness {
  lines: { level: "info" | "warn" | "error"; line: string }[];
  starts: EmbeddedOptions[];
  started: FakeJvm[];
  options: SupervisionOptions;
}

/** Supervision options whose start makes stand-ins, or fails `failing` times first. */
function harness(restart: RestartSettings, behaviour: { failing?: number; isStopping?: () => boolean } = {}): Harness {
  const lines: Harness["lines"] = [];
  const starts: EmbeddedOptions[] = [];
  const started: FakeJvm[] = [];
  let failures = behaviour.failing ?? 0;
  return {
    lines,
    starts,
    started,
    options: {
      restart,
      isStopping: behaviour.isStopping,
      log: {
        info: (line) => lines.push({ level: "info", line }),
        warn: (line) => lines.push({ level: "warn", line }),
        error: (line) => lines.push({ level: "error", line }),
      },
      start: async (options) => {
        starts.push(options);
        if (failures > 0) {
          failures -= 1;
          throw new Error("embedded Neo4j exited before it was ready (exit code 1)");
        }
        const jvm = fakeJvm(options.home!, options.port!);
        started.push(jvm);
        return jvm;
      },
    },
  };
}

/** Waits (bounded: 2 s) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition() && waited < 2_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
}

const FAST: RestartSettings = { attempts: 3, firstDelayMs: 1, maxDelayMs: 4 };

describe("the supervisor of the embedded Neo4j", () => {
  it("names how the JVM ended", () => {
    expect(describeExit({ code: null, signal: "SIGKILL" })).toBe("signal SIGKILL");
    expect(describeExit({ code: 137, signal: null })).toBe("exit code 137");
  });

  it("starts a JVM that was killed again, on the same folder and port, and the next one too", async () => {
    const test = harness(FAST);
    const first = fakeJvm("/data/neo4j", 7690);
    const supervised = superviseEmbeddedNeo4j(first, test.options);
    expect(supervised.uri).toBe("bolt://127.0.0.1:7690");

    first.end({ code: null, signal: "SIGKILL" });
    await until(() => test.started.length === 1);
    expect(test.starts.map(({ home, port }) => ({ home, port }))).toEqual([{ home: "/data/neo4j", port: 7690 }]);
    expect(supervised.pid()).toBe(test.started[0]!.pid);
    expect(test.lines.filter(({ level }) => level === "warn").map(({ line }) => line)).toEqual([
      `the embedded Neo4j (process ${first.pid}) ended unexpectedly (signal SIGKILL); starting it again on the same data folder`,
    ]);

    test.started[0]!.end({ code: 1, signal: null });
    await until(() => test.started.length === 2);
    expect(supervised.pid()).toBe(test.started[1]!.pid);
    // Neither restarted JVM stayed up 60 s: the count goes on.
    expect(test.lines.map(({ line }) => line)).toContain(`the embedded Neo4j runs again (process ${test.started[1]!.pid}, restart 2 of 3)`);

    await supervised.stop();
    expect(test.started[1]!.stops).toBe(1);
    expect(test.starts).toHaveLength(2);
  });

  it("gives up after the configured number of failed restarts, and says so", async () => {
    const test = harness(FAST, { failing: 100 });
    const first = fakeJvm("/data/neo4j", 7691);
    const supervised = superviseEmbeddedNeo4j(first, test.options);
    first.end({ code: null, signal: "SIGKILL" });
    await until(() => test.lines.some(({ level }) => level === "error"));
    expect(test.starts).toHaveLength(3);
    expect(test.lines.filter(({ level }) => level === "warn")).toHaveLength(1 + 3);
    expect(test.lines.filter(({ level }) => level === "error").map(({ line }) => line)).toEqual([
      "the embedded Neo4j could not be kept running: 3 restarts in a row; the API answers DATABASE_UNAVAILABLE until it is restarted (NEO4J_RESTART_ATTEMPTS)",
    ]);
    await supervised.stop();
    expect(test.starts).toHaveLength(3);
  });

  it("recovers when a later attempt succeeds", async () => {
    const test = harness(FAST, { failing: 2 });
    const first = fakeJvm("/data/neo4j", 7692);
    const supervised = superviseEmbeddedNeo4j(first, test.options);
    first.end({ code: null, signal: "SIGKILL" });
    await until(() => test.started.length === 1);
    expect(test.starts).toHaveLength(3);
    expect(supervised.pid()).toBe(test.started[0]!.pid);
    expect(test.lines.filter(({ level }) => level === "error")).toEqual([]);
    await supervised.stop();
  });

  it("restarts nothing when the JVM ends on the API's stop, or while the API is stopping", async () => {
    const stoppedFirst = harness(FAST);
    const first = fakeJvm("/data/neo4j", 7693);
    await superviseEmbeddedNeo4j(first, stoppedFirst.options).stop();
    expect(first.stops).toBe(1);

    let stopping = false;
    const ctrlC = harness(FAST, { isStopping: () => stopping });
    const second = fakeJvm("/data/neo4j", 7694);
    const supervised = superviseEmbeddedNeo4j(second, ctrlC.options);
    stopping = true;
    second.end({ code: 130, signal: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await supervised.stop();
    expect([...stoppedFirst.starts, ...ctrlC.starts]).toEqual([]);
    expect([...stoppedFirst.lines, ...ctrlC.lines].filter(({ level }) => level !== "info")).toEqual([]);
  });

  it("stops while waiting to restart without starting anything", async () => {
    const test = harness({ attempts: 3, firstDelayMs: 60_000, maxDelayMs: 60_000 });
    const first = fakeJvm("/data/neo4j", 7695);
    const supervised = superviseEmbeddedNeo4j(first, test.options);
    first.end({ code: null, signal: "SIGKILL" });
    await until(() => test.lines.some(({ line }) => line.startsWith("restart 1 of 3")));
    const began = performance.now();
    await supervised.stop();
    expect(performance.now() - began).toBeLessThan(1_000);
    expect(test.starts).toEqual([]);
  });

  it("with restarts off, logs the end as an error and starts nothing", async () => {
    const test = harness({ attempts: 0, firstDelayMs: 1, maxDelayMs: 1 });
    const first = fakeJvm("/data/neo4j", 7696);
    const supervised = superviseEmbeddedNeo4j(first, test.options);
    first.end({ code: null, signal: "SIGKILL" });
    await until(() => test.lines.length > 0);
    expect(test.lines).toEqual([
      {
        level: "error",
        line: `the embedded Neo4j (process ${first.pid}) ended unexpectedly (signal SIGKILL); restarts are off (NEO4J_RESTART_ATTEMPTS=0)`,
      },
    ]);
    await supervised.stop();
    expect(test.starts).toEqual([]);
  });
});
