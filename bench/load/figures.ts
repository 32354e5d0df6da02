import { percentile } from "../measure.js";
import { OK, type LoadRecord } from "./load-client.js";

/** What one load's record says: throughput, latency, errors, per kind. Times in ms unless named S. */
export interface LoadFigures {
  durationS: number;
  /** Right answers per second. */
  throughput: number;
  answers: number;
  /** Latency of the right answers (one try each). */
  latency: { p50: number; p95: number; p99: number; max: number };
  /** Requests sent, first tries and retries. */
  attempts: number;
  /** Tries not answered right, by code (see load-client.ts). */
  refusals: Record<string, number>;
  questions: {
    asked: number;
    answered: number;
    /** Ended by an answer that was not right and that a client does not retry: lost. */
    lost: number;
    lostByCode: Record<string, number>;
    /** Still waiting (in flight or retrying) when the load ended. */
    unfinished: number;
    retried: number;
    /** From the first try to the right answer, retries included. */
    p95: number;
    max: number;
  };
  perKind: { mix: string; kind: string; answers: number; p50: number; p95: number }[];
  autocannon: LoadRecord["autocannon"];
  clientCpuS: number;
}

export function loadFigures(record: LoadRecord): LoadFigures {
  const ok = record.attempts.filter((attempt) => attempt.outcome === OK);
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  const okMs = sorted(ok.map((attempt) => attempt.ms));
  const refusals: Record<string, number> = {};
  for (const attempt of record.attempts) if (attempt.outcome !== OK) refusals[attempt.outcome] = (refusals[attempt.outcome] ?? 0) + 1;
  const lost = record.questions.filter((question) => question.outcome !== null && question.outcome !== OK);
  const lostByCode: Record<string, number> = {};
  for (const question of lost) lostByCode[question.outcome!] = (lostByCode[question.outcome!] ?? 0) + 1;
  const answered = record.questions.filter((question) => question.outcome === OK);
  const questionMs = sorted(answered.map((question) => question.endedAt! - question.firstSentAt));

  const kinds = new Map<string, number[]>();
  for (const attempt of ok) {
    const key = `${attempt.mix}\u0000${attempt.kind}`;
    kinds.set(key, [...(kinds.get(key) ?? []), attempt.ms]);
  }
  const durationS = record.durationMs / 1000;
  return {
    durationS,
    throughput: ok.length / durationS,
    answers: ok.length,
    latency: { p50: percentile(okMs, 50), p95: percentile(okMs, 95), p99: percentile(okMs, 99), max: okMs[okMs.length - 1] ?? Number.NaN },
    attempts: record.attempts.length,
    refusals,
    questions: {
      asked: record.questions.length,
      answered: answered.length,
      lost: lost.length,
      lostByCode,
      unfinished: record.questions.filter((question) => question.outcome === null).length,
      retried: record.questions.filter((question) => question.attempts > 1).length,
      p95: percentile(questionMs, 95),
      max: questionMs[questionMs.length - 1] ?? Number.NaN,
    },
    perKind: [...kinds].map(([key, values]) => {
      const [mix, kind] = key.split("\u0000") as [string, string];
      const ms = sorted(values);
      return { mix, kind, answers: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95) };
    }),
    autocannon: record.autocannon,
    clientCpuS: record.clientCpuS,
  };
}

/** What a fault did to the load: times in seconds from the fault, or null where nothing happened. */
export interface FaultEffect {
  /** The first try not answered right after the fault, and its code. */
  firstRefusal: { afterS: number; code: string } | null;
  firstDatabaseUnavailableAfterS: number | null;
  /** The last try not answered right: from then on every answer was right. */
  lastRefusalAfterS: number | null;
  /** Right answers per second in windows of `bucketS` from the start of the load. */
  buckets: number[];
  bucketS: number;
}

export function faultEffect(record: LoadRecord, faultAtMs: number, bucketS = 2): FaultEffect {
  const ended = (attempt: LoadRecord["attempts"][number]) => attempt.sentAt + attempt.ms;
  const after = record.attempts.filter((attempt) => ended(attempt) >= faultAtMs).sort((a, b) => ended(a) - ended(b));
  const refused = after.filter((attempt) => attempt.outcome !== OK);
  const first = refused[0];
  const last = refused[refused.length - 1];
  const unavailable = refused.find((attempt) => attempt.outcome === "DATABASE_UNAVAILABLE");
  const seconds = (ms: number) => (ms - faultAtMs) / 1000;
  const buckets = Array.from({ length: Math.ceil(record.durationMs / 1000 / bucketS) }, () => 0);
  for (const attempt of record.attempts) {
    if (attempt.outcome === OK) {
      const index = Math.floor(ended(attempt) / 1000 / bucketS);
      if (index < buckets.length) buckets[index]! += 1 / bucketS;
    }
  }
  return {
    firstRefusal: first === undefined ? null : { afterS: seconds(ended(first)), code: first.outcome },
    firstDatabaseUnavailableAfterS: unavailable === undefined ? null : seconds(ended(unavailable)),
    lastRefusalAfterS: last === undefined ? null : seconds(ended(last)),
    buckets,
    bucketS,
  };
}
