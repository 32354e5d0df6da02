import type { RawCypher } from "./raw-cypher.js";
import type { PeerShape, Question } from "./shapes.js";

/** The three systems compared. */
export const SYSTEMS = ["api", "peer", "raw"] as const;
export type System = (typeof SYSTEMS)[number];

/** Where the two GraphQL servers listen, with the headers their requests carry. */
export interface Endpoint {
  url: string;
  headers: Record<string, string>;
}

export interface Targets {
  api: Endpoint;
  peer: Endpoint;
  raw: RawCypher;
}

export interface Asked {
  /** Milliseconds from sending the question to holding the parsed answer. */
  ms: number;
  /** What came back: the GraphQL `data`, or the rows. */
  reply: unknown;
}

/**
 * Asks one shape's question of one system for one round and times it. The time covers the
 * request and the parsing of its answer (JSON for the servers, the driver's records for raw
 * Cypher); turning the reply into the canonical answer (`answerOf`) is left out of it.
 */
export async function ask(targets: Targets, system: System, shape: PeerShape, round: number): Promise<Asked> {
  const started = performance.now();
  const reply =
    system === "raw"
      ? await targets.raw.run(shape.raw.file, shape.raw.parameters(round))
      : await postQuestion(targets[system], shape[system], round, `${shape.key} (${system})`);
  return { ms: performance.now() - started, reply };
}

export function answerOf(system: System, shape: PeerShape, reply: unknown): unknown {
  return system === "raw" ? shape.raw.answer(reply as Record<string, any>[]) : shape[system].answer(reply);
}

async function postQuestion(endpoint: Endpoint, question: Question, round: number, what: string): Promise<unknown> {
  const response = await fetch(endpoint.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...endpoint.headers },
    body: JSON.stringify({ query: question.document, variables: question.variables(round) }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (response.status !== 200 || body.errors !== undefined || body.data === undefined) {
    throw new Error(`${what} failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body).slice(0, 2_000)}`);
  }
  return body.data;
}
