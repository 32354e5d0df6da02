import { readFile } from "node:fs/promises";
import path from "node:path";

import neo4j, { type Driver } from "neo4j-driver";

import { projectRoot } from "../src/config.js";
import type { CypherRegistry } from "../src/db/cypher-registry.js";
import { seizureCount, seizureList } from "../src/db/queries.generated.js";
import { dateParameter, integerParameter, toPlain } from "../src/db/values.js";
import type { Dataset } from "./dataset.js";
import { Random } from "./random.js";

/**
 * One question asked two ways: as a GraphQL request to the API, and as the equivalent Cypher sent
 * straight through neo4j-driver. Both answers have the same shape (the GraphQL `data`), so the
 * benchmark can check that they are equal before it times them.
 */
export interface Shape {
  key: string;
  title: string;
  /** The GraphQL document, as sent. */
  graphql: string;
  /** The file holding the direct Cypher, relative to the project root. */
  directFile: string;
  /** How the inputs vary from one iteration to the next. */
  inputs: string;
  variables(iteration: number): Record<string, unknown>;
  /** The same answer from Neo4j directly, shaped like the GraphQL `data`. */
  direct(iteration: number): Promise<unknown>;
}

export interface DirectReader {
  driver: Driver;
  database: string;
  timeoutMs: number;
}

const PAGE_SIZE = 20;
const LOOKUP_FILE = "bench/cypher/seizure-lookup.cypher";
const LIST_FILE = "bench/cypher/seizure-list-page.cypher";

export const LOOKUP_QUERY = `query SeizureLookup($id: ID!) {
  seizure(id: $id) {
    id
    date
    country { name }
    place { name }
    commodities { product quantity species { scientificName } }
    shipments { mode route { sequence role place { name } country { code } } }
  }
}`;

export const LIST_QUERY = `query SeizureListPage($country: CountryCode!, $dateFrom: LocalDate!, $dateTo: LocalDate!) {
  seizures(first: ${PAGE_SIZE}, filter: { country: $country, dateFrom: $dateFrom, dateTo: $dateTo }) {
    totalCount
    edges { node { id date commodities { product weightKg species { scientificName } } } }
  }
}`;

/** "Lookup with nested relationships": one seizure by id, a different one each iteration. */
export async function lookupShape(reader: DirectReader, data: Dataset, count: number, seed: number): Promise<Shape> {
  const query = await readFile(path.join(projectRoot, LOOKUP_FILE), "utf8");
  const ids = new Random(seed).shuffle(data.seizures.map((seizure) => seizure.id));
  const idAt = (iteration: number) => ids[iteration % ids.length]!;
  return {
    key: "lookup",
    title: "Lookup with nested relationships",
    graphql: LOOKUP_QUERY,
    directFile: LOOKUP_FILE,
    inputs: `a different seizure id each iteration (${Math.min(count, ids.length)} distinct ids, seeded shuffle)`,
    variables: (iteration) => ({ id: idAt(iteration) }),
    direct: async (iteration) => {
      const [row] = await readDirect(reader, query, { id: idAt(iteration) });
      return { seizure: row?.seizure ?? null };
    },
  };
}

/**
 * "Filtered list page": the first page of seizures in one country within a date window, cycling
 * through the countries in a seeded order, with windows of 2 to 5 years between 2010 and 2024.
 */
export async function listShape(
  reader: DirectReader,
  _registry: CypherRegistry,
  data: Dataset,
  count: number,
  seed: number,
): Promise<Shape> {
  const template = await readFile(path.join(projectRoot, LIST_FILE), "utf8");
  // The application's own page and count queries, unchanged (replacer functions, so that no `$` in
  // them is read as a replacement pattern).
  const query = template
    .replace("{{COUNT}}", () => seizureCount.text)
    .replace("{{PAGE}}", () => seizureList.text);

  const random = new Random(seed);
  const countries = random.shuffle(data.countries.map((country) => country.id));
  const inputs = Array.from({ length: count }, (_, iteration) => {
    const fromYear = random.int(2010, 2019);
    const from = `${fromYear}-${pad2(random.int(1, 12))}-01`;
    const to = `${Math.min(fromYear + random.int(2, 5), 2024)}-12-31`;
    return { country: countries[iteration % countries.length]!, dateFrom: from, dateTo: to };
  });

  return {
    key: "list",
    title: "Filtered list page",
    graphql: LIST_QUERY,
    directFile: LIST_FILE,
    inputs: `country cycling through the ${countries.length} countries; date windows of 2–5 years starting 2010–2019 (seeded)`,
    variables: (iteration) => inputs[iteration]!,
    direct: async (iteration) => {
      const input = inputs[iteration]!;
      // Every filter key is present, null when unused, as the API's resolvers pass them.
      const [row] = await readDirect(reader, query, {
        country: input.country,
        place: null,
        species: null,
        product: null,
        mode: null,
        dateFrom: dateParameter(input.dateFrom),
        dateTo: dateParameter(input.dateTo),
        after: null,
        limit: integerParameter(PAGE_SIZE),
      });
      const nodes = (row!.nodes as unknown[]).map((node) => ({ node }));
      return { seizures: { totalCount: row!.totalCount, edges: nodes } };
    },
  };
}

/** Reads as the application's executor does (read routing, same timeout) and converts values the same way. */
async function readDirect(reader: DirectReader, query: string, parameters: Record<string, unknown>) {
  const result = await reader.driver.executeQuery(query, parameters, {
    database: reader.database,
    routing: neo4j.routing.READ,
    transactionConfig: { timeout: reader.timeoutMs },
  });
  return result.records.map((record) => toPlain(record.toObject()) as Record<string, unknown>);
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}
