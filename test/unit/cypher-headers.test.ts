import { readFile } from "node:fs/promises";
import path from "node:path";

import { describe, expect, test } from "vitest";

import { headerProblems, parseHeader, parseType, queryShape } from "../../src/db/cypher-header.js";
import { listCypherFiles, QUERIES_DIR } from "../../src/db/cypher-files.js";
import { queryName, readQueryFiles } from "../../src/db/emit-queries.js";

const files = await listCypherFiles(QUERIES_DIR);
const read = (file: string) => readFile(path.join(QUERIES_DIR, `${file}.cypher`), "utf8");

/** The problems of a text's header against its body, or the error that parsing it throws. */
function problemsOf(text: string): string[] {
  try {
    return headerProblems(parseHeader(text), queryShape(text));
  } catch (error) {
    return [`throws: ${(error as Error).message}`];
  }
}

describe("every query file under cypher/queries", () => {
  test("there are files to check", () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  test.each(files)("%s.cypher: its header declares exactly the parameters, slots and columns its text uses", async (file) => {
    expect(problemsOf(await read(file))).toStrictEqual([]);
  });

  test.each(files)("%s.cypher: keeps its prose Parameters: and Columns: lines", async (file) => {
    const lines = (await read(file)).split("\n");
    const header = lines.slice(0, lines.findIndex((line) => !line.startsWith("//")));
    expect(header.some((line) => line.includes("Parameters:"))).toBe(true);
    expect(header.some((line) => line.includes("Columns:"))).toBe(true);
  });

  test("names derived from the paths are unique (the generator says which files clash)", async () => {
    const names = files.map(queryName);
    expect(new Set(names).size).toBe(names.length);
    await expect(readQueryFiles()).resolves.toHaveLength(files.length);
  });

  test("a query that writes is told from one that reads", async () => {
    const shapes = await Promise.all(files.map(async (file) => [file, queryShape(await read(file)).writes] as const));
    const writes = shapes.filter(([, writes]) => writes).map(([file]) => file);
    expect(writes).toStrictEqual([
      "aggregates/mark-all",
      "aggregates/mark-stale-taxa",
      "aggregates/touch-shipments",
      "aggregates/write-tallies",
      "aggregates/write-trend-tallies",
      "alerts/match-batch",
      "alerts/unwatch",
      "alerts/watch",
      "api-keys/create",
      "api-keys/revoke",
      "audit/append",
      "audit/lock-head",
      "audit/open-head",
      "audit/remove-before",
      "audit/schema-entity-key",
      "audit/schema-head-key",
      "audit/schema-record-key",
      "audit/schema-record-seq",
      "audit/schema-record-subject",
      "import/bulk-patch-nodes",
      "import/merge-mentioned-nodes",
      "import/merge-nodes",
      "import/merge-relationships",
      "import/merge-sequenced-relationships",
      "import/merge-source",
      "import/merge-symmetric-relationships",
      "import/removal-delete-mentions",
      "import/removal-delete-relationships",
      "import/removal-delete-source",
      "import/removal-set-source-counts",
      "import/removal-unlink-nodes",
      "resolution/decision-prepare",
      "resolution/decision-undo",
      "resolution/decision-write",
      "resolution/delete-stale",
      "resolution/write-candidates",
      "rings/delete-runs",
      "rings/write-quality",
      "rings/write-rings",
      "rings/write-run",
    ]);
  });
});

describe("queryName", () => {
  test.each([
    ["nodes/by-ids", "nodesByIds"],
    ["api-keys/find", "apiKeysFind"],
    ["shared-identifiers/of-parties", "sharedIdentifiersOfParties"],
    ["admin/database-is-empty", "adminDatabaseIsEmpty"],
  ])("%s is %s", (file, name) => {
    expect(queryName(file)).toBe(name);
  });
});

describe("the header against the text", () => {
  const header = (...tags: string[]) => ["// What the query does.", ...tags].join("\n") + "\n";

  test.each([
    {
      case: "a header that agrees",
      text: header("// @param ids: string[]", "// @column key: string", "// @column node: NodeProperties") +
        "UNWIND $ids AS key MATCH (node:Seizure {id: key}) RETURN key, node {.*} AS node",
      problems: [],
    },
    {
      case: "a declared parameter the text does not use",
      text: header("// @param ids: string[]", "// @param after: string | null", "// @column key: string") + "UNWIND $ids AS key RETURN key",
      problems: ["@param after is declared but $after is not used"],
    },
    {
      case: "a parameter the header does not declare",
      text: header("// @column key: string") + "UNWIND $ids AS key RETURN key",
      problems: ["$ids is used but not declared with @param"],
    },
    {
      case: "a $name in a comment or a string is no parameter",
      text: header("// @column text: string") + "// uses $nothing\nRETURN '$nothing' AS text",
      problems: [],
    },
    {
      case: "a column the RETURN does not have",
      text: header("// @column id: string", "// @column name: string") + "MATCH (n:Person) RETURN n.id AS id",
      problems: ["@column name is not a column of the RETURN"],
    },
    {
      case: "a RETURN column the header does not declare",
      text: header("// @column id: string") + "MATCH (n:Person) RETURN n.id AS id, n.name AS name",
      problems: ["the RETURN column name is not declared with @column"],
    },
    {
      case: "columns in another order than the RETURN's",
      text: header("// @column name: string", "// @column id: string") + "MATCH (n:Person) RETURN n.id AS id, n.name AS name",
      problems: ["@column order name, id differs from the RETURN's id, name"],
    },
    {
      case: "only the top-level RETURN counts, not a subquery's or a COLLECT's",
      text: header("// @column total: integer") +
        "CALL () { MATCH (n) RETURN n } WITH collect(n) AS all RETURN size(COLLECT { UNWIND all AS x RETURN x }) AS total ORDER BY total LIMIT 1",
      problems: [],
    },
    {
      case: "both branches of a UNION",
      text: header("// @column type: string") + "MATCH ()-[r]->() RETURN type(r) AS type UNION ALL MATCH ()<-[r]-() RETURN type(r) AS type",
      problems: [],
    },
    {
      case: "a DISTINCT projection with a bare variable",
      text: header("// @param ids: string[]", "// @column key: string", "// @column ringId: string") +
        "UNWIND $ids AS key MATCH (r:Ring) RETURN DISTINCT key, r.id AS ringId",
      problems: [],
    },
    {
      case: "a slot the header does not declare, and one it declares in vain",
      text: header("// @slot TYPE: RelType", "// @column key: string") + "MATCH (n:{{LABEL}}) RETURN n.id AS key",
      problems: ["@slot TYPE is declared but {{TYPE}} is not used", "{{LABEL}} is used but not declared with @slot"],
    },
    {
      case: "a slot inside a quoted name",
      text: header("// @slot LABEL: NodeLabel", "// @column added: integer") + "MATCH (s:Source) SET s.`nodes.{{LABEL}}` = 1 RETURN 1 AS added",
      problems: [],
    },
    {
      case: "a write without RETURN declares no column",
      text: header("// @param source: ParameterMap") + "MERGE (s:Source {id: $source.id}) SET s += $source",
      problems: [],
    },
    {
      case: "an unnamed RETURN item",
      text: header() + "MATCH (n) RETURN n.id",
      problems: ["throws: a RETURN item without a name: n . id"],
    },
    {
      case: "a tag after the header",
      text: header("// @column id: string") + "MATCH (n)\n// @param late: string\nRETURN n.id AS id",
      problems: ["throws: line 4: @param after the header (tags belong to the leading comment lines)"],
    },
    {
      case: "an unknown tag",
      text: header("// @returns id: string") + "RETURN 1 AS id",
      problems: ["throws: line 2: unknown tag @returns (@param, @slot, @column)"],
    },
    {
      case: "a tag declared twice",
      text: header("// @column id: string", "// @column id: integer") + "RETURN 1 AS id",
      problems: ["throws: line 3: @column id is declared twice"],
    },
    {
      case: "an unknown slot kind",
      text: header("// @slot LABEL: Label") + "MATCH (n:{{LABEL}}) RETURN 1 AS one",
      problems: ['throws: line 2: slot LABEL: "Label" is not a slot kind (NodeLabel, NodeLabels, RelType, Arrow, Count)'],
    },
    {
      case: "an unknown scalar",
      text: header("// @column id: text") + "RETURN 1 AS id",
      problems: [
        'throws: line 2: column id: "text" is neither a scalar (string, integer, float, boolean, date, datetime, null) nor a named type (capitalised)',
      ],
    },
  ])("$case", ({ text, problems }) => {
    expect(problemsOf(text)).toStrictEqual(problems);
  });
});

describe("parseType", () => {
  test.each([
    ["string", [{ name: "string", lists: 0 }]],
    ["string | null", [{ name: "string", lists: 0 }, { name: "null", lists: 0 }]],
    ["CitedRelationshipMap[][]", [{ name: "CitedRelationshipMap", lists: 2 }]],
    ["string[]|null", [{ name: "string", lists: 1 }, { name: "null", lists: 0 }]],
  ])("%s", (text, type) => {
    expect(parseType(text)).toStrictEqual(type);
  });

  test.each([
    ["", '"" is not a type: "" is not a name followed by [] pairs'],
    ["string[", '"string[" is not a type: "string[" is not a name followed by [] pairs'],
    ["null[]", '"null[]": a list of null'],
    ["Map<string>", '"Map<string>" is not a type: "Map<string>" is not a name followed by [] pairs'],
  ])("%j is refused", (text, message) => {
    expect(() => parseType(text)).toThrow(message);
  });
});
