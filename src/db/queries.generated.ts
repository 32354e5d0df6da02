// Emitted from cypher/queries/**/*.cypher by `npm run queries:emit` (src/db/emit-queries.ts). Do not edit by hand.
// Each query's parameter, row and slot types come from its file's header (see cypher/README.md).

import type { Date as CypherDate, DateTime as CypherDateTime, Integer } from "neo4j-driver";

import type { NodeLabel, RelType } from "../domain/graph-schema.js";
import type { CypherQuery } from "./cypher-query.js";
import type { CitedRelationshipMap, ClusterMemberMap, FrontierInput, IdInput, KeyCountMap, MemberLineMap, MemberShipmentMap, NeighbourMap, NodeMap, NodeProperties, NodeRowInput, ParameterMap, Properties, RelationshipRowInput, RingInput, RingMap, RingMemberMap, RingPartyMap, RingRunInput, RingRunMap, RouteStopMap, ScopedRingMap, SearchHitMap, SharerMap, TallyEntityInput, TimelineEventMap, TrendLineMap, TrendMonthInput } from "./query-types.js";

// admin/database-is-empty.cypher

export type AdminDatabaseIsEmptyParameters = Record<string, never>;

export type AdminDatabaseIsEmptyRow = {
  empty: boolean;
};

export type AdminDatabaseIsEmptySlots = Record<string, never>;

/** Whether the database holds no entity yet, so that the demo data may be loaded. */
export const adminDatabaseIsEmpty: CypherQuery<AdminDatabaseIsEmptyParameters, AdminDatabaseIsEmptyRow, AdminDatabaseIsEmptySlots, "read"> = {
  name: "adminDatabaseIsEmpty",
  file: "admin/database-is-empty",
  mode: "read",
  parameters: {},
  slots: {},
  columns: { empty: "boolean" },
  text: `// Whether the database holds no entity yet, so that the demo data may be loaded.
// Parameters: none.
// Columns: empty (boolean).
// @column empty: boolean
RETURN NOT EXISTS { MATCH (n) WHERE n:Seizure OR n:Shipment OR n:Country } AS empty
`,
};

// aggregates/dated-seizures.cypher

export type AggregatesDatedSeizuresParameters = {
  after: string;
  limit: Integer;
};

export type AggregatesDatedSeizuresRow = {
  id: string;
};

export type AggregatesDatedSeizuresSlots = Record<string, never>;

/** Seizures with a date, or that a trends month still counts, by id after $after, at most $limit: what a rebuild of the trends' months walks through (an undated seizure leaves its month). */
export const aggregatesDatedSeizures: CypherQuery<AggregatesDatedSeizuresParameters, AggregatesDatedSeizuresRow, AggregatesDatedSeizuresSlots, "read"> = {
  name: "aggregatesDatedSeizures",
  file: "aggregates/dated-seizures",
  mode: "read",
  parameters: { after: "string", limit: "integer" },
  slots: {},
  columns: { id: "string" },
  text: `// Seizures with a date, or that a trends month still counts, by id after $after, at most $limit:
// what a rebuild of the trends' months walks through (an undated seizure leaves its month).
// Parameters: $after (a seizure id, '' for the first), $limit (integer).
// Columns: id.
// @param after: string
// @param limit: integer
// @column id: string
MATCH (seizure:Seizure)
WHERE seizure.id > $after
  AND (seizure.date IS NOT NULL OR EXISTS { (seizure)-[:COUNTED_IN]->(:TradeEntity) })
RETURN seizure.id AS id
ORDER BY id
LIMIT $limit
`,
};

// aggregates/dirty-entities.cypher

export type AggregatesDirtyEntitiesParameters = {
  limit: Integer;
};

export type AggregatesDirtyEntitiesRow = {
  id: string;
};

export type AggregatesDirtyEntitiesSlots = Record<string, never>;

/** Trade entities marked for a recount (aggregates/touch-shipments.cypher), at most $limit. */
export const aggregatesDirtyEntities: CypherQuery<AggregatesDirtyEntitiesParameters, AggregatesDirtyEntitiesRow, AggregatesDirtyEntitiesSlots, "read"> = {
  name: "aggregatesDirtyEntities",
  file: "aggregates/dirty-entities",
  mode: "read",
  parameters: { limit: "integer" },
  slots: {},
  columns: { id: "string" },
  text: `// Trade entities marked for a recount (aggregates/touch-shipments.cypher), at most $limit.
// Parameters: $limit (integer).
// Columns: id.
// @param limit: integer
// @column id: string
MATCH (entity:TradeEntity {dirty: true})
RETURN entity.id AS id
LIMIT $limit
`,
};

// aggregates/hubs.cypher

export type AggregatesHubsParameters = {
  level: string;
};

export type AggregatesHubsRow = {
  id: string;
  kind: string;
  hub: string | null;
  dirty: boolean;
  spansMonths: boolean;
};

export type AggregatesHubsSlots = Record<string, never>;

/** The transit hubs of a level (stops records name as transits, see aggregates/touch-shipments.cypher) and the level's shipments with a transit (their shares). */
export const aggregatesHubs: CypherQuery<AggregatesHubsParameters, AggregatesHubsRow, AggregatesHubsSlots, "read"> = {
  name: "aggregatesHubs",
  file: "aggregates/hubs",
  mode: "read",
  parameters: { level: "string" },
  slots: {},
  columns: { id: "string", kind: "string", hub: "string | null", dirty: "boolean", spansMonths: "boolean" },
  text: `// The transit hubs of a level (stops records name as transits, see
// aggregates/touch-shipments.cypher) and the level's shipments with a transit (their shares).
// Parameters: $level ('COUNTRY' or 'PLACE').
// Columns: id, kind ('HUB' or 'TRANSITS'), hub (a Country or Place id; null for TRANSITS), dirty,
// spansMonths.
// @param level: string
// @column id: string
// @column kind: string
// @column hub: string | null
// @column dirty: boolean
// @column spansMonths: boolean
MATCH (entity:TradeEntity {level: $level})
WHERE entity.kind IN ['HUB', 'TRANSITS']
RETURN entity.id AS id, entity.kind AS kind, entity.hub AS hub, entity.dirty AS dirty, entity.spansMonths AS spansMonths
`,
};

// aggregates/links.cypher

export type AggregatesLinksParameters = {
  level: string;
  sources: readonly string[] | null;
  targets: readonly string[] | null;
};

export type AggregatesLinksRow = {
  id: string;
  kind: string;
  source: string | null;
  target: string | null;
  targetIsCountry: boolean;
  dirty: boolean;
  spansMonths: boolean;
};

export type AggregatesLinksSlots = Record<string, never>;

/** The link entities at a level (hops from one stop to the next layer's, see aggregates/touch-shipments.cypher), and the level's total: all of them, or those leaving $sources and, if given, reaching $targets (routes' legs). */
export const aggregatesLinks: CypherQuery<AggregatesLinksParameters, AggregatesLinksRow, AggregatesLinksSlots, "read"> = {
  name: "aggregatesLinks",
  file: "aggregates/links",
  mode: "read",
  parameters: { level: "string", sources: "string[] | null", targets: "string[] | null" },
  slots: {},
  columns: { id: "string", kind: "string", source: "string | null", target: "string | null", targetIsCountry: "boolean", dirty: "boolean", spansMonths: "boolean" },
  text: `// The link entities at a level (hops from one stop to the next layer's, see
// aggregates/touch-shipments.cypher), and the level's total: all of them, or those leaving
// $sources and, if given, reaching $targets (routes' legs).
// Parameters: $level ('COUNTRY' or 'PLACE'), $sources, $targets (Country or Place ids, or null).
// Columns: id, kind ('LINK' or 'TOTAL'), source, target (null for the total), targetIsCountry,
// dirty, spansMonths.
// @param level: string
// @param sources: string[] | null
// @param targets: string[] | null
// @column id: string
// @column kind: string
// @column source: string | null
// @column target: string | null
// @column targetIsCountry: boolean
// @column dirty: boolean
// @column spansMonths: boolean
MATCH (link:TradeEntity {level: $level})
WHERE link.kind IN ['LINK', 'TOTAL']
  AND ($sources IS NULL OR link.source IN $sources)
  AND ($targets IS NULL OR link.target IN $targets)
RETURN link.id AS id, link.kind AS kind, link.source AS source, link.target AS target,
  EXISTS { (:Country {id: link.target}) } AS targetIsCountry,
  link.dirty AS dirty, link.spansMonths AS spansMonths
`,
};

// aggregates/mark-all.cypher

export type AggregatesMarkAllParameters = {
  limit: Integer;
};

export type AggregatesMarkAllRow = {
  marked: number;
};

export type AggregatesMarkAllSlots = Record<string, never>;

/** Marks up to $limit trade entities not yet marked for a recount, for a rebuild: run until it marks none. An entity whose members all left (its shipments were removed some other way than the import, or the members' rules changed) is then recounted with no members, and removed. */
export const aggregatesMarkAll: CypherQuery<AggregatesMarkAllParameters, AggregatesMarkAllRow, AggregatesMarkAllSlots, "write"> = {
  name: "aggregatesMarkAll",
  file: "aggregates/mark-all",
  mode: "write",
  parameters: { limit: "integer" },
  slots: {},
  columns: { marked: "integer" },
  text: `// Marks up to $limit trade entities not yet marked for a recount, for a rebuild: run until it marks
// none. An entity whose members all left (its shipments were removed some other way than the
// import, or the members' rules changed) is then recounted with no members, and removed.
// Parameters: $limit (integer).
// Columns: marked.
// @param limit: integer
// @column marked: integer
MATCH (entity:TradeEntity {dirty: false})
WITH entity
LIMIT $limit
SET entity.dirty = true, entity.version = entity.version + 1
RETURN count(entity) AS marked
`,
};

// aggregates/mark-stale-taxa.cypher

export type AggregatesMarkStaleTaxaParameters = Record<string, never>;

export type AggregatesMarkStaleTaxaRow = {
  marked: number;
};

export type AggregatesMarkStaleTaxaSlots = Record<string, never>;

/** Marks for a recount every trends month whose record of the genus and order it counted each of its species under (`taxonSpecies`, `taxonGenera`, `taxonOrders`) no longer matches the Species nodes: a species changed or went some other way than through the import's batches (a removed source */
export const aggregatesMarkStaleTaxa: CypherQuery<AggregatesMarkStaleTaxaParameters, AggregatesMarkStaleTaxaRow, AggregatesMarkStaleTaxaSlots, "write"> = {
  name: "aggregatesMarkStaleTaxa",
  file: "aggregates/mark-stale-taxa",
  mode: "write",
  parameters: {},
  slots: {},
  columns: { marked: "integer" },
  text: `// Marks for a recount every trends month whose record of the genus and order it counted each of its
// species under (\`taxonSpecies\`, \`taxonGenera\`, \`taxonOrders\`) no longer matches the Species nodes:
// a species changed or went some other way than through the import's batches (a removed source
// clears what it alone stated). aggregates/touch-shipments does the same when species are written.
// Parameters: none.
// Columns: marked.
// @column marked: integer
MATCH (month:TradeEntity {level: 'TREND', kind: 'MONTH'})
WHERE NOT month.dirty AND NOT all(i IN range(0, size(coalesce(month.taxonSpecies, [])) - 1) WHERE EXISTS {
  MATCH (known:Species {id: month.taxonSpecies[i]})
  WHERE coalesce(known.genus, '') = month.taxonGenera[i] AND coalesce(known.order, '') = month.taxonOrders[i]
})
SET month.dirty = true, month.version = month.version + 1
RETURN count(month) AS marked
`,
};

// aggregates/members.cypher

export type AggregatesMembersParameters = {
  ids: readonly string[];
  dateFrom: CypherDate<number> | null;
  dateTo: CypherDate<number> | null;
};

export type AggregatesMembersRow = {
  entity: string;
  version: number;
  seizure: string | null;
  date: string | null;
  sources: string[];
  shipments: MemberShipmentMap[];
  lines: MemberLineMap[];
};

export type AggregatesMembersSlots = Record<string, never>;

/** The member seizures of trade entities: each seizure that intercepted a shipment an entity counts, with what the tallies split by (src/domain/trade-tallies.ts). With $dateFrom/$dateTo only the seizures of those dates (for a query answered from the members); null for all (for a */
export const aggregatesMembers: CypherQuery<AggregatesMembersParameters, AggregatesMembersRow, AggregatesMembersSlots, "read"> = {
  name: "aggregatesMembers",
  file: "aggregates/members",
  mode: "read",
  parameters: { ids: "string[]", dateFrom: "date | null", dateTo: "date | null" },
  slots: {},
  columns: { entity: "string", version: "integer", seizure: "string | null", date: "date | null", sources: "string[]", shipments: "MemberShipmentMap[]", lines: "MemberLineMap[]" },
  text: `// The member seizures of trade entities: each seizure that intercepted a shipment an entity
// counts, with what the tallies split by (src/domain/trade-tallies.ts). With $dateFrom/$dateTo
// only the seizures of those dates (for a query answered from the members); null for all (for a
// recount). Each entity's version comes with it, so a recount writes only what it read.
// Parameters: $ids (TradeEntity ids), $dateFrom, $dateTo (Date or null).
// Columns: entity, version, seizure, date (null when unknown), sources (Source ids), shipments
// (the entity's shipments it intercepted: id, mode, seizureCount = all seizures of the shipment,
// origins and destinations = the countries of its origin and destination stops),
// lines (its commodity lines: id, product, species ids, weightKg). Entities without members give
// one row with a null seizure.
// @param ids: string[]
// @param dateFrom: date | null
// @param dateTo: date | null
// @column entity: string
// @column version: integer
// @column seizure: string | null
// @column date: date | null
// @column sources: string[]
// @column shipments: MemberShipmentMap[]
// @column lines: MemberLineMap[]
UNWIND $ids AS id
MATCH (entity:TradeEntity {id: id})
OPTIONAL CALL (entity) {
  MATCH (entity)<-[:COUNTED_IN]-(shipment:Shipment)<-[:INTERCEPTED]-(seizure:Seizure)
  WHERE ($dateFrom IS NULL OR seizure.date >= $dateFrom) AND ($dateTo IS NULL OR seizure.date <= $dateTo)
  WITH seizure, collect({
    id: shipment.id,
    mode: shipment.mode,
    seizureCount: COUNT { (shipment)<-[:INTERCEPTED]-(:Seizure) },
    origins: COLLECT {
      MATCH (shipment)-[:STOPS_AT {role: 'ORIGIN'}]->(stop)
      OPTIONAL MATCH (stop:Place)-[:IN_COUNTRY]->(country:Country)
      WITH CASE WHEN stop:Country THEN stop.id ELSE country.id END AS id WHERE id IS NOT NULL
      RETURN id
    },
    destinations: COLLECT {
      MATCH (shipment)-[:STOPS_AT {role: 'DESTINATION'}]->(stop)
      OPTIONAL MATCH (stop:Place)-[:IN_COUNTRY]->(country:Country)
      WITH CASE WHEN stop:Country THEN stop.id ELSE country.id END AS id WHERE id IS NOT NULL
      RETURN id
    }
  }) AS shipments
  RETURN seizure, shipments,
    [(seizure)-[:SOURCED_FROM]->(source:Source) | source.id] AS sources,
    [(seizure)-[:RECOVERED]->(line:CommodityLine) | {
      id: line.id,
      product: line.product,
      species: [(line)-[:OF_SPECIES]->(species:Species) | species.id],
      weightKg: line.weightKg
    }] AS lines
}
RETURN entity.id AS entity, entity.version AS version, seizure.id AS seizure, seizure.date AS date,
  coalesce(sources, []) AS sources, coalesce(shipments, []) AS shipments, coalesce(lines, []) AS lines
`,
};

// aggregates/routes-through.cypher

export type AggregatesRoutesThroughParameters = {
  from: string;
  to: string;
  level: string;
};

export type AggregatesRoutesThroughRow = {
  id: string;
  keys: string[];
  countries: string[];
  places: string[];
  dirty: boolean;
  spansMonths: boolean;
};

export type AggregatesRoutesThroughSlots = Record<string, never>;

/** The route entities at a level that pass $from and later $to: every route an observed record describes with a stop in $from before a stop in $to (aggregates/touch-shipments.cypher), with its stops, whether it awaits a recount, and whether its shipments span months. */
export const aggregatesRoutesThrough: CypherQuery<AggregatesRoutesThroughParameters, AggregatesRoutesThroughRow, AggregatesRoutesThroughSlots, "read"> = {
  name: "aggregatesRoutesThrough",
  file: "aggregates/routes-through",
  mode: "read",
  parameters: { from: "string", to: "string", level: "string" },
  slots: {},
  columns: { id: "string", keys: "string[]", countries: "string[]", places: "string[]", dirty: "boolean", spansMonths: "boolean" },
  text: `// The route entities at a level that pass $from and later $to: every route an observed record
// describes with a stop in $from before a stop in $to (aggregates/touch-shipments.cypher), with
// its stops, whether it awaits a recount, and whether its shipments span months.
// Parameters: $from, $to (country ids), $level ('COUNTRY' or 'PLACE').
// Columns: id, keys, countries, places ('' where a stop has none), dirty, spansMonths.
// @param from: string
// @param to: string
// @param level: string
// @column id: string
// @column keys: string[]
// @column countries: string[]
// @column places: string[]
// @column dirty: boolean
// @column spansMonths: boolean
MATCH (:Country {id: $from})<-[start:PASSES]-(route:TradeEntity {kind: 'ROUTE', level: $level})-[end:PASSES]->(:Country {id: $to})
WHERE start.first < end.last
RETURN route.id AS id, route.keys AS keys, route.countries AS countries, route.places AS places,
  route.dirty AS dirty, route.spansMonths AS spansMonths
`,
};

// aggregates/seized-shipments.cypher

export type AggregatesSeizedShipmentsParameters = {
  after: string;
  limit: Integer;
};

export type AggregatesSeizedShipmentsRow = {
  id: string;
};

export type AggregatesSeizedShipmentsSlots = Record<string, never>;

/** Shipments that a seizure intercepted, or that an entity still counts, by id after $after, at most $limit: what a rebuild of the trade entities walks through (a shipment no longer seized leaves its entities). */
export const aggregatesSeizedShipments: CypherQuery<AggregatesSeizedShipmentsParameters, AggregatesSeizedShipmentsRow, AggregatesSeizedShipmentsSlots, "read"> = {
  name: "aggregatesSeizedShipments",
  file: "aggregates/seized-shipments",
  mode: "read",
  parameters: { after: "string", limit: "integer" },
  slots: {},
  columns: { id: "string" },
  text: `// Shipments that a seizure intercepted, or that an entity still counts, by id after $after, at most
// $limit: what a rebuild of the trade entities walks through (a shipment no longer seized leaves
// its entities).
// Parameters: $after (a shipment id, '' for the first), $limit (integer).
// Columns: id.
// @param after: string
// @param limit: integer
// @column id: string
MATCH (shipment:Shipment)
WHERE shipment.id > $after
  AND (EXISTS { (shipment)<-[:INTERCEPTED]-(:Seizure) } OR EXISTS { (shipment)-[:COUNTED_IN]->(:TradeEntity) })
RETURN shipment.id AS id
ORDER BY id
LIMIT $limit
`,
};

// aggregates/seizures-of-source.cypher

export type AggregatesSeizuresOfSourceParameters = {
  sourceId: string;
};

export type AggregatesSeizuresOfSourceRow = {
  id: string;
};

export type AggregatesSeizuresOfSourceSlots = Record<string, never>;

/** The seizures a source backs: with its shipments (aggregates/shipments-of-source), what a load that did not go through the import (the hand-made fixture) gives the trade tallies to count. */
export const aggregatesSeizuresOfSource: CypherQuery<AggregatesSeizuresOfSourceParameters, AggregatesSeizuresOfSourceRow, AggregatesSeizuresOfSourceSlots, "read"> = {
  name: "aggregatesSeizuresOfSource",
  file: "aggregates/seizures-of-source",
  mode: "read",
  parameters: { sourceId: "string" },
  slots: {},
  columns: { id: "string" },
  text: `// The seizures a source backs: with its shipments (aggregates/shipments-of-source), what a load that
// did not go through the import (the hand-made fixture) gives the trade tallies to count.
// Parameters: $sourceId.
// Columns: id.
// @param sourceId: string
// @column id: string
MATCH (seizure:Seizure)-[:SOURCED_FROM]->(:Source {id: $sourceId})
RETURN seizure.id AS id
ORDER BY id
`,
};

// aggregates/shipments-of-source.cypher

export type AggregatesShipmentsOfSourceParameters = {
  sourceId: string;
};

export type AggregatesShipmentsOfSourceRow = {
  id: string;
};

export type AggregatesShipmentsOfSourceSlots = Record<string, never>;

/** The shipments a source backs: what a load that did not go through the import (the hand-made fixture) gives the trade tallies to count (aggregates/touch-shipments.cypher). */
export const aggregatesShipmentsOfSource: CypherQuery<AggregatesShipmentsOfSourceParameters, AggregatesShipmentsOfSourceRow, AggregatesShipmentsOfSourceSlots, "read"> = {
  name: "aggregatesShipmentsOfSource",
  file: "aggregates/shipments-of-source",
  mode: "read",
  parameters: { sourceId: "string" },
  slots: {},
  columns: { id: "string" },
  text: `// The shipments a source backs: what a load that did not go through the import (the hand-made
// fixture) gives the trade tallies to count (aggregates/touch-shipments.cypher).
// Parameters: $sourceId.
// Columns: id.
// @param sourceId: string
// @column id: string
MATCH (shipment:Shipment)-[:SOURCED_FROM]->(:Source {id: $sourceId})
RETURN shipment.id AS id
ORDER BY id
`,
};

// aggregates/state.cypher

export type AggregatesStateParameters = Record<string, never>;

export type AggregatesStateRow = {
  kept: boolean;
  seized: boolean;
  dirty: boolean;
};

export type AggregatesStateSlots = Record<string, never>;

/** Whether the trade tallies have ever been counted in this database, beside whether there is anything to count: a database filled before they existed has seized shipments and no entities, and one filled before the trends' months existed has dated seizures and no MONTH entity. */
export const aggregatesState: CypherQuery<AggregatesStateParameters, AggregatesStateRow, AggregatesStateSlots, "read"> = {
  name: "aggregatesState",
  file: "aggregates/state",
  mode: "read",
  parameters: {},
  slots: {},
  columns: { kept: "boolean", seized: "boolean", dirty: "boolean" },
  text: `// Whether the trade tallies have ever been counted in this database, beside whether there is
// anything to count: a database filled before they existed has seized shipments and no entities,
// and one filled before the trends' months existed has dated seizures and no MONTH entity.
// Parameters: none.
// Columns: kept (some TradeEntity exists, and a MONTH entity where some seizure has a date),
// seized (some seizure intercepted a shipment or has a date), dirty (some entity awaits a recount).
// @column kept: boolean
// @column seized: boolean
// @column dirty: boolean
WITH EXISTS { MATCH (seizure:Seizure) WHERE seizure.date IS NOT NULL } AS dated
RETURN EXISTS { (:TradeEntity) } AND (NOT dated OR EXISTS { (:TradeEntity {level: 'TREND', kind: 'MONTH'}) }) AS kept,
  dated OR EXISTS { (:Shipment)<-[:INTERCEPTED]-(:Seizure) } AS seized,
  EXISTS { (:TradeEntity {dirty: true}) } AS dirty
`,
};

// aggregates/tallies.cypher

export type AggregatesTalliesParameters = {
  ids: readonly string[];
  dimension: string;
  value: string;
  periodFrom: string | null;
  periodTo: string | null;
};

export type AggregatesTalliesRow = {
  entity: string;
  period: string;
  seizureCount: number;
  shipmentCount: number;
  weighedSeizureCount: number;
  totalWeightKg: number | null;
  lastSeen: string | null;
  evidenceIds: string[];
  evidenceDates: string[];
};

export type AggregatesTalliesSlots = Record<string, never>;

/** One cell of trade entities' stored tallies: the ANY period ($periodFrom null), or the months from $periodFrom to $periodTo (`YYYY-MM`), through the (entity, period) index. The cell is the value $value in the lists of the filter $dimension (`any`, `mode`, `source`, `species` or `product`: */
export const aggregatesTallies: CypherQuery<AggregatesTalliesParameters, AggregatesTalliesRow, AggregatesTalliesSlots, "read"> = {
  name: "aggregatesTallies",
  file: "aggregates/tallies",
  mode: "read",
  parameters: { ids: "string[]", dimension: "string", value: "string", periodFrom: "string | null", periodTo: "string | null" },
  slots: {},
  columns: { entity: "string", period: "string", seizureCount: "integer", shipmentCount: "integer", weighedSeizureCount: "integer", totalWeightKg: "float | null", lastSeen: "string | null", evidenceIds: "string[]", evidenceDates: "string[]" },
  text: `// One cell of trade entities' stored tallies: the ANY period ($periodFrom null), or the months from
// $periodFrom to $periodTo (\`YYYY-MM\`), through the (entity, period) index. The cell is the value
// $value in the lists of the filter $dimension (\`any\`, \`mode\`, \`source\`, \`species\` or \`product\`:
// \`anyKeys\` holds the one value \`*\`; a filter no seizure of the period has, no lists); only those
// lists are read. Periods without the value give no row.
// Parameters: $ids (TradeEntity ids), $dimension, $value, $periodFrom, $periodTo (\`YYYY-MM\` or
// null).
// Columns: entity, period, seizureCount, shipmentCount, weighedSeizureCount, totalWeightKg (null
// when no weight is known), lastSeen (null when no date is, and for hops and totals), evidenceIds,
// evidenceDates ('' for an undated seizure).
// @param ids: string[]
// @param dimension: string
// @param value: string
// @param periodFrom: string | null
// @param periodTo: string | null
// @column entity: string
// @column period: string
// @column seizureCount: integer
// @column shipmentCount: integer
// @column weighedSeizureCount: integer
// @column totalWeightKg: float | null
// @column lastSeen: string | null
// @column evidenceIds: string[]
// @column evidenceDates: string[]
UNWIND $ids AS id
MATCH (tally:TradeTally {entity: id})
// The ANY period '*' sorts before every month, so one range serves both.
WHERE coalesce($periodFrom, '*') <= tally.period <= coalesce($periodTo, '*')
WITH id, tally, coalesce(tally[$dimension + 'Keys'], []) AS keys
WITH id, tally, [i IN range(0, size(keys) - 1) WHERE keys[i] = $value][0] AS i
WHERE i IS NOT NULL
WITH id, tally, i, tally[$dimension + 'EvidenceEnds'] AS ends
WITH id, tally, i, CASE WHEN i = 0 THEN 0 ELSE ends[i - 1] END AS evidenceStart, ends[i] AS evidenceEnd
WITH id, tally, i, evidenceStart, evidenceEnd, tally[$dimension + 'WeighedSeizureCounts'][i] AS weighed,
  tally[$dimension + 'LastSeen'][i] AS lastSeen
RETURN id AS entity, tally.period AS period,
  tally[$dimension + 'SeizureCounts'][i] AS seizureCount,
  tally[$dimension + 'ShipmentCounts'][i] AS shipmentCount,
  weighed AS weighedSeizureCount,
  CASE WHEN weighed = 0 THEN null ELSE tally[$dimension + 'WeightsKg'][i] END AS totalWeightKg,
  CASE WHEN lastSeen = '' THEN null ELSE lastSeen END AS lastSeen,
  tally[$dimension + 'EvidenceIds'][evidenceStart..evidenceEnd] AS evidenceIds,
  tally[$dimension + 'EvidenceDates'][evidenceStart..evidenceEnd] AS evidenceDates
`,
};

// aggregates/touch-shipments.cypher

export type AggregatesTouchShipmentsParameters = {
  shipments: readonly string[];
  seizures: readonly string[];
  lines: readonly string[];
  places: readonly string[];
  species: readonly string[];
};

export type AggregatesTouchShipmentsRow = {
  shipments: number;
};

export type AggregatesTouchShipmentsSlots = Record<string, never>;

/** Keeps the trade entities' members true after facts changed, in the transaction that changed them. What a node is a member of depends on a few facts only: a shipment's stops (and their places' countries) and whether a seizure intercepted it, and a seizure's date. So: */
export const aggregatesTouchShipments: CypherQuery<AggregatesTouchShipmentsParameters, AggregatesTouchShipmentsRow, AggregatesTouchShipmentsSlots, "write"> = {
  name: "aggregatesTouchShipments",
  file: "aggregates/touch-shipments",
  mode: "write",
  parameters: { shipments: "string[]", seizures: "string[]", lines: "string[]", places: "string[]", species: "string[]" },
  slots: {},
  columns: { shipments: "integer" },
  text: `// Keeps the trade entities' members true after facts changed, in the transaction that changed
// them. What a node is a member of depends on a few facts only: a shipment's stops (and their
// places' countries) and whether a seizure intercepted it, and a seizure's date. So:
// - the given shipments, and those stopping at the given places, leave every entity they were
//   counted in, and those a seizure intercepted join the entities their stops give again;
// - the given seizures leave their month and join the one their date gives again;
// - every other entity these facts count in is only marked: those of the given shipments'
//   seizures, of the given seizures' shipments, and of the given lines' seizures and their
//   shipments (a line's product, weight and species, a seizure's country and sources, a shipment's
//   mode change what an entity counts, never what it holds).
// Every entity a node leaves, joins or counts differently in is marked for a recount (\`dirty\`, with
// a new \`version\`), which aggregates/write-tallies does later; until then a query counts it from
// its members (see src/domain/trade-tallies.ts). A relationship that changes membership
// (STOPS_AT, INTERCEPTED, a place's IN_COUNTRY) must come with its shipment, seizure or place.
// The entities of a shipment, at each level (COUNTRY: stops by country; PLACE: by place where the
// record names one, else by country):
// - ROUTE: each route its record describes (an origin, the transits in order, a destination;
//   several origins or destinations are alternatives), consecutive stops with the same key made
//   one, as routes/observed.cypher groups them. Only routes of two stops or more.
// - LINK: each hop from a stop to a stop of the next layer of the record, as flows/links.cypher
//   and routes/legs.cypher read them (hops inside one key are left out).
// - TOTAL: one per level, for every shipment with at least one hop.
// - HUB: each stop the record names as a transit (its country at COUNTRY level; the stop, place or
//   country, at PLACE level), as routes/transit-hubs.cypher reads them.
// - TRANSITS: one per level, for every shipment with at least one transit (hubs' shares).
// - MONTH (trends, level TREND): each seizure with a date is a member of its month, with or without
//   a shipment (a shipment's mode, a line's product, weight and species are what trends filter and
//   split by, so the months of the given shipments' and lines' seizures are marked). A month whose
//   record of its species' genus and order (\`taxonSpecies\`, ...) no longer matches the Species
//   nodes is marked when species were written (aggregates/mark-stale-taxa does the same for all).
// Parameters: $shipments, $seizures, $lines, $places, $species (ids of nodes whose facts changed; a
// removed node's id is simply not found, so pass the shipments and seizures it touched as well,
// and the shipment at the other end of a removed INTERCEPTED).
// Columns: shipments (how many shipments were looked at).
// @param shipments: string[]
// @param seizures: string[]
// @param lines: string[]
// @param places: string[]
// @param species: string[]
// @column shipments: integer
CALL () {
  UNWIND $seizures AS id
  MATCH (seizure:Seizure {id: id})
  WITH DISTINCT seizure
  CALL (seizure) {
    MATCH (seizure)-[old:COUNTED_IN]->(month:TradeEntity)
    SET month.dirty = true, month.version = month.version + 1
    DELETE old
  }
  CALL (seizure) {
    WITH seizure, substring(toString(seizure.date), 0, 7) AS key
    WHERE key IS NOT NULL
    MERGE (month:TradeEntity {id: 'MONTH|' + key})
    ON CREATE SET month.kind = 'MONTH', month.level = 'TREND', month.month = key, month.version = 0, month.spansMonths = false
    SET month.dirty = true, month.version = month.version + 1
    MERGE (seizure)-[:COUNTED_IN]->(month)
  }
  RETURN count(seizure) AS seizures
}
CALL () {
  CALL () {
    UNWIND $shipments AS id
    MATCH (:Shipment {id: id})<-[:INTERCEPTED]-(:Seizure)-[:COUNTED_IN]->(entity:TradeEntity)
    RETURN entity
    UNION
    UNWIND $seizures AS id
    MATCH (:Seizure {id: id})-[:INTERCEPTED]->(:Shipment)-[:COUNTED_IN]->(entity:TradeEntity)
    RETURN entity
    UNION
    UNWIND $lines AS id
    MATCH (:CommodityLine {id: id})<-[:RECOVERED]-(:Seizure)-[:COUNTED_IN]->(entity:TradeEntity)
    RETURN entity
    UNION
    UNWIND $lines AS id
    MATCH (:CommodityLine {id: id})<-[:RECOVERED]-(:Seizure)-[:INTERCEPTED]->(:Shipment)-[:COUNTED_IN]->(entity:TradeEntity)
    RETURN entity
  }
  SET entity.dirty = true, entity.version = entity.version + 1
  RETURN count(entity) AS marked
}
CALL () {
  WITH $species AS species
  WHERE size(species) > 0
  MATCH (month:TradeEntity {level: 'TREND', kind: 'MONTH'})
  WHERE NOT all(i IN range(0, size(coalesce(month.taxonSpecies, [])) - 1) WHERE EXISTS {
    MATCH (known:Species {id: month.taxonSpecies[i]})
    WHERE coalesce(known.genus, '') = month.taxonGenera[i] AND coalesce(known.order, '') = month.taxonOrders[i]
  })
  SET month.dirty = true, month.version = month.version + 1
  RETURN count(month) AS staleMonths
}
CALL () {
  UNWIND $shipments AS id
  MATCH (shipment:Shipment {id: id})
  RETURN shipment
  UNION
  UNWIND $places AS id
  MATCH (:Place {id: id})<-[:STOPS_AT]-(shipment:Shipment)
  RETURN shipment
}
WITH DISTINCT shipment
CALL (shipment) {
  MATCH (shipment)-[old:COUNTED_IN]->(entity:TradeEntity)
  SET entity.dirty = true, entity.version = entity.version + 1
  DELETE old
}
CALL (shipment) {
  WITH shipment
  WHERE EXISTS { (shipment)<-[:INTERCEPTED]-(:Seizure) }
  CALL (shipment) {
    MATCH (shipment)-[stopsAt:STOPS_AT]->(stop)
    OPTIONAL MATCH (stop:Place)-[:IN_COUNTRY]->(placeCountry:Country)
    WITH stopsAt, stop, placeCountry
    ORDER BY stopsAt.seq
    RETURN collect({
      seq: stopsAt.seq,
      role: stopsAt.role,
      node: stop.id,
      country: CASE WHEN stop:Country THEN stop.id ELSE placeCountry.id END,
      place: CASE WHEN stop:Place THEN stop.id END
    }) AS stops
  }
  UNWIND ['COUNTRY', 'PLACE'] AS level
  CALL (shipment, stops, level) {
    WITH shipment, level,
      [stop IN stops WHERE stop.role = 'ORIGIN'] AS origins,
      [stop IN stops WHERE stop.role = 'TRANSIT'] AS transits,
      [stop IN stops WHERE stop.role = 'DESTINATION'] AS destinations
    UNWIND CASE WHEN origins = [] THEN [null] ELSE origins END AS origin
    UNWIND CASE WHEN destinations = [] THEN [null] ELSE destinations END AS destination
    WITH shipment, level, [stop IN [origin] + transits + [destination] WHERE stop IS NOT NULL | {
      key: CASE WHEN level = 'PLACE' THEN coalesce(stop.place, stop.country) ELSE stop.country END,
      country: stop.country,
      place: CASE WHEN level = 'PLACE' THEN stop.place END
    }] AS hops
    WITH DISTINCT shipment, level, [i IN range(0, size(hops) - 1) WHERE i = 0 OR hops[i].key <> hops[i - 1].key | hops[i]] AS route
    WHERE size(route) >= 2
    MERGE (entity:TradeEntity {id: 'ROUTE|' + level + '|' + reduce(path = '', hop IN route | path + '>' + hop.key)})
    ON CREATE SET entity.kind = 'ROUTE', entity.level = level, entity.version = 0, entity.spansMonths = false,
      entity.keys = [hop IN route | hop.key],
      entity.countries = [hop IN route | coalesce(hop.country, '')],
      entity.places = [hop IN route | coalesce(hop.place, '')]
    SET entity.dirty = true, entity.version = entity.version + 1
    MERGE (shipment)-[:COUNTED_IN]->(entity)
    WITH entity, route
    UNWIND range(0, size(route) - 1) AS position
    WITH entity, route[position].country AS country, position
    WHERE country IS NOT NULL
    WITH entity, country, min(position) AS first, max(position) AS last
    MATCH (passed:Country {id: country})
    MERGE (entity)-[passes:PASSES]->(passed)
    SET passes.first = first, passes.last = last
    RETURN count(*) AS routes
  }
  CALL (shipment, stops, level) {
    UNWIND stops AS here
    WITH shipment, level, stops, here
    WHERE here.role <> 'DESTINATION'
    UNWIND [next IN stops WHERE next.seq > here.seq AND next.role <> 'ORIGIN'
      AND none(between IN stops WHERE between.role = 'TRANSIT' AND here.seq < between.seq < next.seq)] AS next
    WITH DISTINCT shipment, level,
      CASE WHEN level = 'PLACE' THEN here.node ELSE coalesce(here.country, here.node) END AS source,
      CASE WHEN level = 'PLACE' THEN next.node ELSE coalesce(next.country, next.node) END AS target
    WHERE source <> target
    MERGE (link:TradeEntity {id: 'LINK|' + level + '|' + source + '>' + target})
    ON CREATE SET link.kind = 'LINK', link.level = level, link.version = 0, link.spansMonths = false,
      link.source = source, link.target = target
    SET link.dirty = true, link.version = link.version + 1
    MERGE (shipment)-[:COUNTED_IN]->(link)
    WITH DISTINCT shipment, level
    MERGE (total:TradeEntity {id: 'TOTAL|' + level})
    ON CREATE SET total.kind = 'TOTAL', total.level = level, total.version = 0, total.spansMonths = false
    SET total.dirty = true, total.version = total.version + 1
    MERGE (shipment)-[:COUNTED_IN]->(total)
    RETURN count(*) AS links
  }
  CALL (shipment, stops, level) {
    UNWIND [stop IN stops WHERE stop.role = 'TRANSIT'] AS transit
    WITH DISTINCT shipment, level, CASE WHEN level = 'PLACE' THEN transit.node ELSE coalesce(transit.country, transit.node) END AS key
    MERGE (hub:TradeEntity {id: 'HUB|' + level + '|' + key})
    ON CREATE SET hub.kind = 'HUB', hub.level = level, hub.version = 0, hub.spansMonths = false, hub.hub = key
    SET hub.dirty = true, hub.version = hub.version + 1
    MERGE (shipment)-[:COUNTED_IN]->(hub)
    WITH DISTINCT shipment, level
    MERGE (transits:TradeEntity {id: 'TRANSITS|' + level})
    ON CREATE SET transits.kind = 'TRANSITS', transits.level = level, transits.version = 0, transits.spansMonths = false
    SET transits.dirty = true, transits.version = transits.version + 1
    MERGE (shipment)-[:COUNTED_IN]->(transits)
    RETURN count(*) AS hubs
  }
  RETURN count(*) AS levels
}
RETURN count(shipment) AS shipments
`,
};

// aggregates/trend-members.cypher

export type AggregatesTrendMembersParameters = {
  ids: readonly string[];
  dateFrom: CypherDate<number> | null;
  dateTo: CypherDate<number> | null;
};

export type AggregatesTrendMembersRow = {
  entity: string;
  version: number;
  seizure: string | null;
  date: string | null;
  countries: string[];
  modes: string[];
  sources: string[];
  lines: TrendLineMap[];
};

export type AggregatesTrendMembersSlots = Record<string, never>;

/** The member seizures of trends' months (aggregates/touch-shipments.cypher): each dated seizure with what trends filter and split by (src/domain/trend-tallies.ts). With $dateFrom/$dateTo only the seizures of those dates (for a request answered from the members); null for all (for a */
export const aggregatesTrendMembers: CypherQuery<AggregatesTrendMembersParameters, AggregatesTrendMembersRow, AggregatesTrendMembersSlots, "read"> = {
  name: "aggregatesTrendMembers",
  file: "aggregates/trend-members",
  mode: "read",
  parameters: { ids: "string[]", dateFrom: "date | null", dateTo: "date | null" },
  slots: {},
  columns: { entity: "string", version: "integer", seizure: "string | null", date: "date | null", countries: "string[]", modes: "string[]", sources: "string[]", lines: "TrendLineMap[]" },
  text: `// The member seizures of trends' months (aggregates/touch-shipments.cypher): each dated seizure
// with what trends filter and split by (src/domain/trend-tallies.ts). With $dateFrom/$dateTo only
// the seizures of those dates (for a request answered from the members); null for all (for a
// recount). Each month's version comes with it, so a recount writes only what it read.
// Parameters: $ids (TradeEntity ids of MONTH entities), $dateFrom, $dateTo (Date or null).
// Columns: entity, version, seizure (null for a month without members, one row), date,
// countries (Country ids it was seized in), modes (of the shipments it intercepted), sources
// (Source ids), lines (its commodity lines: id, product, weightKg, species: id, genus, order).
// @param ids: string[]
// @param dateFrom: date | null
// @param dateTo: date | null
// @column entity: string
// @column version: integer
// @column seizure: string | null
// @column date: date | null
// @column countries: string[]
// @column modes: string[]
// @column sources: string[]
// @column lines: TrendLineMap[]
UNWIND $ids AS id
MATCH (month:TradeEntity {id: id})
OPTIONAL CALL (month) {
  MATCH (month)<-[:COUNTED_IN]-(seizure:Seizure)
  WHERE ($dateFrom IS NULL OR seizure.date >= $dateFrom) AND ($dateTo IS NULL OR seizure.date <= $dateTo)
  RETURN seizure,
    [(seizure)-[:SEIZED_IN]->(country:Country) | country.id] AS countries,
    COLLECT { MATCH (seizure)-[:INTERCEPTED]->(shipment:Shipment) WHERE shipment.mode IS NOT NULL RETURN DISTINCT shipment.mode } AS modes,
    [(seizure)-[:SOURCED_FROM]->(source:Source) | source.id] AS sources,
    [(seizure)-[:RECOVERED]->(line:CommodityLine) | {
      id: line.id,
      product: line.product,
      weightKg: line.weightKg,
      species: [(line)-[:OF_SPECIES]->(species:Species) | {id: species.id, genus: species.genus, order: species.order}]
    }] AS lines
}
RETURN month.id AS entity, month.version AS version, seizure.id AS seizure, seizure.date AS date,
  coalesce(countries, []) AS countries, coalesce(modes, []) AS modes, coalesce(sources, []) AS sources,
  coalesce(lines, []) AS lines
`,
};

// aggregates/trend-months.cypher

export type AggregatesTrendMonthsParameters = {
  monthFrom: string | null;
  monthTo: string | null;
  cell: string;
  split: string;
  checkTaxa: boolean;
};

export type AggregatesTrendMonthsRow = {
  id: string;
  month: string;
  recount: boolean;
  keys: string[];
  seizureCounts: number[];
  weighedSeizureCounts: number[];
  weightsKg: number[];
  sourceEnds: number[];
  sourceIds: string[];
};

export type AggregatesTrendMonthsSlots = Record<string, never>;

/** The trends' months from $monthFrom to $monthTo (`YYYY-MM`, null for an open end) with one cell's figures split one way: the cell `<filter>|<value>` ($cell, e.g. `any|*`, `source|routes-…`) and the split $split (`none`, `species`, `genus`, `order`, `product`, `country`) of each */
export const aggregatesTrendMonths: CypherQuery<AggregatesTrendMonthsParameters, AggregatesTrendMonthsRow, AggregatesTrendMonthsSlots, "read"> = {
  name: "aggregatesTrendMonths",
  file: "aggregates/trend-months",
  mode: "read",
  parameters: { monthFrom: "string | null", monthTo: "string | null", cell: "string", split: "string", checkTaxa: "boolean" },
  slots: {},
  columns: { id: "string", month: "string", recount: "boolean", keys: "string[]", seizureCounts: "integer[]", weighedSeizureCounts: "integer[]", weightsKg: "float[]", sourceEnds: "integer[]", sourceIds: "string[]" },
  text: `// The trends' months from $monthFrom to $monthTo (\`YYYY-MM\`, null for an open end) with one cell's
// figures split one way: the cell \`<filter>|<value>\` ($cell, e.g. \`any|*\`, \`source|routes-…\`)
// and the split $split (\`none\`, \`species\`, \`genus\`, \`order\`, \`product\`, \`country\`) of each
// month's TrendTally (src/domain/trend-tallies.ts). A month marked for a recount, or, with
// $checkTaxa, one whose species' genus or order changed since it was counted, says so (\`recount\`)
// and gives no figures: the request counts it from its members. A month without the cell gives
// empty lists.
// Parameters: $monthFrom, $monthTo (\`YYYY-MM\` or null), $cell, $split, $checkTaxa (boolean).
// Columns: id (the MONTH entity), month, recount, keys ('' for the null key), seizureCounts,
// weighedSeizureCounts, weightsKg (0 where no weight is known), sourceEnds (where each key's source
// ids end in sourceIds; it starts where the previous one's end), sourceIds.
// @param monthFrom: string | null
// @param monthTo: string | null
// @param cell: string
// @param split: string
// @param checkTaxa: boolean
// @column id: string
// @column month: string
// @column recount: boolean
// @column keys: string[]
// @column seizureCounts: integer[]
// @column weighedSeizureCounts: integer[]
// @column weightsKg: float[]
// @column sourceEnds: integer[]
// @column sourceIds: string[]
MATCH (month:TradeEntity {level: 'TREND', kind: 'MONTH'})
WHERE ($monthFrom IS NULL OR month.month >= $monthFrom) AND ($monthTo IS NULL OR month.month <= $monthTo)
WITH month, month.dirty OR ($checkTaxa AND NOT all(i IN range(0, size(coalesce(month.taxonSpecies, [])) - 1) WHERE EXISTS {
  MATCH (known:Species {id: month.taxonSpecies[i]})
  WHERE coalesce(known.genus, '') = month.taxonGenera[i] AND coalesce(known.order, '') = month.taxonOrders[i]
})) AS recount
OPTIONAL MATCH (tally:TrendTally {id: month.id + '|' + $cell})
WHERE NOT recount
RETURN month.id AS id, month.month AS month, recount,
  coalesce(tally[$split + 'Keys'], []) AS keys,
  coalesce(tally[$split + 'SeizureCounts'], []) AS seizureCounts,
  coalesce(tally[$split + 'WeighedSeizureCounts'], []) AS weighedSeizureCounts,
  coalesce(tally[$split + 'WeightsKg'], []) AS weightsKg,
  coalesce(tally[$split + 'SourceEnds'], []) AS sourceEnds,
  coalesce(tally[$split + 'SourceIds'], []) AS sourceIds
ORDER BY month
`,
};

// aggregates/write-tallies.cypher

export type AggregatesWriteTalliesParameters = {
  entities: readonly TallyEntityInput[];
};

export type AggregatesWriteTalliesRow = {
  written: number;
  tallies: number;
};

export type AggregatesWriteTalliesSlots = Record<string, never>;

/** Stores the tallies of recounted trade entities: one node per entity and period, each cell's figures in the lists of its filter (`<filter>Keys`, `<filter>SeizureCounts`, ...; see TallyEntityInput in src/db/query-types.ts), each only if it has not changed since its */
export const aggregatesWriteTallies: CypherQuery<AggregatesWriteTalliesParameters, AggregatesWriteTalliesRow, AggregatesWriteTalliesSlots, "write"> = {
  name: "aggregatesWriteTallies",
  file: "aggregates/write-tallies",
  mode: "write",
  parameters: { entities: "TallyEntityInput[]" },
  slots: {},
  columns: { written: "integer", tallies: "integer" },
  text: `// Stores the tallies of recounted trade entities: one node per entity and period, each cell's
// figures in the lists of its filter (\`<filter>Keys\`, \`<filter>SeizureCounts\`, ...; see
// TallyEntityInput in src/db/query-types.ts), each only if it has not changed since its
// members were read (its \`version\`): one that changed stays marked for the next recount. An
// entity left without members is removed with its tallies.
// Parameters: $entities (list of {id, version, spansMonths, members (how many seizures),
// tallies: list of {period, lists (the cells' figures by property name)}}).
// Columns: written (entities whose tallies were stored or that were removed), tallies.
// @param entities: TallyEntityInput[]
// @column written: integer
// @column tallies: integer
UNWIND $entities AS recounted
MATCH (entity:TradeEntity {id: recounted.id})
WHERE entity.version = recounted.version
CALL (entity) {
  // Every tally has a period: said so, the (entity, period) index finds them.
  MATCH (old:TradeTally {entity: entity.id})
  WHERE old.period IS NOT NULL
  DELETE old
}
CALL (entity, recounted) {
  UNWIND recounted.tallies AS tally
  CREATE (stored:TradeTally {id: entity.id + '|' + tally.period, entity: entity.id, period: tally.period})
  SET stored += tally.lists
  RETURN count(stored) AS created
}
SET entity.dirty = false, entity.spansMonths = recounted.spansMonths
WITH entity, recounted, created
CALL (entity, recounted) {
  WITH entity WHERE recounted.members = 0
  DETACH DELETE entity
}
RETURN count(*) AS written, sum(created) AS tallies
`,
};

// aggregates/write-trend-tallies.cypher

export type AggregatesWriteTrendTalliesParameters = {
  months: readonly TrendMonthInput[];
};

export type AggregatesWriteTrendTalliesRow = {
  written: number;
  tallies: number;
};

export type AggregatesWriteTrendTalliesSlots = Record<string, never>;

/** Stores the tallies of recounted trends' months: one TrendTally per month and cell (`<filter>| <value>`), each split's keys and figures in lists (`<split>Keys`, `<split>SeizureCounts`, ...; see TrendMonthInput in src/db/query-types.ts), and on the month the genus and order each of its */
export const aggregatesWriteTrendTallies: CypherQuery<AggregatesWriteTrendTalliesParameters, AggregatesWriteTrendTalliesRow, AggregatesWriteTrendTalliesSlots, "write"> = {
  name: "aggregatesWriteTrendTallies",
  file: "aggregates/write-trend-tallies",
  mode: "write",
  parameters: { months: "TrendMonthInput[]" },
  slots: {},
  columns: { written: "integer", tallies: "integer" },
  text: `// Stores the tallies of recounted trends' months: one TrendTally per month and cell (\`<filter>|
// <value>\`), each split's keys and figures in lists (\`<split>Keys\`, \`<split>SeizureCounts\`, ...;
// see TrendMonthInput in src/db/query-types.ts), and on the month the genus and order each of its
// species was counted under; each only if the month has not changed since its members were read
// (its \`version\`): one that changed stays marked for the next recount. A month left without
// members is removed with its tallies.
// Parameters: $months (list of {id, version, members (how many seizures), taxonSpecies,
// taxonGenera, taxonOrders, cells: list of {cell, lists (the splits' figures by property name)}}).
// Columns: written (months whose tallies were stored or that were removed), tallies.
// @param months: TrendMonthInput[]
// @column written: integer
// @column tallies: integer
UNWIND $months AS recounted
MATCH (month:TradeEntity {id: recounted.id})
WHERE month.version = recounted.version
CALL (month) {
  MATCH (old:TrendTally {entity: month.id})
  DELETE old
}
CALL (month, recounted) {
  UNWIND recounted.cells AS cell
  CREATE (stored:TrendTally {id: month.id + '|' + cell.cell, entity: month.id, month: month.month, cell: cell.cell})
  SET stored += cell.lists
  RETURN count(stored) AS created
}
SET month.dirty = false, month.taxonSpecies = recounted.taxonSpecies, month.taxonGenera = recounted.taxonGenera,
  month.taxonOrders = recounted.taxonOrders
WITH month, recounted, created
CALL (month, recounted) {
  WITH month WHERE recounted.members = 0
  DETACH DELETE month
}
RETURN count(*) AS written, sum(created) AS tallies
`,
};

// alerts/after.cypher

export type AlertsAfterParameters = {
  owner: string;
  after: Integer;
  first: Integer;
};

export type AlertsAfterRow = {
  id: string;
  watchId: string;
  kind: string;
  via: string;
  factLabel: string;
  factId: string;
  createdAt: string;
  seq: number;
};

export type AlertsAfterSlots = Record<string, never>;

/** An owner's alerts after a cursor, oldest first: the read-back after a reconnect, and the replay a subscription starts with. */
export const alertsAfter: CypherQuery<AlertsAfterParameters, AlertsAfterRow, AlertsAfterSlots, "read"> = {
  name: "alertsAfter",
  file: "alerts/after",
  mode: "read",
  parameters: { owner: "string", after: "integer", first: "integer" },
  slots: {},
  columns: { id: "string", watchId: "string", kind: "string", via: "string", factLabel: "string", factId: "string", createdAt: "datetime", seq: "integer" },
  text: `// An owner's alerts after a cursor, oldest first: the read-back after a reconnect, and the
// replay a subscription starts with.
// Parameters: $owner, $after (the seq of the last alert seen; 0 for all), $first (integer)
// Columns: id, watchId, kind, via, factLabel, factId, createdAt, seq
// @param owner: string
// @param after: integer
// @param first: integer
// @column id: string
// @column watchId: string
// @column kind: string
// @column via: string
// @column factLabel: string
// @column factId: string
// @column createdAt: datetime
// @column seq: integer
MATCH (alert:Alert)
WHERE alert.owner = $owner AND alert.seq > $after
RETURN alert.id AS id, alert.watchId AS watchId, alert.kind AS kind, alert.via AS via, alert.factLabel AS factLabel,
  alert.factId AS factId, alert.createdAt AS createdAt, alert.seq AS seq
ORDER BY alert.seq
LIMIT $first
`,
};

// alerts/by-ids.cypher

export type AlertsByIdsParameters = {
  owner: string;
  ids: readonly string[];
};

export type AlertsByIdsRow = {
  id: string;
  watchId: string;
  kind: string;
  via: string;
  factLabel: string;
  factId: string;
  createdAt: string;
  seq: number;
};

export type AlertsByIdsSlots = Record<string, never>;

/** Alerts of one owner by id: what a subscription delivers for an alert it was told of. Another owner's alert gives no row. */
export const alertsByIds: CypherQuery<AlertsByIdsParameters, AlertsByIdsRow, AlertsByIdsSlots, "read"> = {
  name: "alertsByIds",
  file: "alerts/by-ids",
  mode: "read",
  parameters: { owner: "string", ids: "string[]" },
  slots: {},
  columns: { id: "string", watchId: "string", kind: "string", via: "string", factLabel: "string", factId: "string", createdAt: "datetime", seq: "integer" },
  text: `// Alerts of one owner by id: what a subscription delivers for an alert it was told of. Another
// owner's alert gives no row.
// Parameters: $owner, $ids
// Columns: as after.cypher
// @param owner: string
// @param ids: string[]
// @column id: string
// @column watchId: string
// @column kind: string
// @column via: string
// @column factLabel: string
// @column factId: string
// @column createdAt: datetime
// @column seq: integer
UNWIND $ids AS id
MATCH (alert:Alert {id: id})
WHERE alert.owner = $owner
RETURN alert.id AS id, alert.watchId AS watchId, alert.kind AS kind, alert.via AS via, alert.factLabel AS factLabel,
  alert.factId AS factId, alert.createdAt AS createdAt, alert.seq AS seq
ORDER BY alert.seq
`,
};

// alerts/latest.cypher

export type AlertsLatestParameters = Record<string, never>;

export type AlertsLatestRow = {
  last: number;
};

export type AlertsLatestSlots = Record<string, never>;

/** The number of the last alert committed (0 before the first): where a process starts polling. */
export const alertsLatest: CypherQuery<AlertsLatestParameters, AlertsLatestRow, AlertsLatestSlots, "read"> = {
  name: "alertsLatest",
  file: "alerts/latest",
  mode: "read",
  parameters: {},
  slots: {},
  columns: { last: "integer" },
  text: `// The number of the last alert committed (0 before the first): where a process starts polling.
// Parameters: none
// Columns: last
// @column last: integer
OPTIONAL MATCH (counter:AlertCounter {id: 'alerts'})
RETURN coalesce(counter.last, 0) AS last
`,
};

// alerts/match-batch.cypher

export type AlertsMatchBatchParameters = {
  shipments: readonly string[];
  seizures: readonly string[];
};

export type AlertsMatchBatchRow = {
  id: string;
  owner: string;
  seq: number;
};

export type AlertsMatchBatchSlots = Record<string, never>;

/** The alerts of one import batch, run last in its transaction: the batch's seizures and shipments (written, or at the end of a written relationship) against the live watches. A person or company touches a fact as a party to its shipment or as arrested; an identifier through a party or an */
export const alertsMatchBatch: CypherQuery<AlertsMatchBatchParameters, AlertsMatchBatchRow, AlertsMatchBatchSlots, "write"> = {
  name: "alertsMatchBatch",
  file: "alerts/match-batch",
  mode: "write",
  parameters: { shipments: "string[]", seizures: "string[]" },
  slots: {},
  columns: { id: "string", owner: "string", seq: "integer" },
  text: `// The alerts of one import batch, run last in its transaction: the batch's seizures and shipments
// (written, or at the end of a written relationship) against the live watches. A person or company
// touches a fact as a party to its shipment or as arrested; an identifier through a party or an
// arrested person holding it; a place as a stop of its shipment or where it was seized; a route by
// its shipment's origin and destination countries. One Alert per watch and fact (MERGE on their
// ids), so a batch written again makes none. New alerts are numbered through the one AlertCounter,
// whose lock is held until commit: numbers follow commit order, so a cursor never skips one.
// Without a live watch, the statement stops after counting them.
// Parameters: $shipments, $seizures (ids)
// Columns: id, owner, seq (the new alerts only)
// @param shipments: string[]
// @param seizures: string[]
// @column id: string
// @column owner: string
// @column seq: integer
MATCH (live:Watch)
WHERE live.removedAt IS NULL
WITH count(live) AS watching
WHERE watching > 0
CALL () {
  UNWIND $shipments AS id
  MATCH (fact:Shipment {id: id})
  RETURN fact
  UNION
  UNWIND $seizures AS id
  MATCH (fact:Seizure {id: id})
  RETURN fact
}
CALL (fact) {
  MATCH (fact)-[:INTERCEPTED*0..1]->(:Shipment)<-[:PARTY_TO]-(party)
  RETURN party.id AS target, CASE WHEN party:Person THEN 'PERSON' ELSE 'COMPANY' END AS kind, 'PARTY' AS via
  UNION
  MATCH (fact)-[:ARRESTED]->(person:Person)
  RETURN person.id AS target, 'PERSON' AS kind, 'ARRESTED' AS via
  UNION
  MATCH (fact)-[:INTERCEPTED*0..1]->(:Shipment)<-[:PARTY_TO]-()-[:HAS_IDENTIFIER]->(identifier:Identifier)
  RETURN identifier.id AS target, 'IDENTIFIER' AS kind, 'PARTY_IDENTIFIER' AS via
  UNION
  MATCH (fact)-[:ARRESTED]->(:Person)-[:HAS_IDENTIFIER]->(identifier:Identifier)
  RETURN identifier.id AS target, 'IDENTIFIER' AS kind, 'ARRESTED_IDENTIFIER' AS via
  UNION
  MATCH (fact)-[:INTERCEPTED*0..1]->(:Shipment)-[:STOPS_AT]->(place:Place)
  RETURN place.id AS target, 'PLACE' AS kind, 'ROUTE_STOP' AS via
  UNION
  MATCH (fact)-[:SEIZED_AT]->(place:Place)
  RETURN place.id AS target, 'PLACE' AS kind, 'SEIZURE_PLACE' AS via
  UNION
  MATCH (fact)-[:INTERCEPTED*0..1]->(shipment:Shipment)-[origin:STOPS_AT]->()-[:IN_COUNTRY*0..1]->(from:Country)
  WHERE origin.role = 'ORIGIN'
  MATCH (shipment)-[destination:STOPS_AT]->()-[:IN_COUNTRY*0..1]->(to:Country)
  WHERE destination.role = 'DESTINATION'
  RETURN from.id + '>' + to.id AS target, 'ROUTE' AS kind, 'ROUTE' AS via
}
MATCH (watch:Watch {targetId: target})
WHERE watch.kind = kind AND watch.removedAt IS NULL
WITH watch, fact, min(via) AS via
MERGE (alert:Alert {id: watch.id + '|' + fact.id})
  ON CREATE SET alert.owner = watch.owner, alert.watchId = watch.id, alert.kind = watch.kind, alert.via = via,
    alert.factLabel = CASE WHEN fact:Seizure THEN 'Seizure' ELSE 'Shipment' END, alert.factId = fact.id,
    alert.createdAt = datetime.transaction()
WITH alert
WHERE alert.seq IS NULL
WITH collect(alert) AS fresh
WHERE size(fresh) > 0
MERGE (counter:AlertCounter {id: 'alerts'})
  ON CREATE SET counter.last = 0
SET counter.last = counter.last + size(fresh)
WITH fresh, counter.last - size(fresh) AS base
UNWIND range(0, size(fresh) - 1) AS index
WITH fresh[index] AS alert, base + index + 1 AS seq
SET alert.seq = seq
RETURN alert.id AS id, alert.owner AS owner, seq
`,
};

// alerts/since.cypher

export type AlertsSinceParameters = {
  after: Integer;
  first: Integer;
};

export type AlertsSinceRow = {
  id: string;
  owner: string;
  seq: number;
};

export type AlertsSinceSlots = Record<string, never>;

/** Alerts numbered after $after, in order, for every owner: what a process polls for, so that its subscriptions get alerts that no Redis message brought (no REDIS_URL, an import that did not publish, Redis away). Numbers follow commit order, so none is passed over. */
export const alertsSince: CypherQuery<AlertsSinceParameters, AlertsSinceRow, AlertsSinceSlots, "read"> = {
  name: "alertsSince",
  file: "alerts/since",
  mode: "read",
  parameters: { after: "integer", first: "integer" },
  slots: {},
  columns: { id: "string", owner: "string", seq: "integer" },
  text: `// Alerts numbered after $after, in order, for every owner: what a process polls for, so that its
// subscriptions get alerts that no Redis message brought (no REDIS_URL, an import that did not
// publish, Redis away). Numbers follow commit order, so none is passed over.
// Parameters: $after, $first (integer)
// Columns: id, owner, seq
// @param after: integer
// @param first: integer
// @column id: string
// @column owner: string
// @column seq: integer
MATCH (alert:Alert)
WHERE alert.seq > $after
RETURN alert.id AS id, alert.owner AS owner, alert.seq AS seq
ORDER BY alert.seq
LIMIT $first
`,
};

// alerts/unwatch.cypher

export type AlertsUnwatchParameters = {
  id: string;
  owner: string;
  now: string;
};

export type AlertsUnwatchRow = {
  id: string;
  kind: string;
  targetId: string;
  fromCountry: string | null;
  toCountry: string | null;
  createdAt: string;
  removedAt: string | null;
};

export type AlertsUnwatchSlots = Record<string, never>;

/** Stops a watch of its owner: it stays on record, with the time it stopped, so its alerts keep their watch. Removing it twice keeps the first time. */
export const alertsUnwatch: CypherQuery<AlertsUnwatchParameters, AlertsUnwatchRow, AlertsUnwatchSlots, "write"> = {
  name: "alertsUnwatch",
  file: "alerts/unwatch",
  mode: "write",
  parameters: { id: "string", owner: "string", now: "string" },
  slots: {},
  columns: { id: "string", kind: "string", targetId: "string", fromCountry: "string | null", toCountry: "string | null", createdAt: "datetime", removedAt: "datetime | null" },
  text: `// Stops a watch of its owner: it stays on record, with the time it stopped, so its alerts keep
// their watch. Removing it twice keeps the first time.
// Parameters: $id, $owner, $now (ISO date-time text)
// Columns: as watch.cypher; no row when the owner has no watch of that id
// @param id: string
// @param owner: string
// @param now: string
// @column id: string
// @column kind: string
// @column targetId: string
// @column fromCountry: string | null
// @column toCountry: string | null
// @column createdAt: datetime
// @column removedAt: datetime | null
MATCH (watch:Watch {id: $id})
WHERE watch.owner = $owner
SET watch.removedAt = coalesce(watch.removedAt, datetime($now))
RETURN watch.id AS id, watch.kind AS kind, watch.targetId AS targetId, watch.fromCountry AS fromCountry,
  watch.toCountry AS toCountry, watch.createdAt AS createdAt, watch.removedAt AS removedAt
`,
};

// alerts/watch.cypher

export type AlertsWatchParameters = {
  id: string;
  owner: string;
  kind: string;
  targetId: string;
  fromCountry: string | null;
  toCountry: string | null;
  now: string;
};

export type AlertsWatchRow = {
  id: string;
  kind: string;
  targetId: string;
  fromCountry: string | null;
  toCountry: string | null;
  createdAt: string;
  removedAt: string | null;
};

export type AlertsWatchSlots = Record<string, never>;

/** Starts watching a target: one Watch per owner, kind and target (its id says so), made live again when it was removed, so watching twice changes nothing. */
export const alertsWatch: CypherQuery<AlertsWatchParameters, AlertsWatchRow, AlertsWatchSlots, "write"> = {
  name: "alertsWatch",
  file: "alerts/watch",
  mode: "write",
  parameters: { id: "string", owner: "string", kind: "string", targetId: "string", fromCountry: "string | null", toCountry: "string | null", now: "string" },
  slots: {},
  columns: { id: "string", kind: "string", targetId: "string", fromCountry: "string | null", toCountry: "string | null", createdAt: "datetime", removedAt: "datetime | null" },
  text: `// Starts watching a target: one Watch per owner, kind and target (its id says so), made live
// again when it was removed, so watching twice changes nothing.
// Parameters: $id, $owner, $kind, $targetId, $fromCountry and $toCountry (a route's, else null), $now (ISO date-time text)
// Columns: the watch's id, kind, targetId, fromCountry, toCountry, createdAt, removedAt
// @param id: string
// @param owner: string
// @param kind: string
// @param targetId: string
// @param fromCountry: string | null
// @param toCountry: string | null
// @param now: string
// @column id: string
// @column kind: string
// @column targetId: string
// @column fromCountry: string | null
// @column toCountry: string | null
// @column createdAt: datetime
// @column removedAt: datetime | null
MERGE (watch:Watch {id: $id})
  ON CREATE SET watch.owner = $owner, watch.kind = $kind, watch.targetId = $targetId, watch.fromCountry = $fromCountry,
    watch.toCountry = $toCountry, watch.createdAt = datetime($now)
SET watch.removedAt = null
RETURN watch.id AS id, watch.kind AS kind, watch.targetId AS targetId, watch.fromCountry AS fromCountry,
  watch.toCountry AS toCountry, watch.createdAt AS createdAt, watch.removedAt AS removedAt
`,
};

// alerts/watches.cypher

export type AlertsWatchesParameters = {
  owner: string;
  ids: readonly string[] | null;
  removed: boolean;
};

export type AlertsWatchesRow = {
  id: string;
  kind: string;
  targetId: string;
  fromCountry: string | null;
  toCountry: string | null;
  createdAt: string;
  removedAt: string | null;
};

export type AlertsWatchesSlots = Record<string, never>;

/** An owner's watches, live ones only unless $removed, oldest first; or those of $ids (for an alert's watch), removed or not. Another owner's watches are never read. */
export const alertsWatches: CypherQuery<AlertsWatchesParameters, AlertsWatchesRow, AlertsWatchesSlots, "read"> = {
  name: "alertsWatches",
  file: "alerts/watches",
  mode: "read",
  parameters: { owner: "string", ids: "string[] | null", removed: "boolean" },
  slots: {},
  columns: { id: "string", kind: "string", targetId: "string", fromCountry: "string | null", toCountry: "string | null", createdAt: "datetime", removedAt: "datetime | null" },
  text: `// An owner's watches, live ones only unless $removed, oldest first; or those of $ids (for an
// alert's watch), removed or not. Another owner's watches are never read.
// Parameters: $owner, $ids (null: all of the owner's), $removed (whether removed ones are listed too)
// Columns: as watch.cypher
// @param owner: string
// @param ids: string[] | null
// @param removed: boolean
// @column id: string
// @column kind: string
// @column targetId: string
// @column fromCountry: string | null
// @column toCountry: string | null
// @column createdAt: datetime
// @column removedAt: datetime | null
MATCH (watch:Watch)
WHERE watch.owner = $owner AND ($ids IS NULL OR watch.id IN $ids) AND ($removed OR watch.removedAt IS NULL)
RETURN watch.id AS id, watch.kind AS kind, watch.targetId AS targetId, watch.fromCountry AS fromCountry,
  watch.toCountry AS toCountry, watch.createdAt AS createdAt, watch.removedAt AS removedAt
ORDER BY watch.createdAt, watch.id
`,
};

// alerts/watching.cypher

export type AlertsWatchingParameters = Record<string, never>;

export type AlertsWatchingRow = {
  watching: boolean;
};

export type AlertsWatchingSlots = Record<string, never>;

/** Whether any watch is live. An import batch runs alerts/match-batch.cypher only then: planning that query costs about as much as writing a batch of thousands of rows, and Neo4j plans it again whenever the graph's counts have changed much since, as they do all through an import. */
export const alertsWatching: CypherQuery<AlertsWatchingParameters, AlertsWatchingRow, AlertsWatchingSlots, "read"> = {
  name: "alertsWatching",
  file: "alerts/watching",
  mode: "read",
  parameters: {},
  slots: {},
  columns: { watching: "boolean" },
  text: `// Whether any watch is live. An import batch runs alerts/match-batch.cypher only then: planning
// that query costs about as much as writing a batch of thousands of rows, and Neo4j plans it again
// whenever the graph's counts have changed much since, as they do all through an import.
// Parameters: none
// Columns: watching (boolean)
// @column watching: boolean
RETURN EXISTS { MATCH (live:Watch) WHERE live.removedAt IS NULL } AS watching
`,
};

// api-keys/create.cypher

export type ApiKeysCreateParameters = {
  id: string;
  hash: string;
  role: string;
  origins: readonly string[];
  name: string;
  createdAt: string;
};

export type ApiKeysCreateRow = {
  id: string;
};

export type ApiKeysCreateSlots = Record<string, never>;

/** Stores a new API key. Only the SHA-256 of the whole key is kept, never the key. */
export const apiKeysCreate: CypherQuery<ApiKeysCreateParameters, ApiKeysCreateRow, ApiKeysCreateSlots, "write"> = {
  name: "apiKeysCreate",
  file: "api-keys/create",
  mode: "write",
  parameters: { id: "string", hash: "string", role: "string", origins: "string[]", name: "string", createdAt: "string" },
  slots: {},
  columns: { id: "string" },
  text: `// Stores a new API key. Only the SHA-256 of the whole key is kept, never the key.
// Parameters: $id (public id), $hash (hex), $role, $origins (list of origins), $name, $createdAt (ISO date-time text)
// Columns: id
// @param id: string
// @param hash: string
// @param role: string
// @param origins: string[]
// @param name: string
// @param createdAt: string
// @column id: string
CREATE (k:ApiKey {id: $id, hash: $hash, role: $role, origins: $origins, name: $name, createdAt: datetime($createdAt)})
RETURN k.id AS id
`,
};

// api-keys/find.cypher

export type ApiKeysFindParameters = {
  id: string;
};

export type ApiKeysFindRow = {
  id: string;
  hash: string;
  role: string;
  origins: string[];
  revoked: boolean;
};

export type ApiKeysFindSlots = Record<string, never>;

/** One API key by its public id, to check a key a request presents. */
export const apiKeysFind: CypherQuery<ApiKeysFindParameters, ApiKeysFindRow, ApiKeysFindSlots, "read"> = {
  name: "apiKeysFind",
  file: "api-keys/find",
  mode: "read",
  parameters: { id: "string" },
  slots: {},
  columns: { id: "string", hash: "string", role: "string", origins: "string[]", revoked: "boolean" },
  text: `// One API key by its public id, to check a key a request presents.
// Parameters: $id
// Columns: id, hash, role, origins, revoked (boolean)
// @param id: string
// @column id: string
// @column hash: string
// @column role: string
// @column origins: string[]
// @column revoked: boolean
MATCH (k:ApiKey {id: $id})
RETURN k.id AS id, k.hash AS hash, k.role AS role, k.origins AS origins, k.revokedAt IS NOT NULL AS revoked
`,
};

// api-keys/list.cypher

export type ApiKeysListParameters = Record<string, never>;

export type ApiKeysListRow = {
  id: string;
  name: string;
  role: string;
  origins: string[];
  createdAt: string;
  revokedAt: string | null;
};

export type ApiKeysListSlots = Record<string, never>;

/** Every API key, newest first, without its hash. */
export const apiKeysList: CypherQuery<ApiKeysListParameters, ApiKeysListRow, ApiKeysListSlots, "read"> = {
  name: "apiKeysList",
  file: "api-keys/list",
  mode: "read",
  parameters: {},
  slots: {},
  columns: { id: "string", name: "string", role: "string", origins: "string[]", createdAt: "datetime", revokedAt: "datetime | null" },
  text: `// Every API key, newest first, without its hash.
// Parameters: none
// Columns: id, name, role, origins, createdAt, revokedAt
// @column id: string
// @column name: string
// @column role: string
// @column origins: string[]
// @column createdAt: datetime
// @column revokedAt: datetime | null
MATCH (k:ApiKey)
RETURN k.id AS id, k.name AS name, k.role AS role, k.origins AS origins, k.createdAt AS createdAt, k.revokedAt AS revokedAt
ORDER BY k.createdAt DESC, k.id
`,
};

// api-keys/revoke.cypher

export type ApiKeysRevokeParameters = {
  id: string;
  revokedAt: string;
};

export type ApiKeysRevokeRow = {
  id: string;
};

export type ApiKeysRevokeSlots = Record<string, never>;

/** Revokes an API key: it stays on record, with the time it stopped working. */
export const apiKeysRevoke: CypherQuery<ApiKeysRevokeParameters, ApiKeysRevokeRow, ApiKeysRevokeSlots, "write"> = {
  name: "apiKeysRevoke",
  file: "api-keys/revoke",
  mode: "write",
  parameters: { id: "string", revokedAt: "string" },
  slots: {},
  columns: { id: "string" },
  text: `// Revokes an API key: it stays on record, with the time it stopped working.
// Parameters: $id, $revokedAt (ISO date-time text)
// Columns: id (no row when no key has that id)
// @param id: string
// @param revokedAt: string
// @column id: string
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, datetime($revokedAt))
RETURN k.id AS id
`,
};

// audit/append.cypher

export type AuditAppendParameters = {
  chain: string;
  firstSeq: Integer;
  hash: string;
  lines: readonly string[];
  ats: readonly string[];
  subjects: readonly string[];
  disclosed: readonly (readonly string[])[];
};

export type AuditAppendRow = Record<string, never>;

export type AuditAppendSlots = Record<string, never>;

/** Stores records sealed after the locked head (lock-head.cypher, same transaction) and moves the head to the last one. Record i of the lists has seq $firstSeq + i; each links to the persons and companies it disclosed. */
export const auditAppend: CypherQuery<AuditAppendParameters, AuditAppendRow, AuditAppendSlots, "write"> = {
  name: "auditAppend",
  file: "audit/append",
  mode: "write",
  parameters: { chain: "string", firstSeq: "integer", hash: "string", lines: "string[]", ats: "string[]", subjects: "string[]", disclosed: "string[][]" },
  slots: {},
  columns: {},
  text: `// Stores records sealed after the locked head (lock-head.cypher, same transaction) and moves the
// head to the last one. Record i of the lists has seq $firstSeq + i; each links to the persons and
// companies it disclosed.
// Parameters: $chain, $firstSeq, $hash (the last record's), and per record: $lines (its JSON
// line), $ats (ISO date-time text), $subjects, $disclosed (a list of \`Person:<id>\` / \`Company:<id>\`)
// Columns: none
// @param chain: string
// @param firstSeq: integer
// @param hash: string
// @param lines: string[]
// @param ats: string[]
// @param subjects: string[]
// @param disclosed: string[][]
MATCH (h:AuditHead {id: $chain})
SET h.seq = $firstSeq + size($lines) - 1, h.hash = $hash
WITH h
UNWIND range(0, size($lines) - 1) AS i
CREATE (r:AuditRecord {
  id: $chain + "|" + toString($firstSeq + i), chain: $chain, seq: $firstSeq + i,
  at: datetime($ats[i]), subject: $subjects[i], line: $lines[i]
})
WITH r, i
UNWIND $disclosed[i] AS entity
MERGE (e:AuditEntity {id: entity})
CREATE (r)-[:DISCLOSED]->(e)
`,
};

// audit/head.cypher

export type AuditHeadParameters = {
  chain: string;
};

export type AuditHeadRow = {
  seq: number;
  hash: string;
  anchor: string;
};

export type AuditHeadSlots = Record<string, never>;

/** Where a chain ends, without locking it (verification reads the records up to there). */
export const auditHead: CypherQuery<AuditHeadParameters, AuditHeadRow, AuditHeadSlots, "read"> = {
  name: "auditHead",
  file: "audit/head",
  mode: "read",
  parameters: { chain: "string" },
  slots: {},
  columns: { seq: "integer", hash: "string", anchor: "string" },
  text: `// Where a chain ends, without locking it (verification reads the records up to there).
// Parameters: $chain
// Columns: seq, hash, anchor. No row: no such chain.
// @param chain: string
// @column seq: integer
// @column hash: string
// @column anchor: string
MATCH (h:AuditHead {id: $chain})
RETURN h.seq AS seq, h.hash AS hash, h.anchor AS anchor
`,
};

// audit/lines.cypher

export type AuditLinesParameters = {
  chain: string;
  fromSeq: Integer;
  toSeq: Integer;
  limit: Integer;
};

export type AuditLinesRow = {
  line: string;
};

export type AuditLinesSlots = Record<string, never>;

/** A chain's record lines from $fromSeq in seq order, at most $limit (verification and retention read the chain in such pages). */
export const auditLines: CypherQuery<AuditLinesParameters, AuditLinesRow, AuditLinesSlots, "read"> = {
  name: "auditLines",
  file: "audit/lines",
  mode: "read",
  parameters: { chain: "string", fromSeq: "integer", toSeq: "integer", limit: "integer" },
  slots: {},
  columns: { line: "string" },
  text: `// A chain's record lines from $fromSeq in seq order, at most $limit (verification and retention
// read the chain in such pages).
// Parameters: $chain, $fromSeq, $toSeq (inclusive), $limit
// Columns: line
// @param chain: string
// @param fromSeq: integer
// @param toSeq: integer
// @param limit: integer
// @column line: string
MATCH (r:AuditRecord)
WHERE r.chain = $chain AND r.seq >= $fromSeq AND r.seq <= $toSeq
RETURN r.line AS line
ORDER BY r.seq
LIMIT $limit
`,
};

// audit/lock-head.cypher

export type AuditLockHeadParameters = {
  chain: string;
};

export type AuditLockHeadRow = {
  seq: number;
  hash: string;
  anchor: string;
};

export type AuditLockHeadSlots = Record<string, never>;

/** Locks a chain's head until the transaction ends, then reads where the chain ends. Setting the head's own label again takes the node's write lock and reads nothing (a `SET h.seq = h.seq` would read the seq before waiting for the lock, and write that stale value back after): the appends */
export const auditLockHead: CypherQuery<AuditLockHeadParameters, AuditLockHeadRow, AuditLockHeadSlots, "write"> = {
  name: "auditLockHead",
  file: "audit/lock-head",
  mode: "write",
  parameters: { chain: "string" },
  slots: {},
  columns: { seq: "integer", hash: "string", anchor: "string" },
  text: `// Locks a chain's head until the transaction ends, then reads where the chain ends. Setting the
// head's own label again takes the node's write lock and reads nothing (a \`SET h.seq = h.seq\` would
// read the seq before waiting for the lock, and write that stale value back after): the appends
// (and retention passes) of every replica queue here, one after another, and each reads the head
// as the one before left it.
// Parameters: $chain
// Columns: seq, hash (the last record's), anchor (the anchor line). No row: no such chain.
// @param chain: string
// @column seq: integer
// @column hash: string
// @column anchor: string
MATCH (h:AuditHead {id: $chain})
SET h:AuditHead
WITH h
RETURN h.seq AS seq, h.hash AS hash, h.anchor AS anchor
`,
};

// audit/open-head.cypher

export type AuditOpenHeadParameters = {
  chain: string;
  anchor: string;
  hash: string;
};

export type AuditOpenHeadRow = Record<string, never>;

export type AuditOpenHeadSlots = Record<string, never>;

/** Makes a shared audit chain's head the first time any replica uses the chain (its anchor names seq 1 and the genesis hash); leaves an existing head as it is. */
export const auditOpenHead: CypherQuery<AuditOpenHeadParameters, AuditOpenHeadRow, AuditOpenHeadSlots, "write"> = {
  name: "auditOpenHead",
  file: "audit/open-head",
  mode: "write",
  parameters: { chain: "string", anchor: "string", hash: "string" },
  slots: {},
  columns: {},
  text: `// Makes a shared audit chain's head the first time any replica uses the chain (its anchor names
// seq 1 and the genesis hash); leaves an existing head as it is.
// Parameters: $chain, $anchor (the anchor line), $hash (the anchor's previousHash)
// Columns: none
// @param chain: string
// @param anchor: string
// @param hash: string
MERGE (h:AuditHead {id: $chain})
ON CREATE SET h.seq = 0, h.hash = $hash, h.anchor = $anchor
`,
};

// audit/page.cypher

export type AuditPageParameters = {
  chain: string;
  beforeSeq: Integer;
  limit: Integer;
};

export type AuditPageRow = {
  total: number;
  lines: string[];
};

export type AuditPageSlots = Record<string, never>;

/** A page of a chain's records older than $beforeSeq, newest first, and how many the chain holds. */
export const auditPage: CypherQuery<AuditPageParameters, AuditPageRow, AuditPageSlots, "read"> = {
  name: "auditPage",
  file: "audit/page",
  mode: "read",
  parameters: { chain: "string", beforeSeq: "integer", limit: "integer" },
  slots: {},
  columns: { total: "integer", lines: "string[]" },
  text: `// A page of a chain's records older than $beforeSeq, newest first, and how many the chain holds.
// Parameters: $chain, $beforeSeq, $limit
// Columns: total, lines (JSON lines, newest first)
// @param chain: string
// @param beforeSeq: integer
// @param limit: integer
// @column total: integer
// @column lines: string[]
CALL () {
  MATCH (r:AuditRecord)
  WHERE r.chain = $chain AND r.seq > 0
  RETURN count(r) AS total
}
CALL () {
  MATCH (r:AuditRecord)
  WHERE r.chain = $chain AND r.seq < $beforeSeq
  WITH r ORDER BY r.seq DESC LIMIT $limit
  RETURN collect(r.line) AS lines
}
RETURN total, lines
`,
};

// audit/page-of-entity.cypher

export type AuditPageOfEntityParameters = {
  chain: string;
  entity: string;
  subject: string | null;
  beforeSeq: Integer;
  limit: Integer;
};

export type AuditPageOfEntityRow = {
  total: number;
  lines: string[];
};

export type AuditPageOfEntitySlots = Record<string, never>;

/** A page of the records that disclosed one person or company (of one subject too, when given), older than $beforeSeq, newest first, and how many there are. */
export const auditPageOfEntity: CypherQuery<AuditPageOfEntityParameters, AuditPageOfEntityRow, AuditPageOfEntitySlots, "read"> = {
  name: "auditPageOfEntity",
  file: "audit/page-of-entity",
  mode: "read",
  parameters: { chain: "string", entity: "string", subject: "string | null", beforeSeq: "integer", limit: "integer" },
  slots: {},
  columns: { total: "integer", lines: "string[]" },
  text: `// A page of the records that disclosed one person or company (of one subject too, when given),
// older than $beforeSeq, newest first, and how many there are.
// Parameters: $chain, $entity (\`Person:<id>\` or \`Company:<id>\`), $subject (or null), $beforeSeq, $limit
// Columns: total, lines (JSON lines, newest first)
// @param chain: string
// @param entity: string
// @param subject: string | null
// @param beforeSeq: integer
// @param limit: integer
// @column total: integer
// @column lines: string[]
CALL () {
  OPTIONAL MATCH (:AuditEntity {id: $entity})<-[:DISCLOSED]-(r:AuditRecord)
  WHERE r.chain = $chain AND ($subject IS NULL OR r.subject = $subject)
  RETURN count(r) AS total
}
CALL () {
  OPTIONAL MATCH (:AuditEntity {id: $entity})<-[:DISCLOSED]-(r:AuditRecord)
  WHERE r.chain = $chain AND ($subject IS NULL OR r.subject = $subject) AND r.seq < $beforeSeq
  WITH r ORDER BY r.seq DESC LIMIT $limit
  RETURN collect(r.line) AS lines
}
RETURN total, lines
`,
};

// audit/page-of-subject.cypher

export type AuditPageOfSubjectParameters = {
  chain: string;
  subject: string;
  beforeSeq: Integer;
  limit: Integer;
};

export type AuditPageOfSubjectRow = {
  total: number;
  lines: string[];
};

export type AuditPageOfSubjectSlots = Record<string, never>;

/** A page of one subject's records older than $beforeSeq, newest first, and how many it has. */
export const auditPageOfSubject: CypherQuery<AuditPageOfSubjectParameters, AuditPageOfSubjectRow, AuditPageOfSubjectSlots, "read"> = {
  name: "auditPageOfSubject",
  file: "audit/page-of-subject",
  mode: "read",
  parameters: { chain: "string", subject: "string", beforeSeq: "integer", limit: "integer" },
  slots: {},
  columns: { total: "integer", lines: "string[]" },
  text: `// A page of one subject's records older than $beforeSeq, newest first, and how many it has.
// Parameters: $chain, $subject, $beforeSeq, $limit
// Columns: total, lines (JSON lines, newest first)
// @param chain: string
// @param subject: string
// @param beforeSeq: integer
// @param limit: integer
// @column total: integer
// @column lines: string[]
CALL () {
  MATCH (r:AuditRecord)
  WHERE r.chain = $chain AND r.subject = $subject AND r.seq > 0
  RETURN count(r) AS total
}
CALL () {
  MATCH (r:AuditRecord)
  WHERE r.chain = $chain AND r.subject = $subject AND r.seq < $beforeSeq
  WITH r ORDER BY r.seq DESC LIMIT $limit
  RETURN collect(r.line) AS lines
}
RETURN total, lines
`,
};

// audit/remove-before.cypher

export type AuditRemoveBeforeParameters = {
  chain: string;
  keepFrom: Integer;
  anchor: string;
};

export type AuditRemoveBeforeRow = Record<string, never>;

export type AuditRemoveBeforeSlots = Record<string, never>;

/** Retention: removes a chain's records before $keepFrom, with the entities no record links to any more, and writes the anchor that names the first kept record (run after lock-head.cypher, in the same transaction). */
export const auditRemoveBefore: CypherQuery<AuditRemoveBeforeParameters, AuditRemoveBeforeRow, AuditRemoveBeforeSlots, "write"> = {
  name: "auditRemoveBefore",
  file: "audit/remove-before",
  mode: "write",
  parameters: { chain: "string", keepFrom: "integer", anchor: "string" },
  slots: {},
  columns: {},
  text: `// Retention: removes a chain's records before $keepFrom, with the entities no record links to any
// more, and writes the anchor that names the first kept record (run after lock-head.cypher, in the
// same transaction).
// Parameters: $chain, $keepFrom (seq), $anchor (the new anchor line)
// Columns: none
// @param chain: string
// @param keepFrom: integer
// @param anchor: string
MATCH (h:AuditHead {id: $chain})
SET h.anchor = $anchor
WITH h
OPTIONAL MATCH (r:AuditRecord)
WHERE r.chain = $chain AND r.seq < $keepFrom
OPTIONAL MATCH (r)-[:DISCLOSED]->(e:AuditEntity)
WITH collect(DISTINCT r) AS records, collect(DISTINCT e) AS entities
FOREACH (r IN records | DETACH DELETE r)
WITH entities
UNWIND entities AS e
WITH e
WHERE NOT EXISTS { (e)<-[:DISCLOSED]-() }
DELETE e
`,
};

// audit/schema-entity-key.cypher

export type AuditSchemaEntityKeyParameters = Record<string, never>;

export type AuditSchemaEntityKeyRow = Record<string, never>;

export type AuditSchemaEntityKeySlots = Record<string, never>;

/** auditLog(disclosed:) starts from the entity; appends MERGE it. */
export const auditSchemaEntityKey: CypherQuery<AuditSchemaEntityKeyParameters, AuditSchemaEntityKeyRow, AuditSchemaEntityKeySlots, "write"> = {
  name: "auditSchemaEntityKey",
  file: "audit/schema-entity-key",
  mode: "write",
  parameters: {},
  slots: {},
  columns: {},
  text: `// auditLog(disclosed:) starts from the entity; appends MERGE it.
// Parameters: none
// Columns: none
CREATE CONSTRAINT audit_entity_id IF NOT EXISTS FOR (e:AuditEntity) REQUIRE e.id IS UNIQUE
`,
};

// audit/schema-head-key.cypher

export type AuditSchemaHeadKeyParameters = Record<string, never>;

export type AuditSchemaHeadKeyRow = Record<string, never>;

export type AuditSchemaHeadKeySlots = Record<string, never>;

/** The shared audit trail's schema, made by the store before its first write (the API answers before start-up work is done). One head per chain: MERGE of a new chain's head is safe only under it. */
export const auditSchemaHeadKey: CypherQuery<AuditSchemaHeadKeyParameters, AuditSchemaHeadKeyRow, AuditSchemaHeadKeySlots, "write"> = {
  name: "auditSchemaHeadKey",
  file: "audit/schema-head-key",
  mode: "write",
  parameters: {},
  slots: {},
  columns: {},
  text: `// The shared audit trail's schema, made by the store before its first write (the API answers before
// start-up work is done). One head per chain: MERGE of a new chain's head is safe only under it.
// Parameters: none
// Columns: none
CREATE CONSTRAINT audit_head_id IF NOT EXISTS FOR (h:AuditHead) REQUIRE h.id IS UNIQUE
`,
};

// audit/schema-record-key.cypher

export type AuditSchemaRecordKeyParameters = Record<string, never>;

export type AuditSchemaRecordKeyRow = Record<string, never>;

export type AuditSchemaRecordKeySlots = Record<string, never>;

/** One record per place in a chain (`<chain>|<seq>`): two writers can never both store seq N. */
export const auditSchemaRecordKey: CypherQuery<AuditSchemaRecordKeyParameters, AuditSchemaRecordKeyRow, AuditSchemaRecordKeySlots, "write"> = {
  name: "auditSchemaRecordKey",
  file: "audit/schema-record-key",
  mode: "write",
  parameters: {},
  slots: {},
  columns: {},
  text: `// One record per place in a chain (\`<chain>|<seq>\`): two writers can never both store seq N.
// Parameters: none
// Columns: none
CREATE CONSTRAINT audit_record_id IF NOT EXISTS FOR (r:AuditRecord) REQUIRE r.id IS UNIQUE
`,
};

// audit/schema-record-seq.cypher

export type AuditSchemaRecordSeqParameters = Record<string, never>;

export type AuditSchemaRecordSeqRow = Record<string, never>;

export type AuditSchemaRecordSeqSlots = Record<string, never>;

/** Pages of a chain newest first, verification and retention read records in seq order. */
export const auditSchemaRecordSeq: CypherQuery<AuditSchemaRecordSeqParameters, AuditSchemaRecordSeqRow, AuditSchemaRecordSeqSlots, "write"> = {
  name: "auditSchemaRecordSeq",
  file: "audit/schema-record-seq",
  mode: "write",
  parameters: {},
  slots: {},
  columns: {},
  text: `// Pages of a chain newest first, verification and retention read records in seq order.
// Parameters: none
// Columns: none
CREATE INDEX audit_record_chain_seq IF NOT EXISTS FOR (r:AuditRecord) ON (r.chain, r.seq)
`,
};

// audit/schema-record-subject.cypher

export type AuditSchemaRecordSubjectParameters = Record<string, never>;

export type AuditSchemaRecordSubjectRow = Record<string, never>;

export type AuditSchemaRecordSubjectSlots = Record<string, never>;

/** auditLog(subject:) reads one subject's records newest first. */
export const auditSchemaRecordSubject: CypherQuery<AuditSchemaRecordSubjectParameters, AuditSchemaRecordSubjectRow, AuditSchemaRecordSubjectSlots, "write"> = {
  name: "auditSchemaRecordSubject",
  file: "audit/schema-record-subject",
  mode: "write",
  parameters: {},
  slots: {},
  columns: {},
  text: `// auditLog(subject:) reads one subject's records newest first.
// Parameters: none
// Columns: none
CREATE INDEX audit_record_chain_subject_seq IF NOT EXISTS FOR (r:AuditRecord) ON (r.chain, r.subject, r.seq)
`,
};

// company/count.cypher

export type CompanyCountParameters = {
  country: string | null;
  kind: string | null;
  ids: readonly string[] | null;
  minShipments: Integer | null;
  minSeizures: Integer | null;
  minOfficers: Integer | null;
};

export type CompanyCountRow = {
  count: number;
};

export type CompanyCountSlots = Record<string, never>;

/** How many Company nodes match a filter. */
export const companyCount: CypherQuery<CompanyCountParameters, CompanyCountRow, CompanyCountSlots, "read"> = {
  name: "companyCount",
  file: "company/count",
  mode: "read",
  parameters: { country: "string | null", kind: "string | null", ids: "string[] | null", minShipments: "integer | null", minSeizures: "integer | null", minOfficers: "integer | null" },
  slots: {},
  columns: { count: "integer" },
  text: `// How many Company nodes match a filter.
// Parameters: $country (ISO code of registration, or null), $kind (CompanyKind or null), $ids (list
// of company ids or null), $minShipments, $minSeizures, $minOfficers (integers or null), as in
// company/list.cypher.
// Columns: count (integer).
// The count predicates are written as in company/list.cypher, which says why.
// @param country: string | null
// @param kind: string | null
// @param ids: string[] | null
// @param minShipments: integer | null
// @param minSeizures: integer | null
// @param minOfficers: integer | null
// @column count: integer
MATCH (node:Company)
WHERE ($country IS NULL OR EXISTS { (node)-[:REGISTERED_IN]->(:Country {id: $country}) })
  AND ($kind IS NULL OR node.kind = $kind)
  AND ($ids IS NULL OR node.id IN $ids)
  AND CASE WHEN $minShipments IS NULL THEN true ELSE (COUNT { (node)-[:PARTY_TO]->() } >= $minShipments OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment } >= $minShipments END
  AND CASE WHEN $minSeizures IS NULL THEN true ELSE COUNT {
        MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN DISTINCT seizure
      } >= $minSeizures END
  AND CASE WHEN $minOfficers IS NULL THEN true ELSE (COUNT { (node)<-[:OFFICER_OF]-() } >= $minOfficers OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()<-[:OFFICER_OF]-(officer:Person) RETURN DISTINCT officer } >= $minOfficers END
RETURN count(node) AS count
`,
};

// company/counts.cypher

export type CompanyCountsParameters = {
  ids: readonly string[];
};

export type CompanyCountsRow = {
  key: string;
  shipmentCount: number;
  seizureCount: number;
  officerCount: number;
  identifierCount: number;
};

export type CompanyCountsSlots = Record<string, never>;

/** The relationship counts of a batch of companies (the Company count fields of the API). */
export const companyCounts: CypherQuery<CompanyCountsParameters, CompanyCountsRow, CompanyCountsSlots, "read"> = {
  name: "companyCounts",
  file: "company/counts",
  mode: "read",
  parameters: { ids: "string[]" },
  slots: {},
  columns: { key: "string", shipmentCount: "integer", seizureCount: "integer", officerCount: "integer", identifierCount: "integer" },
  text: `// The relationship counts of a batch of companies (the Company count fields of the API).
// Parameters: $ids (list of company ids).
// Columns: key (the id asked for), shipmentCount, seizureCount, officerCount, identifierCount
// (integers). Unknown ids give no row.
// Counts are of the company's resolved cluster: its facts and those of every company joined to it by
// SAME_AS (live SAME decisions; at most 20, so 20 steps reach all), each fact once.
// Each count is of distinct nodes, so a fact stated by two sources (two relationships between the
// same ends) counts once:
//   shipmentCount: shipments the company was a party to (in any role);
//   seizureCount: seizures that intercepted a shipment the company was a party to;
//   officerCount: persons who hold an office in the company;
//   identifierCount: identifiers the company used.
// company/list.cypher, company/count.cypher and company/list-ordered.cypher repeat these definitions.
// @param ids: string[]
// @column key: string
// @column shipmentCount: integer
// @column seizureCount: integer
// @column officerCount: integer
// @column identifierCount: integer
UNWIND $ids AS key
MATCH (node:Company {id: key})
RETURN key,
  COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment } AS shipmentCount,
  COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN DISTINCT seizure } AS seizureCount,
  COUNT { MATCH (node)-[:SAME_AS]-{0,20}()<-[:OFFICER_OF]-(officer:Person) RETURN DISTINCT officer } AS officerCount,
  COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier } AS identifierCount
`,
};

// company/list.cypher

export type CompanyListParameters = {
  country: string | null;
  kind: string | null;
  ids: readonly string[] | null;
  minShipments: Integer | null;
  minSeizures: Integer | null;
  minOfficers: Integer | null;
  after: string | null;
  limit: Integer;
};

export type CompanyListRow = {
  id: string;
};

export type CompanyListSlots = Record<string, never>;

/** One page of Company nodes matching a filter, in id order (keyset pagination). */
export const companyList: CypherQuery<CompanyListParameters, CompanyListRow, CompanyListSlots, "read"> = {
  name: "companyList",
  file: "company/list",
  mode: "read",
  parameters: { country: "string | null", kind: "string | null", ids: "string[] | null", minShipments: "integer | null", minSeizures: "integer | null", minOfficers: "integer | null", after: "string | null", limit: "integer" },
  slots: {},
  columns: { id: "string" },
  text: `// One page of Company nodes matching a filter, in id order (keyset pagination).
// Parameters: $country (ISO code of registration, or null), $kind (CompanyKind or null), $ids (list
// of company ids or null), $minShipments, $minSeizures, $minOfficers (integers or null; the counts
// are those of company/counts.cypher, whose definitions these predicates repeat).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it).
// Each count predicate sits in a CASE so that it is evaluated only when its parameter is set:
// written as \`$min IS NULL OR COUNT {...} >= $min\`, the planner counted for every company even with
// the parameter null (seen with PROFILE), which made the default list several times dearer. The
// degree checks (COUNT of a bare pattern, answered from the degree store) reject most companies
// before their distinct neighbours are counted: fewer relationships than the minimum cannot
// reach enough distinct neighbours.
// @param country: string | null
// @param kind: string | null
// @param ids: string[] | null
// @param minShipments: integer | null
// @param minSeizures: integer | null
// @param minOfficers: integer | null
// @param after: string | null
// @param limit: integer
// @column id: string
MATCH (node:Company)
WHERE ($country IS NULL OR EXISTS { (node)-[:REGISTERED_IN]->(:Country {id: $country}) })
  AND ($kind IS NULL OR node.kind = $kind)
  AND ($ids IS NULL OR node.id IN $ids)
  AND CASE WHEN $minShipments IS NULL THEN true ELSE (COUNT { (node)-[:PARTY_TO]->() } >= $minShipments OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment } >= $minShipments END
  AND CASE WHEN $minSeizures IS NULL THEN true ELSE COUNT {
        MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN DISTINCT seizure
      } >= $minSeizures END
  AND CASE WHEN $minOfficers IS NULL THEN true ELSE (COUNT { (node)<-[:OFFICER_OF]-() } >= $minOfficers OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()<-[:OFFICER_OF]-(officer:Person) RETURN DISTINCT officer } >= $minOfficers END
  AND ($after IS NULL OR node.id > $after)
// The page is cut before anything more of its nodes is read.
WITH node ORDER BY node.id LIMIT $limit
RETURN node.id AS id
`,
};

// company/list-ordered.cypher

export type CompanyListOrderedParameters = {
  country: string | null;
  kind: string | null;
  ids: readonly string[] | null;
  minShipments: Integer | null;
  minSeizures: Integer | null;
  minOfficers: Integer | null;
  orderField: string;
  descending: boolean;
  afterValue: string | Integer | null;
  afterId: string | null;
  limit: Integer;
};

export type CompanyListOrderedRow = {
  id: string;
  sortValue: string | number;
};

export type CompanyListOrderedSlots = Record<string, never>;

/** One page of Company nodes matching a filter, sorted by a chosen value (keyset pagination on the value, ties broken by id ascending). The default order (id ascending) is company/list.cypher. */
export const companyListOrdered: CypherQuery<CompanyListOrderedParameters, CompanyListOrderedRow, CompanyListOrderedSlots, "read"> = {
  name: "companyListOrdered",
  file: "company/list-ordered",
  mode: "read",
  parameters: { country: "string | null", kind: "string | null", ids: "string[] | null", minShipments: "integer | null", minSeizures: "integer | null", minOfficers: "integer | null", orderField: "string", descending: "boolean", afterValue: "string | integer | null", afterId: "string | null", limit: "integer" },
  slots: {},
  columns: { id: "string", sortValue: "string | integer" },
  text: `// One page of Company nodes matching a filter, sorted by a chosen value (keyset pagination on the
// value, ties broken by id ascending). The default order (id ascending) is company/list.cypher.
// Parameters: the filters of company/list.cypher ($country, $kind, $ids, $minShipments,
// $minSeizures, $minOfficers); $orderField (a CompanyOrderField name: ID, NAME, SHIPMENT_COUNT,
// SEIZURE_COUNT, OFFICER_COUNT, IDENTIFIER_COUNT); $descending (boolean).
// Also: $afterValue, $afterId (the sort value and id of the last item of the previous page, both
// null for the first page), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it), sortValue (the value sorted on: a string or an integer).
// Cypher takes neither a sort key nor a direction as a parameter. The key is chosen by CASE on
// $orderField (only the chosen branch is evaluated); the direction by two sort keys of which one is
// always null. The counts are those of company/counts.cypher.
// The count predicates are written as in company/list.cypher, which says why.
// @param country: string | null
// @param kind: string | null
// @param ids: string[] | null
// @param minShipments: integer | null
// @param minSeizures: integer | null
// @param minOfficers: integer | null
// @param orderField: string
// @param descending: boolean
// @param afterValue: string | integer | null
// @param afterId: string | null
// @param limit: integer
// @column id: string
// @column sortValue: string | integer
// Sorting the whole list by seizures, each company's seizures are counted from the seizures' side,
// as person/list-ordered.cypher counts persons' and says why: every seizure's shipment parties, then
// the companies resolved with them, grouped by company; a company no seizure reaches counts 0. A
// list cut down by ids or country is counted company by company below, as the other orders are.
WITH $orderField = "SEIZURE_COUNT" AND $ids IS NULL AND $country IS NULL AS wholeList
CALL (wholeList) {
  CALL (wholeList) {
    MATCH (seizure:Seizure)-[:INTERCEPTED]->(:Shipment)<-[:PARTY_TO]-(holder) WHERE wholeList
    // Each holder's cluster is walked once, not once per seizure.
    WITH holder, collect(DISTINCT seizure) AS seizures
    MATCH (holder)-[:SAME_AS]-{0,20}(node:Company)
    UNWIND seizures AS seizure
    RETURN node, count(DISTINCT seizure) AS seizureCount
    UNION ALL
    MATCH (node:Company) RETURN node, 0 AS seizureCount
  }
  RETURN node, max(seizureCount) AS seizureCount
}
WITH node, seizureCount, wholeList
WHERE ($country IS NULL OR EXISTS { (node)-[:REGISTERED_IN]->(:Country {id: $country}) })
  AND ($kind IS NULL OR node.kind = $kind)
  AND ($ids IS NULL OR node.id IN $ids)
  AND CASE WHEN $minShipments IS NULL THEN true ELSE (COUNT { (node)-[:PARTY_TO]->() } >= $minShipments OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment } >= $minShipments END
  AND CASE WHEN $minSeizures IS NULL THEN true ELSE COUNT {
        MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN DISTINCT seizure
      } >= $minSeizures END
  AND CASE WHEN $minOfficers IS NULL THEN true ELSE (COUNT { (node)<-[:OFFICER_OF]-() } >= $minOfficers OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()<-[:OFFICER_OF]-(officer:Person) RETURN DISTINCT officer } >= $minOfficers END
WITH node, CASE $orderField
    WHEN "NAME" THEN coalesce(node.name, "")
    WHEN "SHIPMENT_COUNT" THEN COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment }
    WHEN "SEIZURE_COUNT" THEN CASE WHEN wholeList THEN seizureCount
      ELSE COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN DISTINCT seizure } END
    WHEN "OFFICER_COUNT" THEN COUNT { MATCH (node)-[:SAME_AS]-{0,20}()<-[:OFFICER_OF]-(officer:Person) RETURN DISTINCT officer }
    WHEN "IDENTIFIER_COUNT" THEN COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier }
    ELSE node.id
  END AS sortValue
WHERE $afterId IS NULL
   OR (sortValue = $afterValue AND node.id > $afterId)
   OR (CASE WHEN $descending THEN sortValue < $afterValue ELSE sortValue > $afterValue END)
// The page is cut before anything more of its nodes is read.
WITH node, sortValue
ORDER BY CASE WHEN $descending THEN sortValue END DESC, CASE WHEN $descending THEN null ELSE sortValue END ASC, node.id
LIMIT $limit
RETURN node.id AS id, sortValue
`,
};

// connections/endpoints.cypher

export type ConnectionsEndpointsParameters = {
  from: string;
  to: string;
  fromKind: string | null;
  toKind: string | null;
};

export type ConnectionsEndpointsRow = {
  fromFound: boolean;
  toFound: boolean;
};

export type ConnectionsEndpointsSlots = Record<string, never>;

/** Which ends of a connections request exist (asked only when no path was found, to tell an unknown id from entities that are not connected). One index lookup per label. */
export const connectionsEndpoints: CypherQuery<ConnectionsEndpointsParameters, ConnectionsEndpointsRow, ConnectionsEndpointsSlots, "read"> = {
  name: "connectionsEndpoints",
  file: "connections/endpoints",
  mode: "read",
  parameters: { from: "string", to: "string", fromKind: "string | null", toKind: "string | null" },
  slots: {},
  columns: { fromFound: "boolean", toFound: "boolean" },
  text: `// Which ends of a connections request exist (asked only when no path was found, to tell an
// unknown id from entities that are not connected). One index lookup per label.
// Parameters: $from, $to (ids), $fromKind, $toKind (a label to narrow an end, or null).
// Columns: fromFound, toFound (booleans).
// @param from: string
// @param to: string
// @param fromKind: string | null
// @param toKind: string | null
// @column fromFound: boolean
// @column toFound: boolean
OPTIONAL CALL () {
  MATCH (n:Seizure {id: $from}) RETURN n
  UNION MATCH (n:Shipment {id: $from}) RETURN n
  UNION MATCH (n:CommodityLine {id: $from}) RETURN n
  UNION MATCH (n:Species {id: $from}) RETURN n
  UNION MATCH (n:Person {id: $from}) RETURN n
  UNION MATCH (n:Company {id: $from}) RETURN n
  UNION MATCH (n:Identifier {id: $from}) RETURN n
  UNION MATCH (n:Carrier {id: $from}) RETURN n
  UNION MATCH (n:Place {id: $from}) RETURN n
  UNION MATCH (n:Country {id: $from}) RETURN n
}
WITH count(CASE WHEN n IS NOT NULL AND ($fromKind IS NULL OR $fromKind IN labels(n) ) THEN 1 END) > 0 AS fromFound
OPTIONAL CALL () {
  MATCH (n:Seizure {id: $to}) RETURN n
  UNION MATCH (n:Shipment {id: $to}) RETURN n
  UNION MATCH (n:CommodityLine {id: $to}) RETURN n
  UNION MATCH (n:Species {id: $to}) RETURN n
  UNION MATCH (n:Person {id: $to}) RETURN n
  UNION MATCH (n:Company {id: $to}) RETURN n
  UNION MATCH (n:Identifier {id: $to}) RETURN n
  UNION MATCH (n:Carrier {id: $to}) RETURN n
  UNION MATCH (n:Place {id: $to}) RETURN n
  UNION MATCH (n:Country {id: $to}) RETURN n
}
RETURN fromFound, count(CASE WHEN n IS NOT NULL AND ($toKind IS NULL OR $toKind IN labels(n)) THEN 1 END) > 0 AS toFound
`,
};

// connections/shortest-paths.cypher

export type ConnectionsShortestPathsParameters = {
  from: string;
  to: string;
  fromKind: string | null;
  toKind: string | null;
  types: readonly string[];
  limit: Integer;
};

export type ConnectionsShortestPathsRow = {
  groups: number;
  nodes: NodeMap[];
  hops: CitedRelationshipMap[][];
};

export type ConnectionsShortestPathsSlots = {
  PATHS: string;
  MAX_HOPS: string;
};

/** The shortest paths between two entities (the connections root field), as distinct node paths in a stated order, never from an exhaustive search: SHORTEST ... GROUPS with an upper bound between two bound nodes, planned as StatefulShortestPath. */
export const connectionsShortestPaths: CypherQuery<ConnectionsShortestPathsParameters, ConnectionsShortestPathsRow, ConnectionsShortestPathsSlots, "read"> = {
  name: "connectionsShortestPaths",
  file: "connections/shortest-paths",
  mode: "read",
  parameters: { from: "string", to: "string", fromKind: "string | null", toKind: "string | null", types: "string[]", limit: "integer" },
  slots: { PATHS: "Count", MAX_HOPS: "Count" },
  columns: { groups: "integer", nodes: "NodeMap[]", hops: "CitedRelationshipMap[][]" },
  text: `// The shortest paths between two entities (the connections root field), as distinct node paths in
// a stated order, never from an exhaustive search: SHORTEST ... GROUPS with an upper bound between
// two bound nodes, planned as StatefulShortestPath.
// Cypher wants literals for k and the bound, so they are template slots, filled only with whole
// numbers the API has checked: {{PATHS}} (1 to 10: how many path lengths, each the group of every
// path of that length, to take) and {{MAX_HOPS}} (1 to 6): the search stops once it has that many
// lengths, and never looks further than asked.
// Whole groups, not SHORTEST k: when paths tie on length, SHORTEST k keeps an arbitrary k of them,
// so the head of 10 paths need not be the one path asked for alone. Every path of a length is
// taken, then ordered. The caller asks for one more group until it has $limit paths or no more exist.
// A fact is stored once per source row, so two nodes can be joined by parallel relationships: the
// search's trails are reduced to distinct node paths, and each hop then carries every relationship
// of the followed types between its two nodes (each with its citation).
// SOURCED_FROM is never followed: through a Source every node reaches every other in two hops; the
// caller leaves it out of $types.
// Ids are unique per label only, so each end is found by one index lookup per label.
// Parameters: $from, $to (ids), $fromKind, $toKind (a label to narrow an end, or null),
// $types (relationship types that may be followed), $limit (paths wanted, an integer).
// Columns: groups (how many path lengths the search found, at most {{PATHS}}: fewer means there are
// no more), nodes (list of {id, labels, properties}), hops (one list per hop, in path order, of
// {type, source, target, properties, sourceTitle}). Rows are ordered by length, then by the
// sequence of node ids; at most $limit rows, none when the ends are not connected.
// @slot PATHS: Count
// @slot MAX_HOPS: Count
// @param from: string
// @param to: string
// @param fromKind: string | null
// @param toKind: string | null
// @param types: string[]
// @param limit: integer
// @column groups: integer
// @column nodes: NodeMap[]
// @column hops: CitedRelationshipMap[][]
CALL () {
  MATCH (n:Seizure {id: $from}) RETURN n
  UNION MATCH (n:Shipment {id: $from}) RETURN n
  UNION MATCH (n:CommodityLine {id: $from}) RETURN n
  UNION MATCH (n:Species {id: $from}) RETURN n
  UNION MATCH (n:Person {id: $from}) RETURN n
  UNION MATCH (n:Company {id: $from}) RETURN n
  UNION MATCH (n:Identifier {id: $from}) RETURN n
  UNION MATCH (n:Carrier {id: $from}) RETURN n
  UNION MATCH (n:Place {id: $from}) RETURN n
  UNION MATCH (n:Country {id: $from}) RETURN n
}
WITH n AS a WHERE $fromKind IS NULL OR $fromKind IN labels(a)
CALL () {
  MATCH (n:Seizure {id: $to}) RETURN n
  UNION MATCH (n:Shipment {id: $to}) RETURN n
  UNION MATCH (n:CommodityLine {id: $to}) RETURN n
  UNION MATCH (n:Species {id: $to}) RETURN n
  UNION MATCH (n:Person {id: $to}) RETURN n
  UNION MATCH (n:Company {id: $to}) RETURN n
  UNION MATCH (n:Identifier {id: $to}) RETURN n
  UNION MATCH (n:Carrier {id: $to}) RETURN n
  UNION MATCH (n:Place {id: $to}) RETURN n
  UNION MATCH (n:Country {id: $to}) RETURN n
}
WITH a, n AS b WHERE ($toKind IS NULL OR $toKind IN labels(b)) AND a <> b
MATCH p = SHORTEST {{PATHS}} GROUPS (a)(()-[r]-() WHERE type(r) IN $types){1,{{MAX_HOPS}}}(b)
WITH length(p) AS length, nodes(p) AS ns
// A trail may pass a node twice (over two relationships between the same pair); a path may not.
WITH length, ns, size(ns) = size(COLLECT { UNWIND ns AS x RETURN DISTINCT x }) AS simple
WITH count(DISTINCT length) AS groups, collect(DISTINCT CASE WHEN simple THEN ns END) AS paths
UNWIND paths AS ns
WITH groups, ns, [x IN ns | x.id] AS ids
ORDER BY size(ns), ids
LIMIT $limit
CALL (ns) {
  UNWIND range(0, size(ns) - 2) AS i
  WITH i, ns[i] AS x, ns[i + 1] AS y
  CALL (x, y) {
    MATCH (x)-[r]-(y) WHERE type(r) IN $types
    RETURN collect({
      type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r),
      sourceTitle: COLLECT { MATCH (s:Source {id: r.sourceId}) RETURN s.title }[0]
    }) AS rels
  }
  WITH i, rels ORDER BY i
  RETURN collect(rels) AS hops
}
RETURN groups, [x IN ns | {id: x.id, labels: labels(x), properties: properties(x)}] AS nodes, hops
ORDER BY size(ns), ids
`,
};

// country/count.cypher

export type CountryCountParameters = {
  borders: string | null;
};

export type CountryCountRow = {
  count: number;
};

export type CountryCountSlots = Record<string, never>;

/** How many Country nodes match a filter. */
export const countryCount: CypherQuery<CountryCountParameters, CountryCountRow, CountryCountSlots, "read"> = {
  name: "countryCount",
  file: "country/count",
  mode: "read",
  parameters: { borders: "string | null" },
  slots: {},
  columns: { count: "integer" },
  text: `// How many Country nodes match a filter.
// Parameters: $borders (ISO code or null: only the countries that border it).
// Columns: count (integer).
// @param borders: string | null
// @column count: integer
MATCH (node:Country)
WHERE ($borders IS NULL OR EXISTS { (node)-[:BORDERS]-(:Country {id: $borders}) })
RETURN count(node) AS count
`,
};

// country/list.cypher

export type CountryListParameters = {
  borders: string | null;
  after: string | null;
  limit: Integer;
};

export type CountryListRow = {
  id: string;
};

export type CountryListSlots = Record<string, never>;

/** One page of Country nodes matching a filter, in id order (keyset pagination). */
export const countryList: CypherQuery<CountryListParameters, CountryListRow, CountryListSlots, "read"> = {
  name: "countryList",
  file: "country/list",
  mode: "read",
  parameters: { borders: "string | null", after: "string | null", limit: "integer" },
  slots: {},
  columns: { id: "string" },
  text: `// One page of Country nodes matching a filter, in id order (keyset pagination).
// Parameters: $borders (ISO code or null: only the countries that border it).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it).
// @param borders: string | null
// @param after: string | null
// @param limit: integer
// @column id: string
MATCH (node:Country)
WHERE ($borders IS NULL OR EXISTS { (node)-[:BORDERS]-(:Country {id: $borders}) })
  AND ($after IS NULL OR node.id > $after)
// The page is cut before anything more of its nodes is read.
WITH node ORDER BY node.id LIMIT $limit
RETURN node.id AS id
`,
};

// flows/links.cypher

export type FlowsLinksParameters = {
  level: string;
  species: string | null;
  product: string | null;
  mode: string | null;
  source: string | null;
  dateFrom: CypherDate<number> | null;
  dateTo: CypherDate<number> | null;
  limit: Integer;
};

export type FlowsLinksRow = {
  source: string;
  target: string;
  seizureCount: number;
  shipmentCount: number;
  weighedSeizureCount: number;
  totalWeightKg: number | null;
};

export type FlowsLinksSlots = Record<string, never>;

/** Hop-to-hop flows: each stop of a record to the stop of its next layer (origins, then each transit in order, then destinations), at country level (a place's country; hops inside one country are left out) or place level (the place where known, else the country). */
export const flowsLinks: CypherQuery<FlowsLinksParameters, FlowsLinksRow, FlowsLinksSlots, "read"> = {
  name: "flowsLinks",
  file: "flows/links",
  mode: "read",
  parameters: { level: "string", species: "string | null", product: "string | null", mode: "string | null", source: "string | null", dateFrom: "date | null", dateTo: "date | null", limit: "integer" },
  slots: {},
  columns: { source: "string", target: "string", seizureCount: "integer", shipmentCount: "integer", weighedSeizureCount: "integer", totalWeightKg: "float | null" },
  text: `// Hop-to-hop flows: each stop of a record to the stop of its next layer (origins, then each transit
// in order, then destinations), at country level (a place's country; hops inside one country are
// left out) or place level (the place where known, else the country).
// Parameters: $level ('COUNTRY' or 'PLACE'), $species (species id or null), $product (Product or
// null), $mode (TransportMode or null), $source (Source id or null: only seizures it reports),
// $dateFrom, $dateTo (Date or null), $limit (integer).
// Columns: source, target (Country or Place ids), seizureCount, shipmentCount, weighedSeizureCount,
// totalWeightKg (null when no weight is known). Largest first.
// @param level: string
// @param species: string | null
// @param product: string | null
// @param mode: string | null
// @param source: string | null
// @param dateFrom: date | null
// @param dateTo: date | null
// @param limit: integer
// @column source: string
// @column target: string
// @column seizureCount: integer
// @column shipmentCount: integer
// @column weighedSeizureCount: integer
// @column totalWeightKg: float | null
MATCH (shipment:Shipment)-[here:STOPS_AT]->(hereStop)
WHERE here.role <> 'DESTINATION' AND ($mode IS NULL OR shipment.mode = $mode)
  // Only seized shipments count; most are not, so they are dropped before their stops are read.
  AND EXISTS { (shipment)<-[:INTERCEPTED]-(:Seizure) }
MATCH (shipment)-[next:STOPS_AT]->(nextStop)
WHERE next.seq > here.seq AND next.role <> 'ORIGIN'
  AND NOT EXISTS { MATCH (shipment)-[between:STOPS_AT]->() WHERE between.role = 'TRANSIT' AND here.seq < between.seq < next.seq }
OPTIONAL MATCH (hereStop:Place)-[:IN_COUNTRY]->(hereCountry:Country)
OPTIONAL MATCH (nextStop:Place)-[:IN_COUNTRY]->(nextCountry:Country)
WITH DISTINCT shipment,
  CASE WHEN $level = 'PLACE' THEN hereStop ELSE coalesce(hereCountry, hereStop) END AS source,
  CASE WHEN $level = 'PLACE' THEN nextStop ELSE coalesce(nextCountry, nextStop) END AS target
WHERE source <> target
MATCH (seizure:Seizure)-[:INTERCEPTED]->(shipment)
WHERE ($dateFrom IS NULL OR seizure.date >= $dateFrom) AND ($dateTo IS NULL OR seizure.date <= $dateTo)
  AND ($source IS NULL OR EXISTS { (seizure)-[:SOURCED_FROM]->(:Source {id: $source}) })
OPTIONAL MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
WHERE ($product IS NULL OR line.product = $product)
  AND ($species IS NULL OR EXISTS { (line)-[:OF_SPECIES]->(:Species {id: $species}) })
WITH source, target, shipment, seizure, collect(line) AS lines
WHERE ($species IS NULL AND $product IS NULL) OR lines <> []
UNWIND CASE WHEN lines = [] THEN [null] ELSE lines END AS line
WITH source, target,
  count(DISTINCT seizure) AS seizureCount,
  count(DISTINCT shipment) AS shipmentCount,
  count(DISTINCT CASE WHEN line.weightKg IS NOT NULL THEN seizure END) AS weighedSeizureCount,
  collect(DISTINCT line) AS weighed
RETURN source.id AS source, target.id AS target, seizureCount, shipmentCount, weighedSeizureCount,
  reduce(total = null, line IN [line IN weighed WHERE line.weightKg IS NOT NULL] | coalesce(total, 0.0) + line.weightKg) AS totalWeightKg
ORDER BY seizureCount DESC, source, target
LIMIT $limit
`,
};

// flows/totals.cypher

export type FlowsTotalsParameters = {
  level: string;
  species: string | null;
  product: string | null;
  mode: string | null;
  source: string | null;
  dateFrom: CypherDate<number> | null;
  dateTo: CypherDate<number> | null;
};

export type FlowsTotalsRow = {
  seizureCount: number;
  shipmentCount: number;
  linkCount: number;
};

export type FlowsTotalsSlots = Record<string, never>;

/** What the flows of flows/links.cypher add up to, over all links (not only the first $limit): the seizures and shipments with at least one hop at that level, and the number of links. */
export const flowsTotals: CypherQuery<FlowsTotalsParameters, FlowsTotalsRow, FlowsTotalsSlots, "read"> = {
  name: "flowsTotals",
  file: "flows/totals",
  mode: "read",
  parameters: { level: "string", species: "string | null", product: "string | null", mode: "string | null", source: "string | null", dateFrom: "date | null", dateTo: "date | null" },
  slots: {},
  columns: { seizureCount: "integer", shipmentCount: "integer", linkCount: "integer" },
  text: `// What the flows of flows/links.cypher add up to, over all links (not only the first $limit):
// the seizures and shipments with at least one hop at that level, and the number of links.
// Parameters: $level ('COUNTRY' or 'PLACE'), $species (species id or null), $product (Product or
// null), $mode (TransportMode or null), $source (Source id or null: only seizures it reports),
// $dateFrom, $dateTo (Date or null).
// Columns: seizureCount, shipmentCount, linkCount.
// @param level: string
// @param species: string | null
// @param product: string | null
// @param mode: string | null
// @param source: string | null
// @param dateFrom: date | null
// @param dateTo: date | null
// @column seizureCount: integer
// @column shipmentCount: integer
// @column linkCount: integer
MATCH (shipment:Shipment)-[here:STOPS_AT]->(hereStop)
WHERE here.role <> 'DESTINATION' AND ($mode IS NULL OR shipment.mode = $mode)
  // Only seized shipments count; most are not, so they are dropped before their stops are read.
  AND EXISTS { (shipment)<-[:INTERCEPTED]-(:Seizure) }
MATCH (shipment)-[next:STOPS_AT]->(nextStop)
WHERE next.seq > here.seq AND next.role <> 'ORIGIN'
  AND NOT EXISTS { MATCH (shipment)-[between:STOPS_AT]->() WHERE between.role = 'TRANSIT' AND here.seq < between.seq < next.seq }
OPTIONAL MATCH (hereStop:Place)-[:IN_COUNTRY]->(hereCountry:Country)
OPTIONAL MATCH (nextStop:Place)-[:IN_COUNTRY]->(nextCountry:Country)
WITH DISTINCT shipment,
  CASE WHEN $level = 'PLACE' THEN hereStop ELSE coalesce(hereCountry, hereStop) END AS source,
  CASE WHEN $level = 'PLACE' THEN nextStop ELSE coalesce(nextCountry, nextStop) END AS target
WHERE source <> target
MATCH (seizure:Seizure)-[:INTERCEPTED]->(shipment)
WHERE ($dateFrom IS NULL OR seizure.date >= $dateFrom) AND ($dateTo IS NULL OR seizure.date <= $dateTo)
  AND ($source IS NULL OR EXISTS { (seizure)-[:SOURCED_FROM]->(:Source {id: $source}) })
  AND ($product IS NULL OR EXISTS { (seizure)-[:RECOVERED]->(:CommodityLine {product: $product}) })
  AND ($species IS NULL OR EXISTS { (seizure)-[:RECOVERED]->(line:CommodityLine)-[:OF_SPECIES]->(:Species {id: $species})
                                    WHERE $product IS NULL OR line.product = $product })
RETURN count(DISTINCT seizure) AS seizureCount, count(DISTINCT shipment) AS shipmentCount,
  count(DISTINCT [source.id, target.id]) AS linkCount
`,
};

// import/bulk-patch-nodes.cypher

export type ImportBulkPatchNodesParameters = {
  rows: readonly ParameterMap[];
};

export type ImportBulkPatchNodesRow = Record<string, never>;

export type ImportBulkPatchNodesSlots = {
  LABEL: NodeLabel;
};

/** After a bulk load (src/import/bulk/), what its files could not say about nodes already in them: the values of a later row that describes a node an earlier row made (later values win, as in consecutive MERGE batches), and the label Synthetic that a later synthetic source adds. Rows */
export const importBulkPatchNodes: CypherQuery<ImportBulkPatchNodesParameters, ImportBulkPatchNodesRow, ImportBulkPatchNodesSlots, "write"> = {
  name: "importBulkPatchNodes",
  file: "import/bulk-patch-nodes",
  mode: "write",
  parameters: { rows: "ParameterMap[]" },
  slots: { LABEL: "NodeLabel" },
  columns: {},
  text: `// After a bulk load (src/import/bulk/), what its files could not say about nodes already in them:
// the values of a later row that describes a node an earlier row made (later values win, as in
// consecutive MERGE batches), and the label Synthetic that a later synthetic source adds. Rows
// come in the order of the input, so a node's changes apply in that order.
// Template slot: LABEL (a NodeLabel).
// Parameters: $rows (list of {id, properties (map, no nulls), synthetic (boolean: add the label)}).
// Columns: none.
// @slot LABEL: NodeLabel
// @param rows: ParameterMap[]
UNWIND $rows AS row
MATCH (node:{{LABEL}} {id: row.id})
SET node += row.properties
FOREACH (_ IN CASE WHEN row.synthetic THEN [1] ELSE [] END | SET node:Synthetic)
`,
};

// import/existing-ids.cypher

export type ImportExistingIdsParameters = {
  ids: readonly string[];
  synthetic: boolean;
};

export type ImportExistingIdsRow = {
  id: string;
};

export type ImportExistingIdsSlots = {
  LABEL: NodeLabel;
};

/** Which of the given ids name an existing node of one label, for references to reference data. */
export const importExistingIds: CypherQuery<ImportExistingIdsParameters, ImportExistingIdsRow, ImportExistingIdsSlots, "read"> = {
  name: "importExistingIds",
  file: "import/existing-ids",
  mode: "read",
  parameters: { ids: "string[]", synthetic: "boolean" },
  slots: { LABEL: "NodeLabel" },
  columns: { id: "string" },
  text: `// Which of the given ids name an existing node of one label, for references to reference data.
// Template slot: LABEL (a NodeLabel).
// Parameters: $ids (list of ids), $synthetic (boolean: whether synthetic nodes count).
// Columns: id (each existing id once).
// @slot LABEL: NodeLabel
// @param ids: string[]
// @param synthetic: boolean
// @column id: string
UNWIND $ids AS id
MATCH (node:{{LABEL}} {id: id})
WHERE $synthetic OR NOT node:Synthetic
RETURN DISTINCT node.id AS id
`,
};

// import/merge-mentioned-nodes.cypher

export type ImportMergeMentionedNodesParameters = {
  rows: readonly IdInput[];
  synthetic: boolean;
};

export type ImportMergeMentionedNodesRow = Record<string, never>;

export type ImportMergeMentionedNodesSlots = {
  LABEL: NodeLabel;
};

/** Makes sure the nodes a batch of rows only mentions exist (a neighbouring country, named by the row of another), so relationships can reach them. They get no properties and no SOURCED_FROM here: the row that describes such a node gives both. */
export const importMergeMentionedNodes: CypherQuery<ImportMergeMentionedNodesParameters, ImportMergeMentionedNodesRow, ImportMergeMentionedNodesSlots, "write"> = {
  name: "importMergeMentionedNodes",
  file: "import/merge-mentioned-nodes",
  mode: "write",
  parameters: { rows: "IdInput[]", synthetic: "boolean" },
  slots: { LABEL: "NodeLabel" },
  columns: {},
  text: `// Makes sure the nodes a batch of rows only mentions exist (a neighbouring country, named by the row
// of another), so relationships can reach them. They get no properties and no SOURCED_FROM here:
// the row that describes such a node gives both.
// Template slot: LABEL (a NodeLabel).
// Parameters: $rows (list of {id}), $synthetic (boolean: add the label Synthetic).
// Columns: none.
// @slot LABEL: NodeLabel
// @param rows: IdInput[]
// @param synthetic: boolean
UNWIND $rows AS row
MERGE (node:{{LABEL}} {id: row.id})
FOREACH (_ IN CASE WHEN $synthetic THEN [1] ELSE [] END | SET node:Synthetic)
`,
};

// import/merge-nodes.cypher

export type ImportMergeNodesParameters = {
  rows: readonly NodeRowInput[];
  sourceId: string;
  synthetic: boolean;
};

export type ImportMergeNodesRow = {
  added: number;
};

export type ImportMergeNodesSlots = {
  LABEL: NodeLabel;
};

/** Creates or updates the nodes of one label made from a batch of rows, each with its provenance: one SOURCED_FROM per node and source, whose `row` is the first data row that made the node. */
export const importMergeNodes: CypherQuery<ImportMergeNodesParameters, ImportMergeNodesRow, ImportMergeNodesSlots, "write"> = {
  name: "importMergeNodes",
  file: "import/merge-nodes",
  mode: "write",
  parameters: { rows: "NodeRowInput[]", sourceId: "string", synthetic: "boolean" },
  slots: { LABEL: "NodeLabel" },
  columns: { added: "integer" },
  text: `// Creates or updates the nodes of one label made from a batch of rows, each with its provenance:
// one SOURCED_FROM per node and source, whose \`row\` is the first data row that made the node.
// It also adds the SOURCED_FROM it made to the source's kept counts (\`nodes.<LABEL>\` and
// \`relationships.SOURCED_FROM\` on the Source node), in the batch's own transaction, so import
// reports need not count the graph (see source-counts.cypher).
// Template slot: LABEL (a NodeLabel).
// Parameters: $rows (list of {id, row (integer), properties (map; no nulls, so other sources'
// values are never erased)}; one per id), $sourceId, $synthetic (boolean: add the label Synthetic).
// Columns: added (how many nodes this source did not back before).
// @slot LABEL: NodeLabel
// @param rows: NodeRowInput[]
// @param sourceId: string
// @param synthetic: boolean
// @column added: integer
MATCH (source:Source {id: $sourceId})
UNWIND $rows AS row
MERGE (node:{{LABEL}} {id: row.id})
SET node += row.properties
FOREACH (_ IN CASE WHEN $synthetic THEN [1] ELSE [] END | SET node:Synthetic)
WITH source, node, row, EXISTS { (node)-[:SOURCED_FROM]->(source) } AS known
MERGE (node)-[provenance:SOURCED_FROM]->(source)
ON CREATE SET provenance.row = row.row
WITH source, count(CASE WHEN known THEN null ELSE 1 END) AS added
SET source.\`nodes.{{LABEL}}\` = coalesce(source.\`nodes.{{LABEL}}\`, 0) + added,
    source.\`relationships.SOURCED_FROM\` = coalesce(source.\`relationships.SOURCED_FROM\`, 0) + added
RETURN added
`,
};

// import/merge-relationships.cypher

export type ImportMergeRelationshipsParameters = {
  rows: readonly RelationshipRowInput[];
  sourceId: string;
};

export type ImportMergeRelationshipsRow = {
  added: number;
};

export type ImportMergeRelationshipsSlots = {
  FROM: NodeLabel;
  TO: NodeLabel;
  TYPE: RelType;
};

/** Creates or updates relationships of one type between two labels, one per data row that states them: the merge key is (ends, type, sourceId, sourceRow). What it creates is added to the source's kept count `relationships.<TYPE>` in the same transaction (see source-counts.cypher). */
export const importMergeRelationships: CypherQuery<ImportMergeRelationshipsParameters, ImportMergeRelationshipsRow, ImportMergeRelationshipsSlots, "write"> = {
  name: "importMergeRelationships",
  file: "import/merge-relationships",
  mode: "write",
  parameters: { rows: "RelationshipRowInput[]", sourceId: "string" },
  slots: { FROM: "NodeLabel", TO: "NodeLabel", TYPE: "RelType" },
  columns: { added: "integer" },
  text: `// Creates or updates relationships of one type between two labels, one per data row that states
// them: the merge key is (ends, type, sourceId, sourceRow). What it creates is added to the source's
// kept count \`relationships.<TYPE>\` in the same transaction (see source-counts.cypher).
// Template slots: FROM and TO (NodeLabels), TYPE (a RelType).
// Parameters: $rows (list of {from, to (node ids), row (integer), properties (map, no nulls)}; one
// per key), $sourceId.
// Columns: added (how many relationships were created).
// @slot FROM: NodeLabel
// @slot TO: NodeLabel
// @slot TYPE: RelType
// @param rows: RelationshipRowInput[]
// @param sourceId: string
// @column added: integer
UNWIND $rows AS row
MATCH (from:{{FROM}} {id: row.from})
MATCH (to:{{TO}} {id: row.to})
WITH from, to, row, EXISTS { (from)-[:{{TYPE}} {sourceId: $sourceId, sourceRow: row.row}]->(to) } AS known
MERGE (from)-[rel:{{TYPE}} {sourceId: $sourceId, sourceRow: row.row}]->(to)
SET rel += row.properties
WITH count(CASE WHEN known THEN null ELSE 1 END) AS added
MATCH (source:Source {id: $sourceId})
SET source.\`relationships.{{TYPE}}\` = coalesce(source.\`relationships.{{TYPE}}\`, 0) + added
RETURN added
`,
};

// import/merge-sequenced-relationships.cypher

export type ImportMergeSequencedRelationshipsParameters = {
  rows: readonly RelationshipRowInput[];
  sourceId: string;
};

export type ImportMergeSequencedRelationshipsRow = {
  added: number;
};

export type ImportMergeSequencedRelationshipsSlots = {
  FROM: NodeLabel;
  TO: NodeLabel;
  TYPE: RelType;
};

/** As merge-relationships, for relationships a row may state several times between the same two nodes (a route through one country twice): the merge key also holds `seq`. */
export const importMergeSequencedRelationships: CypherQuery<ImportMergeSequencedRelationshipsParameters, ImportMergeSequencedRelationshipsRow, ImportMergeSequencedRelationshipsSlots, "write"> = {
  name: "importMergeSequencedRelationships",
  file: "import/merge-sequenced-relationships",
  mode: "write",
  parameters: { rows: "RelationshipRowInput[]", sourceId: "string" },
  slots: { FROM: "NodeLabel", TO: "NodeLabel", TYPE: "RelType" },
  columns: { added: "integer" },
  text: `// As merge-relationships, for relationships a row may state several times between the same two
// nodes (a route through one country twice): the merge key also holds \`seq\`.
// Template slots: FROM and TO (NodeLabels), TYPE (a RelType).
// Parameters: $rows (list of {from, to, row, seq (integers), properties (map, no nulls)}; one per
// key), $sourceId.
// Columns: added (how many relationships were created).
// @slot FROM: NodeLabel
// @slot TO: NodeLabel
// @slot TYPE: RelType
// @param rows: RelationshipRowInput[]
// @param sourceId: string
// @column added: integer
UNWIND $rows AS row
MATCH (from:{{FROM}} {id: row.from})
MATCH (to:{{TO}} {id: row.to})
WITH from, to, row, EXISTS { (from)-[:{{TYPE}} {sourceId: $sourceId, sourceRow: row.row, seq: row.seq}]->(to) } AS known
MERGE (from)-[rel:{{TYPE}} {sourceId: $sourceId, sourceRow: row.row, seq: row.seq}]->(to)
SET rel += row.properties
WITH count(CASE WHEN known THEN null ELSE 1 END) AS added
MATCH (source:Source {id: $sourceId})
SET source.\`relationships.{{TYPE}}\` = coalesce(source.\`relationships.{{TYPE}}\`, 0) + added
RETURN added
`,
};

// import/merge-source.cypher

export type ImportMergeSourceParameters = {
  source: ParameterMap;
};

export type ImportMergeSourceRow = Record<string, never>;

export type ImportMergeSourceSlots = Record<string, never>;

/** Creates or updates the Source node of an import (the dataset a mapping file describes). A Source made here starts with kept counts (`countsKept`): the import queries add to its `nodes.<Label>` and `relationships.<TYPE>` properties as they write (see source-counts.cypher). */
export const importMergeSource: CypherQuery<ImportMergeSourceParameters, ImportMergeSourceRow, ImportMergeSourceSlots, "write"> = {
  name: "importMergeSource",
  file: "import/merge-source",
  mode: "write",
  parameters: { source: "ParameterMap" },
  slots: {},
  columns: {},
  text: `// Creates or updates the Source node of an import (the dataset a mapping file describes). A Source
// made here starts with kept counts (\`countsKept\`): the import queries add to its \`nodes.<Label>\`
// and \`relationships.<TYPE>\` properties as they write (see source-counts.cypher).
// Parameters: $source (map: id, title, publisher, url, licence, retrievedOn (Date), reliability,
// kind; and, once, for a Source made before counts were kept, its counted \`nodes.<Label>\` and
// \`relationships.<TYPE>\` with \`countsKept: true\`).
// Columns: none.
// @param source: ParameterMap
MERGE (source:Source {id: $source.id})
ON CREATE SET source.countsKept = true
SET source += $source
`,
};

// import/merge-symmetric-relationships.cypher

export type ImportMergeSymmetricRelationshipsParameters = {
  rows: readonly RelationshipRowInput[];
  sourceId: string;
};

export type ImportMergeSymmetricRelationshipsRow = {
  added: number;
};

export type ImportMergeSymmetricRelationshipsSlots = {
  FROM: NodeLabel;
  TO: NodeLabel;
  TYPE: RelType;
};

/** As merge-relationships, for a symmetric relationship (two countries border each other): stored once per pair and source, from the lower id to the higher; sourceRow is the first row stating it. */
export const importMergeSymmetricRelationships: CypherQuery<ImportMergeSymmetricRelationshipsParameters, ImportMergeSymmetricRelationshipsRow, ImportMergeSymmetricRelationshipsSlots, "write"> = {
  name: "importMergeSymmetricRelationships",
  file: "import/merge-symmetric-relationships",
  mode: "write",
  parameters: { rows: "RelationshipRowInput[]", sourceId: "string" },
  slots: { FROM: "NodeLabel", TO: "NodeLabel", TYPE: "RelType" },
  columns: { added: "integer" },
  text: `// As merge-relationships, for a symmetric relationship (two countries border each other): stored
// once per pair and source, from the lower id to the higher; sourceRow is the first row stating it.
// Template slots: FROM and TO (the same NodeLabel), TYPE (a RelType).
// Parameters: $rows (list of {from, to (from < to), row (integer), properties (map, no nulls)}; one
// per pair), $sourceId.
// Columns: added (how many relationships were created).
// @slot FROM: NodeLabel
// @slot TO: NodeLabel
// @slot TYPE: RelType
// @param rows: RelationshipRowInput[]
// @param sourceId: string
// @column added: integer
UNWIND $rows AS row
MATCH (from:{{FROM}} {id: row.from})
MATCH (to:{{TO}} {id: row.to})
WITH from, to, row, EXISTS { (from)-[:{{TYPE}} {sourceId: $sourceId}]->(to) } AS known
MERGE (from)-[rel:{{TYPE}} {sourceId: $sourceId}]->(to)
ON CREATE SET rel.sourceRow = row.row
SET rel += row.properties
WITH count(CASE WHEN known THEN null ELSE 1 END) AS added
MATCH (source:Source {id: $sourceId})
SET source.\`relationships.{{TYPE}}\` = coalesce(source.\`relationships.{{TYPE}}\`, 0) + added
RETURN added
`,
};

// import/place-index.cypher

export type ImportPlaceIndexParameters = {
  synthetic: boolean;
  prefix: string;
};

export type ImportPlaceIndexRow = {
  id: string;
  name: string | null;
  kind: string | null;
  iataCode: string | null;
  country: string | null;
};

export type ImportPlaceIndexSlots = Record<string, never>;

/** Every place an import may refer to by name, with its country, to build a lookup in memory. */
export const importPlaceIndex: CypherQuery<ImportPlaceIndexParameters, ImportPlaceIndexRow, ImportPlaceIndexSlots, "read"> = {
  name: "importPlaceIndex",
  file: "import/place-index",
  mode: "read",
  parameters: { synthetic: "boolean", prefix: "string" },
  slots: {},
  columns: { id: "string", name: "string | null", kind: "string | null", iataCode: "string | null", country: "string | null" },
  text: `// Every place an import may refer to by name, with its country, to build a lookup in memory.
// Parameters: $synthetic (boolean: whether synthetic places count), $prefix (only ids that start
// with it: "" for all; see the import's idPrefix).
// Columns: id, name, kind, iataCode, country (the country's id, or null).
// @param synthetic: boolean
// @param prefix: string
// @column id: string
// @column name: string | null
// @column kind: string | null
// @column iataCode: string | null
// @column country: string | null
MATCH (place:Place)
WHERE ($synthetic OR NOT place:Synthetic) AND place.id STARTS WITH $prefix
OPTIONAL MATCH (place)-[:IN_COUNTRY]->(country:Country)
RETURN place.id AS id, place.name AS name, place.kind AS kind, place.iataCode AS iataCode, min(country.id) AS country
`,
};

// import/removal-delete-mentions.cypher

export type ImportRemovalDeleteMentionsParameters = {
  ends: readonly string[];
};

export type ImportRemovalDeleteMentionsRow = {
  label: string;
  count: number;
};

export type ImportRemovalDeleteMentionsSlots = Record<string, never>;

/** Source removal: deletes the nodes that were only mentioned at the end of the source's deleted relationships (merge-mentioned-nodes: an id, no properties, no SOURCED_FROM) and that nothing reaches any more. A node with any property or relationship left stays. */
export const importRemovalDeleteMentions: CypherQuery<ImportRemovalDeleteMentionsParameters, ImportRemovalDeleteMentionsRow, ImportRemovalDeleteMentionsSlots, "write"> = {
  name: "importRemovalDeleteMentions",
  file: "import/removal-delete-mentions",
  mode: "write",
  parameters: { ends: "string[]" },
  slots: {},
  columns: { label: "string", count: "integer" },
  text: `// Source removal: deletes the nodes that were only mentioned at the end of the source's deleted
// relationships (merge-mentioned-nodes: an id, no properties, no SOURCED_FROM) and that nothing
// reaches any more. A node with any property or relationship left stays.
// Parameters: $ends (element ids, each once).
// Columns: label (the node's label other than Synthetic), count.
// @param ends: string[]
// @column label: string
// @column count: integer
UNWIND $ends AS key
MATCH (node)
WHERE elementId(node) = key AND keys(node) = ["id"] AND NOT EXISTS { (node)--() }
WITH node, [label IN labels(node) WHERE label <> "Synthetic"][0] AS label
DELETE node
RETURN label, count(*) AS count
`,
};

// import/removal-delete-relationships.cypher

export type ImportRemovalDeleteRelationshipsParameters = {
  relationships: readonly string[];
  sourceId: string;
};

export type ImportRemovalDeleteRelationshipsRow = {
  type: string;
  count: number;
};

export type ImportRemovalDeleteRelationshipsSlots = Record<string, never>;

/** Source removal: deletes the relationships a batch read chose (removal-next-batch or removal-stray-relationships), each only while it still carries the source's id. */
export const importRemovalDeleteRelationships: CypherQuery<ImportRemovalDeleteRelationshipsParameters, ImportRemovalDeleteRelationshipsRow, ImportRemovalDeleteRelationshipsSlots, "write"> = {
  name: "importRemovalDeleteRelationships",
  file: "import/removal-delete-relationships",
  mode: "write",
  parameters: { relationships: "string[]", sourceId: "string" },
  slots: {},
  columns: { type: "string", count: "integer" },
  text: `// Source removal: deletes the relationships a batch read chose (removal-next-batch or
// removal-stray-relationships), each only while it still carries the source's id.
// Parameters: $relationships (element ids), $sourceId.
// Columns: type, count (relationships of that type deleted).
// @param relationships: string[]
// @param sourceId: string
// @column type: string
// @column count: integer
UNWIND $relationships AS key
MATCH ()-[rel]->()
WHERE elementId(rel) = key AND rel.sourceId = $sourceId
WITH rel, type(rel) AS type
DELETE rel
RETURN type, count(*) AS count
`,
};

// import/removal-delete-source.cypher

export type ImportRemovalDeleteSourceParameters = {
  sourceId: string;
};

export type ImportRemovalDeleteSourceRow = {
  removed: number;
};

export type ImportRemovalDeleteSourceSlots = Record<string, never>;

/** Source removal, last: deletes the Source node once no node has a SOURCED_FROM to it (the removal has deleted its relationships before). */
export const importRemovalDeleteSource: CypherQuery<ImportRemovalDeleteSourceParameters, ImportRemovalDeleteSourceRow, ImportRemovalDeleteSourceSlots, "write"> = {
  name: "importRemovalDeleteSource",
  file: "import/removal-delete-source",
  mode: "write",
  parameters: { sourceId: "string" },
  slots: {},
  columns: { removed: "integer" },
  text: `// Source removal, last: deletes the Source node once no node has a SOURCED_FROM to it (the removal
// has deleted its relationships before).
// Parameters: $sourceId.
// Columns: removed (1 when the Source was deleted, else 0).
// @param sourceId: string
// @column removed: integer
OPTIONAL MATCH (source:Source {id: $sourceId})
WHERE NOT EXISTS { (source)<-[:SOURCED_FROM]-() }
DELETE source
RETURN count(source) AS removed
`,
};

// import/removal-next-batch.cypher

export type ImportRemovalNextBatchParameters = {
  sourceId: string;
  limit: Integer;
};

export type ImportRemovalNextBatchRow = {
  nodes: string[];
  relationships: string[];
  ends: string[];
  shipments: string[];
  seizures: string[];
  lines: string[];
  places: string[];
};

export type ImportRemovalNextBatchSlots = Record<string, never>;

/** Source removal, the next batch read: up to $limit pairs of a node the source backs (through its SOURCED_FROM) and a relationship of that node the source states (its `sourceId`), or the node alone when it has none. Read before anything is deleted, so that the trade facts the batch */
export const importRemovalNextBatch: CypherQuery<ImportRemovalNextBatchParameters, ImportRemovalNextBatchRow, ImportRemovalNextBatchSlots, "read"> = {
  name: "importRemovalNextBatch",
  file: "import/removal-next-batch",
  mode: "read",
  parameters: { sourceId: "string", limit: "integer" },
  slots: {},
  columns: { nodes: "string[]", relationships: "string[]", ends: "string[]", shipments: "string[]", seizures: "string[]", lines: "string[]", places: "string[]" },
  text: `// Source removal, the next batch read: up to $limit pairs of a node the source backs (through its
// SOURCED_FROM) and a relationship of that node the source states (its \`sourceId\`), or the node
// alone when it has none. Read before anything is deleted, so that the trade facts the batch
// touches are known while they still exist; the removal statements then take the element ids.
// Pairs, not nodes, are limited: a node with more of the source's relationships than $limit takes
// several batches, and every batch deletes at least one relationship or one SOURCED_FROM.
// Parameters: $sourceId, $limit (integer: pairs per batch).
// Columns: nodes (element ids of the nodes reached), relationships (element ids of the source's
// relationships among the pairs), ends (element ids of those relationships' other ends, with
// repeats), shipments, seizures, lines, places (ids of the Shipment, Seizure, CommodityLine and
// Place nodes among the nodes reached and the ends, with repeats). One row, of empty lists when the
// source backs no node any more.
// @param sourceId: string
// @param limit: integer
// @column nodes: string[]
// @column relationships: string[]
// @column ends: string[]
// @column shipments: string[]
// @column seizures: string[]
// @column lines: string[]
// @column places: string[]
MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(node)
OPTIONAL MATCH (node)-[rel]-(end)
WHERE rel.sourceId = $sourceId
WITH node, rel, end
LIMIT $limit
WITH collect(DISTINCT node) AS nodes, collect(DISTINCT rel) AS rels, collect(end) AS ends
WITH nodes, rels, ends, nodes + ends AS touched
RETURN [node IN nodes | elementId(node)] AS nodes,
       [rel IN rels | elementId(rel)] AS relationships,
       [end IN ends | elementId(end)] AS ends,
       [node IN touched WHERE node:Shipment | node.id] AS shipments,
       [node IN touched WHERE node:Seizure | node.id] AS seizures,
       [node IN touched WHERE node:CommodityLine | node.id] AS lines,
       [node IN touched WHERE node:Place | node.id] AS places
`,
};

// import/removal-set-source-counts.cypher

export type ImportRemovalSetSourceCountsParameters = {
  sourceId: string;
  counts: ParameterMap;
};

export type ImportRemovalSetSourceCountsRow = Record<string, never>;

export type ImportRemovalSetSourceCountsSlots = Record<string, never>;

/** Source removal: the Source's kept counts (source-counts.cypher) less what a batch deleted, set in the batch's transaction, so that they stay exact while a removal is under way or was stopped. */
export const importRemovalSetSourceCounts: CypherQuery<ImportRemovalSetSourceCountsParameters, ImportRemovalSetSourceCountsRow, ImportRemovalSetSourceCountsSlots, "write"> = {
  name: "importRemovalSetSourceCounts",
  file: "import/removal-set-source-counts",
  mode: "write",
  parameters: { sourceId: "string", counts: "ParameterMap" },
  slots: {},
  columns: {},
  text: `// Source removal: the Source's kept counts (source-counts.cypher) less what a batch deleted, set in
// the batch's transaction, so that they stay exact while a removal is under way or was stopped.
// Parameters: $sourceId, $counts (map of \`nodes.<Label>\` and \`relationships.<TYPE>\` to integers).
// Columns: none.
// @param sourceId: string
// @param counts: ParameterMap
MATCH (source:Source {id: $sourceId})
SET source += $counts
`,
};

// import/removal-stray-relationships.cypher

export type ImportRemovalStrayRelationshipsParameters = {
  sourceId: string;
  limit: Integer;
};

export type ImportRemovalStrayRelationshipsRow = {
  nodes: string[];
  relationships: string[];
  ends: string[];
  shipments: string[];
  seizures: string[];
  lines: string[];
  places: string[];
};

export type ImportRemovalStrayRelationshipsSlots = Record<string, never>;

/** Source removal, the last batches read: up to $limit relationships the source states (its `sourceId`) that no node it backs reaches, such as a file of relationships between nodes that other sources describe. Once the source backs no node, only such relationships are left. It */
export const importRemovalStrayRelationships: CypherQuery<ImportRemovalStrayRelationshipsParameters, ImportRemovalStrayRelationshipsRow, ImportRemovalStrayRelationshipsSlots, "read"> = {
  name: "importRemovalStrayRelationships",
  file: "import/removal-stray-relationships",
  mode: "read",
  parameters: { sourceId: "string", limit: "integer" },
  slots: {},
  columns: { nodes: "string[]", relationships: "string[]", ends: "string[]", shipments: "string[]", seizures: "string[]", lines: "string[]", places: "string[]" },
  text: `// Source removal, the last batches read: up to $limit relationships the source states (its
// \`sourceId\`) that no node it backs reaches, such as a file of relationships between nodes that
// other sources describe. Once the source backs no node, only such relationships are left. It
// scans every relationship (no index holds \`sourceId\`), so it runs after the batches of
// removal-next-batch, where a removal whose relationships all touch its own nodes finds nothing
// in one scan.
// Parameters: $sourceId, $limit (integer: relationships per batch).
// Columns: as removal-next-batch's; nodes is empty.
// @param sourceId: string
// @param limit: integer
// @column nodes: string[]
// @column relationships: string[]
// @column ends: string[]
// @column shipments: string[]
// @column seizures: string[]
// @column lines: string[]
// @column places: string[]
MATCH (from)-[rel]->(to)
WHERE rel.sourceId = $sourceId
WITH from, rel, to
LIMIT $limit
WITH collect(rel) AS rels, collect(from) + collect(to) AS ends
RETURN [] AS nodes,
       [rel IN rels | elementId(rel)] AS relationships,
       [end IN ends | elementId(end)] AS ends,
       [node IN ends WHERE node:Shipment | node.id] AS shipments,
       [node IN ends WHERE node:Seizure | node.id] AS seizures,
       [node IN ends WHERE node:CommodityLine | node.id] AS lines,
       [node IN ends WHERE node:Place | node.id] AS places
`,
};

// import/removal-unlink-nodes.cypher

export type ImportRemovalUnlinkNodesParameters = {
  nodes: readonly string[];
  sourceId: string;
};

export type ImportRemovalUnlinkNodesRow = {
  label: string;
  fate: string;
  count: number;
};

export type ImportRemovalUnlinkNodesSlots = Record<string, never>;

/** Source removal: for each node a batch reached that has none of the source's relationships left, deletes its SOURCED_FROM to the source, then settles the node by what other sources say of it: - `backed`: another source backs it too; it stays as it is, since merged properties cannot be */
export const importRemovalUnlinkNodes: CypherQuery<ImportRemovalUnlinkNodesParameters, ImportRemovalUnlinkNodesRow, ImportRemovalUnlinkNodesSlots, "write"> = {
  name: "importRemovalUnlinkNodes",
  file: "import/removal-unlink-nodes",
  mode: "write",
  parameters: { nodes: "string[]", sourceId: "string" },
  slots: {},
  columns: { label: "string", fate: "string", count: "integer" },
  text: `// Source removal: for each node a batch reached that has none of the source's relationships left,
// deletes its SOURCED_FROM to the source, then settles the node by what other sources say of it:
// - \`backed\`: another source backs it too; it stays as it is, since merged properties cannot be
//   told apart by source;
// - \`cleared\`: no source backs it, but other sources' relationships reach it (they mentioned it):
//   it stays as such a mention is made (merge-mentioned-nodes), its id and labels only;
// - \`deleted\`: nothing else states it; it goes, with any relationship no source states.
// Parameters: $nodes (element ids), $sourceId.
// Columns: label (the node's label other than Synthetic), fate (backed, cleared or deleted), count.
// @param nodes: string[]
// @param sourceId: string
// @column label: string
// @column fate: string
// @column count: integer
UNWIND $nodes AS key
MATCH (node)-[provenance:SOURCED_FROM]->(:Source {id: $sourceId})
WHERE elementId(node) = key AND NOT EXISTS { (node)-[rel]-() WHERE rel.sourceId = $sourceId }
WITH node, provenance, [label IN labels(node) WHERE label <> "Synthetic"][0] AS label
DELETE provenance
WITH node, label,
     CASE
       WHEN EXISTS { (node)-[:SOURCED_FROM]->(:Source) } THEN "backed"
       WHEN EXISTS { (node)-[rel]-() WHERE rel.sourceId IS NOT NULL } THEN "cleared"
       ELSE "deleted"
     END AS fate
CALL (node, fate) {
  WITH node WHERE fate = "cleared"
  SET node = {id: node.id}
}
CALL (node, fate) {
  WITH node WHERE fate = "deleted"
  DETACH DELETE node
}
RETURN label, fate, count(*) AS count
`,
};

// import/source-counts.cypher

export type ImportSourceCountsParameters = {
  sourceId: string;
};

export type ImportSourceCountsRow = {
  countsKept: boolean;
  counts: KeyCountMap[];
};

export type ImportSourceCountsSlots = Record<string, never>;

/** The counts a Source keeps of what it backs (properties `nodes.<Label>` and `relationships.<TYPE>`, added to by the import queries in each batch's transaction), read in constant time: the import report's before and after. `countsKept` is false for a Source made before counts were kept (the */
export const importSourceCounts: CypherQuery<ImportSourceCountsParameters, ImportSourceCountsRow, ImportSourceCountsSlots, "read"> = {
  name: "importSourceCounts",
  file: "import/source-counts",
  mode: "read",
  parameters: { sourceId: "string" },
  slots: {},
  columns: { countsKept: "boolean", counts: "KeyCountMap[]" },
  text: `// The counts a Source keeps of what it backs (properties \`nodes.<Label>\` and \`relationships.<TYPE>\`,
// added to by the import queries in each batch's transaction), read in constant time: the import
// report's before and after. \`countsKept\` is false for a Source made before counts were kept (the
// import counts it once with source-node-counts and source-relationship-counts and stores them).
// Parameters: $sourceId.
// Columns: countsKept (boolean), counts (list of [key, count] over the Source's count properties);
// no row when there is no such Source.
// @param sourceId: string
// @column countsKept: boolean
// @column counts: KeyCountMap[]
MATCH (source:Source {id: $sourceId})
RETURN coalesce(source.countsKept, false) AS countsKept,
       [key IN keys(source) WHERE key STARTS WITH "nodes." OR key STARTS WITH "relationships." | [key, source[key]]] AS counts
`,
};

// import/source-node-counts.cypher

export type ImportSourceNodeCountsParameters = {
  sourceId: string;
};

export type ImportSourceNodeCountsRow = {
  label: string;
  count: number;
};

export type ImportSourceNodeCountsSlots = Record<string, never>;

/** How many nodes of each label a source backs (its SOURCED_FROM relationships), for tests and to count, once, a Source made before its counts were kept (see source-counts.cypher). */
export const importSourceNodeCounts: CypherQuery<ImportSourceNodeCountsParameters, ImportSourceNodeCountsRow, ImportSourceNodeCountsSlots, "read"> = {
  name: "importSourceNodeCounts",
  file: "import/source-node-counts",
  mode: "read",
  parameters: { sourceId: "string" },
  slots: {},
  columns: { label: "string", count: "integer" },
  text: `// How many nodes of each label a source backs (its SOURCED_FROM relationships), for tests and to count,
// once, a Source made before its counts were kept (see source-counts.cypher).
// Parameters: $sourceId.
// Columns: label (the node's label other than Synthetic), count.
// @param sourceId: string
// @column label: string
// @column count: integer
MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(node)
RETURN [label IN labels(node) WHERE label <> "Synthetic"][0] AS label, count(*) AS count
ORDER BY label
`,
};

// import/source-relationship-counts.cypher

export type ImportSourceRelationshipCountsParameters = {
  sourceId: string;
};

export type ImportSourceRelationshipCountsRow = {
  type: string;
  count: number;
};

export type ImportSourceRelationshipCountsSlots = Record<string, never>;

/** How many relationships of each type a source made: those with its sourceId, and its SOURCED_FROM. */
export const importSourceRelationshipCounts: CypherQuery<ImportSourceRelationshipCountsParameters, ImportSourceRelationshipCountsRow, ImportSourceRelationshipCountsSlots, "read"> = {
  name: "importSourceRelationshipCounts",
  file: "import/source-relationship-counts",
  mode: "read",
  parameters: { sourceId: "string" },
  slots: {},
  columns: { type: "string", count: "integer" },
  text: `// How many relationships of each type a source made: those with its sourceId, and its SOURCED_FROM.
// Scans every relationship: for tests (a count independent of the kept counts, source-counts.cypher)
// and to count, once, a Source made before its counts were kept; never per batch or per request.
// Parameters: $sourceId.
// Columns: type, count.
// @param sourceId: string
// @column type: string
// @column count: integer
MATCH ()-[rel]->()
WHERE rel.sourceId = $sourceId
RETURN type(rel) AS type, count(*) AS count
UNION ALL
MATCH (:Source {id: $sourceId})<-[rel:SOURCED_FROM]-()
RETURN type(rel) AS type, count(*) AS count
`,
};

// import/species-index.cypher

export type ImportSpeciesIndexParameters = {
  synthetic: boolean;
  prefix: string;
};

export type ImportSpeciesIndexRow = {
  id: string;
  scientificName: string | null;
  commonNames: string[] | null;
  rank: string | null;
  genus: string | null;
  family: string | null;
  taxonOrder: string | null;
  synonyms: string[] | null;
};

export type ImportSpeciesIndexSlots = Record<string, never>;

/** Every species and higher taxon an import may refer to by name, to build a lookup in memory. */
export const importSpeciesIndex: CypherQuery<ImportSpeciesIndexParameters, ImportSpeciesIndexRow, ImportSpeciesIndexSlots, "read"> = {
  name: "importSpeciesIndex",
  file: "import/species-index",
  mode: "read",
  parameters: { synthetic: "boolean", prefix: "string" },
  slots: {},
  columns: { id: "string", scientificName: "string | null", commonNames: "string[] | null", rank: "string | null", genus: "string | null", family: "string | null", taxonOrder: "string | null", synonyms: "string[] | null" },
  text: `// Every species and higher taxon an import may refer to by name, to build a lookup in memory.
// Parameters: $synthetic (boolean: whether synthetic species count), $prefix (only ids that start
// with it: "" for all; see the import's idPrefix).
// Columns: id, scientificName, commonNames (English common names, a list or null), rank (GENUS,
// FAMILY or ORDER for a higher taxon's node, else SPECIES or null), genus, family, taxonOrder (its
// higher taxonomy), synonyms (the CITES index's synonyms, as written, or null).
// @param synthetic: boolean
// @param prefix: string
// @column id: string
// @column scientificName: string | null
// @column commonNames: string[] | null
// @column rank: string | null
// @column genus: string | null
// @column family: string | null
// @column taxonOrder: string | null
// @column synonyms: string[] | null
MATCH (species:Species)
WHERE ($synthetic OR NOT species:Synthetic) AND species.id STARTS WITH $prefix
RETURN species.id AS id, species.scientificName AS scientificName, species.commonNamesEn AS commonNames,
       species.rank AS rank, species.genus AS genus, species.family AS family, species.\`order\` AS taxonOrder,
       species.synonyms AS synonyms
`,
};

// network/expand.cypher

export type NetworkExpandParameters = {
  frontier: readonly FrontierInput[];
  types: readonly string[];
  dateFrom: CypherDate<number> | null;
  dateTo: CypherDate<number> | null;
  minReliability: string | null;
  limit: Integer;
  hubThreshold: Integer;
  resolved: boolean;
};

export type NetworkExpandRow = {
  node: NodeMap;
  members: ClusterMemberMap[];
  neighbours: NeighbourMap[];
};

export type NetworkExpandSlots = Record<string, never>;

/** One level of a network: each frontier node with its relationships of the followed types and the neighbours at their other ends, each neighbour with how many distinct nodes it neighbours over those types when it may be a hub (to tell hubs). */
export const networkExpand: CypherQuery<NetworkExpandParameters, NetworkExpandRow, NetworkExpandSlots, "read"> = {
  name: "networkExpand",
  file: "network/expand",
  mode: "read",
  parameters: { frontier: "FrontierInput[]", types: "string[]", dateFrom: "date | null", dateTo: "date | null", minReliability: "string | null", limit: "integer", hubThreshold: "integer", resolved: "boolean" },
  slots: {},
  columns: { node: "NodeMap", members: "ClusterMemberMap[]", neighbours: "NeighbourMap[]" },
  text: `// One level of a network: each frontier node with its relationships of the followed types and the
// neighbours at their other ends, each neighbour with how many distinct nodes it neighbours over those
// types when it may be a hub (to tell hubs).
// Ids are unique per label only, so a node is found by its kind's index; a seed, whose kind is not
// known yet, is looked up under every label but Source (Sources are never part of a network).
// One text serves every request, and the repository passes every parameter with the same type
// each time (dates and grade never null), so Neo4j plans it once: planning it takes far longer
// than running it. The followed types are therefore a parameter. A hub is told by its neighbours, not
// its relationships (a fact is stored once per source row, so a phone stated in five rows has five
// relationships to its one holder): the degree, a sum of one count per type answered from the degree
// store, bounds the neighbours from above, so only a node whose degree passes $hubThreshold has its
// relationships walked to count distinct neighbours.
// Parameters: $frontier (list of {id, kind}: kind a NodeLabel, or null for a seed),
//   $types (list of RelType values, never SOURCED_FROM),
//   $dateFrom, $dateTo (Dates: seizures and shipments dated outside are left out; undated kept),
//   $minReliability ('A'..'F', or '' for none: relationships whose Source is graded worse are left
//   out, and so are those without a known Source), $limit (integer: at most this many neighbours
//   per frontier node, the first by (kind, id)), $hubThreshold (integer: a neighbour with more
//   relationships than this has its distinct neighbours counted), $resolved (boolean).
// With $resolved, a frontier person or company stands for its resolved cluster (the persons or
// companies joined to it by SAME_AS, the live SAME decisions; at most 20, so 20 steps reach all):
// the relationships of every member are followed, each still naming the member it belongs to, and
// each person or company comes with its cluster's other members, which the repository shows as one
// node. Without it, every record is its own node.
// Columns: node ({id, labels, properties}), members (the frontier node's other cluster members, as
//   {id, name, aliases}; [] without $resolved) and neighbours (list of {node, members (as for the
//   frontier node), neighbourCount (distinct nodes it neighbours over the followed types, in the
//   whole graph, before the time and reliability filters; null when its degree is at most
//   $hubThreshold, so that it is no hub), relationships: list of {key (element id), type, source,
//   target, properties}}), one row per frontier node found.
// @param frontier: FrontierInput[]
// @param types: string[]
// @param dateFrom: date | null
// @param dateTo: date | null
// @param minReliability: string | null
// @param limit: integer
// @param hubThreshold: integer
// @param resolved: boolean
// @column node: NodeMap
// @column members: ClusterMemberMap[]
// @column neighbours: NeighbourMap[]
UNWIND $frontier AS entry
CALL (entry) {
  MATCH (node:Seizure {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Seizure' RETURN node
  UNION
  MATCH (node:Shipment {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Shipment' RETURN node
  UNION
  MATCH (node:CommodityLine {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'CommodityLine' RETURN node
  UNION
  MATCH (node:Species {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Species' RETURN node
  UNION
  MATCH (node:Person {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Person' RETURN node
  UNION
  MATCH (node:Company {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Company' RETURN node
  UNION
  MATCH (node:Identifier {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Identifier' RETURN node
  UNION
  MATCH (node:Carrier {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Carrier' RETURN node
  UNION
  MATCH (node:Place {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Place' RETURN node
  UNION
  MATCH (node:Country {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Country' RETURN node
  UNION
  MATCH (node:TradeRecord {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'TradeRecord' RETURN node
}
CALL (node) {
  MATCH (node)-[:SAME_AS]-{0,20}(member)
  WHERE $resolved OR member = node
  WITH DISTINCT member
  MATCH (member)-[rel]-(other)
  WHERE type(rel) IN $types
    AND NOT other:Source
    AND ($minReliability IS NULL OR $minReliability = ''
         OR EXISTS { MATCH (source:Source {id: rel.sourceId}) WHERE source.reliability <= $minReliability })
  WITH rel, other, CASE WHEN other:Seizure THEN other.date WHEN other:Shipment THEN other.departedOn END AS eventDate
  WHERE eventDate IS NULL OR (($dateFrom IS NULL OR eventDate >= $dateFrom) AND ($dateTo IS NULL OR eventDate <= $dateTo))
  WITH other, collect({
    key: elementId(rel), type: type(rel), source: startNode(rel).id, target: endNode(rel).id, properties: properties(rel)
  }) AS relationships
  WITH other, relationships, [label IN labels(other) WHERE label <> 'Synthetic'][0] AS kind
  ORDER BY kind, other.id
  LIMIT $limit
  WITH other, relationships,
      CASE WHEN 'SEIZED_IN' IN $types THEN COUNT { (other)-[:SEIZED_IN]-() } ELSE 0 END
      + CASE WHEN 'SEIZED_AT' IN $types THEN COUNT { (other)-[:SEIZED_AT]-() } ELSE 0 END
      + CASE WHEN 'INTERCEPTED' IN $types THEN COUNT { (other)-[:INTERCEPTED]-() } ELSE 0 END
      + CASE WHEN 'RECOVERED' IN $types THEN COUNT { (other)-[:RECOVERED]-() } ELSE 0 END
      + CASE WHEN 'CARRIED' IN $types THEN COUNT { (other)-[:CARRIED]-() } ELSE 0 END
      + CASE WHEN 'OF_SPECIES' IN $types THEN COUNT { (other)-[:OF_SPECIES]-() } ELSE 0 END
      + CASE WHEN 'STOPS_AT' IN $types THEN COUNT { (other)-[:STOPS_AT]-() } ELSE 0 END
      + CASE WHEN 'CARRIED_BY' IN $types THEN COUNT { (other)-[:CARRIED_BY]-() } ELSE 0 END
      + CASE WHEN 'PARTY_TO' IN $types THEN COUNT { (other)-[:PARTY_TO]-() } ELSE 0 END
      + CASE WHEN 'ARRESTED' IN $types THEN COUNT { (other)-[:ARRESTED]-() } ELSE 0 END
      + CASE WHEN 'HAS_IDENTIFIER' IN $types THEN COUNT { (other)-[:HAS_IDENTIFIER]-() } ELSE 0 END
      + CASE WHEN 'OFFICER_OF' IN $types THEN COUNT { (other)-[:OFFICER_OF]-() } ELSE 0 END
      + CASE WHEN 'NATIONAL_OF' IN $types THEN COUNT { (other)-[:NATIONAL_OF]-() } ELSE 0 END
      + CASE WHEN 'REGISTERED_IN' IN $types THEN COUNT { (other)-[:REGISTERED_IN]-() } ELSE 0 END
      + CASE WHEN 'IN_COUNTRY' IN $types THEN COUNT { (other)-[:IN_COUNTRY]-() } ELSE 0 END
      + CASE WHEN 'BORDERS' IN $types THEN COUNT { (other)-[:BORDERS]-() } ELSE 0 END
      + CASE WHEN 'IMPORTED_BY' IN $types THEN COUNT { (other)-[:IMPORTED_BY]-() } ELSE 0 END
      + CASE WHEN 'EXPORTED_BY' IN $types THEN COUNT { (other)-[:EXPORTED_BY]-() } ELSE 0 END
      + CASE WHEN 'ORIGINATED_IN' IN $types THEN COUNT { (other)-[:ORIGINATED_IN]-() } ELSE 0 END
      + CASE WHEN 'RECORDS' IN $types THEN COUNT { (other)-[:RECORDS]-() } ELSE 0 END AS degree
  RETURN collect({
    node: {id: other.id, labels: labels(other), properties: properties(other)},
    members: CASE WHEN $resolved AND (other:Person OR other:Company) THEN COLLECT {
      MATCH (other)-[:SAME_AS]-{1,20}(sibling) WHERE sibling <> other
      RETURN DISTINCT {id: sibling.id, name: sibling.name, aliases: coalesce(sibling.aliases, [])}
    } ELSE [] END,
    neighbourCount: CASE WHEN degree > $hubThreshold
      THEN COUNT { MATCH (other)-[followed]-(neighbour) WHERE type(followed) IN $types RETURN DISTINCT neighbour }
    END,
    relationships: relationships
  }) AS neighbours
}
RETURN {id: node.id, labels: labels(node), properties: properties(node)} AS node,
  CASE WHEN $resolved AND (node:Person OR node:Company) THEN COLLECT {
    MATCH (node)-[:SAME_AS]-{1,20}(sibling) WHERE sibling <> node
    RETURN DISTINCT {id: sibling.id, name: sibling.name, aliases: coalesce(sibling.aliases, [])}
  } ELSE [] END AS members,
  neighbours
`,
};

// nodes/by-ids.cypher

export type NodesByIdsParameters = {
  ids: readonly string[];
};

export type NodesByIdsRow = {
  key: string;
  node: NodeProperties;
};

export type NodesByIdsSlots = {
  LABEL: NodeLabel;
};

/** Nodes of one label by id, for lookups and DataLoader batches. */
export const nodesByIds: CypherQuery<NodesByIdsParameters, NodesByIdsRow, NodesByIdsSlots, "read"> = {
  name: "nodesByIds",
  file: "nodes/by-ids",
  mode: "read",
  parameters: { ids: "string[]" },
  slots: { LABEL: "NodeLabel" },
  columns: { key: "string", node: "NodeProperties" },
  text: `// Nodes of one label by id, for lookups and DataLoader batches.
// Template slots: LABEL (a NodeLabel).
// Parameters: $ids (list of ids).
// Columns: key (an id that exists), node (its properties). Unknown ids give no row.
// @slot LABEL: NodeLabel
// @param ids: string[]
// @column key: string
// @column node: NodeProperties
UNWIND $ids AS key
MATCH (node:{{LABEL}} {id: key})
RETURN key, node {.*, synthetic: node:Synthetic} AS node
`,
};

// nodes/ids-starting-with.cypher

export type NodesIdsStartingWithParameters = {
  ids: readonly string[];
};

export type NodesIdsStartingWithRow = {
  key: string;
  ids: string[];
};

export type NodesIdsStartingWithSlots = {
  LABEL: NodeLabel;
};

/** Ids of one label that start with each prefix of a batch: a pseudonym of an id too long to hold whole keeps its first characters, and the id is told among these by its digest. */
export const nodesIdsStartingWith: CypherQuery<NodesIdsStartingWithParameters, NodesIdsStartingWithRow, NodesIdsStartingWithSlots, "read"> = {
  name: "nodesIdsStartingWith",
  file: "nodes/ids-starting-with",
  mode: "read",
  parameters: { ids: "string[]" },
  slots: { LABEL: "NodeLabel" },
  columns: { key: "string", ids: "string[]" },
  text: `// Ids of one label that start with each prefix of a batch: a pseudonym of an id too long to hold
// whole keeps its first characters, and the id is told among these by its digest.
// Template slots: LABEL (a NodeLabel).
// Parameters: $ids (list of prefixes).
// Columns: key (a prefix), ids (the ids that start with it, in order, at most 1,000).
// @slot LABEL: NodeLabel
// @param ids: string[]
// @column key: string
// @column ids: string[]
UNWIND $ids AS key
CALL (key) {
  MATCH (node:{{LABEL}})
  WHERE node.id STARTS WITH key
  RETURN node.id AS id
  ORDER BY id
  LIMIT 1000
}
RETURN key, collect(id) AS ids
`,
};

// person/count.cypher

export type PersonCountParameters = {
  nationality: string | null;
  ids: readonly string[] | null;
  minSeizures: Integer | null;
  minShipments: Integer | null;
  minIdentifiers: Integer | null;
};

export type PersonCountRow = {
  count: number;
};

export type PersonCountSlots = Record<string, never>;

/** How many Person nodes match a filter. */
export const personCount: CypherQuery<PersonCountParameters, PersonCountRow, PersonCountSlots, "read"> = {
  name: "personCount",
  file: "person/count",
  mode: "read",
  parameters: { nationality: "string | null", ids: "string[] | null", minSeizures: "integer | null", minShipments: "integer | null", minIdentifiers: "integer | null" },
  slots: {},
  columns: { count: "integer" },
  text: `// How many Person nodes match a filter.
// Parameters: $nationality (ISO code or null), $ids (list of person ids or null),
// $minSeizures, $minShipments, $minIdentifiers (integers or null), as in person/list.cypher.
// Columns: count (integer).
// The count predicates are written as in person/list.cypher, which says why.
// @param nationality: string | null
// @param ids: string[] | null
// @param minSeizures: integer | null
// @param minShipments: integer | null
// @param minIdentifiers: integer | null
// @column count: integer
MATCH (node:Person)
WHERE ($nationality IS NULL OR EXISTS { (node)-[:NATIONAL_OF]->(:Country {id: $nationality}) })
  AND ($ids IS NULL OR node.id IN $ids)
  AND CASE WHEN $minSeizures IS NULL THEN true ELSE COUNT {
        MATCH (node)-[:SAME_AS]-{0,20}()<-[:ARRESTED]-(seizure:Seizure) RETURN seizure
        UNION
        MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN seizure
      } >= $minSeizures END
  AND CASE WHEN $minShipments IS NULL THEN true ELSE (COUNT { (node)-[:PARTY_TO]->() } >= $minShipments OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment } >= $minShipments END
  AND CASE WHEN $minIdentifiers IS NULL THEN true ELSE (COUNT { (node)-[:HAS_IDENTIFIER]->() } >= $minIdentifiers OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier } >= $minIdentifiers END
RETURN count(node) AS count
`,
};

// person/counts.cypher

export type PersonCountsParameters = {
  ids: readonly string[];
};

export type PersonCountsRow = {
  key: string;
  seizureCount: number;
  shipmentCount: number;
  identifierCount: number;
  companyCount: number;
};

export type PersonCountsSlots = Record<string, never>;

/** The relationship counts of a batch of persons (the Person count fields of the API). */
export const personCounts: CypherQuery<PersonCountsParameters, PersonCountsRow, PersonCountsSlots, "read"> = {
  name: "personCounts",
  file: "person/counts",
  mode: "read",
  parameters: { ids: "string[]" },
  slots: {},
  columns: { key: "string", seizureCount: "integer", shipmentCount: "integer", identifierCount: "integer", companyCount: "integer" },
  text: `// The relationship counts of a batch of persons (the Person count fields of the API).
// Parameters: $ids (list of person ids).
// Columns: key (the id asked for), seizureCount, shipmentCount, identifierCount, companyCount
// (integers). Unknown ids give no row.
// Counts are of the person's resolved cluster: its facts and those of every person joined to it by
// SAME_AS (live SAME decisions; at most 20, so 20 steps reach all), each fact once.
// Each count is of distinct nodes, so a fact stated by two sources (two relationships between the
// same ends) counts once:
//   seizureCount: seizures in which the person was arrested, or that intercepted a shipment the
//     person was a party to;
//   shipmentCount: shipments the person was a party to (in any role);
//   identifierCount: identifiers the person used;
//   companyCount: companies in which the person holds an office.
// person/list.cypher, person/count.cypher and person/list-ordered.cypher repeat these definitions.
// @param ids: string[]
// @column key: string
// @column seizureCount: integer
// @column shipmentCount: integer
// @column identifierCount: integer
// @column companyCount: integer
UNWIND $ids AS key
MATCH (node:Person {id: key})
RETURN key,
  COUNT {
    MATCH (node)-[:SAME_AS]-{0,20}()<-[:ARRESTED]-(seizure:Seizure) RETURN seizure
    UNION
    MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN seizure
  } AS seizureCount,
  COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment } AS shipmentCount,
  COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier } AS identifierCount,
  COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:OFFICER_OF]->(company:Company) RETURN DISTINCT company } AS companyCount
`,
};

// person/list.cypher

export type PersonListParameters = {
  nationality: string | null;
  ids: readonly string[] | null;
  minSeizures: Integer | null;
  minShipments: Integer | null;
  minIdentifiers: Integer | null;
  after: string | null;
  limit: Integer;
};

export type PersonListRow = {
  id: string;
};

export type PersonListSlots = Record<string, never>;

/** One page of Person nodes matching a filter, in id order (keyset pagination). */
export const personList: CypherQuery<PersonListParameters, PersonListRow, PersonListSlots, "read"> = {
  name: "personList",
  file: "person/list",
  mode: "read",
  parameters: { nationality: "string | null", ids: "string[] | null", minSeizures: "integer | null", minShipments: "integer | null", minIdentifiers: "integer | null", after: "string | null", limit: "integer" },
  slots: {},
  columns: { id: "string" },
  text: `// One page of Person nodes matching a filter, in id order (keyset pagination).
// Parameters: $nationality (ISO code or null), $ids (list of person ids or null),
// $minSeizures, $minShipments, $minIdentifiers (integers or null; the counts are those of
// person/counts.cypher, whose definitions these predicates repeat).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it).
// Each count predicate sits in a CASE so that it is evaluated only when its parameter is set:
// written as \`$min IS NULL OR COUNT {...} >= $min\`, the planner counted for every person even with
// the parameter null (seen with PROFILE), which made the default list several times dearer. The
// degree checks (COUNT of a bare pattern, answered from the degree store) reject most persons
// before their distinct neighbours are counted: fewer relationships than the minimum cannot
// reach enough distinct neighbours.
// @param nationality: string | null
// @param ids: string[] | null
// @param minSeizures: integer | null
// @param minShipments: integer | null
// @param minIdentifiers: integer | null
// @param after: string | null
// @param limit: integer
// @column id: string
MATCH (node:Person)
WHERE ($nationality IS NULL OR EXISTS { (node)-[:NATIONAL_OF]->(:Country {id: $nationality}) })
  AND ($ids IS NULL OR node.id IN $ids)
  AND CASE WHEN $minSeizures IS NULL THEN true ELSE COUNT {
        MATCH (node)-[:SAME_AS]-{0,20}()<-[:ARRESTED]-(seizure:Seizure) RETURN seizure
        UNION
        MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN seizure
      } >= $minSeizures END
  AND CASE WHEN $minShipments IS NULL THEN true ELSE (COUNT { (node)-[:PARTY_TO]->() } >= $minShipments OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment } >= $minShipments END
  AND CASE WHEN $minIdentifiers IS NULL THEN true ELSE (COUNT { (node)-[:HAS_IDENTIFIER]->() } >= $minIdentifiers OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier } >= $minIdentifiers END
  AND ($after IS NULL OR node.id > $after)
// The page is cut before anything more of its nodes is read.
WITH node ORDER BY node.id LIMIT $limit
RETURN node.id AS id
`,
};

// person/list-ordered.cypher

export type PersonListOrderedParameters = {
  nationality: string | null;
  ids: readonly string[] | null;
  minSeizures: Integer | null;
  minShipments: Integer | null;
  minIdentifiers: Integer | null;
  orderField: string;
  descending: boolean;
  afterValue: string | Integer | null;
  afterId: string | null;
  limit: Integer;
};

export type PersonListOrderedRow = {
  id: string;
  sortValue: string | number;
};

export type PersonListOrderedSlots = Record<string, never>;

/** One page of Person nodes matching a filter, sorted by a chosen value (keyset pagination on the value, ties broken by id ascending). The default order (id ascending) is person/list.cypher. */
export const personListOrdered: CypherQuery<PersonListOrderedParameters, PersonListOrderedRow, PersonListOrderedSlots, "read"> = {
  name: "personListOrdered",
  file: "person/list-ordered",
  mode: "read",
  parameters: { nationality: "string | null", ids: "string[] | null", minSeizures: "integer | null", minShipments: "integer | null", minIdentifiers: "integer | null", orderField: "string", descending: "boolean", afterValue: "string | integer | null", afterId: "string | null", limit: "integer" },
  slots: {},
  columns: { id: "string", sortValue: "string | integer" },
  text: `// One page of Person nodes matching a filter, sorted by a chosen value (keyset pagination on the
// value, ties broken by id ascending). The default order (id ascending) is person/list.cypher.
// Parameters: the filters of person/list.cypher ($nationality, $ids, $minSeizures, $minShipments,
// $minIdentifiers); $orderField (a PersonOrderField name: ID, NAME, SEIZURE_COUNT, SHIPMENT_COUNT,
// IDENTIFIER_COUNT, COMPANY_COUNT); $descending (boolean).
// Also: $afterValue, $afterId (the sort value and id of the last item of the previous page, both
// null for the first page), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it), sortValue (the value sorted on: a string or an integer).
// Cypher takes neither a sort key nor a direction as a parameter. The key is chosen by CASE on
// $orderField (only the chosen branch is evaluated); the direction by two sort keys of which one is
// always null. The counts are those of person/counts.cypher.
// The count predicates are written as in person/list.cypher, which says why.
// @param nationality: string | null
// @param ids: string[] | null
// @param minSeizures: integer | null
// @param minShipments: integer | null
// @param minIdentifiers: integer | null
// @param orderField: string
// @param descending: boolean
// @param afterValue: string | integer | null
// @param afterId: string | null
// @param limit: integer
// @column id: string
// @column sortValue: string | integer
// Sorting the whole list by seizures, each person's seizures are counted from the seizures' side:
// every seizure's arrested persons and shipment parties, then the persons resolved with them (the
// SAME_AS cluster, as the count defines it), grouped by person; a person no seizure reaches counts 0.
// That reads each seizure once instead of every shipment of every person (the 20,000-shipment
// network, PROFILE: 362,477 → 53,012 db hits). Only for that order over every person: a list cut
// down by ids or nationality is counted person by person below, as the other orders are.
WITH $orderField = "SEIZURE_COUNT" AND $ids IS NULL AND $nationality IS NULL AS wholeList
CALL (wholeList) {
  CALL (wholeList) {
    CALL (wholeList) {
      MATCH (seizure:Seizure)-[:ARRESTED]->(holder) WHERE wholeList
      RETURN holder, seizure
      UNION
      MATCH (seizure:Seizure)-[:INTERCEPTED]->(:Shipment)<-[:PARTY_TO]-(holder) WHERE wholeList
      RETURN holder, seizure
    }
    // Each holder's cluster is walked once, not once per seizure.
    WITH holder, collect(seizure) AS seizures
    MATCH (holder)-[:SAME_AS]-{0,20}(node:Person)
    UNWIND seizures AS seizure
    RETURN node, count(DISTINCT seizure) AS seizureCount
    UNION ALL
    MATCH (node:Person) RETURN node, 0 AS seizureCount
  }
  RETURN node, max(seizureCount) AS seizureCount
}
WITH node, seizureCount, wholeList
WHERE ($nationality IS NULL OR EXISTS { (node)-[:NATIONAL_OF]->(:Country {id: $nationality}) })
  AND ($ids IS NULL OR node.id IN $ids)
  AND CASE WHEN $minSeizures IS NULL THEN true ELSE COUNT {
        MATCH (node)-[:SAME_AS]-{0,20}()<-[:ARRESTED]-(seizure:Seizure) RETURN seizure
        UNION
        MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN seizure
      } >= $minSeizures END
  AND CASE WHEN $minShipments IS NULL THEN true ELSE (COUNT { (node)-[:PARTY_TO]->() } >= $minShipments OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment } >= $minShipments END
  AND CASE WHEN $minIdentifiers IS NULL THEN true ELSE (COUNT { (node)-[:HAS_IDENTIFIER]->() } >= $minIdentifiers OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier } >= $minIdentifiers END
// A person resolved to no other (no SAME_AS) is counted without the quantified path: the same
// count, and the sort reads every person's (about an eighth of its time on a 20,000-shipment network).
WITH node, CASE $orderField
    WHEN "NAME" THEN coalesce(node.name, "")
    WHEN "SEIZURE_COUNT" THEN CASE WHEN wholeList THEN seizureCount WHEN EXISTS { (node)-[:SAME_AS]-() } THEN COUNT {
        MATCH (node)-[:SAME_AS]-{0,20}()<-[:ARRESTED]-(seizure:Seizure) RETURN seizure
        UNION
        MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN seizure
      } ELSE COUNT {
        MATCH (node)<-[:ARRESTED]-(seizure:Seizure) RETURN seizure
        UNION
        MATCH (node)-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN seizure
      } END
    WHEN "SHIPMENT_COUNT" THEN CASE WHEN EXISTS { (node)-[:SAME_AS]-() }
      THEN COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment }
      ELSE COUNT { MATCH (node)-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment } END
    WHEN "IDENTIFIER_COUNT" THEN CASE WHEN EXISTS { (node)-[:SAME_AS]-() }
      THEN COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier }
      ELSE COUNT { MATCH (node)-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier } END
    WHEN "COMPANY_COUNT" THEN CASE WHEN EXISTS { (node)-[:SAME_AS]-() }
      THEN COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:OFFICER_OF]->(company:Company) RETURN DISTINCT company }
      ELSE COUNT { MATCH (node)-[:OFFICER_OF]->(company:Company) RETURN DISTINCT company } END
    ELSE node.id
  END AS sortValue
WHERE $afterId IS NULL
   OR (sortValue = $afterValue AND node.id > $afterId)
   OR (CASE WHEN $descending THEN sortValue < $afterValue ELSE sortValue > $afterValue END)
// The page is cut before anything more of its nodes is read.
WITH node, sortValue
ORDER BY CASE WHEN $descending THEN sortValue END DESC, CASE WHEN $descending THEN null ELSE sortValue END ASC, node.id
LIMIT $limit
RETURN node.id AS id, sortValue
`,
};

// place/count.cypher

export type PlaceCountParameters = {
  country: string | null;
  kind: string | null;
};

export type PlaceCountRow = {
  count: number;
};

export type PlaceCountSlots = Record<string, never>;

/** How many Place nodes match a filter. */
export const placeCount: CypherQuery<PlaceCountParameters, PlaceCountRow, PlaceCountSlots, "read"> = {
  name: "placeCount",
  file: "place/count",
  mode: "read",
  parameters: { country: "string | null", kind: "string | null" },
  slots: {},
  columns: { count: "integer" },
  text: `// How many Place nodes match a filter.
// Parameters: $country (ISO code or null), $kind (PlaceKind or null).
// Columns: count (integer).
// @param country: string | null
// @param kind: string | null
// @column count: integer
MATCH (node:Place)
WHERE ($country IS NULL OR EXISTS { (node)-[:IN_COUNTRY]->(:Country {id: $country}) })
  AND ($kind IS NULL OR node.kind = $kind)
RETURN count(node) AS count
`,
};

// place/list.cypher

export type PlaceListParameters = {
  country: string | null;
  kind: string | null;
  after: string | null;
  limit: Integer;
};

export type PlaceListRow = {
  id: string;
};

export type PlaceListSlots = Record<string, never>;

/** One page of Place nodes matching a filter, in id order (keyset pagination). */
export const placeList: CypherQuery<PlaceListParameters, PlaceListRow, PlaceListSlots, "read"> = {
  name: "placeList",
  file: "place/list",
  mode: "read",
  parameters: { country: "string | null", kind: "string | null", after: "string | null", limit: "integer" },
  slots: {},
  columns: { id: "string" },
  text: `// One page of Place nodes matching a filter, in id order (keyset pagination).
// Parameters: $country (ISO code or null), $kind (PlaceKind or null).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it).
// @param country: string | null
// @param kind: string | null
// @param after: string | null
// @param limit: integer
// @column id: string
MATCH (node:Place)
WHERE ($country IS NULL OR EXISTS { (node)-[:IN_COUNTRY]->(:Country {id: $country}) })
  AND ($kind IS NULL OR node.kind = $kind)
  AND ($after IS NULL OR node.id > $after)
// The page is cut before anything more of its nodes is read.
WITH node ORDER BY node.id LIMIT $limit
RETURN node.id AS id
`,
};

// related/all.cypher

export type RelatedAllParameters = {
  ids: readonly string[];
};

export type RelatedAllRow = {
  key: string;
  node: NodeProperties;
  labels: string[];
  rels: Properties[];
};

export type RelatedAllSlots = {
  FROM: NodeLabel;
  LEFT: "<-" | "-" | "->";
  TYPE: RelType;
  RIGHT: "<-" | "-" | "->";
  TO: string;
};

/** Every node related to each node of a batch, for one relationship field (src/domain/relations.ts). */
export const relatedAll: CypherQuery<RelatedAllParameters, RelatedAllRow, RelatedAllSlots, "read"> = {
  name: "relatedAll",
  file: "related/all",
  mode: "read",
  parameters: { ids: "string[]" },
  slots: { FROM: "NodeLabel", LEFT: "Arrow", TYPE: "RelType", RIGHT: "Arrow", TO: "NodeLabels" },
  columns: { key: "string", node: "NodeProperties", labels: "string[]", rels: "Properties[]" },
  text: `// Every node related to each node of a batch, for one relationship field (src/domain/relations.ts).
// Template slots: FROM (a NodeLabel), LEFT and RIGHT (the arrow pieces giving the direction),
// TYPE (a RelType), TO (one or more NodeLabels, as a label expression such as Place|Country).
// Parameters: $ids (list of ids of FROM nodes).
// Columns: key (the id asked for), node (properties of the related node), labels (its labels),
// rels (the properties of every relationship between the two, by sourceId then sourceRow).
// One row per key and related node, ordered by key, then node id: the import writes a relationship
// once per source row, so parallel relationships are one node here. The repository splits them
// further where a relationship property tells facts apart (src/domain/relation-facts.ts).
// @slot FROM: NodeLabel
// @slot LEFT: Arrow
// @slot TYPE: RelType
// @slot RIGHT: Arrow
// @slot TO: NodeLabels
// @param ids: string[]
// @column key: string
// @column node: NodeProperties
// @column labels: string[]
// @column rels: Properties[]
UNWIND $ids AS key
MATCH (:{{FROM}} {id: key}){{LEFT}}[rel:{{TYPE}}]{{RIGHT}}(node:{{TO}})
WITH key, node, rel
ORDER BY rel.sourceId, rel.sourceRow
WITH key, node, collect(properties(rel)) AS rels
RETURN key, node {.*, synthetic: node:Synthetic} AS node, labels(node) AS labels, rels
ORDER BY key, node.id
`,
};

// related/count.cypher

export type RelatedCountParameters = {
  ids: readonly string[];
};

export type RelatedCountRow = {
  key: string;
  count: number;
};

export type RelatedCountSlots = {
  FROM: NodeLabel;
  LEFT: "<-" | "-" | "->";
  TYPE: RelType;
  RIGHT: "<-" | "-" | "->";
  TO: string;
};

/** How many nodes each node of a batch reaches through one relationship field. Slots as in related/all. */
export const relatedCount: CypherQuery<RelatedCountParameters, RelatedCountRow, RelatedCountSlots, "read"> = {
  name: "relatedCount",
  file: "related/count",
  mode: "read",
  parameters: { ids: "string[]" },
  slots: { FROM: "NodeLabel", LEFT: "Arrow", TYPE: "RelType", RIGHT: "Arrow", TO: "NodeLabels" },
  columns: { key: "string", count: "integer" },
  text: `// How many nodes each node of a batch reaches through one relationship field. Slots as in related/all.
// Parameters: $ids (list of ids of FROM nodes).
// Columns: key (the id asked for), count (integer). Unknown ids give no row.
// Distinct nodes, as related/page lists them: parallel relationships (one per source row) count once.
// @slot FROM: NodeLabel
// @slot LEFT: Arrow
// @slot TYPE: RelType
// @slot RIGHT: Arrow
// @slot TO: NodeLabels
// @param ids: string[]
// @column key: string
// @column count: integer
UNWIND $ids AS key
MATCH (from:{{FROM}} {id: key})
RETURN key, COUNT { MATCH (from){{LEFT}}[:{{TYPE}}]{{RIGHT}}(node:{{TO}}) RETURN DISTINCT node } AS count
`,
};

// related/page.cypher

export type RelatedPageParameters = {
  ids: readonly string[];
  after: string | null;
  limit: Integer;
};

export type RelatedPageRow = {
  key: string;
  node: NodeProperties;
  labels: string[];
  rels: Properties[];
};

export type RelatedPageSlots = {
  FROM: NodeLabel;
  LEFT: "<-" | "-" | "->";
  TYPE: RelType;
  RIGHT: "<-" | "-" | "->";
  TO: string;
};

/** The first related nodes of each node of a batch, for a relationship field that can reach thousands of nodes (a port's seizures, a species' commodity lines). Slots as in related/all. */
export const relatedPage: CypherQuery<RelatedPageParameters, RelatedPageRow, RelatedPageSlots, "read"> = {
  name: "relatedPage",
  file: "related/page",
  mode: "read",
  parameters: { ids: "string[]", after: "string | null", limit: "integer" },
  slots: { FROM: "NodeLabel", LEFT: "Arrow", TYPE: "RelType", RIGHT: "Arrow", TO: "NodeLabels" },
  columns: { key: "string", node: "NodeProperties", labels: "string[]", rels: "Properties[]" },
  text: `// The first related nodes of each node of a batch, for a relationship field that can reach
// thousands of nodes (a port's seizures, a species' commodity lines). Slots as in related/all.
// Parameters: $ids (list of ids of FROM nodes), $after (a node id or null), $limit (integer).
// Columns: key, node, labels, rels, as in related/all; at most $limit rows per key, by node id.
// A page is of nodes (its cursor is a node id): each related node once, however many relationships
// join the two, so pages agree with related/count. The page is cut before the relationships'
// properties are read, so that only its own nodes' are.
// @slot FROM: NodeLabel
// @slot LEFT: Arrow
// @slot TYPE: RelType
// @slot RIGHT: Arrow
// @slot TO: NodeLabels
// @param ids: string[]
// @param after: string | null
// @param limit: integer
// @column key: string
// @column node: NodeProperties
// @column labels: string[]
// @column rels: Properties[]
UNWIND $ids AS key
CALL (key) {
  MATCH (from:{{FROM}} {id: key}){{LEFT}}[:{{TYPE}}]{{RIGHT}}(node:{{TO}})
  WHERE $after IS NULL OR node.id > $after
  WITH DISTINCT from, node
  ORDER BY node.id
  LIMIT $limit
  RETURN from, node
}
CALL (from, node) {
  MATCH (from){{LEFT}}[rel:{{TYPE}}]{{RIGHT}}(node)
  WITH rel
  ORDER BY rel.sourceId, rel.sourceRow
  RETURN collect(properties(rel)) AS rels
}
RETURN key, node {.*, synthetic: node:Synthetic} AS node, labels(node) AS labels, rels
ORDER BY key, node.id
`,
};

// resolution/count.cypher

export type ResolutionCountParameters = {
  kind: string | null;
  minScore: number;
  scope: string;
};

export type ResolutionCountRow = {
  count: number;
};

export type ResolutionCountSlots = Record<string, never>;

/** The resolutionCandidates root field's totalCount: the stored candidates a page of the same arguments is taken from (see page.cypher), counted only when a client asks for it. */
export const resolutionCount: CypherQuery<ResolutionCountParameters, ResolutionCountRow, ResolutionCountSlots, "read"> = {
  name: "resolutionCount",
  file: "resolution/count",
  mode: "read",
  parameters: { kind: "string | null", minScore: "float", scope: "string" },
  slots: {},
  columns: { count: "integer" },
  text: `// The resolutionCandidates root field's totalCount: the stored candidates a page of the same
// arguments is taken from (see page.cypher), counted only when a client asks for it.
// Parameters: $kind (a MatchKind, or null for both), $minScore, $scope ('' for all).
// Columns: count.
// @param kind: string | null
// @param minScore: float
// @param scope: string
// @column count: integer
MATCH (candidate:MatchCandidate)
WHERE candidate.score >= $minScore
  AND ($kind IS NULL OR candidate.kind = $kind)
  AND left(candidate.aId, size($scope)) = $scope AND left(candidate.bId, size($scope)) = $scope
  AND COUNT { (candidate)-[:CANDIDATE]->() } = 2
RETURN count(candidate) AS count
`,
};

// resolution/decision-prepare.cypher

export type ResolutionDecisionPrepareParameters = {
  kind: string;
  aId: string;
  bId: string;
  pairId: string;
};

export type ResolutionDecisionPrepareRow = {
  liveDecision: string | null;
  aCluster: string[];
  bCluster: string[];
  candidateScore: number | null;
  candidateFeatures: string[];
};

export type ResolutionDecisionPrepareSlots = Record<string, never>;

/** Resolution, decide: the first statement of a decision's transaction. Finds the two entities, takes a write lock on both (their id set to itself: nothing changes, but Neo4j locks a node before it compares the value), so that a second decision on either entity waits until this one */
export const resolutionDecisionPrepare: CypherQuery<ResolutionDecisionPrepareParameters, ResolutionDecisionPrepareRow, ResolutionDecisionPrepareSlots, "write"> = {
  name: "resolutionDecisionPrepare",
  file: "resolution/decision-prepare",
  mode: "write",
  parameters: { kind: "string", aId: "string", bId: "string", pairId: "string" },
  slots: {},
  columns: { liveDecision: "string | null", aCluster: "string[]", bCluster: "string[]", candidateScore: "float | null", candidateFeatures: "string[]" },
  text: `// Resolution, decide: the first statement of a decision's transaction. Finds the two entities,
// takes a write lock on both (their id set to itself: nothing changes, but Neo4j locks a node
// before it compares the value), so that a second decision on either entity waits until this one
// commits: two investigators cannot both decide one pair, nor grow one cluster past its limit
// together. Then reads what the decision depends on:
// the pair's live decision, the clusters each entity is in (persons or companies joined by SAME_AS:
// a cluster never grows past 20 members, MAX_CLUSTER in decision-store.ts, so a walk of at most 20
// SAME_AS reaches all of it), and the pair's stored candidate. No row when an entity does not exist.
// Parameters: $kind (PERSON or COMPANY), $aId, $bId (the entities' ids, a < b), $pairId (the pair's
//   candidate id).
// Columns: liveDecision (the id of the pair's decision that is not undone, or null), aCluster and
//   bCluster (the ids of the entities' clusters, each entity included), candidateScore (null when no
//   candidate is stored for the pair), candidateFeatures (the candidate's feature names; [] without one).
// @param kind: string
// @param aId: string
// @param bId: string
// @param pairId: string
// @column liveDecision: string | null
// @column aCluster: string[]
// @column bCluster: string[]
// @column candidateScore: float | null
// @column candidateFeatures: string[]
CALL () {
  MATCH (a:Person {id: $aId}), (b:Person {id: $bId})
  WHERE $kind = 'PERSON'
  RETURN a, b
  UNION
  MATCH (a:Company {id: $aId}), (b:Company {id: $bId})
  WHERE $kind = 'COMPANY'
  RETURN a, b
}
SET a.id = a.id, b.id = b.id
WITH a, b
OPTIONAL MATCH (live:ResolutionDecision {pairId: $pairId})
WHERE live.undoneAt IS NULL
OPTIONAL MATCH (candidate:MatchCandidate {id: $pairId})
RETURN live.id AS liveDecision,
  COLLECT { MATCH (a)-[:SAME_AS]-{0,20}(member) RETURN DISTINCT member.id } AS aCluster,
  COLLECT { MATCH (b)-[:SAME_AS]-{0,20}(member) RETURN DISTINCT member.id } AS bCluster,
  candidate.score AS candidateScore,
  coalesce(candidate.featureNames, []) AS candidateFeatures
`,
};

// resolution/decision-undo.cypher

export type ResolutionDecisionUndoParameters = {
  id: string;
  undoneBy: string;
  undoneAt: CypherDateTime<number>;
  reason: string;
};

export type ResolutionDecisionUndoRow = {
  id: string;
};

export type ResolutionDecisionUndoSlots = Record<string, never>;

/** Resolution, undo: marks a live decision undone (who, when, why) and removes the SAME_AS it made, so every resolved answer is again what it was before the decision. The decision itself stays, as the record of what was decided and undone. No row when no live decision has the id. */
export const resolutionDecisionUndo: CypherQuery<ResolutionDecisionUndoParameters, ResolutionDecisionUndoRow, ResolutionDecisionUndoSlots, "write"> = {
  name: "resolutionDecisionUndo",
  file: "resolution/decision-undo",
  mode: "write",
  parameters: { id: "string", undoneBy: "string", undoneAt: "datetime", reason: "string" },
  slots: {},
  columns: { id: "string" },
  text: `// Resolution, undo: marks a live decision undone (who, when, why) and removes the SAME_AS it made,
// so every resolved answer is again what it was before the decision. The decision itself stays, as
// the record of what was decided and undone. No row when no live decision has the id.
// Parameters: $id, $undoneBy, $undoneAt, $reason.
// Columns: id.
// @param id: string
// @param undoneBy: string
// @param undoneAt: datetime
// @param reason: string
// @column id: string
MATCH (decision:ResolutionDecision {id: $id})
WHERE decision.undoneAt IS NULL
SET decision.undoneAt = $undoneAt, decision.undoneBy = $undoneBy, decision.undoReason = $reason
WITH decision
CALL (decision) {
  MATCH ()-[same:SAME_AS {decisionId: decision.id}]->()
  DELETE same
}
RETURN decision.id AS id
`,
};

// resolution/decision-write.cypher

export type ResolutionDecisionWriteParameters = {
  id: string;
  kind: string;
  verdict: string;
  aId: string;
  bId: string;
  pairId: string;
  reason: string;
  decidedBy: string;
  decidedAt: CypherDateTime<number>;
  automatic: boolean;
  score: number | null;
  features: readonly string[];
};

export type ResolutionDecisionWriteRow = {
  id: string;
};

export type ResolutionDecisionWriteSlots = Record<string, never>;

/** Resolution, decide: writes a decision, after decision-prepare.cypher in the same transaction. A decision is data: who, when, why, on what evidence; it names its two entities (DECIDES), and a SAME decision joins them with SAME_AS (carrying the decision's id), which the resolved view of */
export const resolutionDecisionWrite: CypherQuery<ResolutionDecisionWriteParameters, ResolutionDecisionWriteRow, ResolutionDecisionWriteSlots, "write"> = {
  name: "resolutionDecisionWrite",
  file: "resolution/decision-write",
  mode: "write",
  parameters: { id: "string", kind: "string", verdict: "string", aId: "string", bId: "string", pairId: "string", reason: "string", decidedBy: "string", decidedAt: "datetime", automatic: "boolean", score: "float | null", features: "string[]" },
  slots: {},
  columns: { id: "string" },
  text: `// Resolution, decide: writes a decision, after decision-prepare.cypher in the same transaction. A
// decision is data: who, when, why, on what evidence; it names its two entities (DECIDES), and a
// SAME decision joins them with SAME_AS (carrying the decision's id), which the resolved view of
// every query follows. Nothing else of the entities changes, so undoing it (decision-undo.cypher)
// gives back the graph as it was.
// Parameters: $id (the decision's id), $kind (PERSON or COMPANY), $verdict (SAME or DIFFERENT),
//   $aId, $bId (a < b), $pairId, $reason, $decidedBy (the deciding key's subject, or the command's
//   name), $decidedAt, $automatic (true when applied by \`npm run resolve -- apply\`), $score and
//   $features (the pair's candidate when the decision was taken: null and [] without one).
// Columns: id.
// @param id: string
// @param kind: string
// @param verdict: string
// @param aId: string
// @param bId: string
// @param pairId: string
// @param reason: string
// @param decidedBy: string
// @param decidedAt: datetime
// @param automatic: boolean
// @param score: float | null
// @param features: string[]
// @column id: string
CALL () {
  MATCH (a:Person {id: $aId}), (b:Person {id: $bId})
  WHERE $kind = 'PERSON'
  RETURN a, b
  UNION
  MATCH (a:Company {id: $aId}), (b:Company {id: $bId})
  WHERE $kind = 'COMPANY'
  RETURN a, b
}
CREATE (decision:ResolutionDecision {
  id: $id, kind: $kind, verdict: $verdict, aId: $aId, bId: $bId, pairId: $pairId, reason: $reason,
  decidedBy: $decidedBy, decidedAt: $decidedAt, automatic: $automatic, score: $score, features: $features
})
CREATE (decision)-[:DECIDES]->(a), (decision)-[:DECIDES]->(b)
FOREACH (_ IN CASE WHEN $verdict = 'SAME' THEN [1] ELSE [] END |
  CREATE (a)-[:SAME_AS {decisionId: $id}]->(b)
)
RETURN decision.id AS id
`,
};

// resolution/decisions-by-ids.cypher

export type ResolutionDecisionsByIdsParameters = {
  ids: readonly string[];
};

export type ResolutionDecisionsByIdsRow = {
  id: string;
  kind: string;
  verdict: string;
  a: string;
  b: string;
  pairId: string;
  reason: string;
  decidedBy: string;
  decidedAtMs: number;
  automatic: boolean;
  score: number | null;
  features: string[];
  undoneAtMs: number | null;
  undoneBy: string | null;
  undoReason: string | null;
};

export type ResolutionDecisionsByIdsSlots = Record<string, never>;

/** Resolution: decisions by id, as the API shows them. */
export const resolutionDecisionsByIds: CypherQuery<ResolutionDecisionsByIdsParameters, ResolutionDecisionsByIdsRow, ResolutionDecisionsByIdsSlots, "read"> = {
  name: "resolutionDecisionsByIds",
  file: "resolution/decisions-by-ids",
  mode: "read",
  parameters: { ids: "string[]" },
  slots: {},
  columns: { id: "string", kind: "string", verdict: "string", a: "string", b: "string", pairId: "string", reason: "string", decidedBy: "string", decidedAtMs: "integer", automatic: "boolean", score: "float | null", features: "string[]", undoneAtMs: "integer | null", undoneBy: "string | null", undoReason: "string | null" },
  text: `// Resolution: decisions by id, as the API shows them.
// Parameters: $ids.
// Columns: one row per decision found (see decision-columns in decisions-page.cypher): id, kind,
//   verdict, a, b, pairId, reason, decidedBy, decidedAtMs, automatic, score, features, undoneAtMs,
//   undoneBy, undoReason.
// @param ids: string[]
// @column id: string
// @column kind: string
// @column verdict: string
// @column a: string
// @column b: string
// @column pairId: string
// @column reason: string
// @column decidedBy: string
// @column decidedAtMs: integer
// @column automatic: boolean
// @column score: float | null
// @column features: string[]
// @column undoneAtMs: integer | null
// @column undoneBy: string | null
// @column undoReason: string | null
UNWIND $ids AS key
MATCH (decision:ResolutionDecision {id: key})
RETURN decision.id AS id, decision.kind AS kind, decision.verdict AS verdict, decision.aId AS a, decision.bId AS b,
  decision.pairId AS pairId, decision.reason AS reason, decision.decidedBy AS decidedBy,
  decision.decidedAt.epochMillis AS decidedAtMs, decision.automatic AS automatic, decision.score AS score,
  decision.features AS features, decision.undoneAt.epochMillis AS undoneAtMs, decision.undoneBy AS undoneBy,
  decision.undoReason AS undoReason
`,
};

// resolution/decisions-count.cypher

export type ResolutionDecisionsCountParameters = {
  kind: string | null;
  includeUndone: boolean;
  entityId: string | null;
};

export type ResolutionDecisionsCountRow = {
  count: number;
};

export type ResolutionDecisionsCountSlots = Record<string, never>;

/** The resolutionDecisions root field's totalCount: the decisions a page of the same arguments is taken from (see decisions-page.cypher), counted only when a client asks for it. */
export const resolutionDecisionsCount: CypherQuery<ResolutionDecisionsCountParameters, ResolutionDecisionsCountRow, ResolutionDecisionsCountSlots, "read"> = {
  name: "resolutionDecisionsCount",
  file: "resolution/decisions-count",
  mode: "read",
  parameters: { kind: "string | null", includeUndone: "boolean", entityId: "string | null" },
  slots: {},
  columns: { count: "integer" },
  text: `// The resolutionDecisions root field's totalCount: the decisions a page of the same arguments is
// taken from (see decisions-page.cypher), counted only when a client asks for it.
// Parameters: $kind (a MatchKind, or null for both), $includeUndone, $entityId (or null).
// Columns: count.
// @param kind: string | null
// @param includeUndone: boolean
// @param entityId: string | null
// @column count: integer
MATCH (decision:ResolutionDecision)
WHERE ($kind IS NULL OR decision.kind = $kind)
  AND ($includeUndone OR decision.undoneAt IS NULL)
  AND ($entityId IS NULL OR decision.aId = $entityId OR decision.bId = $entityId)
RETURN count(decision) AS count
`,
};

// resolution/decisions-page.cypher

export type ResolutionDecisionsPageParameters = {
  kind: string | null;
  includeUndone: boolean;
  entityId: string | null;
  afterMs: Integer;
  afterId: string;
  limit: Integer;
};

export type ResolutionDecisionsPageRow = {
  id: string;
  kind: string;
  verdict: string;
  a: string;
  b: string;
  pairId: string;
  reason: string;
  decidedBy: string;
  decidedAtMs: number;
  automatic: boolean;
  score: number | null;
  features: string[];
  undoneAtMs: number | null;
  undoneBy: string | null;
  undoReason: string | null;
};

export type ResolutionDecisionsPageSlots = Record<string, never>;

/** The resolutionDecisions root field: one page of decisions, latest first (decidedAt descending, then id), after a cursor's position. */
export const resolutionDecisionsPage: CypherQuery<ResolutionDecisionsPageParameters, ResolutionDecisionsPageRow, ResolutionDecisionsPageSlots, "read"> = {
  name: "resolutionDecisionsPage",
  file: "resolution/decisions-page",
  mode: "read",
  parameters: { kind: "string | null", includeUndone: "boolean", entityId: "string | null", afterMs: "integer", afterId: "string", limit: "integer" },
  slots: {},
  columns: { id: "string", kind: "string", verdict: "string", a: "string", b: "string", pairId: "string", reason: "string", decidedBy: "string", decidedAtMs: "integer", automatic: "boolean", score: "float | null", features: "string[]", undoneAtMs: "integer | null", undoneBy: "string | null", undoReason: "string | null" },
  text: `// The resolutionDecisions root field: one page of decisions, latest first (decidedAt descending,
// then id), after a cursor's position.
// Parameters: $kind (a MatchKind, or null for both), $includeUndone (false: live decisions only),
//   $entityId (only decisions naming this entity; null for all), $afterMs and $afterId (the cursor's
//   position; for the first page a time after any and ''), $limit (integer).
// Columns: as decisions-by-ids.cypher.
// @param kind: string | null
// @param includeUndone: boolean
// @param entityId: string | null
// @param afterMs: integer
// @param afterId: string
// @param limit: integer
// @column id: string
// @column kind: string
// @column verdict: string
// @column a: string
// @column b: string
// @column pairId: string
// @column reason: string
// @column decidedBy: string
// @column decidedAtMs: integer
// @column automatic: boolean
// @column score: float | null
// @column features: string[]
// @column undoneAtMs: integer | null
// @column undoneBy: string | null
// @column undoReason: string | null
MATCH (decision:ResolutionDecision)
WHERE ($kind IS NULL OR decision.kind = $kind)
  AND ($includeUndone OR decision.undoneAt IS NULL)
  AND ($entityId IS NULL OR decision.aId = $entityId OR decision.bId = $entityId)
  AND (decision.decidedAt.epochMillis < $afterMs OR (decision.decidedAt.epochMillis = $afterMs AND decision.id > $afterId))
WITH decision
ORDER BY decision.decidedAt DESC, decision.id
LIMIT $limit
RETURN decision.id AS id, decision.kind AS kind, decision.verdict AS verdict, decision.aId AS a, decision.bId AS b,
  decision.pairId AS pairId, decision.reason AS reason, decision.decidedBy AS decidedBy,
  decision.decidedAt.epochMillis AS decidedAtMs, decision.automatic AS automatic, decision.score AS score,
  decision.features AS features, decision.undoneAt.epochMillis AS undoneAtMs, decision.undoneBy AS undoneBy,
  decision.undoReason AS undoReason
`,
};

// resolution/delete-stale.cypher

export type ResolutionDeleteStaleParameters = {
  scope: string;
  computedAt: CypherDateTime<number>;
};

export type ResolutionDeleteStaleRow = {
  deleted: number;
};

export type ResolutionDeleteStaleSlots = Record<string, never>;

/** Resolution, store: removes the candidates of a scope (both entities' ids start with it) that the run just written did not find again (same transaction as write-candidates): pairs that no longer score enough, and pairs of which an entity is gone. */
export const resolutionDeleteStale: CypherQuery<ResolutionDeleteStaleParameters, ResolutionDeleteStaleRow, ResolutionDeleteStaleSlots, "write"> = {
  name: "resolutionDeleteStale",
  file: "resolution/delete-stale",
  mode: "write",
  parameters: { scope: "string", computedAt: "datetime" },
  slots: {},
  columns: { deleted: "integer" },
  text: `// Resolution, store: removes the candidates of a scope (both entities' ids start with it) that the
// run just written did not find again (same transaction as write-candidates): pairs that no longer
// score enough, and pairs of which an entity is gone.
// Parameters: $scope ('' for the whole graph), $computedAt (the run's time: what it wrote carries it).
// Columns: deleted (candidates removed).
// @param scope: string
// @param computedAt: datetime
// @column deleted: integer
MATCH (candidate:MatchCandidate)
WHERE left(candidate.aId, size($scope)) = $scope AND left(candidate.bId, size($scope)) = $scope
  AND candidate.computedAt <> $computedAt
DETACH DELETE candidate
RETURN count(candidate) AS deleted
`,
};

// resolution/export-companies.cypher

export type ResolutionExportCompaniesParameters = {
  after: string;
  limit: Integer;
};

export type ResolutionExportCompaniesRow = {
  key: string;
  names: string[];
  incorporatedOn: string | null;
  countries: string[];
  identifiers: string[];
  shipments: string[];
};

export type ResolutionExportCompaniesSlots = Record<string, never>;

/** Resolution, export: the records of one page of companies, in id order, as the resolver reads them (src/resolution/resolution-record.ts): the name, the date of incorporation, the registration country, identifiers as `KIND:value` (see export-persons), and the shipments it is */
export const resolutionExportCompanies: CypherQuery<ResolutionExportCompaniesParameters, ResolutionExportCompaniesRow, ResolutionExportCompaniesSlots, "read"> = {
  name: "resolutionExportCompanies",
  file: "resolution/export-companies",
  mode: "read",
  parameters: { after: "string", limit: "integer" },
  slots: {},
  columns: { key: "string", names: "string[]", incorporatedOn: "string | null", countries: "string[]", identifiers: "string[]", shipments: "string[]" },
  text: `// Resolution, export: the records of one page of companies, in id order, as the resolver reads
// them (src/resolution/resolution-record.ts): the name, the date of incorporation, the
// registration country, identifiers as \`KIND:value\` (see export-persons), and the shipments it is
// party to. Paged on the company key
// index; the caller starts at its scope and stops at the first id outside it.
// Parameters: $after (the last company id of the previous page; the scope, or '' for all, first),
//   $limit (integer: companies per page).
// Columns: key (company id), names (the name), incorporatedOn (YYYY-MM-DD, null when unknown),
//   countries (the registration country's id, or none), identifiers, shipments (shipment ids).
// @param after: string
// @param limit: integer
// @column key: string
// @column names: string[]
// @column incorporatedOn: string | null
// @column countries: string[]
// @column identifiers: string[]
// @column shipments: string[]
MATCH (company:Company)
WHERE company.id > $after
WITH company
ORDER BY company.id
LIMIT $limit
RETURN company.id AS key, [company.name] AS names, toString(company.incorporatedOn) AS incorporatedOn,
  [(company)-[:REGISTERED_IN]->(country:Country) | country.id] AS countries,
  [(company)-[:HAS_IDENTIFIER]->(identifier:Identifier) | identifier.kind + ':' + identifier.value] AS identifiers,
  [(company)-[:PARTY_TO]->(shipment:Shipment) | shipment.id] AS shipments
`,
};

// resolution/export-persons.cypher

export type ResolutionExportPersonsParameters = {
  after: string;
  limit: Integer;
};

export type ResolutionExportPersonsRow = {
  key: string;
  names: string[];
  birthYear: number | null;
  nationalities: string[];
  identifiers: string[];
  shipments: string[];
};

export type ResolutionExportPersonsSlots = Record<string, never>;

/** Resolution, export: the records of one page of persons, in id order, as the resolver reads them (src/resolution/resolution-record.ts): the name then the aliases, the birth year, nationalities, identifiers as `KIND:value` (built from the identifier's kind and value, so that a world's id */
export const resolutionExportPersons: CypherQuery<ResolutionExportPersonsParameters, ResolutionExportPersonsRow, ResolutionExportPersonsSlots, "read"> = {
  name: "resolutionExportPersons",
  file: "resolution/export-persons",
  mode: "read",
  parameters: { after: "string", limit: "integer" },
  slots: {},
  columns: { key: "string", names: "string[]", birthYear: "integer | null", nationalities: "string[]", identifiers: "string[]", shipments: "string[]" },
  text: `// Resolution, export: the records of one page of persons, in id order, as the resolver reads them
// (src/resolution/resolution-record.ts): the name then the aliases, the birth year, nationalities,
// identifiers as \`KIND:value\` (built from the identifier's kind and value, so that a world's id
// prefix does not hide the kind the weights go by), and the shipments it is party to. Paged on the
// person key index, so that the export streams whatever the size of the graph; the caller starts
// at its scope and stops at the first id outside it (ids of a prefix sort together).
// Parameters: $after (the last person id of the previous page; the scope, or '' for all, first),
//   $limit (integer: persons per page).
// Columns: key (person id), names, birthYear (null when unknown), nationalities (country ids),
//   identifiers, shipments (shipment ids).
// @param after: string
// @param limit: integer
// @column key: string
// @column names: string[]
// @column birthYear: integer | null
// @column nationalities: string[]
// @column identifiers: string[]
// @column shipments: string[]
MATCH (person:Person)
WHERE person.id > $after
WITH person
ORDER BY person.id
LIMIT $limit
RETURN person.id AS key, [person.name] + coalesce(person.aliases, []) AS names, person.birthYear AS birthYear,
  [(person)-[:NATIONAL_OF]->(country:Country) | country.id] AS nationalities,
  [(person)-[:HAS_IDENTIFIER]->(identifier:Identifier) | identifier.kind + ':' + identifier.value] AS identifiers,
  [(person)-[:PARTY_TO]->(shipment:Shipment) | shipment.id] AS shipments
`,
};

// resolution/page.cypher

export type ResolutionPageParameters = {
  kind: string | null;
  minScore: number;
  scope: string;
  afterScore: number;
  afterId: string;
  limit: Integer;
};

export type ResolutionPageRow = {
  id: string;
  kind: string;
  a: string;
  b: string;
  score: number;
  featureNames: string[];
  featureWeights: number[];
  featureDetails: string[];
  computedAtMs: number;
};

export type ResolutionPageSlots = Record<string, never>;

/** The resolutionCandidates root field: one page of stored candidates, best first (score descending, then id), after a cursor's position. The candidates of the cursor's own score that follow its id, then those of lower scores read in order from the score index (a range seek and a */
export const resolutionPage: CypherQuery<ResolutionPageParameters, ResolutionPageRow, ResolutionPageSlots, "read"> = {
  name: "resolutionPage",
  file: "resolution/page",
  mode: "read",
  parameters: { kind: "string | null", minScore: "float", scope: "string", afterScore: "float", afterId: "string", limit: "integer" },
  slots: {},
  columns: { id: "string", kind: "string", a: "string", b: "string", score: "float", featureNames: "string[]", featureWeights: "float[]", featureDetails: "string[]", computedAtMs: "integer" },
  text: `// The resolutionCandidates root field: one page of stored candidates, best first (score
// descending, then id), after a cursor's position. The candidates of the cursor's own score that
// follow its id, then those of lower scores read in order from the score index (a range seek and a
// partial top, so a page costs its own rows wherever it starts, measured with PROFILE); an OR of
// the two in one MATCH plans as a scan from the top or a union of two full seeks. A candidate of
// which an entity is gone since the run (its relationship went with it) is left out until the
// next run removes it.
// Parameters: $kind (a MatchKind, or null for both), $minScore, $scope (both entities' ids start
//   with it; '' for all), $afterScore and $afterId (the cursor's position: the page starts after
//   it; for the first page a score above any (2) and ''), $limit (integer).
// Columns: id, kind, a, b (the entities' ids, a < b), score, featureNames, featureWeights,
//   featureDetails, computedAtMs (when the run computed it, epoch milliseconds).
// @param kind: string | null
// @param minScore: float
// @param scope: string
// @param afterScore: float
// @param afterId: string
// @param limit: integer
// @column id: string
// @column kind: string
// @column a: string
// @column b: string
// @column score: float
// @column featureNames: string[]
// @column featureWeights: float[]
// @column featureDetails: string[]
// @column computedAtMs: integer
CALL () {
  MATCH (candidate:MatchCandidate)
  WHERE candidate.score = $afterScore AND candidate.id > $afterId
    AND ($kind IS NULL OR candidate.kind = $kind)
    AND left(candidate.aId, size($scope)) = $scope AND left(candidate.bId, size($scope)) = $scope
    AND COUNT { (candidate)-[:CANDIDATE]->() } = 2
  RETURN candidate
  UNION ALL
  MATCH (candidate:MatchCandidate)
  WHERE candidate.score < $afterScore AND candidate.score >= $minScore
    AND ($kind IS NULL OR candidate.kind = $kind)
    AND left(candidate.aId, size($scope)) = $scope AND left(candidate.bId, size($scope)) = $scope
    AND COUNT { (candidate)-[:CANDIDATE]->() } = 2
  RETURN candidate
  ORDER BY candidate.score DESC, candidate.id
  LIMIT $limit
}
WITH candidate
ORDER BY candidate.score DESC, candidate.id
LIMIT $limit
RETURN candidate.id AS id, candidate.kind AS kind, candidate.aId AS a, candidate.bId AS b, candidate.score AS score,
  candidate.featureNames AS featureNames, candidate.featureWeights AS featureWeights,
  candidate.featureDetails AS featureDetails, candidate.computedAt.epochMillis AS computedAtMs
`,
};

// resolution/same-as-pairs.cypher

export type ResolutionSameAsPairsParameters = {
  scope: string;
};

export type ResolutionSameAsPairsRow = {
  kind: string;
  a: string;
  b: string;
};

export type ResolutionSameAsPairsSlots = Record<string, never>;

/** Resolution: the pairs joined by live SAME decisions (SAME_AS) within a scope, for the analyses that run in process (the ring analysis treats each resolved cluster as one party). */
export const resolutionSameAsPairs: CypherQuery<ResolutionSameAsPairsParameters, ResolutionSameAsPairsRow, ResolutionSameAsPairsSlots, "read"> = {
  name: "resolutionSameAsPairs",
  file: "resolution/same-as-pairs",
  mode: "read",
  parameters: { scope: "string" },
  slots: {},
  columns: { kind: "string", a: "string", b: "string" },
  text: `// Resolution: the pairs joined by live SAME decisions (SAME_AS) within a scope, for the analyses
// that run in process (the ring analysis treats each resolved cluster as one party).
// Parameters: $scope (both ends' ids start with it; '' for all).
// Columns: kind (PERSON or COMPANY), a, b (the two ends' ids).
// @param scope: string
// @column kind: string
// @column a: string
// @column b: string
MATCH (a)-[:SAME_AS]->(b)
WHERE left(a.id, size($scope)) = $scope AND left(b.id, size($scope)) = $scope
RETURN DISTINCT CASE WHEN a:Person THEN 'PERSON' ELSE 'COMPANY' END AS kind, a.id AS a, b.id AS b
ORDER BY kind, a, b
`,
};

// resolution/unapplied.cypher

export type ResolutionUnappliedParameters = {
  minScore: number;
  scope: string;
};

export type ResolutionUnappliedRow = {
  kind: string;
  a: string;
  b: string;
};

export type ResolutionUnappliedSlots = Record<string, never>;

/** Resolution, apply: the stored candidates of a scope scoring at least $minScore on which no decision was ever taken (a rejected pair, or one whose decision was undone, is the investigators' to decide again), best first: what `npm run resolve -- apply` confirms. */
export const resolutionUnapplied: CypherQuery<ResolutionUnappliedParameters, ResolutionUnappliedRow, ResolutionUnappliedSlots, "read"> = {
  name: "resolutionUnapplied",
  file: "resolution/unapplied",
  mode: "read",
  parameters: { minScore: "float", scope: "string" },
  slots: {},
  columns: { kind: "string", a: "string", b: "string" },
  text: `// Resolution, apply: the stored candidates of a scope scoring at least $minScore on which no
// decision was ever taken (a rejected pair, or one whose decision was undone, is the
// investigators' to decide again), best first: what \`npm run resolve -- apply\` confirms.
// Parameters: $minScore, $scope (both entities' ids start with it; '' for all).
// Columns: kind, a, b (the entities' ids, a < b).
// @param minScore: float
// @param scope: string
// @column kind: string
// @column a: string
// @column b: string
MATCH (candidate:MatchCandidate)
WHERE candidate.score >= $minScore
  AND left(candidate.aId, size($scope)) = $scope AND left(candidate.bId, size($scope)) = $scope
  AND COUNT { (candidate)-[:CANDIDATE]->() } = 2
  AND NOT EXISTS { MATCH (decision:ResolutionDecision {pairId: candidate.id}) }
RETURN candidate.kind AS kind, candidate.aId AS a, candidate.bId AS b
ORDER BY candidate.score DESC, candidate.id
`,
};

// resolution/write-candidates.cypher

export type ResolutionWriteCandidatesParameters = {
  kind: string;
  scope: string;
  computedAt: CypherDateTime<number>;
  ids: readonly string[];
  as: readonly string[];
  bs: readonly string[];
  scores: readonly number[];
  featureNames: readonly (readonly string[])[];
  featureWeights: readonly (readonly number[])[];
  featureDetails: readonly (readonly string[])[];
};

export type ResolutionWriteCandidatesRow = {
  written: number;
};

export type ResolutionWriteCandidatesSlots = Record<string, never>;

/** Resolution, store: one batch of a run's candidates of one kind. Each is written over the node of its pair (MERGE on its id, so that a run finding a pair again updates it, and what points at it keeps pointing) and tied to its two entities. A pair of which an entity is gone since the export */
export const resolutionWriteCandidates: CypherQuery<ResolutionWriteCandidatesParameters, ResolutionWriteCandidatesRow, ResolutionWriteCandidatesSlots, "write"> = {
  name: "resolutionWriteCandidates",
  file: "resolution/write-candidates",
  mode: "write",
  parameters: { kind: "string", scope: "string", computedAt: "datetime", ids: "string[]", as: "string[]", bs: "string[]", scores: "float[]", featureNames: "string[][]", featureWeights: "float[][]", featureDetails: "string[][]" },
  slots: {},
  columns: { written: "integer" },
  text: `// Resolution, store: one batch of a run's candidates of one kind. Each is written over the node of
// its pair (MERGE on its id, so that a run finding a pair again updates it, and what points at it
// keeps pointing) and tied to its two entities. A pair of which an entity is gone since the export
// is not written. Run in one transaction with the other batches and delete-stale, so readers see
// the scope's earlier candidates or the new ones, never a mix. The batch comes as lists of one
// entry per candidate, in one order.
// Parameters: $kind (PERSON: both entities are persons; COMPANY: companies), $scope (the run's
//   id prefix, '' for all), $computedAt (the run's time), $ids, $as and $bs (the entities' ids, a < b), $scores,
//   $featureNames, $featureWeights, $featureDetails (one list per candidate).
// Columns: written (candidates written).
// @param kind: string
// @param scope: string
// @param computedAt: datetime
// @param ids: string[]
// @param as: string[]
// @param bs: string[]
// @param scores: float[]
// @param featureNames: string[][]
// @param featureWeights: float[][]
// @param featureDetails: string[][]
// @column written: integer
UNWIND range(0, size($ids) - 1) AS index
// Ids are unique per label only: each end is looked up under the kind's label, by index.
CALL (index) {
  MATCH (a:Person {id: $as[index]}), (b:Person {id: $bs[index]})
  WHERE $kind = 'PERSON'
  RETURN a, b
  UNION
  MATCH (a:Company {id: $as[index]}), (b:Company {id: $bs[index]})
  WHERE $kind = 'COMPANY'
  RETURN a, b
}
MERGE (candidate:MatchCandidate {id: $ids[index]})
SET candidate.kind = $kind, candidate.aId = a.id, candidate.bId = b.id, candidate.score = $scores[index],
  candidate.featureNames = $featureNames[index], candidate.featureWeights = $featureWeights[index],
  candidate.featureDetails = $featureDetails[index], candidate.scope = $scope, candidate.computedAt = $computedAt
MERGE (candidate)-[:CANDIDATE]->(a)
MERGE (candidate)-[:CANDIDATE]->(b)
RETURN count(candidate) AS written
`,
};

// rings/by-ids.cypher

export type RingsByIdsParameters = {
  ids: readonly string[];
};

export type RingsByIdsRow = {
  key: string;
  ring: ScopedRingMap;
  members: RingMemberMap[];
  density: number | null;
  closure: number | null;
  meanCohesion: number | null;
  stability: number | null;
};

export type RingsByIdsSlots = Record<string, never>;

/** The ring and ringOf root fields: stored rings by id. */
export const ringsByIds: CypherQuery<RingsByIdsParameters, RingsByIdsRow, RingsByIdsSlots, "read"> = {
  name: "ringsByIds",
  file: "rings/by-ids",
  mode: "read",
  parameters: { ids: "string[]" },
  slots: {},
  columns: { key: "string", ring: "ScopedRingMap", members: "RingMemberMap[]", density: "float | null", closure: "float | null", meanCohesion: "float | null", stability: "float | null" },
  text: `// The ring and ringOf root fields: stored rings by id.
// Parameters: $ids (list of ring ids).
// Columns: key (an id that is a ring's; unknown ids give no row), ring ({id, rank, size, scope,
//   seizureIds, seizureCount, totalWeightKg, shipmentCount, computedAtMs}), members (as in
//   rings/list), density, closure, meanCohesion, stability (as in rings/list).
// @param ids: string[]
// @column key: string
// @column ring: ScopedRingMap
// @column members: RingMemberMap[]
// @column density: float | null
// @column closure: float | null
// @column meanCohesion: float | null
// @column stability: float | null
UNWIND $ids AS key
MATCH (ring:Ring {id: key})
RETURN key, ring {.id, .rank, .size, .scope, .seizureIds, .seizureCount, .totalWeightKg, .shipmentCount,
  computedAtMs: ring.computedAt.epochMillis} AS ring,
  COLLECT {
    MATCH (ring)-[member:RING_MEMBER]->(party:Person|Company)
    WITH member, party ORDER BY coalesce(member.brokerRank, 1000000000), member.cohesion DESC, party.id
    RETURN {id: party.id, kind: CASE WHEN party:Person THEN 'Person' ELSE 'Company' END,
      brokerRank: member.brokerRank, brokerScore: member.brokerScore, cohesion: member.cohesion}
  } AS members,
  ring.density AS density, ring.closure AS closure, ring.meanCohesion AS meanCohesion, ring.stability AS stability
`,
};

// rings/delete-runs.cypher

export type RingsDeleteRunsParameters = {
  scope: string;
  keepRunId: string;
};

export type RingsDeleteRunsRow = {
  deleted: number;
};

export type RingsDeleteRunsSlots = Record<string, never>;

/** Ring analysis, store: removes a scope's ring runs other than the one just written, with their rings and membership links (same transaction as write-run and write-rings). */
export const ringsDeleteRuns: CypherQuery<RingsDeleteRunsParameters, RingsDeleteRunsRow, RingsDeleteRunsSlots, "write"> = {
  name: "ringsDeleteRuns",
  file: "rings/delete-runs",
  mode: "write",
  parameters: { scope: "string", keepRunId: "string" },
  slots: {},
  columns: { deleted: "integer" },
  text: `// Ring analysis, store: removes a scope's ring runs other than the one just written, with their
// rings and membership links (same transaction as write-run and write-rings).
// Parameters: $scope ('' for the whole graph), $keepRunId (the new run's id).
// Columns: deleted (runs removed).
// @param scope: string
// @param keepRunId: string
// @column deleted: integer
MATCH (run:AnalysisRun {kind: 'rings', scope: $scope})
WHERE run.id <> $keepRunId
CALL (run) {
  OPTIONAL MATCH (run)-[:FOUND]->(ring:Ring)
  DETACH DELETE ring
}
DETACH DELETE run
RETURN count(run) AS deleted
`,
};

// rings/export-identifiers.cypher

export type RingsExportIdentifiersParameters = {
  after: string;
  limit: Integer;
  scope: string;
  maxHolders: Integer;
};

export type RingsExportIdentifiersRow = {
  key: string;
  holders: RingPartyMap[];
};

export type RingsExportIdentifiersSlots = Record<string, never>;

/** Ring analysis, export: the holders of one page of identifiers, in id order (the party graph links parties that share an identifier). Paged on the identifier key index, so that the export streams whatever the size of the graph. Identifiers with more than $maxHolders holders (a formation */
export const ringsExportIdentifiers: CypherQuery<RingsExportIdentifiersParameters, RingsExportIdentifiersRow, RingsExportIdentifiersSlots, "read"> = {
  name: "ringsExportIdentifiers",
  file: "rings/export-identifiers",
  mode: "read",
  parameters: { after: "string", limit: "integer", scope: "string", maxHolders: "integer" },
  slots: {},
  columns: { key: "string", holders: "RingPartyMap[]" },
  text: `// Ring analysis, export: the holders of one page of identifiers, in id order (the party graph links
// parties that share an identifier). Paged on the identifier key index, so that the export streams
// whatever the size of the graph. Identifiers with more than $maxHolders holders (a formation
// agent's address behind dozens of shells) give an empty list: they say nothing about who works
// with whom, and would add a clique of holders² links.
// Parameters: $after (the last identifier id of the previous page, or '' for the first),
//   $limit (integer: identifiers per page), $scope (only parties whose id starts with it; '' for
//   all), $maxHolders (integer).
// Columns: key (identifier id, one row per identifier of the page, in id order), holders (list of
//   {id, kind: 'Person' or 'Company'}; empty when fewer than 2 or more than $maxHolders).
// @param after: string
// @param limit: integer
// @param scope: string
// @param maxHolders: integer
// @column key: string
// @column holders: RingPartyMap[]
MATCH (identifier:Identifier)
WHERE identifier.id > $after
WITH identifier
ORDER BY identifier.id
LIMIT $limit
WITH identifier, COUNT { (identifier)<-[:HAS_IDENTIFIER]-() } AS degree
// Holders are read from the identifier's own relationships (see export-shipments for why left()).
RETURN identifier.id AS key,
  CASE WHEN degree < 2 OR degree > $maxHolders THEN [] ELSE
    [(identifier)<-[:HAS_IDENTIFIER]-(holder:Person|Company) WHERE left(holder.id, size($scope)) = $scope
      | {id: holder.id, kind: CASE WHEN holder:Person THEN 'Person' ELSE 'Company' END}]
  END AS holders
`,
};

// rings/export-officers.cypher

export type RingsExportOfficersParameters = {
  after: string;
  limit: Integer;
  scope: string;
};

export type RingsExportOfficersRow = {
  key: string;
  companies: string[];
};

export type RingsExportOfficersSlots = Record<string, never>;

/** Ring analysis, export: the companies one page of persons are officers of, in person id order (the party graph links an officer to the company). Paged on the person key index. */
export const ringsExportOfficers: CypherQuery<RingsExportOfficersParameters, RingsExportOfficersRow, RingsExportOfficersSlots, "read"> = {
  name: "ringsExportOfficers",
  file: "rings/export-officers",
  mode: "read",
  parameters: { after: "string", limit: "integer", scope: "string" },
  slots: {},
  columns: { key: "string", companies: "string[]" },
  text: `// Ring analysis, export: the companies one page of persons are officers of, in person id order
// (the party graph links an officer to the company). Paged on the person key index.
// Parameters: $after (the last person id of the previous page, or '' for the first),
//   $limit (integer: persons per page), $scope (only parties whose id starts with it; '' for all).
// Columns: key (person id, one row per person of the page, in id order), companies (list of
//   company ids, possibly empty).
// @param after: string
// @param limit: integer
// @param scope: string
// @column key: string
// @column companies: string[]
MATCH (person:Person)
WHERE person.id > $after
WITH person
ORDER BY person.id
LIMIT $limit
// Companies are read from the person's own relationships (see export-shipments for why left()).
RETURN person.id AS key, CASE WHEN left(person.id, size($scope)) = $scope THEN
  [(person)-[:OFFICER_OF]->(company:Company) WHERE left(company.id, size($scope)) = $scope | company.id]
  ELSE [] END AS companies
`,
};

// rings/export-shipments.cypher

export type RingsExportShipmentsParameters = {
  after: string;
  limit: Integer;
  scope: string;
};

export type RingsExportShipmentsRow = {
  key: string;
  parties: RingPartyMap[];
};

export type RingsExportShipmentsSlots = Record<string, never>;

/** Ring analysis, export: the parties of one page of shipments, in id order (the party graph links the parties of a shipment, whatever their roles: shipper, consignee, forwarder, courier, ...). */
export const ringsExportShipments: CypherQuery<RingsExportShipmentsParameters, RingsExportShipmentsRow, RingsExportShipmentsSlots, "read"> = {
  name: "ringsExportShipments",
  file: "rings/export-shipments",
  mode: "read",
  parameters: { after: "string", limit: "integer", scope: "string" },
  slots: {},
  columns: { key: "string", parties: "RingPartyMap[]" },
  text: `// Ring analysis, export: the parties of one page of shipments, in id order (the party graph links
// the parties of a shipment, whatever their roles: shipper, consignee, forwarder, courier, ...).
// Paged on the shipment key index, so that the export streams whatever the size of the graph.
// Parameters: $after (the last shipment id of the previous page, or '' for the first),
//   $limit (integer: shipments per page), $scope (only parties whose id starts with it; '' for all).
// Columns: key (shipment id, one row per shipment of the page, in id order), parties (list of
//   {id, kind: 'Person' or 'Company'}; a party in two roles comes twice).
// @param after: string
// @param limit: integer
// @param scope: string
// @column key: string
// @column parties: RingPartyMap[]
MATCH (shipment:Shipment)
WHERE shipment.id > $after
WITH shipment
ORDER BY shipment.id
LIMIT $limit
// The parties are read from the shipment's own relationships (a pattern comprehension), and the
// scope is tested with left() rather than STARTS WITH, so that the planner cannot turn it into a
// seek over every party of the scope for each shipment.
RETURN shipment.id AS key,
  [(shipment)<-[:PARTY_TO]-(party:Person|Company) WHERE left(party.id, size($scope)) = $scope
    | {id: party.id, kind: CASE WHEN party:Person THEN 'Person' ELSE 'Company' END}] AS parties
`,
};

// rings/latest-run.cypher

export type RingsLatestRunParameters = {
  scope: string;
  minSize: Integer;
};

export type RingsLatestRunRow = {
  run: RingRunMap;
  matching: number;
};

export type RingsLatestRunSlots = Record<string, never>;

/** The rings root field: the latest ring analysis of a scope, if any has run. */
export const ringsLatestRun: CypherQuery<RingsLatestRunParameters, RingsLatestRunRow, RingsLatestRunSlots, "read"> = {
  name: "ringsLatestRun",
  file: "rings/latest-run",
  mode: "read",
  parameters: { scope: "string", minSize: "integer" },
  slots: {},
  columns: { run: "RingRunMap", matching: "integer" },
  text: `// The rings root field: the latest ring analysis of a scope, if any has run.
// Parameters: $scope ('' for the whole graph), $minSize (integer: rings counted from this size).
// Columns: run ({id, scope, parameters (JSON text), durationMs, partyCount, linkCount,
//   communityCount, ringCount, computedAtMs (epoch milliseconds)}), matching (rings of at least
//   $minSize members). No row when the scope was never analysed.
// @param scope: string
// @param minSize: integer
// @column run: RingRunMap
// @column matching: integer
MATCH (run:AnalysisRun {kind: 'rings', scope: $scope})
WITH run
ORDER BY run.computedAt DESC
LIMIT 1
RETURN run {.id, .scope, .parameters, .durationMs, .partyCount, .linkCount, .communityCount, .ringCount,
  computedAtMs: run.computedAt.epochMillis} AS run,
  COUNT { (run)-[:FOUND]->(ring:Ring) WHERE ring.size >= $minSize } AS matching
`,
};

// rings/list.cypher

export type RingsListParameters = {
  runId: string;
  minSize: Integer;
  limit: Integer;
};

export type RingsListRow = {
  ring: RingMap;
  members: RingMemberMap[];
  density: number | null;
  closure: number | null;
  meanCohesion: number | null;
  stability: number | null;
};

export type RingsListSlots = Record<string, never>;

/** The rings root field: the rings of a run, largest first, with their members, brokers first. */
export const ringsList: CypherQuery<RingsListParameters, RingsListRow, RingsListSlots, "read"> = {
  name: "ringsList",
  file: "rings/list",
  mode: "read",
  parameters: { runId: "string", minSize: "integer", limit: "integer" },
  slots: {},
  columns: { ring: "RingMap", members: "RingMemberMap[]", density: "float | null", closure: "float | null", meanCohesion: "float | null", stability: "float | null" },
  text: `// The rings root field: the rings of a run, largest first, with their members, brokers first.
// Parameters: $runId, $minSize (integer: only rings of at least this many members), $limit
//   (integer: at most this many rings).
// Columns: ring ({id, rank, size, seizureIds, seizureCount, totalWeightKg, shipmentCount,
//   computedAtMs}), members (list of {id, kind, brokerRank, brokerScore, cohesion}: brokers by
//   rank, then by cohesion), one row per ring, in rank order; density, closure, meanCohesion,
//   stability (the ring's quality; null for rings stored before it was kept).
// @param runId: string
// @param minSize: integer
// @param limit: integer
// @column ring: RingMap
// @column members: RingMemberMap[]
// @column density: float | null
// @column closure: float | null
// @column meanCohesion: float | null
// @column stability: float | null
MATCH (:AnalysisRun {id: $runId})-[:FOUND]->(ring:Ring)
WHERE ring.size >= $minSize
WITH ring
ORDER BY ring.rank
LIMIT $limit
RETURN ring {.id, .rank, .size, .seizureIds, .seizureCount, .totalWeightKg, .shipmentCount,
  computedAtMs: ring.computedAt.epochMillis} AS ring,
  COLLECT {
    MATCH (ring)-[member:RING_MEMBER]->(party:Person|Company)
    WITH member, party ORDER BY coalesce(member.brokerRank, 1000000000), member.cohesion DESC, party.id
    RETURN {id: party.id, kind: CASE WHEN party:Person THEN 'Person' ELSE 'Company' END,
      brokerRank: member.brokerRank, brokerScore: member.brokerScore, cohesion: member.cohesion}
  } AS members,
  ring.density AS density, ring.closure AS closure, ring.meanCohesion AS meanCohesion, ring.stability AS stability
`,
};

// rings/of-parties.cypher

export type RingsOfPartiesParameters = {
  ids: readonly string[];
  scope: string;
};

export type RingsOfPartiesRow = {
  key: string;
  ringId: string;
};

export type RingsOfPartiesSlots = Record<string, never>;

/** The ringOf root field: the ring each party belongs to in its scope's latest analysis. */
export const ringsOfParties: CypherQuery<RingsOfPartiesParameters, RingsOfPartiesRow, RingsOfPartiesSlots, "read"> = {
  name: "ringsOfParties",
  file: "rings/of-parties",
  mode: "read",
  parameters: { ids: "string[]", scope: "string" },
  slots: {},
  columns: { key: "string", ringId: "string" },
  text: `// The ringOf root field: the ring each party belongs to in its scope's latest analysis.
// Ids are unique per label only: each id is looked up as a Person and as a Company, by index.
// Parameters: $ids (list of party ids), $scope ('' for the whole graph).
// Columns: key (a party id in a ring; parties in no ring give no row), ringId. A party in two rings
//   (a broker who works for both) gives a row for each: the ring it is most tied to first, then the
//   larger ring.
// @param ids: string[]
// @param scope: string
// @column key: string
// @column ringId: string
UNWIND $ids AS key
CALL (key) {
  MATCH (party:Person {id: key}) RETURN party
  UNION
  MATCH (party:Company {id: key}) RETURN party
}
MATCH (ring:Ring)-[member:RING_MEMBER]->(party)
WHERE ring.scope = $scope
WITH DISTINCT key, ring, member
ORDER BY key, member.cohesion DESC, ring.rank
RETURN key, ring.id AS ringId
`,
};

// rings/write-quality.cypher

export type RingsWriteQualityParameters = {
  ids: readonly string[];
  density: readonly number[];
  closure: readonly number[];
  meanCohesion: readonly number[];
  stability: readonly number[];
};

export type RingsWriteQualityRow = {
  id: string;
};

export type RingsWriteQualitySlots = Record<string, never>;

/** Ring analysis, store: each ring's quality (see src/analysis/ring-detection.ts, RingQuality), set on the Ring nodes write-rings created, in the same transaction. */
export const ringsWriteQuality: CypherQuery<RingsWriteQualityParameters, RingsWriteQualityRow, RingsWriteQualitySlots, "write"> = {
  name: "ringsWriteQuality",
  file: "rings/write-quality",
  mode: "write",
  parameters: { ids: "string[]", density: "float[]", closure: "float[]", meanCohesion: "float[]", stability: "float[]" },
  slots: {},
  columns: { id: "string" },
  text: `// Ring analysis, store: each ring's quality (see src/analysis/ring-detection.ts, RingQuality), set
// on the Ring nodes write-rings created, in the same transaction.
// Parameters: $ids (ring ids), $density, $closure, $meanCohesion, $stability (lists of floats, one
//   per ring of $ids, in the same order).
// Columns: id (one row per ring set).
// @param ids: string[]
// @param density: float[]
// @param closure: float[]
// @param meanCohesion: float[]
// @param stability: float[]
// @column id: string
UNWIND range(0, size($ids) - 1) AS at
MATCH (ring:Ring {id: $ids[at]})
SET ring.density = $density[at],
  ring.closure = $closure[at],
  ring.meanCohesion = $meanCohesion[at],
  ring.stability = $stability[at]
RETURN ring.id AS id
`,
};

// rings/write-rings.cypher

export type RingsWriteRingsParameters = {
  runId: string;
  scope: string;
  rings: readonly RingInput[];
};

export type RingsWriteRingsRow = {
  id: string;
};

export type RingsWriteRingsSlots = Record<string, never>;

/** Ring analysis, store: the rings of a run, each linked to its members, with what the ring touches: the seizures of the shipments its members were parties to and of their arrests, the known weight of the goods those seizures recovered, and the number of shipments. */
export const ringsWriteRings: CypherQuery<RingsWriteRingsParameters, RingsWriteRingsRow, RingsWriteRingsSlots, "write"> = {
  name: "ringsWriteRings",
  file: "rings/write-rings",
  mode: "write",
  parameters: { runId: "string", scope: "string", rings: "RingInput[]" },
  slots: {},
  columns: { id: "string" },
  text: `// Ring analysis, store: the rings of a run, each linked to its members, with what the ring
// touches: the seizures of the shipments its members were parties to and of their arrests, the
// known weight of the goods those seizures recovered, and the number of shipments.
// Parameters: $runId, $scope ('' for the whole graph), $rings (list of {id, rank (1 = largest),
//   members: list of {id, kind: 'Person' or 'Company', brokerRank (null when no broker),
//   brokerScore, cohesion}}).
// Columns: id (one row per ring written).
// @param runId: string
// @param scope: string
// @param rings: RingInput[]
// @column id: string
MATCH (run:AnalysisRun {id: $runId})
UNWIND $rings AS entry
CREATE (ring:Ring {id: entry.id, runId: $runId, scope: $scope, rank: entry.rank, size: size(entry.members), computedAt: run.computedAt})
CREATE (run)-[:FOUND]->(ring)
WITH ring, entry
CALL (ring, entry) {
  UNWIND entry.members AS member
  CALL (member) {
    MATCH (party:Person {id: member.id}) WHERE member.kind = 'Person' RETURN party
    UNION
    MATCH (party:Company {id: member.id}) WHERE member.kind = 'Company' RETURN party
  }
  CREATE (ring)-[:RING_MEMBER {brokerRank: member.brokerRank, brokerScore: member.brokerScore, cohesion: member.cohesion}]->(party)
  RETURN collect(party) AS parties
}
CALL (parties) {
  UNWIND parties AS party
  CALL (party) {
    MATCH (party)-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN seizure
    UNION
    MATCH (seizure:Seizure)-[:ARRESTED]->(party) RETURN seizure
  }
  WITH DISTINCT seizure
  ORDER BY seizure.date DESC, seizure.id
  RETURN collect(seizure) AS seizures
}
WITH ring, parties, seizures,
  COLLECT {
    UNWIND seizures AS seizure
    MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
    WHERE line.weightKg IS NOT NULL
    RETURN line.weightKg
  } AS weights
SET ring.seizureIds = [seizure IN seizures | seizure.id],
  ring.seizureCount = size(seizures),
  ring.totalWeightKg = CASE WHEN size(weights) = 0 THEN null ELSE reduce(total = 0.0, weight IN weights | total + weight) END,
  ring.shipmentCount = size(COLLECT { UNWIND parties AS party MATCH (party)-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment })
RETURN ring.id AS id
`,
};

// rings/write-run.cypher

export type RingsWriteRunParameters = {
  run: RingRunInput;
};

export type RingsWriteRunRow = {
  id: string;
};

export type RingsWriteRunSlots = Record<string, never>;

/** Ring analysis, store: the run node of a new analysis. Written in one transaction with its rings (write-rings) and the removal of the scope's earlier runs (delete-runs), so readers see either the old results or the new ones, never a mix. */
export const ringsWriteRun: CypherQuery<RingsWriteRunParameters, RingsWriteRunRow, RingsWriteRunSlots, "write"> = {
  name: "ringsWriteRun",
  file: "rings/write-run",
  mode: "write",
  parameters: { run: "RingRunInput" },
  slots: {},
  columns: { id: "string" },
  text: `// Ring analysis, store: the run node of a new analysis. Written in one transaction with its rings
// (write-rings) and the removal of the scope's earlier runs (delete-runs), so readers see either
// the old results or the new ones, never a mix.
// Parameters: $run ({id, kind: 'rings', scope ('' for the whole graph), computedAt (DateTime),
//   parameters (JSON text of the options), durationMs, partyCount, linkCount, communityCount,
//   ringCount}).
// Columns: id (the run's id).
// @param run: RingRunInput
// @column id: string
CREATE (run:AnalysisRun)
SET run = $run
RETURN run.id AS id
`,
};

// routes/legs.cypher

export type RoutesLegsParameters = {
  sources: readonly string[];
  targets: readonly string[] | null;
  species: string | null;
  product: string | null;
  mode: string | null;
  source: string | null;
  dateFrom: CypherDate<number> | null;
  dateTo: CypherDate<number> | null;
};

export type RoutesLegsRow = {
  source: string;
  target: string;
  seizureCount: number;
};

export type RoutesLegsSlots = Record<string, never>;

/** Country-to-country legs leaving some countries: a stop in one of $sources followed by the stop of the next layer of the same record (origins, then each transit, then destinations) in another country. What inferred routes are chained from. */
export const routesLegs: CypherQuery<RoutesLegsParameters, RoutesLegsRow, RoutesLegsSlots, "read"> = {
  name: "routesLegs",
  file: "routes/legs",
  mode: "read",
  parameters: { sources: "string[]", targets: "string[] | null", species: "string | null", product: "string | null", mode: "string | null", source: "string | null", dateFrom: "date | null", dateTo: "date | null" },
  slots: {},
  columns: { source: "string", target: "string", seizureCount: "integer" },
  text: `// Country-to-country legs leaving some countries: a stop in one of $sources followed by the stop
// of the next layer of the same record (origins, then each transit, then destinations) in another
// country. What inferred routes are chained from.
// Parameters: $sources (country ids), $targets (country ids, or null for any country), $species
// (species id or null), $product (Product or null), $mode (TransportMode or null), $source (Source
// id or null: only seizures it reports), $dateFrom, $dateTo (Date or null).
// Columns: source, target (country ids), seizureCount (seizures of records with that leg).
// @param sources: string[]
// @param targets: string[] | null
// @param species: string | null
// @param product: string | null
// @param mode: string | null
// @param source: string | null
// @param dateFrom: date | null
// @param dateTo: date | null
// @column source: string
// @column target: string
// @column seizureCount: integer
UNWIND $sources AS sourceId
MATCH (source:Country {id: sourceId})
CALL (source) {
  MATCH (shipment:Shipment)-[here:STOPS_AT]->(source)
  RETURN shipment, here
  UNION
  MATCH (shipment:Shipment)-[here:STOPS_AT]->(:Place)-[:IN_COUNTRY]->(source)
  RETURN shipment, here
}
WITH source, shipment, here
WHERE here.role <> 'DESTINATION' AND ($mode IS NULL OR shipment.mode = $mode)
  // Only seized shipments count; most are not, so they are dropped before their stops are read.
  AND EXISTS { (shipment)<-[:INTERCEPTED]-(:Seizure) }
MATCH (shipment)-[next:STOPS_AT]->(nextStop)
WHERE next.seq > here.seq AND next.role <> 'ORIGIN'
  AND NOT EXISTS { MATCH (shipment)-[between:STOPS_AT]->() WHERE between.role = 'TRANSIT' AND here.seq < between.seq < next.seq }
OPTIONAL MATCH (nextStop:Place)-[:IN_COUNTRY]->(nextCountry:Country)
WITH source, shipment, coalesce(nextCountry, nextStop) AS target
WHERE target:Country AND target <> source AND ($targets IS NULL OR target.id IN $targets)
WITH DISTINCT source, target, shipment
MATCH (seizure:Seizure)-[:INTERCEPTED]->(shipment)
WHERE ($dateFrom IS NULL OR seizure.date >= $dateFrom) AND ($dateTo IS NULL OR seizure.date <= $dateTo)
  AND ($source IS NULL OR EXISTS { (seizure)-[:SOURCED_FROM]->(:Source {id: $source}) })
  AND ($product IS NULL OR EXISTS { (seizure)-[:RECOVERED]->(:CommodityLine {product: $product}) })
  AND ($species IS NULL OR EXISTS { (seizure)-[:RECOVERED]->(line:CommodityLine)-[:OF_SPECIES]->(:Species {id: $species})
                                    WHERE $product IS NULL OR line.product = $product })
RETURN source.id AS source, target.id AS target, count(DISTINCT seizure) AS seizureCount
ORDER BY seizureCount DESC, source, target
`,
};

// routes/observed.cypher

export type RoutesObservedParameters = {
  from: string;
  to: string;
  level: string;
  species: string | null;
  product: string | null;
  mode: string | null;
  source: string | null;
  dateFrom: CypherDate<number> | null;
  dateTo: CypherDate<number> | null;
  evidenceLimit: Integer;
};

export type RoutesObservedRow = {
  route: RouteStopMap[];
  seizureCount: number;
  shipmentCount: number;
  weighedSeizureCount: number;
  totalWeightKg: number | null;
  lastSeen: string | null;
  evidence: string[];
};

export type RoutesObservedSlots = Record<string, never>;

/** The observed routes between two countries: every shipment whose record names a stop in $from and a later stop in $to (the first not a destination, the second not an origin), grouped by the route its record describes, whoever seized it and wherever. */
export const routesObserved: CypherQuery<RoutesObservedParameters, RoutesObservedRow, RoutesObservedSlots, "read"> = {
  name: "routesObserved",
  file: "routes/observed",
  mode: "read",
  parameters: { from: "string", to: "string", level: "string", species: "string | null", product: "string | null", mode: "string | null", source: "string | null", dateFrom: "date | null", dateTo: "date | null", evidenceLimit: "integer" },
  slots: {},
  columns: { route: "RouteStopMap[]", seizureCount: "integer", shipmentCount: "integer", weighedSeizureCount: "integer", totalWeightKg: "float | null", lastSeen: "date | null", evidence: "string[]" },
  text: `// The observed routes between two countries: every shipment whose record names a stop in $from and
// a later stop in $to (the first not a destination, the second not an origin), grouped by the
// route its record describes, whoever seized it and wherever.
// A record's route is its origins, then its transits in order, then its destinations. Several
// origins or destinations are alternatives, not stops in a row, so a record describes one route
// per origin and destination; the origin is the $from stop itself when that is an origin (the
// destination likewise), else every origin the record names. Consecutive stops at the same key
// (the country, or at place level the place, else the country) make one stop.
// Parameters: $from, $to (country ids), $level ('COUNTRY' or 'PLACE'), $species (species id or
// null), $product (Product or null), $mode (TransportMode or null), $source (Source id or null:
// only seizures it reports), $dateFrom, $dateTo (Date or null), $evidenceLimit (integer: seizure ids kept per route).
// Columns: route (list of {key, country, place}: place is null at country level or for a stop
// named by its country only), seizureCount, shipmentCount, weighedSeizureCount (seizures with a
// known weight), totalWeightKg (null when no weight is known), lastSeen (latest seizure date),
// evidence (seizure ids, latest first, at most $evidenceLimit).
// @param from: string
// @param to: string
// @param level: string
// @param species: string | null
// @param product: string | null
// @param mode: string | null
// @param source: string | null
// @param dateFrom: date | null
// @param dateTo: date | null
// @param evidenceLimit: integer
// @column route: RouteStopMap[]
// @column seizureCount: integer
// @column shipmentCount: integer
// @column weighedSeizureCount: integer
// @column totalWeightKg: float | null
// @column lastSeen: date | null
// @column evidence: string[]
MATCH (fromCountry:Country {id: $from})
CALL (fromCountry) {
  MATCH (shipment:Shipment)-[start:STOPS_AT]->(fromCountry)
  RETURN shipment, start
  UNION
  MATCH (shipment:Shipment)-[start:STOPS_AT]->(:Place)-[:IN_COUNTRY]->(fromCountry)
  RETURN shipment, start
}
WITH shipment, start
WHERE start.role <> 'DESTINATION' AND ($mode IS NULL OR shipment.mode = $mode)
  // Only seized shipments count; most are not, so they are dropped before their stops are read.
  AND EXISTS { (shipment)<-[:INTERCEPTED]-(:Seizure) }
MATCH (shipment)-[end:STOPS_AT]->(endStop)
WHERE end.seq > start.seq AND end.role <> 'ORIGIN'
  AND ((endStop:Country AND endStop.id = $to) OR EXISTS { (endStop:Place)-[:IN_COUNTRY]->(:Country {id: $to}) })
WITH shipment, collect(DISTINCT {start: start.seq, startRole: start.role, end: end.seq, endRole: end.role}) AS spans
CALL (shipment) {
  MATCH (shipment)-[stopsAt:STOPS_AT]->(stop)
  OPTIONAL MATCH (stop:Place)-[:IN_COUNTRY]->(placeCountry:Country)
  WITH stopsAt, stop, placeCountry
  ORDER BY stopsAt.seq
  RETURN collect({
    seq: stopsAt.seq,
    role: stopsAt.role,
    country: CASE WHEN stop:Country THEN stop.id ELSE placeCountry.id END,
    place: CASE WHEN stop:Place THEN stop.id END
  }) AS stops
}
UNWIND spans AS span
WITH shipment, span,
  [stop IN stops WHERE stop.role = 'ORIGIN'] AS origins,
  [stop IN stops WHERE stop.role = 'TRANSIT'] AS transits,
  [stop IN stops WHERE stop.role = 'DESTINATION'] AS destinations
UNWIND CASE
  WHEN span.startRole = 'ORIGIN' THEN [stop IN origins WHERE stop.seq = span.start]
  WHEN origins = [] THEN [null]
  ELSE origins
END AS origin
UNWIND CASE
  WHEN span.endRole = 'DESTINATION' THEN [stop IN destinations WHERE stop.seq = span.end]
  WHEN destinations = [] THEN [null]
  ELSE destinations
END AS destination
WITH shipment, [stop IN [origin] + transits + [destination] WHERE stop IS NOT NULL | {
  key: CASE WHEN $level = 'PLACE' THEN coalesce(stop.place, stop.country) ELSE stop.country END,
  country: stop.country,
  place: CASE WHEN $level = 'PLACE' THEN stop.place END
}] AS hops
WITH DISTINCT shipment, [i IN range(0, size(hops) - 1) WHERE i = 0 OR hops[i].key <> hops[i - 1].key | hops[i]] AS route
MATCH (seizure:Seizure)-[:INTERCEPTED]->(shipment)
WHERE ($dateFrom IS NULL OR seizure.date >= $dateFrom) AND ($dateTo IS NULL OR seizure.date <= $dateTo)
  AND ($source IS NULL OR EXISTS { (seizure)-[:SOURCED_FROM]->(:Source {id: $source}) })
OPTIONAL MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
WHERE ($product IS NULL OR line.product = $product)
  AND ($species IS NULL OR EXISTS { (line)-[:OF_SPECIES]->(:Species {id: $species}) })
WITH route, shipment, seizure, collect(line) AS lines
WHERE ($species IS NULL AND $product IS NULL) OR lines <> []
UNWIND CASE WHEN lines = [] THEN [null] ELSE lines END AS line
WITH route,
  count(DISTINCT shipment) AS shipmentCount,
  collect(DISTINCT seizure) AS seizures,
  collect(DISTINCT line) AS weighed,
  count(DISTINCT CASE WHEN line.weightKg IS NOT NULL THEN seizure END) AS weighedSeizureCount
CALL (seizures) {
  UNWIND seizures AS seizure
  WITH seizure
  ORDER BY seizure.date IS NULL, seizure.date DESC, seizure.id
  RETURN collect(seizure.id)[..$evidenceLimit] AS evidence, max(seizure.date) AS lastSeen
}
WITH route, size(seizures) AS seizureCount, shipmentCount, weighedSeizureCount, lastSeen, evidence,
  reduce(total = null, line IN [line IN weighed WHERE line.weightKg IS NOT NULL] | coalesce(total, 0.0) + line.weightKg) AS totalWeightKg
RETURN route, seizureCount, shipmentCount, weighedSeizureCount, totalWeightKg, lastSeen, evidence
ORDER BY seizureCount DESC, totalWeightKg IS NULL, totalWeightKg DESC, lastSeen IS NULL, lastSeen DESC, [hop IN route | hop.key]
`,
};

// routes/transit-hubs.cypher

export type RoutesTransitHubsParameters = {
  level: string;
  origins: readonly string[] | null;
  destinations: readonly string[] | null;
  species: string | null;
  product: string | null;
  mode: string | null;
  source: string | null;
  dateFrom: CypherDate<number> | null;
  dateTo: CypherDate<number> | null;
  limit: Integer;
};

export type RoutesTransitHubsRow = {
  hub: string;
  shipmentCount: number;
  seizureCount: number;
  weighedSeizureCount: number;
  totalWeightKg: number | null;
  share: number;
  totalShipmentCount: number;
};

export type RoutesTransitHubsSlots = Record<string, never>;

/** Transit hubs: the countries (or places) that records name as transit stops, ranked by the shipments passing through them, with their share of all shipments that name a transit. */
export const routesTransitHubs: CypherQuery<RoutesTransitHubsParameters, RoutesTransitHubsRow, RoutesTransitHubsSlots, "read"> = {
  name: "routesTransitHubs",
  file: "routes/transit-hubs",
  mode: "read",
  parameters: { level: "string", origins: "string[] | null", destinations: "string[] | null", species: "string | null", product: "string | null", mode: "string | null", source: "string | null", dateFrom: "date | null", dateTo: "date | null", limit: "integer" },
  slots: {},
  columns: { hub: "string", shipmentCount: "integer", seizureCount: "integer", weighedSeizureCount: "integer", totalWeightKg: "float | null", share: "float", totalShipmentCount: "integer" },
  text: `// Transit hubs: the countries (or places) that records name as transit stops, ranked by the
// shipments passing through them, with their share of all shipments that name a transit.
// Parameters: $level ('COUNTRY' or 'PLACE'), $origins, $destinations (lists of country ids, such
// as a region's: the record must name one of them as an origin, or as a destination; or null), $species (species id or null), $product (Product or
// null), $mode (TransportMode or null), $source (Source id or null: only seizures it reports),
// $dateFrom, $dateTo (Date or null), $limit (integer).
// Columns: hub (Country or Place id), shipmentCount, seizureCount, weighedSeizureCount,
// totalWeightKg (null when no weight is known), share (shipmentCount over the shipments with a
// transit under the same filter, 0 to 1), totalShipmentCount (that denominator).
// @param level: string
// @param origins: string[] | null
// @param destinations: string[] | null
// @param species: string | null
// @param product: string | null
// @param mode: string | null
// @param source: string | null
// @param dateFrom: date | null
// @param dateTo: date | null
// @param limit: integer
// @column hub: string
// @column shipmentCount: integer
// @column seizureCount: integer
// @column weighedSeizureCount: integer
// @column totalWeightKg: float | null
// @column share: float
// @column totalShipmentCount: integer
MATCH (shipment:Shipment)-[transit:STOPS_AT {role: 'TRANSIT'}]->(stop)
WHERE ($mode IS NULL OR shipment.mode = $mode)
  AND ($origins IS NULL
       OR EXISTS { MATCH (shipment)-[:STOPS_AT {role: 'ORIGIN'}]->(country:Country) WHERE country.id IN $origins }
       OR EXISTS { MATCH (shipment)-[:STOPS_AT {role: 'ORIGIN'}]->(:Place)-[:IN_COUNTRY]->(country:Country) WHERE country.id IN $origins })
  AND ($destinations IS NULL
       OR EXISTS { MATCH (shipment)-[:STOPS_AT {role: 'DESTINATION'}]->(country:Country) WHERE country.id IN $destinations }
       OR EXISTS { MATCH (shipment)-[:STOPS_AT {role: 'DESTINATION'}]->(:Place)-[:IN_COUNTRY]->(country:Country) WHERE country.id IN $destinations })
OPTIONAL MATCH (stop:Place)-[:IN_COUNTRY]->(stopCountry:Country)
WITH DISTINCT shipment, CASE WHEN $level = 'PLACE' THEN stop ELSE coalesce(stopCountry, stop) END AS hub
MATCH (seizure:Seizure)-[:INTERCEPTED]->(shipment)
WHERE ($dateFrom IS NULL OR seizure.date >= $dateFrom) AND ($dateTo IS NULL OR seizure.date <= $dateTo)
  AND ($source IS NULL OR EXISTS { (seizure)-[:SOURCED_FROM]->(:Source {id: $source}) })
OPTIONAL MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
WHERE ($product IS NULL OR line.product = $product)
  AND ($species IS NULL OR EXISTS { (line)-[:OF_SPECIES]->(:Species {id: $species}) })
WITH hub, shipment, seizure, collect(line) AS lines
WHERE ($species IS NULL AND $product IS NULL) OR lines <> []
UNWIND CASE WHEN lines = [] THEN [null] ELSE lines END AS line
WITH collect({hub: hub, shipment: shipment, seizure: seizure, line: line}) AS rows, count(DISTINCT shipment) AS totalShipmentCount
UNWIND rows AS row
WITH totalShipmentCount, row.hub AS hub,
  count(DISTINCT row.shipment) AS shipmentCount,
  count(DISTINCT row.seizure) AS seizureCount,
  count(DISTINCT CASE WHEN row.line.weightKg IS NOT NULL THEN row.seizure END) AS weighedSeizureCount,
  collect(DISTINCT row.line) AS weighed
RETURN hub.id AS hub, shipmentCount, seizureCount, weighedSeizureCount,
  reduce(total = null, line IN [line IN weighed WHERE line.weightKg IS NOT NULL] | coalesce(total, 0.0) + line.weightKg) AS totalWeightKg,
  toFloat(shipmentCount) / totalShipmentCount AS share, totalShipmentCount
ORDER BY shipmentCount DESC, seizureCount DESC, hub
LIMIT $limit
`,
};

// search/hits.cypher

export type SearchHitsParameters = {
  lucene: string;
  kinds: readonly string[];
  phone: string | null;
  nationalPhone: string | null;
  phoneKind: string;
  limit: Integer;
  resolved: boolean;
};

export type SearchHitsRow = {
  total: number;
  hits: SearchHitMap[];
};

export type SearchHitsSlots = Record<string, never>;

/** The candidates of one search, best first by Lucene's score, for the repository to rank. */
export const searchHits: CypherQuery<SearchHitsParameters, SearchHitsRow, SearchHitsSlots, "read"> = {
  name: "searchHits",
  file: "search/hits",
  mode: "read",
  parameters: { lucene: "string", kinds: "string[]", phone: "string | null", nationalPhone: "string | null", phoneKind: "string", limit: "integer", resolved: "boolean" },
  slots: {},
  columns: { total: "integer", hits: "SearchHitMap[]" },
  text: `// The candidates of one search, best first by Lucene's score, for the repository to rank.
// Parameters: $lucene (a Lucene query built by src/domain/search-text.ts from folded, escaped words
// and quoted phrases: never the user's text as syntax), $kinds (list of labels to keep),
// $phone (digits of an international phone number, or null), $nationalPhone (the digits after a
// trunk 0, or null), $phoneKind (the IdentifierKind of phone numbers), $limit (integer: most
// candidates), $resolved (each person or company hit comes with the other members of its resolved
// cluster: those joined to it by SAME_AS, live SAME decisions, at most 20; false: none).
// Columns: total (how many nodes match, before the limit), hits (list of {node: properties with
// synthetic, labels, score: Lucene's score, 0 for phone matches, phone: 1 when the node is a
// phone number that matches digit for digit, members: list of {id, name, aliases}}).
// @param lucene: string
// @param kinds: string[]
// @param phone: string | null
// @param nationalPhone: string | null
// @param phoneKind: string
// @param limit: integer
// @param resolved: boolean
// @column total: integer
// @column hits: SearchHitMap[]
CALL {
  CALL db.index.fulltext.queryNodes("entity_search", $lucene) YIELD node, score
  RETURN node, score, 0 AS phone
  UNION
  // Phone numbers written in national form (0912...) cannot be found by a Lucene term: compared
  // here digit for digit against the end of the E.164 value, after a 1- to 3-digit country code.
  MATCH (node:Identifier)
  WHERE ($phone IS NOT NULL OR $nationalPhone IS NOT NULL) AND node.kind = $phoneKind
    AND (node.value = "+" + $phone
      OR (node.value ENDS WITH $nationalPhone AND size(node.value) - size($nationalPhone) IN [2, 3, 4]))
  RETURN node, 0.0 AS score, 1 AS phone
}
WITH node, max(score) AS score, max(phone) AS phone
WHERE any(label IN labels(node) WHERE label IN $kinds)
WITH node, score, phone
ORDER BY phone DESC, score DESC, node.id
WITH collect({node: node, score: score, phone: phone}) AS found
CALL (found) {
  UNWIND range(0, size(found[0..$limit]) - 1) AS index
  WITH index, found[index] AS hit
  WITH index, hit, hit.node AS node
  ORDER BY index
  RETURN collect({
    node: node {.*, synthetic: node:Synthetic}, labels: labels(node), score: hit.score, phone: hit.phone,
    members: CASE WHEN $resolved AND (node:Person OR node:Company) THEN COLLECT {
      MATCH (node)-[:SAME_AS]-{1,20}(sibling) WHERE sibling <> node
      RETURN DISTINCT {id: sibling.id, name: sibling.name, aliases: coalesce(sibling.aliases, [])}
    } ELSE [] END
  }) AS hits
}
RETURN size(found) AS total, hits
`,
};

// seizure/count.cypher

export type SeizureCountParameters = {
  dateFrom: CypherDate<number> | null;
  dateTo: CypherDate<number> | null;
  country: string | null;
  place: string | null;
  species: string | null;
  product: string | null;
  mode: string | null;
  source: string | null;
  flowFrom: string | null;
  flowTo: string | null;
};

export type SeizureCountRow = {
  count: number;
};

export type SeizureCountSlots = Record<string, never>;

/** How many seizures match a filter. */
export const seizureCount: CypherQuery<SeizureCountParameters, SeizureCountRow, SeizureCountSlots, "read"> = {
  name: "seizureCount",
  file: "seizure/count",
  mode: "read",
  parameters: { dateFrom: "date | null", dateTo: "date | null", country: "string | null", place: "string | null", species: "string | null", product: "string | null", mode: "string | null", source: "string | null", flowFrom: "string | null", flowTo: "string | null" },
  slots: {},
  columns: { count: "integer" },
  text: `// How many seizures match a filter.
// Parameters: $dateFrom, $dateTo (Date or null), $country (ISO code or null), $place (place id
// or null), $species (species id or null), $product (Product or null), $mode (TransportMode or null), $source (Source id or null: only
// seizures it reports),
// $flowFrom, $flowTo (Country codes, both or neither: only seizures that intercepted a shipment the
// country-level flow from one to the other counts, as \`flows(level: COUNTRY)\` counts it: the
// shipment is COUNTED_IN the trade entity \`LINK|COUNTRY|<from>><to>\`, see model.md; with $mode,
// that shipment has the mode).
// Columns: count (integer).
// @param dateFrom: date | null
// @param dateTo: date | null
// @param country: string | null
// @param place: string | null
// @param species: string | null
// @param product: string | null
// @param mode: string | null
// @param source: string | null
// @param flowFrom: string | null
// @param flowTo: string | null
// @column count: integer
// Where the seizures are found from: the place, else the country, else the species when one is
// given (through its index and relationships), else every seizure. Each branch after the first
// runs only when the filters before it are null, so exactly one finds them; UNION lists each once.
CALL () {
  MATCH (:Place {id: $place})<-[:SEIZED_AT]-(node:Seizure) RETURN node
  UNION
  MATCH (:Country {id: $country})<-[:SEIZED_IN]-(node:Seizure) WHERE $place IS NULL RETURN node
  UNION
  MATCH (:Species {id: $species})<-[:OF_SPECIES]-(:CommodityLine)<-[:RECOVERED]-(node:Seizure)
  WHERE $place IS NULL AND $country IS NULL
  RETURN node
  UNION
  // Filtered first, then matched: with the condition on the MATCH, the planner scanned every
  // seizure before it read the parameters (PROFILE of a country's count on the 20,000-shipment
  // network: 1,391 → 91 db hits).
  WITH 1 AS everySeizure WHERE $place IS NULL AND $country IS NULL AND $species IS NULL
  MATCH (node:Seizure) RETURN node
}
WITH node
WHERE ($dateFrom IS NULL OR node.date >= $dateFrom)
  AND ($dateTo IS NULL OR node.date <= $dateTo)
  // The filter the seizures were found from holds for each of them: it is not checked again.
  AND ($country IS NULL OR $place IS NULL OR EXISTS { (node)-[:SEIZED_IN]->(:Country {id: $country}) })
  AND ($species IS NULL OR ($place IS NULL AND $country IS NULL)
       OR EXISTS { (node)-[:RECOVERED]->(:CommodityLine)-[:OF_SPECIES]->(:Species {id: $species}) })
  AND ($product IS NULL OR EXISTS { (node)-[:RECOVERED]->(:CommodityLine {product: $product}) })
  AND ($mode IS NULL OR EXISTS { (node)-[:INTERCEPTED]->(:Shipment {mode: $mode}) })
  AND ($source IS NULL OR EXISTS { (node)-[:SOURCED_FROM]->(:Source {id: $source}) })
  AND ($flowFrom IS NULL OR EXISTS {
        MATCH (node)-[:INTERCEPTED]->(shipment:Shipment)-[:COUNTED_IN]->(:TradeEntity {id: 'LINK|COUNTRY|' + $flowFrom + '>' + $flowTo})
        WHERE $mode IS NULL OR shipment.mode = $mode
      })
RETURN count(node) AS count
`,
};

// seizure/list.cypher

export type SeizureListParameters = {
  dateFrom: CypherDate<number> | null;
  dateTo: CypherDate<number> | null;
  country: string | null;
  place: string | null;
  species: string | null;
  product: string | null;
  mode: string | null;
  source: string | null;
  flowFrom: string | null;
  flowTo: string | null;
  after: string | null;
  limit: Integer;
};

export type SeizureListRow = {
  id: string;
};

export type SeizureListSlots = Record<string, never>;

/** One page of seizures matching a filter, in id order (keyset pagination). */
export const seizureList: CypherQuery<SeizureListParameters, SeizureListRow, SeizureListSlots, "read"> = {
  name: "seizureList",
  file: "seizure/list",
  mode: "read",
  parameters: { dateFrom: "date | null", dateTo: "date | null", country: "string | null", place: "string | null", species: "string | null", product: "string | null", mode: "string | null", source: "string | null", flowFrom: "string | null", flowTo: "string | null", after: "string | null", limit: "integer" },
  slots: {},
  columns: { id: "string" },
  text: `// One page of seizures matching a filter, in id order (keyset pagination).
// Parameters: $dateFrom, $dateTo (Date or null), $country (ISO code or null), $place (place id
// or null), $species (species id or null), $product (Product or null), $mode (TransportMode or null), $source (Source id or null: only
// seizures it reports),
// $flowFrom, $flowTo (Country codes, both or neither: only seizures that intercepted a shipment the
// country-level flow from one to the other counts, as \`flows(level: COUNTRY)\` counts it: the
// shipment is COUNTED_IN the trade entity \`LINK|COUNTRY|<from>><to>\`, see model.md; with $mode,
// that shipment has the mode).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it).
// @param dateFrom: date | null
// @param dateTo: date | null
// @param country: string | null
// @param place: string | null
// @param species: string | null
// @param product: string | null
// @param mode: string | null
// @param source: string | null
// @param flowFrom: string | null
// @param flowTo: string | null
// @param after: string | null
// @param limit: integer
// @column id: string
// Where the seizures are found from: the place, else the country, else the species when one is
// given (through its index and relationships), else every seizure. Each branch after the first
// runs only when the filters before it are null, so exactly one finds them; UNION lists each once.
CALL () {
  MATCH (:Place {id: $place})<-[:SEIZED_AT]-(node:Seizure) RETURN node
  UNION
  MATCH (:Country {id: $country})<-[:SEIZED_IN]-(node:Seizure) WHERE $place IS NULL RETURN node
  UNION
  MATCH (:Species {id: $species})<-[:OF_SPECIES]-(:CommodityLine)<-[:RECOVERED]-(node:Seizure)
  WHERE $place IS NULL AND $country IS NULL
  RETURN node
  UNION
  // Filtered first, then matched: with the condition on the MATCH, the planner scanned every
  // seizure before it read the parameters (PROFILE of a country's count on the 20,000-shipment
  // network: 1,391 → 91 db hits).
  WITH 1 AS everySeizure WHERE $place IS NULL AND $country IS NULL AND $species IS NULL
  MATCH (node:Seizure) RETURN node
}
WITH node
WHERE ($dateFrom IS NULL OR node.date >= $dateFrom)
  AND ($dateTo IS NULL OR node.date <= $dateTo)
  // The filter the seizures were found from holds for each of them: it is not checked again.
  AND ($country IS NULL OR $place IS NULL OR EXISTS { (node)-[:SEIZED_IN]->(:Country {id: $country}) })
  AND ($species IS NULL OR ($place IS NULL AND $country IS NULL)
       OR EXISTS { (node)-[:RECOVERED]->(:CommodityLine)-[:OF_SPECIES]->(:Species {id: $species}) })
  AND ($product IS NULL OR EXISTS { (node)-[:RECOVERED]->(:CommodityLine {product: $product}) })
  AND ($mode IS NULL OR EXISTS { (node)-[:INTERCEPTED]->(:Shipment {mode: $mode}) })
  AND ($source IS NULL OR EXISTS { (node)-[:SOURCED_FROM]->(:Source {id: $source}) })
  AND ($flowFrom IS NULL OR EXISTS {
        MATCH (node)-[:INTERCEPTED]->(shipment:Shipment)-[:COUNTED_IN]->(:TradeEntity {id: 'LINK|COUNTRY|' + $flowFrom + '>' + $flowTo})
        WHERE $mode IS NULL OR shipment.mode = $mode
      })
  AND ($after IS NULL OR node.id > $after)
// The page is cut before anything more of its nodes is read.
WITH node ORDER BY node.id LIMIT $limit
RETURN node.id AS id
`,
};

// seizure/list-ordered.cypher

export type SeizureListOrderedParameters = {
  dateFrom: CypherDate<number> | null;
  dateTo: CypherDate<number> | null;
  country: string | null;
  place: string | null;
  species: string | null;
  product: string | null;
  mode: string | null;
  source: string | null;
  flowFrom: string | null;
  flowTo: string | null;
  orderField: string;
  descending: boolean;
  afterValue: string | Integer | null;
  afterId: string | null;
  limit: Integer;
};

export type SeizureListOrderedRow = {
  id: string;
  sortValue: string | number;
};

export type SeizureListOrderedSlots = Record<string, never>;

/** One page of seizures matching a filter, sorted by a chosen value (keyset pagination on the value, ties broken by id ascending). The default order (id ascending) is seizure/list.cypher. */
export const seizureListOrdered: CypherQuery<SeizureListOrderedParameters, SeizureListOrderedRow, SeizureListOrderedSlots, "read"> = {
  name: "seizureListOrdered",
  file: "seizure/list-ordered",
  mode: "read",
  parameters: { dateFrom: "date | null", dateTo: "date | null", country: "string | null", place: "string | null", species: "string | null", product: "string | null", mode: "string | null", source: "string | null", flowFrom: "string | null", flowTo: "string | null", orderField: "string", descending: "boolean", afterValue: "string | integer | null", afterId: "string | null", limit: "integer" },
  slots: {},
  columns: { id: "string", sortValue: "string | integer" },
  text: `// One page of seizures matching a filter, sorted by a chosen value (keyset pagination on the
// value, ties broken by id ascending). The default order (id ascending) is seizure/list.cypher.
// Parameters: the filters of seizure/list.cypher ($dateFrom, $dateTo, $country, $place, $species,
// $product, $mode, $source, $flowFrom, $flowTo); $orderField (a SeizureOrderField name: ID, DATE);
// $descending (boolean).
// Also: $afterValue, $afterId (the sort value and id of the last item of the previous page, both
// null for the first page), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it), sortValue (the value sorted on: the id, or the date as \`YYYY-MM-DD\`).
// Undated seizures come last in either direction: their sort value is '' when descending and '~'
// (after every digit) when ascending. Cypher takes neither a sort key nor a direction as a
// parameter: the key is chosen by CASE on $orderField, the direction by two sort keys of which one
// is always null.
// @param dateFrom: date | null
// @param dateTo: date | null
// @param country: string | null
// @param place: string | null
// @param species: string | null
// @param product: string | null
// @param mode: string | null
// @param source: string | null
// @param flowFrom: string | null
// @param flowTo: string | null
// @param orderField: string
// @param descending: boolean
// @param afterValue: string | integer | null
// @param afterId: string | null
// @param limit: integer
// @column id: string
// @column sortValue: string | integer
// Where the seizures are found from: the place, else the country, else the species when one is
// given (through its index and relationships), else every seizure. Each branch after the first
// runs only when the filters before it are null, so exactly one finds them; UNION lists each once.
CALL () {
  MATCH (:Place {id: $place})<-[:SEIZED_AT]-(node:Seizure) RETURN node
  UNION
  MATCH (:Country {id: $country})<-[:SEIZED_IN]-(node:Seizure) WHERE $place IS NULL RETURN node
  UNION
  MATCH (:Species {id: $species})<-[:OF_SPECIES]-(:CommodityLine)<-[:RECOVERED]-(node:Seizure)
  WHERE $place IS NULL AND $country IS NULL
  RETURN node
  UNION
  // Filtered first, then matched: with the condition on the MATCH, the planner scanned every
  // seizure before it read the parameters (PROFILE of a country's count on the 20,000-shipment
  // network: 1,391 → 91 db hits).
  WITH 1 AS everySeizure WHERE $place IS NULL AND $country IS NULL AND $species IS NULL
  MATCH (node:Seizure) RETURN node
}
WITH node
WHERE ($dateFrom IS NULL OR node.date >= $dateFrom)
  AND ($dateTo IS NULL OR node.date <= $dateTo)
  // The filter the seizures were found from holds for each of them: it is not checked again.
  AND ($country IS NULL OR $place IS NULL OR EXISTS { (node)-[:SEIZED_IN]->(:Country {id: $country}) })
  AND ($species IS NULL OR ($place IS NULL AND $country IS NULL)
       OR EXISTS { (node)-[:RECOVERED]->(:CommodityLine)-[:OF_SPECIES]->(:Species {id: $species}) })
  AND ($product IS NULL OR EXISTS { (node)-[:RECOVERED]->(:CommodityLine {product: $product}) })
  AND ($mode IS NULL OR EXISTS { (node)-[:INTERCEPTED]->(:Shipment {mode: $mode}) })
  AND ($source IS NULL OR EXISTS { (node)-[:SOURCED_FROM]->(:Source {id: $source}) })
  AND ($flowFrom IS NULL OR EXISTS {
        MATCH (node)-[:INTERCEPTED]->(shipment:Shipment)-[:COUNTED_IN]->(:TradeEntity {id: 'LINK|COUNTRY|' + $flowFrom + '>' + $flowTo})
        WHERE $mode IS NULL OR shipment.mode = $mode
      })
WITH node, CASE $orderField
    WHEN "DATE" THEN coalesce(toString(node.date), CASE WHEN $descending THEN "" ELSE "~" END)
    ELSE node.id
  END AS sortValue
WHERE $afterId IS NULL
   OR (sortValue = $afterValue AND node.id > $afterId)
   OR (CASE WHEN $descending THEN sortValue < $afterValue ELSE sortValue > $afterValue END)
// The page is cut before anything more of its nodes is read.
WITH node, sortValue
ORDER BY CASE WHEN $descending THEN sortValue END DESC, CASE WHEN $descending THEN null ELSE sortValue END ASC, node.id
LIMIT $limit
RETURN node.id AS id, sortValue
`,
};

// shared-identifiers/of-parties.cypher

export type SharedIdentifiersOfPartiesParameters = {
  ids: readonly string[];
  labels: readonly string[];
  kinds: readonly string[] | null;
  first: Integer;
  resolved: boolean;
  partyProperties: boolean;
  identifierValues: boolean;
};

export type SharedIdentifiersOfPartiesRow = {
  key: string;
  sharers: SharerMap[];
};

export type SharedIdentifiersOfPartiesSlots = Record<string, never>;

/** The other persons and companies that share identifiers with each party of a batch (the sharedIdentifiers root field and the Person/Company fields, through a DataLoader). */
export const sharedIdentifiersOfParties: CypherQuery<SharedIdentifiersOfPartiesParameters, SharedIdentifiersOfPartiesRow, SharedIdentifiersOfPartiesSlots, "read"> = {
  name: "sharedIdentifiersOfParties",
  file: "shared-identifiers/of-parties",
  mode: "read",
  parameters: { ids: "string[]", labels: "string[]", kinds: "string[] | null", first: "integer", resolved: "boolean", partyProperties: "boolean", identifierValues: "boolean" },
  slots: {},
  columns: { key: "string", sharers: "SharerMap[]" },
  text: `// The other persons and companies that share identifiers with each party of a batch (the
// sharedIdentifiers root field and the Person/Company fields, through a DataLoader).
// Ids are unique per label only: each id is looked up as a Person and as a Company, by index,
// as far as $labels allows.
// Parameters: $ids (list of ids), $labels (which of "Person" and "Company" to look them up as),
// $kinds (IdentifierKinds to consider, or null for all), $first (sharers per party), $resolved (a
// party stands for its resolved cluster: the identifiers of every person or company joined to it
// by SAME_AS, live SAME decisions, at most 20, are its own, and the members share nothing with
// themselves; false: the record alone), $partyProperties (read every property of a sharer; false:
// its id only), $identifierValues (read an identifier's value and rawValue; false: they are null).
// The two flags say what the request asks: what it does not ask, personal values among it, is not
// read at all.
// Columns: key (an id found as a party; one row per party found), sharers (list, ranked by
// sharedCount descending, then id: {party (properties, or the id alone, and synthetic), labels,
// sharedCount, identifiers (list of {id, kind, value, rawValue}, by id)}). Unknown ids give no row.
// @param ids: string[]
// @param labels: string[]
// @param kinds: string[] | null
// @param first: integer
// @param resolved: boolean
// @param partyProperties: boolean
// @param identifierValues: boolean
// @column key: string
// @column sharers: SharerMap[]
UNWIND $ids AS key
CALL (key) {
  MATCH (party:Person {id: key}) WHERE "Person" IN $labels RETURN party
  UNION
  MATCH (party:Company {id: key}) WHERE "Company" IN $labels RETURN party
}
RETURN key, COLLECT {
  MATCH (party)-[:SAME_AS]-{0,20}(self)
  WHERE $resolved OR self = party
  WITH collect(DISTINCT self) AS selves
  UNWIND selves AS self
  MATCH (self)-[:HAS_IDENTIFIER]->(identifier:Identifier)<-[:HAS_IDENTIFIER]-(other:Person|Company)
  WHERE NOT other IN selves AND ($kinds IS NULL OR identifier.kind IN $kinds)
  WITH DISTINCT other, identifier
  ORDER BY identifier.id
  WITH other, collect(CASE WHEN $identifierValues THEN identifier {.id, .kind, .value, .rawValue}
    ELSE identifier {.id, .kind, value: null, rawValue: null} END) AS identifiers
  ORDER BY size(identifiers) DESC, other.id
  LIMIT $first
  RETURN {
    party: CASE WHEN $partyProperties THEN other {.*, synthetic: other:Synthetic} ELSE other {.id, synthetic: other:Synthetic} END,
    labels: labels(other),
    sharedCount: size(identifiers), identifiers: identifiers
  } AS sharer
} AS sharers
`,
};

// shipment/count.cypher

export type ShipmentCountParameters = {
  dateFrom: CypherDate<number> | null;
  dateTo: CypherDate<number> | null;
  mode: string | null;
  country: string | null;
  origin: string | null;
  destination: string | null;
  place: string | null;
  species: string | null;
  product: string | null;
};

export type ShipmentCountRow = {
  count: number;
};

export type ShipmentCountSlots = Record<string, never>;

/** How many shipments match a filter. */
export const shipmentCount: CypherQuery<ShipmentCountParameters, ShipmentCountRow, ShipmentCountSlots, "read"> = {
  name: "shipmentCount",
  file: "shipment/count",
  mode: "read",
  parameters: { dateFrom: "date | null", dateTo: "date | null", mode: "string | null", country: "string | null", origin: "string | null", destination: "string | null", place: "string | null", species: "string | null", product: "string | null" },
  slots: {},
  columns: { count: "integer" },
  text: `// How many shipments match a filter.
// Parameters: $dateFrom, $dateTo (Date or null, on the departure date), $mode (TransportMode or
// null), $country, $origin, $destination (ISO codes or null: any stop, the origin, the destination in
// that country), $place (place id or null), $species (species id or null), $product (Product or null).
// Columns: count (integer).
// @param dateFrom: date | null
// @param dateTo: date | null
// @param mode: string | null
// @param country: string | null
// @param origin: string | null
// @param destination: string | null
// @param place: string | null
// @param species: string | null
// @param product: string | null
// @column count: integer
MATCH (node:Shipment)
WHERE ($dateFrom IS NULL OR node.departedOn >= $dateFrom)
  AND ($dateTo IS NULL OR node.departedOn <= $dateTo)
  AND ($mode IS NULL OR node.mode = $mode)
  AND ($country IS NULL OR EXISTS { (node)-[:STOPS_AT]->(stop) WHERE stop.id = $country OR EXISTS { (stop)-[:IN_COUNTRY]->(:Country {id: $country}) } })
  AND ($origin IS NULL OR EXISTS { (node)-[:STOPS_AT {role: "ORIGIN"}]->(stop) WHERE stop.id = $origin OR EXISTS { (stop)-[:IN_COUNTRY]->(:Country {id: $origin}) } })
  AND ($destination IS NULL OR EXISTS { (node)-[:STOPS_AT {role: "DESTINATION"}]->(stop) WHERE stop.id = $destination OR EXISTS { (stop)-[:IN_COUNTRY]->(:Country {id: $destination}) } })
  AND ($place IS NULL OR EXISTS { (node)-[:STOPS_AT]->(:Place {id: $place}) })
  AND ($species IS NULL OR EXISTS { (node)-[:CARRIED]->(:CommodityLine)-[:OF_SPECIES]->(:Species {id: $species}) })
  AND ($product IS NULL OR EXISTS { (node)-[:CARRIED]->(:CommodityLine {product: $product}) })
RETURN count(node) AS count
`,
};

// shipment/list.cypher

export type ShipmentListParameters = {
  dateFrom: CypherDate<number> | null;
  dateTo: CypherDate<number> | null;
  mode: string | null;
  country: string | null;
  origin: string | null;
  destination: string | null;
  place: string | null;
  species: string | null;
  product: string | null;
  after: string | null;
  limit: Integer;
};

export type ShipmentListRow = {
  id: string;
};

export type ShipmentListSlots = Record<string, never>;

/** One page of shipments matching a filter, in id order (keyset pagination). */
export const shipmentList: CypherQuery<ShipmentListParameters, ShipmentListRow, ShipmentListSlots, "read"> = {
  name: "shipmentList",
  file: "shipment/list",
  mode: "read",
  parameters: { dateFrom: "date | null", dateTo: "date | null", mode: "string | null", country: "string | null", origin: "string | null", destination: "string | null", place: "string | null", species: "string | null", product: "string | null", after: "string | null", limit: "integer" },
  slots: {},
  columns: { id: "string" },
  text: `// One page of shipments matching a filter, in id order (keyset pagination).
// Parameters: $dateFrom, $dateTo (Date or null, on the departure date), $mode (TransportMode or
// null), $country, $origin, $destination (ISO codes or null: any stop, the origin, the destination in
// that country), $place (place id or null), $species (species id or null), $product (Product or null).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it).
// @param dateFrom: date | null
// @param dateTo: date | null
// @param mode: string | null
// @param country: string | null
// @param origin: string | null
// @param destination: string | null
// @param place: string | null
// @param species: string | null
// @param product: string | null
// @param after: string | null
// @param limit: integer
// @column id: string
MATCH (node:Shipment)
WHERE ($dateFrom IS NULL OR node.departedOn >= $dateFrom)
  AND ($dateTo IS NULL OR node.departedOn <= $dateTo)
  AND ($mode IS NULL OR node.mode = $mode)
  AND ($country IS NULL OR EXISTS { (node)-[:STOPS_AT]->(stop) WHERE stop.id = $country OR EXISTS { (stop)-[:IN_COUNTRY]->(:Country {id: $country}) } })
  AND ($origin IS NULL OR EXISTS { (node)-[:STOPS_AT {role: "ORIGIN"}]->(stop) WHERE stop.id = $origin OR EXISTS { (stop)-[:IN_COUNTRY]->(:Country {id: $origin}) } })
  AND ($destination IS NULL OR EXISTS { (node)-[:STOPS_AT {role: "DESTINATION"}]->(stop) WHERE stop.id = $destination OR EXISTS { (stop)-[:IN_COUNTRY]->(:Country {id: $destination}) } })
  AND ($place IS NULL OR EXISTS { (node)-[:STOPS_AT]->(:Place {id: $place}) })
  AND ($species IS NULL OR EXISTS { (node)-[:CARRIED]->(:CommodityLine)-[:OF_SPECIES]->(:Species {id: $species}) })
  AND ($product IS NULL OR EXISTS { (node)-[:CARRIED]->(:CommodityLine {product: $product}) })
  AND ($after IS NULL OR node.id > $after)
// The page is cut before anything more of its nodes is read.
WITH node ORDER BY node.id LIMIT $limit
RETURN node.id AS id
`,
};

// species/count.cypher

export type SpeciesCountParameters = {
  citesAppendix: string | null;
  taxonClass: string | null;
  rank: string | null;
};

export type SpeciesCountRow = {
  count: number;
};

export type SpeciesCountSlots = Record<string, never>;

/** How many Species nodes match a filter. */
export const speciesCount: CypherQuery<SpeciesCountParameters, SpeciesCountRow, SpeciesCountSlots, "read"> = {
  name: "speciesCount",
  file: "species/count",
  mode: "read",
  parameters: { citesAppendix: "string | null", taxonClass: "string | null", rank: "string | null" },
  slots: {},
  columns: { count: "integer" },
  text: `// How many Species nodes match a filter.
// Parameters: $citesAppendix (CitesAppendix or null), $taxonClass (class name or null), $rank (TaxonRank or null;
// a species node stores no rank).
// Columns: count (integer).
// @param citesAppendix: string | null
// @param taxonClass: string | null
// @param rank: string | null
// @column count: integer
MATCH (node:Species)
WHERE ($citesAppendix IS NULL OR node.citesAppendix = $citesAppendix)
  AND ($taxonClass IS NULL OR node.taxonClass = $taxonClass)
  AND ($rank IS NULL OR coalesce(node.rank, 'SPECIES') = $rank)
RETURN count(node) AS count
`,
};

// species/list.cypher

export type SpeciesListParameters = {
  citesAppendix: string | null;
  taxonClass: string | null;
  rank: string | null;
  after: string | null;
  limit: Integer;
};

export type SpeciesListRow = {
  id: string;
};

export type SpeciesListSlots = Record<string, never>;

/** One page of Species nodes matching a filter, in id order (keyset pagination). */
export const speciesList: CypherQuery<SpeciesListParameters, SpeciesListRow, SpeciesListSlots, "read"> = {
  name: "speciesList",
  file: "species/list",
  mode: "read",
  parameters: { citesAppendix: "string | null", taxonClass: "string | null", rank: "string | null", after: "string | null", limit: "integer" },
  slots: {},
  columns: { id: "string" },
  text: `// One page of Species nodes matching a filter, in id order (keyset pagination).
// Parameters: $citesAppendix (CitesAppendix or null), $taxonClass (class name or null), $rank (TaxonRank or null;
// a species node stores no rank).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it).
// @param citesAppendix: string | null
// @param taxonClass: string | null
// @param rank: string | null
// @param after: string | null
// @param limit: integer
// @column id: string
MATCH (node:Species)
WHERE ($citesAppendix IS NULL OR node.citesAppendix = $citesAppendix)
  AND ($taxonClass IS NULL OR node.taxonClass = $taxonClass)
  AND ($rank IS NULL OR coalesce(node.rank, 'SPECIES') = $rank)
  AND ($after IS NULL OR node.id > $after)
// The page is cut before anything more of its nodes is read.
WITH node ORDER BY node.id LIMIT $limit
RETURN node.id AS id
`,
};

// timeline/events.cypher

export type TimelineEventsParameters = {
  id: string;
  from: CypherDate<number> | null;
  to: CypherDate<number> | null;
  first: Integer;
  resolved: boolean;
};

export type TimelineEventsRow = {
  labels: string[];
  events: TimelineEventMap[];
};

export type TimelineEventsSlots = Record<string, never>;

/** The dated events of an entity (the timeline root field), each once, in order: date, then the kind's rank, then the related entity's id, then the detail. Events without a date are left out. */
export const timelineEvents: CypherQuery<TimelineEventsParameters, TimelineEventsRow, TimelineEventsSlots, "read"> = {
  name: "timelineEvents",
  file: "timeline/events",
  mode: "read",
  parameters: { id: "string", from: "date | null", to: "date | null", first: "integer", resolved: "boolean" },
  slots: {},
  columns: { labels: "string[]", events: "TimelineEventMap[]" },
  text: `// The dated events of an entity (the timeline root field), each once, in order: date, then the kind's
// rank, then the related entity's id, then the detail. Events without a date are left out.
// Ids are unique per label only: the id is looked up once per label, by index, and every entity
// found gets its own row (with no events for kinds that have no timeline).
// Per kind: a person or company: shipments it was party to (SHIPMENT_DEPARTED, with its roles),
// seizures of them (SEIZURE, with its roles in the shipment); a person: its arrests (ARREST, the
// seizure's date) and convictions (CONVICTION, where convicted is true; dated by the seizure, the
// judgement's date being unrecorded), companies it is an officer of (COMPANY_INCORPORATED, with its
// offices); a company: its incorporation; a shipment: its departure, its seizures, arrests in them;
// a seizure: itself, the shipments it intercepted, its arrests.
// Each event once: the import writes a relationship once per source row, and a person's seizure is
// reached once per pair of a party relationship and an interception. An event is its kind, date,
// related entity and detail (an arrest's charge, a conviction's sentence: sources that differ on
// them give events of their own); the entity's roles in it (shipper and consignee of one shipment)
// are gathered on the one event, and so are the citations of every relationship that ties the event
// to the entity (party, interception, arrest, office), or the entity's own source rows.
// With $resolved, a person or company stands for its resolved cluster: the events of every person
// or company joined to it by SAME_AS (live SAME decisions, at most 20) are its own.
// Parameters: $id, $from, $to (Dates, inclusive, or null), $first (events per entity), $resolved.
// Columns: labels (of an entity that has the id), events (list of {date, kind, related
// ({id, labels, properties}), roles (distinct, sorted), detail (a charge or sentence), citations
// (list of {sourceId, sourceRow}, distinct, by sourceId then sourceRow)}).
// @param id: string
// @param from: date | null
// @param to: date | null
// @param first: integer
// @param resolved: boolean
// @column labels: string[]
// @column events: TimelineEventMap[]
CALL () {
  MATCH (n:Seizure {id: $id}) RETURN n
  UNION MATCH (n:Shipment {id: $id}) RETURN n
  UNION MATCH (n:CommodityLine {id: $id}) RETURN n
  UNION MATCH (n:Species {id: $id}) RETURN n
  UNION MATCH (n:Person {id: $id}) RETURN n
  UNION MATCH (n:Company {id: $id}) RETURN n
  UNION MATCH (n:Identifier {id: $id}) RETURN n
  UNION MATCH (n:Carrier {id: $id}) RETURN n
  UNION MATCH (n:Place {id: $id}) RETURN n
  UNION MATCH (n:Country {id: $id}) RETURN n
  UNION MATCH (n:Source {id: $id}) RETURN n
}
WITH n, COLLECT { MATCH (n)-[cited:SOURCED_FROM]->(source:Source) RETURN {sourceId: source.id, sourceRow: cited.row} } AS own
OPTIONAL CALL (n, own) {
  MATCH (n:Person|Company)-[:SAME_AS]-{0,20}(self)-[link:PARTY_TO]->(related:Shipment)
  WHERE $resolved OR self = n
  RETURN "SHIPMENT_DEPARTED" AS kind, 1 AS rank, related.departedOn AS date, related, link.role AS role, null AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Person|Company)-[:SAME_AS]-{0,20}(self)-[party:PARTY_TO]->(:Shipment)<-[link:INTERCEPTED]-(related:Seizure)
  WHERE $resolved OR self = n
  RETURN "SEIZURE" AS kind, 2 AS rank, related.date AS date, related, party.role AS role, null AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Person)-[:SAME_AS]-{0,20}(self)<-[link:ARRESTED]-(related:Seizure)
  WHERE $resolved OR self = n
  RETURN "ARREST" AS kind, 3 AS rank, related.date AS date, related, null AS role, link.charge AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Person)-[:SAME_AS]-{0,20}(self)<-[link:ARRESTED {convicted: true}]-(related:Seizure)
  WHERE $resolved OR self = n
  RETURN "CONVICTION" AS kind, 4 AS rank, related.date AS date, related, null AS role, link.sentence AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Person)-[:SAME_AS]-{0,20}(self)-[link:OFFICER_OF]->(related:Company)
  WHERE $resolved OR self = n
  RETURN "COMPANY_INCORPORATED" AS kind, 0 AS rank, related.incorporatedOn AS date, related, link.role AS role, null AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Company)
  RETURN "COMPANY_INCORPORATED" AS kind, 0 AS rank, n.incorporatedOn AS date, n AS related, null AS role, null AS detail, own AS citations
  UNION ALL
  MATCH (n:Shipment)
  RETURN "SHIPMENT_DEPARTED" AS kind, 1 AS rank, n.departedOn AS date, n AS related, null AS role, null AS detail, own AS citations
  UNION ALL
  MATCH (n:Shipment)<-[link:INTERCEPTED]-(related:Seizure)
  RETURN "SEIZURE" AS kind, 2 AS rank, related.date AS date, related, null AS role, null AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Shipment)<-[:INTERCEPTED]-(seizure:Seizure)-[link:ARRESTED]->(related:Person)
  RETURN "ARREST" AS kind, 3 AS rank, seizure.date AS date, related, null AS role, link.charge AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Shipment)<-[:INTERCEPTED]-(seizure:Seizure)-[link:ARRESTED {convicted: true}]->(related:Person)
  RETURN "CONVICTION" AS kind, 4 AS rank, seizure.date AS date, related, null AS role, link.sentence AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Seizure)
  RETURN "SEIZURE" AS kind, 2 AS rank, n.date AS date, n AS related, null AS role, null AS detail, own AS citations
  UNION ALL
  MATCH (n:Seizure)-[link:INTERCEPTED]->(related:Shipment)
  RETURN "SHIPMENT_DEPARTED" AS kind, 1 AS rank, related.departedOn AS date, related, null AS role, null AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Seizure)-[link:ARRESTED]->(related:Person)
  RETURN "ARREST" AS kind, 3 AS rank, n.date AS date, related, null AS role, link.charge AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Seizure)-[link:ARRESTED {convicted: true}]->(related:Person)
  RETURN "CONVICTION" AS kind, 4 AS rank, n.date AS date, related, null AS role, link.sentence AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
}
WITH n, kind, rank, date, related, detail, collect(role) AS roles, collect(citations) AS cited
WITH n, kind, rank, date, related, detail,
  COLLECT { UNWIND roles AS role RETURN DISTINCT role ORDER BY role } AS roles,
  COLLECT {
    UNWIND cited AS list
    UNWIND list AS citation
    WITH DISTINCT citation
    WHERE citation.sourceId IS NOT NULL
    RETURN citation ORDER BY citation.sourceId, citation.sourceRow
  } AS citations
ORDER BY date, rank, related.id, coalesce(detail, "")
WITH n, collect(
  CASE WHEN date IS NOT NULL AND ($from IS NULL OR date >= $from) AND ($to IS NULL OR date <= $to) THEN {
    date: date, kind: kind,
    related: {id: related.id, labels: labels(related), properties: properties(related)},
    roles: roles, detail: detail, citations: citations
  } END
) AS events
RETURN labels(n) AS labels, events[..$first] AS events
`,
};

// trends/series.cypher

export type TrendsSeriesParameters = {
  interval: string;
  by: string;
  species: string | null;
  product: string | null;
  country: string | null;
  mode: string | null;
  source: string | null;
  dateFrom: CypherDate<number> | null;
  dateTo: CypherDate<number> | null;
};

export type TrendsSeriesRow = {
  period: string;
  key: string | null;
  seizureCount: number;
  weighedSeizureCount: number;
  totalWeightKg: number | null;
  sourceCount: number;
};

export type TrendsSeriesSlots = Record<string, never>;

/** Seizure counts and weights per period, optionally split by species (or its genus or order), product or seizure country, with the number of distinct sources behind each figure. Seizures without a date are left out. A seizure counts once in each key its goods fall under: a seizure of */
export const trendsSeries: CypherQuery<TrendsSeriesParameters, TrendsSeriesRow, TrendsSeriesSlots, "read"> = {
  name: "trendsSeries",
  file: "trends/series",
  mode: "read",
  parameters: { interval: "string", by: "string", species: "string | null", product: "string | null", country: "string | null", mode: "string | null", source: "string | null", dateFrom: "date | null", dateTo: "date | null" },
  slots: {},
  columns: { period: "string", key: "string | null", seizureCount: "integer", weighedSeizureCount: "integer", totalWeightKg: "float | null", sourceCount: "integer" },
  text: `// Seizure counts and weights per period, optionally split by species (or its genus or order),
// product or seizure country, with the number of distinct sources behind each figure. Seizures
// without a date are left out. A seizure counts once in each key its goods fall under: a seizure of
// two pangolin species is one seizure of the genus Manis.
// Parameters: $interval ('YEAR' or 'MONTH'), $by ('SPECIES', 'GENUS', 'ORDER', 'PRODUCT', 'COUNTRY'
// or 'NONE'), $species (species id or null), $product (Product or null), $country (ISO code of the
// seizure country, or null), $mode (TransportMode or null), $source (Source id or null: only
// seizures it reports), $dateFrom, $dateTo (Date or null).
// Columns: period ('2015' or '2015-04'), key (species id, genus or order as the species index names
// it, product, country id; null for NONE or when unknown), seizureCount, weighedSeizureCount,
// totalWeightKg (null when no weight is known), sourceCount (all sources that report the seizures
// counted, not only $source). In period order, then key order.
// @param interval: string
// @param by: string
// @param species: string | null
// @param product: string | null
// @param country: string | null
// @param mode: string | null
// @param source: string | null
// @param dateFrom: date | null
// @param dateTo: date | null
// @column period: string
// @column key: string | null
// @column seizureCount: integer
// @column weighedSeizureCount: integer
// @column totalWeightKg: float | null
// @column sourceCount: integer
MATCH (seizure:Seizure)
WHERE seizure.date IS NOT NULL
  AND ($dateFrom IS NULL OR seizure.date >= $dateFrom) AND ($dateTo IS NULL OR seizure.date <= $dateTo)
  AND ($country IS NULL OR EXISTS { (seizure)-[:SEIZED_IN]->(:Country {id: $country}) })
  AND ($mode IS NULL OR EXISTS { (seizure)-[:INTERCEPTED]->(:Shipment {mode: $mode}) })
  AND ($source IS NULL OR EXISTS { (seizure)-[:SOURCED_FROM]->(:Source {id: $source}) })
OPTIONAL MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
WHERE ($product IS NULL OR line.product = $product)
  AND ($species IS NULL OR EXISTS { (line)-[:OF_SPECIES]->(:Species {id: $species}) })
WITH seizure, collect(line) AS lines
WHERE ($species IS NULL AND $product IS NULL) OR lines <> []
UNWIND CASE WHEN lines = [] THEN [null] ELSE lines END AS line
OPTIONAL MATCH (line)-[:OF_SPECIES]->(species:Species)
OPTIONAL MATCH (seizure)-[:SEIZED_IN]->(country:Country)
WITH seizure, line,
  CASE $interval WHEN 'MONTH' THEN substring(toString(seizure.date), 0, 7) ELSE toString(seizure.date.year) END AS period,
  CASE $by
    WHEN 'SPECIES' THEN species.id WHEN 'GENUS' THEN species.genus WHEN 'ORDER' THEN species.order
    WHEN 'PRODUCT' THEN line.product WHEN 'COUNTRY' THEN country.id
  END AS key
WITH period, key,
  collect(DISTINCT seizure) AS seizures,
  collect(DISTINCT line) AS weighed,
  count(DISTINCT CASE WHEN line.weightKg IS NOT NULL THEN seizure END) AS weighedSeizureCount
CALL (seizures) {
  UNWIND seizures AS seizure
  MATCH (seizure)-[:SOURCED_FROM]->(source:Source)
  RETURN count(DISTINCT source) AS sourceCount
}
RETURN period, key, size(seizures) AS seizureCount, weighedSeizureCount,
  reduce(total = null, line IN [line IN weighed WHERE line.weightKg IS NOT NULL] | coalesce(total, 0.0) + line.weightKg) AS totalWeightKg,
  sourceCount
ORDER BY period, key
`,
};

/** Every query, by name. */
export const queries = {
  adminDatabaseIsEmpty,
  aggregatesDatedSeizures,
  aggregatesDirtyEntities,
  aggregatesHubs,
  aggregatesLinks,
  aggregatesMarkAll,
  aggregatesMarkStaleTaxa,
  aggregatesMembers,
  aggregatesRoutesThrough,
  aggregatesSeizedShipments,
  aggregatesSeizuresOfSource,
  aggregatesShipmentsOfSource,
  aggregatesState,
  aggregatesTallies,
  aggregatesTouchShipments,
  aggregatesTrendMembers,
  aggregatesTrendMonths,
  aggregatesWriteTallies,
  aggregatesWriteTrendTallies,
  alertsAfter,
  alertsByIds,
  alertsLatest,
  alertsMatchBatch,
  alertsSince,
  alertsUnwatch,
  alertsWatch,
  alertsWatches,
  alertsWatching,
  apiKeysCreate,
  apiKeysFind,
  apiKeysList,
  apiKeysRevoke,
  auditAppend,
  auditHead,
  auditLines,
  auditLockHead,
  auditOpenHead,
  auditPage,
  auditPageOfEntity,
  auditPageOfSubject,
  auditRemoveBefore,
  auditSchemaEntityKey,
  auditSchemaHeadKey,
  auditSchemaRecordKey,
  auditSchemaRecordSeq,
  auditSchemaRecordSubject,
  companyCount,
  companyCounts,
  companyList,
  companyListOrdered,
  connectionsEndpoints,
  connectionsShortestPaths,
  countryCount,
  countryList,
  flowsLinks,
  flowsTotals,
  importBulkPatchNodes,
  importExistingIds,
  importMergeMentionedNodes,
  importMergeNodes,
  importMergeRelationships,
  importMergeSequencedRelationships,
  importMergeSource,
  importMergeSymmetricRelationships,
  importPlaceIndex,
  importRemovalDeleteMentions,
  importRemovalDeleteRelationships,
  importRemovalDeleteSource,
  importRemovalNextBatch,
  importRemovalSetSourceCounts,
  importRemovalStrayRelationships,
  importRemovalUnlinkNodes,
  importSourceCounts,
  importSourceNodeCounts,
  importSourceRelationshipCounts,
  importSpeciesIndex,
  networkExpand,
  nodesByIds,
  nodesIdsStartingWith,
  personCount,
  personCounts,
  personList,
  personListOrdered,
  placeCount,
  placeList,
  relatedAll,
  relatedCount,
  relatedPage,
  resolutionCount,
  resolutionDecisionPrepare,
  resolutionDecisionUndo,
  resolutionDecisionWrite,
  resolutionDecisionsByIds,
  resolutionDecisionsCount,
  resolutionDecisionsPage,
  resolutionDeleteStale,
  resolutionExportCompanies,
  resolutionExportPersons,
  resolutionPage,
  resolutionSameAsPairs,
  resolutionUnapplied,
  resolutionWriteCandidates,
  ringsByIds,
  ringsDeleteRuns,
  ringsExportIdentifiers,
  ringsExportOfficers,
  ringsExportShipments,
  ringsLatestRun,
  ringsList,
  ringsOfParties,
  ringsWriteQuality,
  ringsWriteRings,
  ringsWriteRun,
  routesLegs,
  routesObserved,
  routesTransitHubs,
  searchHits,
  seizureCount,
  seizureList,
  seizureListOrdered,
  sharedIdentifiersOfParties,
  shipmentCount,
  shipmentList,
  speciesCount,
  speciesList,
  timelineEvents,
  trendsSeries,
} as const;

export type QueryName = keyof typeof queries;
