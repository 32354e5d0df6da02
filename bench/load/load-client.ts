import autocannon, { type Client } from "autocannon";

import { Random } from "../random.js";
import { drawRequest, type Mix, type RequestKind } from "./mixes.js";

/**
 * The load: autocannon's connections, each a client of one mix that asks a request, waits for
 * its answer, checks it, and asks the next. A request refused in a way a client would retry
 * (no answer, HTTP 502/503/504, DATABASE_UNAVAILABLE) is sent again until it gets an answer; any
 * other answer ends it. Every answer is checked: HTTP 200 with a body equal to the reference
 * answer taken before the load, else it counts by its error code, or as WRONG_ANSWER.
 */

/** The reference answer (response body) of each of a kind's variables, in their order. */
export type References = Map<RequestKind, string[]>;

export interface ClientGroup {
  mix: Mix;
  /** One Authorization header per connection: each client is a user of its own. */
  authorizations: string[];
}

export interface LoadOptions {
  url: string;
  groups: ClientGroup[];
  durationS: number;
  references: References;
  seed: number;
  /**
   * At most this many requests per second per connection, so that clients retrying a fast refusal
   * do not turn into a flood; far above what one connection asks when its answers are right.
   */
  connectionRate: number;
}

/** Codes of the answers a client sends again. */
export const RETRIED = new Set(["NO_RESPONSE", "HTTP_502", "HTTP_503", "HTTP_504", "DATABASE_UNAVAILABLE", "AUDIT_UNAVAILABLE"]);
export const OK = "OK";
export const WRONG_ANSWER = "WRONG_ANSWER";

/** One request sent: a first try or a retry. Times in ms from the start of the load. */
export interface Attempt {
  mix: string;
  kind: string;
  sentAt: number;
  ms: number;
  /** OK, an error code, HTTP_<status>, NO_RESPONSE (connection lost or timed out) or WRONG_ANSWER. */
  outcome: string;
  retry: boolean;
  /** For a WRONG_ANSWER, where it first differs from the reference (a JSON path, no values). */
  differsAt?: string;
}

/** A question a client asked, however many tries it took. */
export interface Question {
  mix: string;
  kind: string;
  firstSentAt: number;
  attempts: number;
  /** When it was answered or failed; null when the load ended first. */
  endedAt: number | null;
  /** OK, or the code of the answer that ended it; null when unfinished. */
  outcome: string | null;
}

export interface LoadRecord {
  durationMs: number;
  attempts: Attempt[];
  questions: Question[];
  /** What autocannon itself counted, as a cross-check. */
  autocannon: { requests: number; errors: number; timeouts: number; non2xx: number; latencyP50: number; latencyP99: number };
  /** CPU time of this process (the load generator) during the load, in seconds. */
  clientCpuS: number;
}

export interface RunningLoad {
  /** Milliseconds since the start of the load: fault times are counted on this clock. */
  now(): number;
  /** Right answers that came between two times of the load (ms), to follow it while it runs. */
  answered(fromMs: number, toMs: number): number;
  /** Ends the load before its duration is up. */
  stop(): void;
  done: Promise<LoadRecord>;
}

const TIMEOUT_S = 60;

