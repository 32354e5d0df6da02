import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { beforeAll, describe, expect, test } from "vitest";

import { projectRoot } from "../../src/config.js";
import {
  CypherRegistry,
  listCypherFiles,
  queryFiles,
  splitStatements,
  type QueryName,
} from "../../src/db/cypher-registry.js";
import { FIXTURE_FILE } from "../../src/db/demo-data.js";
import { queryName } from "../../src/db/emit-queries.js";

const QUERIES_DIR = path.join(projectRoot, "cypher", "queries");
const files = await listCypherFiles(QUERIES_DIR);
const queryNames = Object.keys(queryFiles) as QueryName[];

function slotsOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{([A-Z_]+)\}\}/g)].map((match) => match[1]))].sort();
}

describe("queryFiles (generated from cypher/queries/) and the folder", () => {
  test("the folder holds query files (so the checks below check something)", () => {
    expect(files.length).toBeGreaterThanOrEqual(19);
    expect(files).toContain("nodes/by-ids");
  });

  test("every .cypher file under cypher/queries/ is listed in queryFiles", () => {
    const listed = new Set<string>(Object.values(queryFiles));
    expect(files.filter((file) => !listed.has(file))).toStrictEqual([]);
  });

  test("every entry of queryFiles has its file", () => {
    const present = new Set(files);
    expect(Object.entries(queryFiles).filter(([, file]) => !present.has(file))).toStrictEqual([]);
  });

  test("no two entries share a file", () => {
    const values = Object.values(queryFiles);
    expect(new Set(values).size).toBe(values.length);
  });

  test("each query is named after its file's path", () => {
    expect(Object.entries(queryFiles).filter(([name, file]) => queryName(file) !== name)).toStrictEqual([]);
  });

  test("every query is used by the code (by its descriptor or its name)", async () => {
    const sources: string[] = [];
    for (const folder of ["src", "bench"]) {
      const entries = await readdir(path.join(projectRoot, folder), { recursive: true, withFileTypes: true });
      for (const entry of entries) {
        if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name === "queries.generated.ts") continue;
        sources.push(await readFile(path.join(entry.parentPath, entry.name), "utf8"));
      }
    }
    const code = sources.join("\n");
    // Not a property of the same name (`row.seizureCount`, `seizureCount: 0`): an import, a use or a quoted name.
    const used = (name: string) => new RegExp(`(?<![.\\w])${name}(?![\\w:?])`).test(code);
    expect(queryNames.filter((name) => !used(name))).toStrictEqual([]);
  });
});

describe("listCypherFiles", () => {
  test("lists names relative to the folder, without extension, sorted", async () => {
    const names = await listCypherFiles(QUERIES_DIR);
    expect(names).toStrictEqual([...names].sort());
    expect(names.filter((name) => name.startsWith("related/"))).toStrictEqual(["related/all", "related/count", "related/page"]);
  });
});

