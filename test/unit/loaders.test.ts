import { describe, expect, test } from "vitest";

import type { NodeProperties } from "../../src/db/query-types.js";
import { NodeLabel } from "../../src/domain/graph-schema.js";
import type { RelationName } from "../../src/domain/relations.js";
import { createLoaders, MAX_BATCH_SIZE } from "../../src/loaders/create-loaders.js";
import type { GraphRepository, Related } from "../../src/repositories/graph.repository.js";

type Method = "byIds" | "related" | "relatedPage" | "relatedCount";

interface Call {
  method: Method;
  /** The label or relation name. */
  target: string;
  ids: string[];
  page?: { after: string | null; limit: number };
}

/**
 * A GraphRepository that records every call (one call = one round trip to Neo4j) and answers from
 * fixed data: only ids starting with "known" exist. Set `failWith` to make every call reject.
 */
function fakeGraph() {
  const calls: Call[] = [];
  const state: { failWith?: Error } = {};
  const exists = (id: string) => id.startsWith("known");
  const linkOf = (target: string, id: string): Related => ({
    node: { id: `${target}>${id}`, synthetic: false },
    labels: ["X"],
    rel: {},
    citations: [],
  });
  async function answer<V>(call: Call, value: (id: string) => V): Promise<Map<string, V>> {
    calls.push(call);
    await Promise.resolve();
    if (state.failWith) throw state.failWith;
    // Answers in another order than asked, as Cypher may: the loader must put them back in key order.
    return new Map([...call.ids].reverse().filter(exists).map((id) => [id, value(id)]));
  }
  const repository = {
    byIds: (label: NodeLabel, ids: readonly string[]) =>
      answer<NodeProperties>({ method: "byIds", target: label, ids: [...ids] }, (id) => ({ id, synthetic: false, label })),
    related: (name: RelationName, ids: readonly string[]) =>
      answer({ method: "related", target: name, ids: [...ids] }, (id) => [linkOf(name, id)]),
    relatedPage: (name: RelationName, ids: readonly string[], page: { after: string | null; limit: number }) =>
      answer({ method: "relatedPage", target: name, ids: [...ids], page }, (id) => [linkOf(name, id)]),
    relatedCount: (name: RelationName, ids: readonly string[]) =>
      answer({ method: "relatedCount", target: name, ids: [...ids] }, (id) => id.length),
  } satisfies Pick<GraphRepository, Method>;
  return { graph: repository as unknown as GraphRepository, calls, state };
}

describe("createLoaders: results in key order, with a default for missing keys", () => {
  test("node: the row or null", async () => {
    const { graph, calls } = fakeGraph();
    const loaders = createLoaders(graph);
    const rows = await loaders.node(NodeLabel.Seizure).loadMany(["known-b", "missing", "known-a"]);
    expect(rows).toStrictEqual([
      { id: "known-b", synthetic: false, label: "Seizure" },
      null,
      { id: "known-a", synthetic: false, label: "Seizure" },
    ]);
    expect(calls).toStrictEqual([{ method: "byIds", target: "Seizure", ids: ["known-b", "missing", "known-a"] }]);
  });

  test("related: the list or []", async () => {
    const { graph, calls } = fakeGraph();
    const lists = await createLoaders(graph).related("Seizure.country").loadMany(["missing", "known-1"]);
    expect(lists).toStrictEqual([[], [{ node: { id: "Seizure.country>known-1", synthetic: false }, labels: ["X"], rel: {}, citations: [] }]]);
    expect(calls).toStrictEqual([{ method: "related", target: "Seizure.country", ids: ["missing", "known-1"] }]);
  });

  test("relatedPage: the list or [], with the page passed on", async () => {
    const { graph, calls } = fakeGraph();
    const loader = createLoaders(graph).relatedPage({ name: "Place.seizures", after: "s-10", limit: 21 });
    const lists = await loader.loadMany(["known-p", "missing"]);
    expect(lists).toStrictEqual([[{ node: { id: "Place.seizures>known-p", synthetic: false }, labels: ["X"], rel: {}, citations: [] }], []]);
    expect(calls).toStrictEqual([
      {
        method: "relatedPage",
        target: "Place.seizures",
        ids: ["known-p", "missing"],
        page: { after: "s-10", limit: 21 },
      },
    ]);
  });

  test("relatedCount: the count or 0", async () => {
    const { graph, calls } = fakeGraph();
    const counts = await createLoaders(graph).relatedCount("Country.seizures").loadMany(["known-vn", "missing", "known"]);
    expect(counts).toStrictEqual([8, 0, 5]);
    expect(calls).toStrictEqual([{ method: "relatedCount", target: "Country.seizures", ids: ["known-vn", "missing", "known"] }]);
  });
});