export function startLoad(options: LoadOptions): RunningLoad {
  const { url, groups, references } = options;
  const target = new URL(url);
  const random = new Random(options.seed);
  const assignments = groups.flatMap((group) => group.authorizations.map((authorization) => ({ mix: group.mix, authorization })));
  const attempts: Attempt[] = [];
  const questions: Question[] = [];
  const startedAt = performance.now();
  const now = () => performance.now() - startedAt;
  const cpuAtStart = process.cpuUsage();
  let next = 0;

  const setupClient = (client: Client) => {
    const { mix, authorization } = assignments[next++ % assignments.length]!;
    collectBodiesAsBytes(client);
    let question: (Question & { kindRef: RequestKind; body: string; reference: string }) | undefined;
    let sentAt = 0;
    let awaiting = false;
    const record = (outcome: string, body?: string) => {
      const current = question!;
      const attempt: Attempt = { mix: mix.key, kind: current.kind, sentAt, ms: now() - sentAt, outcome, retry: current.attempts > 1 };
      if (outcome === WRONG_ANSWER) attempt.differsAt = firstDifference(JSON.parse(current.reference), JSON.parse(body!), "");
      attempts.push(attempt);
      if (outcome === OK || !RETRIED.has(outcome)) {
        current.endedAt = now();
        current.outcome = outcome;
        question = undefined;
      }
    };
    client.setRequests([
      {
        method: "POST",
        path: target.pathname,
        setupRequest: (request) => {
          // The last try got no answer: the connection was lost or timed out.
          if (awaiting) record("NO_RESPONSE");
          if (question === undefined) {
            const { kind, variablesIndex } = drawRequest(mix, random);
            question = {
              mix: mix.key,
              kind: kind.key,
              kindRef: kind,
              firstSentAt: now(),
              attempts: 0,
              endedAt: null,
              outcome: null,
              body: JSON.stringify({ query: kind.document, variables: kind.variables[variablesIndex] }),
              reference: references.get(kind)![variablesIndex]!,
            };
            questions.push(question);
          }
          question.attempts++;
          sentAt = now();
          awaiting = true;
          return {
            ...request,
            headers: { "content-type": "application/json", authorization },
            body: question.body,
          };
        },
        onResponse: (status, body) => {
          awaiting = false;
          if (question !== undefined) record(outcomeOf(status, body, question.reference), body);
        },
      },
    ]);
  };

  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    { url: target.origin, connections: assignments.length, duration: options.durationS, timeout: TIMEOUT_S, connectionRate: options.connectionRate, setupClient },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  const done = finished.then((result) => {
    const cpu = process.cpuUsage(cpuAtStart);
    return {
      durationMs: now(),
      attempts,
      // Mapped to plain records: the working fields (document, reference) stay out of the results.
      questions: questions.map(({ mix, kind, firstSentAt, attempts: tries, endedAt, outcome }) => ({ mix, kind, firstSentAt, attempts: tries, endedAt, outcome })),
      autocannon: {
        requests: result.requests.total,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        latencyP50: result.latency.p50,
        latencyP99: result.latency.p99,
      },
      clientCpuS: (cpu.user + cpu.system) / 1e6,
    };
  });
  const answered = (fromMs: number, toMs: number) =>
    attempts.filter((attempt) => attempt.outcome === OK && attempt.sentAt + attempt.ms >= fromMs && attempt.sentAt + attempt.ms < toMs).length;
  return { now, answered, stop: () => instance.stop(), done };
}

/** OK for the reference answer; else the first error's code, HTTP_<status>, or WRONG_ANSWER. */
export function outcomeOf(status: number, body: string, reference: string): string {
  if (status === 200 && body === reference) return OK;
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
    const code = parsed.errors?.[0]?.extensions?.code;
    if (code !== undefined) return code;
  } catch {
    // Not JSON: the balancer's own error page, say.
  }
  return status === 200 ? WRONG_ANSWER : `HTTP_${status}`;
}

/** The JSON path where two values first differ, or "" where they do not. */
export function firstDifference(expected: unknown, found: unknown, at: string): string {
  if (typeof expected !== "object" || expected === null || typeof found !== "object" || found === null) {
    return expected === found ? "" : at || "(the whole body)";
  }
  if (Array.isArray(expected) !== Array.isArray(found)) return at;
  const keys = new Set([...Object.keys(expected), ...Object.keys(found)]);
  for (const key of keys) {
    const path = Array.isArray(expected) ? `${at}[${key}]` : `${at}.${key}`;
    if (!(key in expected) || !(key in found)) return path;
    const inner = firstDifference((expected as Record<string, unknown>)[key], (found as Record<string, unknown>)[key], path);
    if (inner !== "") return inner;
  }
  return "";
}

/**
 * autocannon adds each piece of a response body to a string as it arrives, so a character whose
 * UTF-8 bytes straddle two pieces (a Vietnamese name in an answer the balancer forwards in
 * 32 kB pieces) would read as two replacement characters, and a right answer as a wrong one.
 * Its queue of requests (autocannon 9) is given here a body kept as bytes and decoded once whole.
 */
function collectBodiesAsBytes(client: Client): void {
  const queue = (client as unknown as { pipelinedRequests?: PipelinedQueue }).pipelinedRequests;
  if (typeof queue?.addBody !== "function" || typeof queue.terminateRequest !== "function" || typeof queue.peek !== "function") {
    throw new Error("autocannon's request queue is not the one this harness knows (autocannon 9): answers could not be checked");
  }
  const pieces = new WeakMap<object, Buffer[]>();
  queue.addBody = (data) => {
    const entry = queue.peek();
    if (entry === undefined) return;
    const list = pieces.get(entry) ?? [];
    list.push(Buffer.from(data));
    pieces.set(entry, list);
  };
  const terminate = queue.terminateRequest.bind(queue);
  queue.terminateRequest = () => {
    const entry = terminate();
    if (entry !== undefined) entry.body = Buffer.concat(pieces.get(entry) ?? []).toString("utf8");
    return entry;
  };
}

interface PipelinedQueue {
  peek(): { body: string } | undefined;
  addBody(data: Buffer): void;
  terminateRequest(): { body: string } | undefined;
}
