import { readFile, readdir } from "node:fs/promises";
import path from "node:path";

import { projectRoot } from "../config.js";

/**
 * Every query the application runs, by name, and the file under `cypher/queries/` that holds it.
 * A test fails when a file is missing from this table or an entry has no file.
 */
export const queryFiles = {
  nodesByIds: "nodes/by-ids",
  nodesIdsStartingWith: "nodes/ids-starting-with",
  relatedAll: "related/all",
  relatedPage: "related/page",
  relatedCount: "related/count",
  seizureList: "seizure/list",
  seizureCount: "seizure/count",
  shipmentList: "shipment/list",
  shipmentCount: "shipment/count",
  personList: "person/list",
  personCount: "person/count",
  companyList: "company/list",
  companyCount: "company/count",
  personListOrdered: "person/list-ordered",
  personCounts: "person/counts",
  companyListOrdered: "company/list-ordered",
  companyCounts: "company/counts",
  placeList: "place/list",
  placeCount: "place/count",
  countryList: "country/list",
  countryCount: "country/count",
  speciesList: "species/list",
  speciesCount: "species/count",
  // search (the search root field)
  searchHits: "search/hits",
  // network (the network root field and its exports)
  networkExpand: "network/expand",
  // connections (shortest paths between two entities)
  connectionsShortestPaths: "connections/shortest-paths",
  connectionsEndpoints: "connections/endpoints",
  // shared identifiers
  sharedIdentifiersOfParties: "shared-identifiers/of-parties",
  // timeline
  // routes and transit hubs
  routesObserved: "routes/observed",
  routesLegs: "routes/legs",
  routesTransitHubs: "routes/transit-hubs",
  // flows
  flowsLinks: "flows/links",
  flowsTotals: "flows/totals",
  // trends
  trendsSeries: "trends/series",
  // The ring analysis: export, store, and the rings, ring and ringOf root fields.
  ringsExportIdentifiers: "rings/export-identifiers",
  ringsExportShipments: "rings/export-shipments",
  ringsExportOfficers: "rings/export-officers",
  ringsWriteRun: "rings/write-run",
  ringsWriteRings: "rings/write-rings",
  ringsDeleteRuns: "rings/delete-runs",
  ringsLatestRun: "rings/latest-run",
  ringsList: "rings/list",
  ringsByIds: "rings/by-ids",
  ringsOfParties: "rings/of-parties",
  timelineEvents: "timeline/events",
  databaseIsEmpty: "admin/database-is-empty",
  // API keys (authentication of embedding apps)
  apiKeyCreate: "api-keys/create",
  apiKeyRevoke: "api-keys/revoke",
  apiKeyFind: "api-keys/find",
  apiKeyList: "api-keys/list",
  importMergeSource: "import/merge-source",
  importMergeNodes: "import/merge-nodes",
  importMergeMentionedNodes: "import/merge-mentioned-nodes",
  importMergeRelationships: "import/merge-relationships",
  importMergeSequencedRelationships: "import/merge-sequenced-relationships",
  importMergeSymmetricRelationships: "import/merge-symmetric-relationships",
  importExistingIds: "import/existing-ids",
  importPlaceIndex: "import/place-index",
  importSpeciesIndex: "import/species-index",
  importSourceNodeCounts: "import/source-node-counts",
  importSourceRelationshipCounts: "import/source-relationship-counts",
  importSourceCounts: "import/source-counts",
} as const;

export type QueryName = keyof typeof queryFiles;

/**
 * Values allowed in a template slot: a label expression, a relationship type, an arrow piece, or a
 * small whole number (Cypher wants literals for `SHORTEST k` and the bounds of a quantifier).
 */
const SLOT_VALUE = /^(?:<-|->|-|[A-Z][A-Za-z_]*(?:\|[A-Z][A-Za-z_]*)*|[1-9][0-9]?)$/;
const SLOT = /\{\{([A-Z_]+)\}\}/g;

export class CypherRegistry {
  private readonly rendered = new Map<string, string>();

  private constructor(private readonly texts: ReadonlyMap<QueryName, string>) {}

  static async load(directory = path.join(projectRoot, "cypher", "queries")): Promise<CypherRegistry> {
    const texts = new Map<QueryName, string>();
    for (const [name, file] of Object.entries(queryFiles) as [QueryName, string][]) {
      texts.set(name, await readFile(path.join(directory, `${file}.cypher`), "utf8"));
    }
    return new CypherRegistry(texts);
  }

  /** The text of a query without template slots. */
  text(name: QueryName): string {
    const text = this.texts.get(name)!;
    if (text.includes("{{")) throw new Error(`query ${name} is a template; use render()`);
    return text;
  }

  /**
   * A template query with its slots filled. Slot values are identifiers taken from the enums in
   * `src/domain`, never user input; they are checked here all the same.
   */
  render(name: QueryName, slots: Readonly<Record<string, string>>): string {
    const cacheKey = `${name}\u0000${JSON.stringify(slots)}`;
    const cached = this.rendered.get(cacheKey);
    if (cached) return cached;
    const text = this.texts.get(name)!.replace(SLOT, (_, slot: string) => {
      const value = slots[slot];
      if (value === undefined) throw new Error(`query ${name}: no value for slot ${slot}`);
      if (!SLOT_VALUE.test(value)) throw new Error(`query ${name}: slot ${slot} is not an identifier or a small number`);
      return value;
    });
    this.rendered.set(cacheKey, text);
    return text;
  }
}

/** Lists the `.cypher` files under a folder, as names relative to it without the extension. */
export async function listCypherFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".cypher"))
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).replace(/\.cypher$/, ""))
    .sort();
}

/** Splits a script of several statements on the semicolons that end lines, after dropping comment lines. */
export function splitStatements(script: string): string[] {
  return script
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