describe("createLoaders: batching (the N+1 is gone)", () => {
  test("many load calls in one tick make one repository call per loader", async () => {
    const { graph, calls } = fakeGraph();
    const loaders = createLoaders(graph);
    const ids = Array.from({ length: 50 }, (_, i) => `known-${i}`);
    // As field resolvers do: one load per parent, each getting its loader anew.
    await Promise.all(
      ids.flatMap((id) => [
        loaders.node(NodeLabel.Person).load(id),
        loaders.related("Person.identifiers").load(id),
        loaders.relatedPage({ name: "Country.places", after: null, limit: 11 }).load(id),
        loaders.relatedCount("Country.places").load(id),
      ]),
    );
    expect(calls.map(({ method, target, ids: asked }) => [method, target, asked.length])).toStrictEqual([
      ["byIds", "Person", 50],
      ["related", "Person.identifiers", 50],
      ["relatedPage", "Country.places", 50],
      ["relatedCount", "Country.places", 50],
    ]);
  });

  test("duplicate keys are asked once, and each load gets the answer", async () => {
    const { graph, calls } = fakeGraph();
    const loader = createLoaders(graph).node(NodeLabel.Country);
    const answers = await Promise.all(["known-a", "known-b", "known-a", "missing", "known-a", "missing"].map((id) => loader.load(id)));
    expect(calls).toStrictEqual([{ method: "byIds", target: "Country", ids: ["known-a", "known-b", "missing"] }]);
    expect(answers.map((row) => row?.id ?? null)).toStrictEqual(["known-a", "known-b", "known-a", null, "known-a", null]);
  });

  test("a key loaded in an earlier tick is not asked again in the same request", async () => {
    const { graph, calls } = fakeGraph();
    const loaders = createLoaders(graph);
    await loaders.node(NodeLabel.Place).load("known-1");
    await Promise.all(["known-1", "known-2"].map((id) => loaders.node(NodeLabel.Place).load(id)));
    expect(calls.map((call) => call.ids)).toStrictEqual([["known-1"], ["known-2"]]);
  });

  test.each([1, MAX_BATCH_SIZE - 1, MAX_BATCH_SIZE, MAX_BATCH_SIZE + 1, 2 * MAX_BATCH_SIZE, 2 * MAX_BATCH_SIZE + 1])(
    "%i keys make ceil(n / MAX_BATCH_SIZE) calls of at most MAX_BATCH_SIZE ids",
    async (n) => {
      const { graph, calls } = fakeGraph();
      const loader = createLoaders(graph).related("Species.commodityLines");
      const ids = Array.from({ length: n }, (_, i) => `known-${i}`);
      const lists = await Promise.all(ids.map((id) => loader.load(id)));
      expect(calls).toHaveLength(Math.ceil(n / MAX_BATCH_SIZE));
      expect(calls.every((call) => call.ids.length <= MAX_BATCH_SIZE)).toBe(true);
      expect(calls.flatMap((call) => call.ids)).toStrictEqual(ids);
      expect(lists.map((list) => list[0].node.id)).toStrictEqual(ids.map((id) => `Species.commodityLines>${id}`));
    },
  );

  test("MAX_BATCH_SIZE is 500", () => {
    expect(MAX_BATCH_SIZE).toBe(500);
  });
});

