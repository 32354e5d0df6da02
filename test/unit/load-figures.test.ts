import { describe, expect, it } from "vitest";

import { faultEffect, loadFigures } from "../../bench/load/figures.js";
import { firstDifference, outcomeOf, type Attempt, type LoadRecord, type Question } from "../../bench/load/load-client.js";

/** How the load harness (npm run load) judges each answer and sums a load up. */

const REFERENCE = JSON.stringify({ data: { seizure: { id: "s-1", shipments: [{ id: "sh-1", route: [1, 2] }] } } });

describe("outcomeOf", () => {
  it.each([
    ["the reference answer", 200, REFERENCE, "OK"],
    ["an error's code", 200, JSON.stringify({ errors: [{ message: "x", extensions: { code: "DATABASE_UNAVAILABLE" } }] }), "DATABASE_UNAVAILABLE"],
    ["a coded error under another status", 503, JSON.stringify({ errors: [{ extensions: { code: "AUDIT_UNAVAILABLE" } }] }), "AUDIT_UNAVAILABLE"],
    ["other data without an error", 200, JSON.stringify({ data: { seizure: null } }), "WRONG_ANSWER"],
    ["the balancer's own page", 503, "<html><body>No server is available</body></html>", "HTTP_503"],
  ])("%s", (_, status, body, expected) => {
    expect(outcomeOf(status, body, REFERENCE)).toBe(expected);
  });
});

describe("firstDifference", () => {
  it("gives the path of the first value that differs, never the value", () => {
    const found = { data: { seizure: { id: "s-1", shipments: [{ id: "sh-1", route: [1, 3] }] } } };
    expect(firstDifference(JSON.parse(REFERENCE), found, "")).toBe(".data.seizure.shipments[0].route[1]");
  });

  it("names a missing key, and an array that became an object", () => {
    expect(firstDifference({ a: { b: 1, c: 2 } }, { a: { b: 1 } }, "")).toBe(".a.c");
    expect(firstDifference({ a: [1] }, { a: { 0: 1 } }, "")).toBe(".a");
  });

  it("is empty for equal values", () => {
    expect(firstDifference(JSON.parse(REFERENCE), JSON.parse(REFERENCE), "")).toBe("");
  });
});

function attempt(sentAt: number, ms: number, outcome: string, kind = "search"): Attempt {
  return { mix: "investigator", kind, sentAt, ms, outcome, retry: false };
}

function question(firstSentAt: number, attempts: number, endedAt: number | null, outcome: string | null): Question {
  return { mix: "investigator", kind: "search", firstSentAt, attempts, endedAt, outcome };
}

function record(attempts: Attempt[], questions: Question[], durationMs = 10_000): LoadRecord {
  return {
    durationMs,
    attempts,
    questions,
    autocannon: { requests: attempts.length, errors: 0, timeouts: 0, non2xx: 0, latencyP50: 0, latencyP99: 0 },
    clientCpuS: 1,
  };
}

describe("loadFigures", () => {
  it("counts right answers only as throughput, and a question ended by an error that is not retried as lost", () => {
    const figures = loadFigures(
      record(
        [
          attempt(0, 100, "OK"),
          attempt(100, 300, "OK", "seizure"),
          attempt(400, 50, "DATABASE_UNAVAILABLE"),
          attempt(450, 200, "OK"),
          attempt(700, 15_000, "QUERY_TIMEOUT"),
          attempt(900, 20, "WRONG_ANSWER"),
        ],
        [question(0, 1, 100, "OK"), question(100, 1, 400, "OK"), question(400, 2, 650, "OK"), question(700, 1, 15_700, "QUERY_TIMEOUT"), question(900, 1, 920, "WRONG_ANSWER"), question(950, 1, null, null)],
      ),
    );
    expect(figures.answers).toBe(3);
    expect(figures.throughput).toBeCloseTo(0.3);
    expect(figures.latency).toEqual({ p50: 200, p95: 300, p99: 300, max: 300 });
    expect(figures.refusals).toEqual({ DATABASE_UNAVAILABLE: 1, QUERY_TIMEOUT: 1, WRONG_ANSWER: 1 });
    expect(figures.questions).toMatchObject({ asked: 6, answered: 3, lost: 2, lostByCode: { QUERY_TIMEOUT: 1, WRONG_ANSWER: 1 }, unfinished: 1, retried: 1, max: 300 });
    expect(figures.perKind).toEqual([
      { mix: "investigator", kind: "search", answers: 2, p50: 100, p95: 200 },
      { mix: "investigator", kind: "seizure", answers: 1, p50: 300, p95: 300 },
    ]);
  });
});

describe("faultEffect", () => {
  it("times the first refusal, the first DATABASE_UNAVAILABLE and the last refusal from the fault", () => {
    const effect = faultEffect(
      record(
        [
          attempt(0, 500, "OK"),
          attempt(1_000, 1_500, "HTTP_503"),
          attempt(2_600, 900, "DATABASE_UNAVAILABLE"),
          attempt(3_600, 400, "HTTP_503"),
          attempt(4_000, 1_000, "OK"),
          attempt(5_000, 500, "OK"),
        ],
        [],
        6_000,
      ),
      2_000,
    );
    expect(effect.firstRefusal).toEqual({ afterS: 0.5, code: "HTTP_503" });
    expect(effect.firstDatabaseUnavailableAfterS).toBeCloseTo(1.5);
    expect(effect.lastRefusalAfterS).toBeCloseTo(2);
    // Right answers per second in 2 s windows, by when they ended: 0.5 s, 5 s and 5.5 s.
    expect(effect.buckets).toEqual([0.5, 0, 1]);
  });

  it("finds nothing when every answer after the fault was right", () => {
    const effect = faultEffect(record([attempt(0, 100, "HTTP_503"), attempt(3_000, 100, "OK")], [], 4_000), 1_000);
    expect(effect).toMatchObject({ firstRefusal: null, firstDatabaseUnavailableAfterS: null, lastRefusalAfterS: null });
  });
});
