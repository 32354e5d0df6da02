import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

import neo4j, { type Driver, type Notification } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { projectRoot } from "../../src/config.js";
import { splitStatements } from "../../src/db/cypher-registry.js";
import { NodeLabel, RelType } from "../../src/domain/graph-schema.js";
import {
  dataRelationshipTypes,
  expandPropertyName,
  labels,
  markerLabels,
  relationshipProperties,
  relationshipTypes,
  type ModelLabel,
  type ModelRelationshipType,
  type PropertyModel,
  vocabularies,
} from "../../src/domain/model.js";
import { neo4jFromContext } from "../helpers/neo4j-context.js";
import { connect } from "../helpers/test-api.js";

/**
 * Neo4j says, when it plans a query, which labels, relationship types and property keys it has never
 * seen (UnknownLabelWarning, UnknownRelationshipTypeWarning, UnknownPropertyKeyWarning). The database
 * is first made to know every name of the model (src/domain/model.ts): one node of each label with
 * every property, one relationship of each type with every property. Then every `.cypher` file is
 * planned with EXPLAIN, and any such warning is a name the model does not have (or one nothing in the
 * database holds either: the test database is shared, so a name another test wrote would pass here;
 * test/unit/cypher-names.test.ts reads the names from the text and has no such gap).
 *
 * The model's nodes are written in a transaction that is rolled back: Neo4j keeps the names it
 * learns when a write creates them (its token store), whatever becomes of the transaction, so the
 * other test files sharing the database never see these nodes. They carry the label Synthetic and
 * ids of their own all the same, and are looked for and removed after.
 */

const UNKNOWN_NAME = /Unknown(?:Label|RelationshipType|PropertyKey)Warning$/;
const PREFIX = `model-check-${randomUUID()}-`;

let driver: Driver;
let database: string;

beforeAll(async () => {
  driver = connect();
  database = neo4jFromContext().database;
  await teachTheModel();
});

afterAll(async () => {
  await driver?.executeQuery("MATCH (n:Synthetic) WHERE n.id STARTS WITH $prefix DETACH DELETE n", { prefix: PREFIX }, { database });
  await driver?.close();
});

// ---------------------------------------------------------------------------------------------
// The model, made known to the database

/** A value of a property's type, as the driver sends it. */
function sampleValue(property: PropertyModel): unknown {
  if (property.vocabulary !== undefined) return Object.values(vocabularies[property.vocabulary])[0];
  switch (property.type) {
    case "string":
      return "model check";
    case "string list":
      return ["model check"];
    case "integer":
      return neo4j.int(1);
    case "integer list":
      return [neo4j.int(1)];
    case "float":
      return 1.5;
    case "float list":
      return [1.5];
    case "boolean":
      return true;
    case "Date":
      return new neo4j.types.Date(2020, 1, 2);
    case "DateTime":
      return neo4j.types.DateTime.fromStandardDate(new Date(Date.UTC(2020, 0, 2)));
  }
}

function sampleProperties(properties: Readonly<Record<string, PropertyModel>>, id?: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    for (const stored of expandPropertyName(name)) values[stored] = sampleValue(property);
  }
  if (id !== undefined) values.id = id;
  return values;
}

const idOf = (label: string) => `${PREFIX}${label}`;
const quoted = (name: string) => `\`${name.replaceAll("`", "``")}\``;