describe("createLoaders: one loader per label, relation and page", () => {
  test("the same name gives the same loader; another name another loader", () => {
    const loaders = createLoaders(fakeGraph().graph);
    expect(loaders.related("Seizure.country")).toBe(loaders.related("Seizure.country"));
    expect(loaders.related("Seizure.country")).not.toBe(loaders.related("Seizure.place"));
    expect(loaders.relatedCount("Seizure.country")).toBe(loaders.relatedCount("Seizure.country"));
    expect(loaders.node(NodeLabel.Seizure)).toBe(loaders.node(NodeLabel.Seizure));
    expect(loaders.node(NodeLabel.Seizure)).not.toBe(loaders.node(NodeLabel.Shipment));
  });

  test("loaders for different relation names make separate calls for the same id", async () => {
    const { graph, calls } = fakeGraph();
    const loaders = createLoaders(graph);
    const [country, place] = await Promise.all([
      loaders.related("Seizure.country").load("known-s1"),
      loaders.related("Seizure.place").load("known-s1"),
    ]);
    expect(country[0].node.id).toBe("Seizure.country>known-s1");
    expect(place[0].node.id).toBe("Seizure.place>known-s1");
    expect(calls).toStrictEqual([
      { method: "related", target: "Seizure.country", ids: ["known-s1"] },
      { method: "related", target: "Seizure.place", ids: ["known-s1"] },
    ]);
  });

  test("loaders for different labels make separate calls for the same id", async () => {
    const { graph, calls } = fakeGraph();
    const loaders = createLoaders(graph);
    const [seizure, shipment] = await Promise.all([
      loaders.node(NodeLabel.Seizure).load("known-1"),
      loaders.node(NodeLabel.Shipment).load("known-1"),
    ]);
    expect([seizure?.label, shipment?.label]).toStrictEqual(["Seizure", "Shipment"]);
    expect(calls.map((call) => call.target)).toStrictEqual(["Seizure", "Shipment"]);
  });

  test.each([
    { case: "another cursor", other: { after: "s-2", limit: 11 } },
    { case: "another limit", other: { after: "s-1", limit: 21 } },
    { case: "no cursor", other: { after: null, limit: 11 } },
  ])("relatedPage with $case is a separate loader and call", async ({ other }) => {
    const { graph, calls } = fakeGraph();
    const loaders = createLoaders(graph);
    const first = { name: "Place.seizures" as const, after: "s-1", limit: 11 };
    expect(loaders.relatedPage(first)).toBe(loaders.relatedPage({ ...first }));
    expect(loaders.relatedPage(first)).not.toBe(loaders.relatedPage({ ...first, ...other }));
    await Promise.all([
      loaders.relatedPage(first).load("known-p"),
      loaders.relatedPage({ ...first, ...other }).load("known-p"),
    ]);
    expect(calls.map((call) => call.page)).toStrictEqual([{ after: "s-1", limit: 11 }, other]);
  });

  test("relatedPage after no cursor and after the id \"null\" are separate loaders", async () => {
    // Both are valid requests: the second is the page after an item whose id is the text "null".
    const { graph, calls } = fakeGraph();
    const loaders = createLoaders(graph);
    await Promise.all([
      loaders.relatedPage({ name: "Place.seizures", after: null, limit: 11 }).load("known-p"),
      loaders.relatedPage({ name: "Place.seizures", after: "null", limit: 11 }).load("known-p"),
    ]);
    expect(calls.map((call) => call.page)).toStrictEqual([
      { after: null, limit: 11 },
      { after: "null", limit: 11 },
    ]);
  });

  test("each request's loaders have their own cache", async () => {
    const { graph, calls } = fakeGraph();
    await createLoaders(graph).node(NodeLabel.Species).load("known-1");
    await createLoaders(graph).node(NodeLabel.Species).load("known-1");
    expect(calls).toHaveLength(2);
  });
});

describe("createLoaders: errors", () => {
  test("a repository error rejects every load of that batch", async () => {
    const { graph, calls, state } = fakeGraph();
    const failure = new Error("connection reset");
    state.failWith = failure;
    const loader = createLoaders(graph).related("Shipment.route");
    const settled = await Promise.allSettled(["known-1", "missing", "known-2"].map((id) => loader.load(id)));
    expect(calls).toHaveLength(1);
    expect(settled).toStrictEqual([
      { status: "rejected", reason: failure },
      { status: "rejected", reason: failure },
      { status: "rejected", reason: failure },
    ]);
  });

  test("a failed batch is not cached for the next one", async () => {
    const { graph, calls, state } = fakeGraph();
    const loader = createLoaders(graph).relatedCount("Shipment.route");
    state.failWith = new Error("timeout");
    await expect(loader.load("known-1")).rejects.toThrow("timeout");
    state.failWith = undefined;
    await expect(loader.load("known-1")).resolves.toBe(7);
    expect(calls).toHaveLength(2);
  });
});
