import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { beforeAll, describe, expect, test } from "vitest";

import { projectRoot } from "../../src/config.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { NodeLabel, RelType } from "../../src/domain/graph-schema.js";
import { relations, type Relation, type RelationName } from "../../src/domain/relations.js";
import { IMPORT_ONLY_RELATIONSHIPS } from "../../src/import/mapping/import-only-relations.js";
import { relationSlots } from "../../src/repositories/graph.repository.js";

const entries = Object.entries(relations) as [RelationName, Relation][];
const labels = new Set<string>(Object.values(NodeLabel));
const types = new Set<string>(Object.values(RelType));

const RESOLVERS_DIR = path.join(projectRoot, "src", "graphql", "resolvers");

/**
 * Every `"Label.field"` string literal in the resolver files, with the file it is in; but the keys of
 * the fetch plan's table, which are GraphQL fields (fetch-plan.ts; its values are typed relation names).
 */
const ROOT_TYPES = new Set(["Query", "Mutation", "Subscription"]);

async function relationNamesInResolvers(): Promise<{ file: string; name: string }[]> {
  const files = (await readdir(RESOLVERS_DIR)).filter((file) => file.endsWith(".ts") && file !== "fetch-plan.ts").sort();
  const found: { file: string; name: string }[] = [];
  for (const file of files) {
    const text = await readFile(path.join(RESOLVERS_DIR, file), "utf8");
    for (const match of text.matchAll(/"([A-Z][A-Za-z]*\.[a-z][A-Za-z]*)"/g)) {
      // A root field's name (an access check's) is never a relation's.
      if (!ROOT_TYPES.has(match[1].split(".")[0])) found.push({ file, name: match[1] });
    }
  }
  return found;
}

describe("relations", () => {
  let registry: CypherRegistry;
  beforeAll(async () => {
    registry = await CypherRegistry.load();
  });

  test.each(entries)("%s renders through relationSlots into every related query", (name, relation) => {
    const slots = relationSlots(relation);
    for (const query of ["relatedAll", "relatedPage", "relatedCount"] as const) {
      const text = registry.render(query, slots);
      expect(text, query).not.toContain("{{");
    }
    // The pattern read back from the rendered text: labels and type from the enums, arrows as the direction says.
    const match = /\(:(\w+) \{id: key\}\)(<-|-)\[rel:(\w+)\](->|-)\(node:([\w|]+)\)/.exec(registry.render("relatedAll", slots));
    expect(match, "the MATCH pattern of related/all").not.toBeNull();
    const [, from, left, type, right, to] = match!;
    expect(labels.has(from), `${from} is a NodeLabel`).toBe(true);
    expect(types.has(type), `${type} is a RelType`).toBe(true);
    expect(to.split("|").filter((label) => !labels.has(label)), "labels that are no NodeLabel").toStrictEqual([]);
    const arrow = `${left}${right}`;
    expect(arrow).toBe({ OUT: "-->", IN: "<--", BOTH: "--" }[relation.direction]);
  });

  test.each([
    { name: "Shipment.route" as const, pattern: "(:Shipment {id: key})-[rel:STOPS_AT]->(node:Place|Country)" },
    { name: "Country.seizures" as const, pattern: "(:Country {id: key})<-[rel:SEIZED_IN]-(node:Seizure)" },
    { name: "Country.neighbours" as const, pattern: "(:Country {id: key})-[rel:BORDERS]-(node:Country)" },
    { name: "Identifier.holders" as const, pattern: "(:Identifier {id: key})<-[rel:HAS_IDENTIFIER]-(node:Person|Company)" },
  ])("$name is $pattern", ({ name, pattern }) => {
    expect(registry.render("relatedAll", relationSlots(relations[name]))).toContain(`MATCH ${pattern}\n`);
  });

  test.each(entries)("%s starts from the label its name starts with", (name, relation) => {
    expect(name.split(".")[0]).toBe(relation.from);
  });

  test("every relationship type is followed by at least one entry, but those only imports write", () => {
    const used = new Set(entries.map(([, relation]) => relation.type));
    // Trade records (CITES) are imported but not yet served by the API.
    const importOnly = new Set(IMPORT_ONLY_RELATIONSHIPS.map((relationship) => relationship.type));
    expect(Object.values(RelType).filter((type) => !used.has(type) && !importOnly.has(type))).toStrictEqual([]);
  });

  test("every relation name used in a resolver is an entry", async () => {
    const used = await relationNamesInResolvers();
    expect(used.length, "relation names found in resolvers").toBeGreaterThan(20);
    expect(used.filter(({ name }) => !(name in relations))).toStrictEqual([]);
  });

  test("every entry is used by a resolver", async () => {
    const used = new Set((await relationNamesInResolvers()).map(({ name }) => name));
    expect(entries.map(([name]) => name).filter((name) => !used.has(name))).toStrictEqual([]);
  });
});