async function teachTheModel(): Promise<void> {
  const session = driver.session({ database });
  const transaction = session.beginTransaction();
  try {
    for (const [label, model] of Object.entries(labels)) {
      await transaction.run(`CREATE (n:${quoted(label)}:${Object.keys(markerLabels).map(quoted).join(":")}) SET n = $properties`, {
        properties: sampleProperties(model.properties, idOf(label)),
      });
    }
    for (const [type, model] of Object.entries(relationshipTypes)) {
      for (const ends of model.ends) {
        const [from, to] = [ends.from[0]!, ends.to[0]!];
        await transaction.run(
          `MATCH (a:${quoted(from)} {id: $from}), (b:${quoted(to)} {id: $to}) CREATE (a)-[r:${quoted(type)}]->(b) SET r = $properties`,
          { from: idOf(from), to: idOf(to), properties: sampleProperties(relationshipProperties(type as ModelRelationshipType)) },
        );
      }
    }
  } finally {
    await transaction.rollback();
    await session.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The files, their slots filled and their parameters given

/** Values for parameters EXPLAIN must have: whole numbers where Cypher wants them (LIMIT, SKIP), else null. */
const INTEGER_PARAMETERS = new Set(["limit", "first", "evidenceLimit", "minSize", "maxHolders", "hubThreshold"]);

function parametersOf(text: string): Record<string, unknown> {
  const withoutComments = text.replace(/\/\/.*$/gm, "");
  const names = new Set([...withoutComments.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!));
  return Object.fromEntries([...names].map((name) => [name, INTEGER_PARAMETERS.has(name) ? neo4j.int(10) : null]));
}

/**
 * A way the model fills a file's slots. One is enough: the slots take only the model's names, which
 * the database knows, so the names that could be unknown are the file's own, the same in every filling.
 */
function slotsOf(text: string): Record<string, string> {
  const slots = [...new Set([...text.matchAll(/\{\{([A-Z_]+)\}\}/g)].map((match) => match[1]!))].sort().join(",");
  const { from, to } = dataRelationshipTypes[RelType.StopsAt].ends[0]!;
  switch (slots) {
    case "":
      return {};
    case "LABEL":
      return { LABEL: NodeLabel.Seizure };
    case "FROM,TO,TYPE":
      return { FROM: from[0]!, TYPE: RelType.StopsAt, TO: to[0]! };
    case "FROM,LEFT,RIGHT,TO,TYPE":
      return { FROM: from[0]!, LEFT: "-", TYPE: RelType.StopsAt, RIGHT: "->", TO: to.join("|") };
    case "MAX_HOPS,PATHS":
      return { PATHS: "2", MAX_HOPS: "3" };
    default:
      throw new Error(`slots ${slots}: say here how the model fills them`);
  }
}

function fill(text: string, slots: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (_, slot: string) => slots[slot]!);
}

/** Listed when the file is loaded, so that each file is a test of its own. */
function cypherFiles(folder: string): string[] {
  return readdirSync(path.join(projectRoot, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".cypher"))
    .map((entry) => path.relative(projectRoot, path.join(entry.parentPath, entry.name)))
    .sort();
}

const read = (file: string) => readFile(path.join(projectRoot, file), "utf8");

/** The warnings about unknown names that planning a text gives. */
async function unknownNames(text: string): Promise<string[]> {
  const { summary } = await driver.executeQuery(`EXPLAIN ${text}`, parametersOf(text), { database });
  return summary.notifications
    .filter((notification: Notification) => UNKNOWN_NAME.test(notification.code))
    .map((notification) => `${notification.code.split(".").pop()}: ${notification.description}`);
}

// ---------------------------------------------------------------------------------------------

describe("the database knows every name of the model, and says so of no other", () => {
  test("an unknown label, type and property are reported (so their absence means something)", async () => {
    const warnings = await unknownNames(
      "MATCH (n:NoSuchLabelInTheModel)-[:NO_SUCH_TYPE_IN_THE_MODEL]->(m) RETURN n.noSuchPropertyInTheModel",
    );
    expect(warnings.map((warning) => warning.split(":")[0]).sort()).toStrictEqual([
      "UnknownLabelWarning",
      "UnknownPropertyKeyWarning",
      "UnknownRelationshipTypeWarning",
    ]);
  });

  test("every label, type and property of the model is known, though no node of the check was kept", async () => {
    const read = (variable: string, properties: Readonly<Record<string, PropertyModel>>) =>
      [variable, ...Object.keys(sampleProperties(properties)).map((name) => `${variable}.${quoted(name)}`)].join(", ");
    const names = [
      ...Object.entries(labels).map(([label, model]) => `MATCH (n:${quoted(label)}) RETURN ${read("n", model.properties)}`),
      ...Object.keys(markerLabels).map((label) => `MATCH (n:${quoted(label)}) RETURN n`),
      ...Object.keys(relationshipTypes).map(
        (type) => `MATCH ()-[r:${quoted(type)}]->() RETURN ${read("r", relationshipProperties(type as ModelRelationshipType))}`,
      ),
    ];
    for (const text of names) expect(await unknownNames(text), text).toStrictEqual([]);
    const { records } = await driver.executeQuery(
      "MATCH (n) WHERE n.id STARTS WITH $prefix RETURN count(n) AS kept",
      { prefix: PREFIX },
      { database },
    );
    expect(records[0]!.get("kept").toNumber()).toBe(0);
  });
});

describe("EXPLAIN reports no unknown name in any .cypher file", () => {
  test.each([...cypherFiles("cypher/queries"), ...cypherFiles("cypher/seed")])("%s", async (file) => {
    const found: string[] = [];
    for (const statement of splitStatements(await read(file))) {
      const slots = slotsOf(statement);
      for (const warning of await unknownNames(fill(statement, slots))) found.push(`${JSON.stringify(slots)}: ${warning}`);
    }
    expect(found).toStrictEqual([]);
  });

  test("bench/cypher, with the application's queries in their slots as the benchmark puts them", async () => {
    const count = await read("cypher/queries/seizure/count.cypher");
    const page = await read("cypher/queries/seizure/list.cypher");
    const found: string[] = [];
    for (const file of cypherFiles("bench/cypher")) {
      const text = (await read(file)).replace("{{COUNT}}", () => count).replace("{{PAGE}}", () => page);
      expect(text, file).not.toContain("{{");
      for (const warning of await unknownNames(text)) found.push(`${file}: ${warning}`);
    }
    expect(found).toStrictEqual([]);
  });

  test("cypher/constraints: the labels, types and properties of the indexes and constraints they make are the model's", async () => {
    const declared = new Set<string>();
    for (const file of cypherFiles("cypher/constraints")) {
      const name = /(?:CONSTRAINT|INDEX)\s+(\w+)\s+IF NOT EXISTS/.exec(await read(file))?.[1];
      if (name !== undefined) declared.add(name);
    }
    const { records } = await driver.executeQuery(
      `SHOW INDEXES YIELD name, entityType, labelsOrTypes, properties
       WHERE labelsOrTypes IS NOT NULL
       RETURN name, entityType, labelsOrTypes, properties`,
      {},
      { database },
    );
    const found = records.filter((record) => declared.has(record.get("name")));
    // Every constraint is backed by an index of its own name, so indexes cover constraints too.
    expect(found.map((record) => record.get("name")).sort(), "every declared index and constraint exists").toStrictEqual(
      [...declared].sort(),
    );
    const problems = found.flatMap((record) => {
      const name = record.get("name") as string;
      const node = record.get("entityType") === "NODE";
      const owners = record.get("labelsOrTypes") as string[];
      const unknown = owners.filter((owner) => !(node ? owner in labels : owner in relationshipTypes));
      if (unknown.length > 0) return unknown.map((owner) => `${name}: ${owner} is no ${node ? "label" : "relationship type"} of the model`);
      // A full-text index over several labels reads each property where a label has it.
      const properties = owners
        .flatMap((owner) => Object.keys(node ? labels[owner as ModelLabel].properties : relationshipProperties(owner as ModelRelationshipType)))
        .flatMap(expandPropertyName);
      return (record.get("properties") as string[])
        .filter((property) => !properties.includes(property))
        .map((property) => `${name}: ${property} is no property of ${owners.join(" or ")} in the model`);
    });
    expect(problems).toStrictEqual([]);
  });
});