describe("CypherRegistry", () => {
  let registry: CypherRegistry;
  beforeAll(async () => {
    registry = await CypherRegistry.load();
  });

  /** The error `fn` must throw, as a message, or the test fails. */
  function thrown(fn: () => unknown): string {
    try {
      fn();
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("did not throw");
  }

  const templates: Record<string, string[]> = {
    nodesByIds: ["LABEL"],
    nodesIdsStartingWith: ["LABEL"],
    relatedAll: ["FROM", "LEFT", "RIGHT", "TO", "TYPE"],
    relatedPage: ["FROM", "LEFT", "RIGHT", "TO", "TYPE"],
    relatedCount: ["FROM", "LEFT", "RIGHT", "TO", "TYPE"],
    importMergeNodes: ["LABEL"],
    importBulkPatchNodes: ["LABEL"],
    importMergeMentionedNodes: ["LABEL"],
    connectionsShortestPaths: ["MAX_HOPS", "PATHS"],
    importExistingIds: ["LABEL"],
    importMergeRelationships: ["FROM", "TO", "TYPE"],
    importMergeSequencedRelationships: ["FROM", "TO", "TYPE"],
    importMergeSymmetricRelationships: ["FROM", "TO", "TYPE"],
  };

  test.each(queryNames)("%s: its slots are the ones expected", async (name) => {
    const text = await readFile(path.join(QUERIES_DIR, `${queryFiles[name]}.cypher`), "utf8");
    expect(slotsOf(text)).toStrictEqual(templates[name] ?? []);
  });

  test.each(queryNames.filter((name) => !(name in templates)))("text(%s) is the file as it is", async (name) => {
    const text = await readFile(path.join(QUERIES_DIR, `${queryFiles[name]}.cypher`), "utf8");
    expect(registry.text(name)).toBe(text);
  });

  test.each(Object.keys(templates) as QueryName[])("text(%s) of a template throws", (name) => {
    expect(thrown(() => registry.text(name))).toBe(`query ${name} is a template; use render()`);
  });

  test("render fills every slot", () => {
    const query = registry.render("relatedAll", { FROM: "Shipment", LEFT: "-", TYPE: "STOPS_AT", RIGHT: "->", TO: "Place|Country" });
    expect(query).toContain("MATCH (:Shipment {id: key})-[rel:STOPS_AT]->(node:Place|Country)\n");
    expect(query).not.toContain("{{");
    expect(registry.render("nodesByIds", { LABEL: "Seizure" })).toContain("MATCH (node:Seizure {id: key})\n");
  });

  test("render ignores slots the query does not have", () => {
    expect(registry.render("nodesByIds", { LABEL: "Place", TYPE: "ignored" })).toContain("MATCH (node:Place {id: key})\n");
  });

  test.each([
    "Seizure) DETACH DELETE (n",
    "Seizure {id: 'x'}",
    "seizure",
    "",
    "Seizure|",
    "|Seizure",
    "Seizure|person",
    "Seizure\n",
    "`Seizure`",
    "Sei-zure",
    "<->",
    "-->",
    "Seizure:Synthetic",
    "Seizure1",
    "0",
    "100",
    "-1",
    "1e2",
    "6 OR 1=1",
  ])("render refuses %j as a slot value", (value) => {
    expect(thrown(() => registry.render("nodesByIds", { LABEL: value }))).toBe(
      "query nodesByIds: slot LABEL is not an identifier or a small number",
    );
  });

  test.each(["Seizure", "CommodityLine", "SEIZED_IN", "Place|Country", "<-", "->", "-", "1", "10", "99"])(
    "render accepts %j as a slot value",
    (value) => {
      expect(registry.render("nodesByIds", { LABEL: value })).toContain(`MATCH (node:${value} {id: key})`);
    },
  );

  test("a refused value is refused again (no cache hides it)", () => {
    const bad = { LABEL: "Seizure) DETACH DELETE (n" };
    expect(thrown(() => registry.render("nodesByIds", bad))).toBe("query nodesByIds: slot LABEL is not an identifier or a small number");
    expect(thrown(() => registry.render("nodesByIds", bad))).toBe("query nodesByIds: slot LABEL is not an identifier or a small number");
  });

  test.each<{ name: QueryName; slots: Record<string, string>; missing: string }>([
    { name: "nodesByIds", slots: {}, missing: "LABEL" },
    { name: "relatedAll", slots: { FROM: "Seizure" }, missing: "LEFT" },
    { name: "relatedCount", slots: { FROM: "Seizure", LEFT: "-", TYPE: "SEIZED_IN", RIGHT: "->" }, missing: "TO" },
  ])("render of $name without $missing throws", ({ name, slots, missing }) => {
    expect(thrown(() => registry.render(name, slots))).toBe(`query ${name}: no value for slot ${missing}`);
  });
});

describe("splitStatements", () => {
  test("a script with comments and several statements", () => {
    const script = [
      "// A header comment; with a semicolon inside.",
      "// Another line of it.",
      "",
      "MATCH (n:Seizure)",
      "RETURN n;",
      "",
      "  // An indented comment between statements.",
      'CREATE (:Note {text: "a;b"})',
      "  // A comment inside a statement.",
      "RETURN 1;   ",
      "MERGE (c:Country {id: 'VN'});",
      "",
      "RETURN 'no semicolon at the end'",
      "",
    ].join("\n");
    expect(splitStatements(script)).toStrictEqual([
      "MATCH (n:Seizure)\nRETURN n",
      'CREATE (:Note {text: "a;b"})\nRETURN 1',
      "MERGE (c:Country {id: 'VN'})",
      "RETURN 'no semicolon at the end'",
    ]);
  });

  test.each([
    { case: "an empty script", script: "" },
    { case: "only blank lines", script: "\n\n  \n" },
    { case: "only comments", script: "// one\n  // two;\n" },
    { case: "only semicolons", script: ";\n;\n" },
  ])("$case gives no statement", ({ script }) => {
    expect(splitStatements(script)).toStrictEqual([]);
  });

  test("Windows line ends", () => {
    expect(splitStatements("// c\r\nRETURN 1;\r\nRETURN 2;\r\n")).toStrictEqual(["RETURN 1", "RETURN 2"]);
  });

  // The function promises to drop comments: a comment's own semicolon must not end a statement.
  test("a comment line ending with a semicolon inside a statement does not split it", () => {
    const script = "MATCH (n)\n// keep the order;\nRETURN n;\n";
    expect(splitStatements(script)).toStrictEqual(["MATCH (n)\nRETURN n"]);
  });

  test("cypher/seed/fixture.cypher: one statement per line ending with ';'", async () => {
    const script = await readFile(FIXTURE_FILE, "utf8");
    const lines = script.split("\n");
    const ends = lines.filter((line) => !line.trimStart().startsWith("//") && /;\s*$/.test(line)).length;
    const statements = splitStatements(script);
    expect(ends).toBeGreaterThan(1);
    expect(statements).toHaveLength(ends);
    expect(statements[0].startsWith('MERGE (s:Source {id: "fixture"})')).toBe(true);
    for (const statement of statements) {
      expect(statement, statement.slice(0, 60)).not.toMatch(/;\s*$/);
      expect(statement.split("\n").filter((line) => line.trimStart().startsWith("//"))).toStrictEqual([]);
    }
  });
});
