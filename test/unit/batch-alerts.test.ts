import { describe, expect, test } from "vitest";

import type { CypherExecutor, WriteTransaction } from "../../src/db/cypher-executor.js";
import type { CypherRegistry } from "../../src/db/cypher-registry.js";
import { alertsMatchBatch, alertsWatching } from "../../src/db/queries.generated.js";
import { NodeLabel } from "../../src/domain/graph-schema.js";
import type { SourceInput } from "../../src/import/mapping/mapping-schema.js";
import type { RowPlan } from "../../src/import/plan/plan-row.js";
import { BatchWriter } from "../../src/import/write/batch-writer.js";

/**
 * An executor whose one write transaction records the queries a batch sends and answers the
 * live-watch check as told; the alert match answers with one alert. The database side of both
 * queries is tested through imports with real watches (test/api/alerts.test.ts).
 */
function recordingExecutor(watching: boolean) {
  const sent: string[] = [];
  const answers: Record<string, unknown[]> = {
    [alertsWatching.name]: [{ watching }],
    [alertsMatchBatch.name]: [{ id: "watch-1|seizure-1", owner: "token:someone", seq: 1 }],
  };
  const tx = {
    run: async (query: string) => {
      sent.push(query);
      return [];
    },
    runQuery: async (query: { name: string; text: string }) => {
      sent.push(query.text);
      return answers[query.name] ?? [];
    },
  };
  const executor = { writeTransaction: async <T>(work: (tx: WriteTransaction) => Promise<T>) => work(tx as unknown as WriteTransaction) };
  return { executor: executor as unknown as CypherExecutor, sent };
}

const SOURCE = { id: "alerts-unit", name: "alerts unit", licence: "test", synthetic: false } as unknown as SourceInput;
const PLAN: RowPlan = {
  row: 1,
  nodes: [{ label: NodeLabel.Seizure, id: "seizure-1", mention: false, properties: { date: "2020-01-01" } }],
  relationships: [],
  checks: [],
  flags: [],
  rejects: [],
};

describe("an import batch's alerts", () => {
  test("with no live watch, the batch checks for one and never sends the alert match", async () => {
    const { executor, sent } = recordingExecutor(false);
    const heard: unknown[] = [];
    await new BatchWriter(executor, {} as CypherRegistry, SOURCE, SOURCE.id, (alerts) => void heard.push(...alerts)).write([PLAN]);
    expect(sent).toContain(alertsWatching.text);
    expect(sent).not.toContain(alertsMatchBatch.text);
    expect(sent.at(-1)).toBe(alertsWatching.text);
    expect(heard).toEqual([]);
  });

  test("with a live watch, the match runs last and its alerts are told after the commit", async () => {
    const { executor, sent } = recordingExecutor(true);
    const heard: unknown[] = [];
    await new BatchWriter(executor, {} as CypherRegistry, SOURCE, SOURCE.id, (alerts) => void heard.push(...alerts)).write([PLAN]);
    expect(sent.slice(-2)).toEqual([alertsWatching.text, alertsMatchBatch.text]);
    expect(heard).toEqual([{ id: "watch-1|seizure-1", owner: "token:someone", seq: 1 }]);
  });
});
