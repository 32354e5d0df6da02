import type { DateTime, Integer } from "neo4j-driver";

import type { NodeLabel } from "../domain/graph-schema.js";
import type { RouteStopKey } from "../domain/trade-analysis.js";
import type { MemberSeizure } from "../domain/trade-tallies.js";
import type { TrendMember } from "../domain/trend-tallies.js";

/**
 * The named types that query headers may use (`// @column node: NodeProperties`): maps that
 * queries project, as toPlain (values.ts) hands them over, and maps that queries take as
 * parameters. A header names them; src/db/queries.generated.ts imports them from here. The names
 * end in `Map` for a map literal a query builds, in `Input` for a parameter map.
 *
 * They are type aliases, not interfaces: an alias has an implicit index signature, so a map still
 * goes where code takes `Record<string, unknown>`.
 *
 * Rows are checked where they arrive (cypher-query.ts: every column present, its scalars of the
 * declared type, its maps maps); what is inside a named map is promised by the query text that
 * builds it, read beside its header.
 */

/** A value after toPlain: integers as numbers, temporals as ISO text, nodes and relationships as their properties. */
export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

/** Properties of a node or relationship (`properties(n)`, `n {.*}`): any of them may be missing. */
export type Properties = Record<string, PlainValue>;

/** `n {.*, synthetic: n:Synthetic}`: a node's properties, with whether the node is invented. */
export type NodeProperties = Properties & {
  id: string;
  synthetic: boolean;
};

/** `{id: n.id, labels: labels(n), properties: properties(n)}`. */
export type NodeMap = {
  id: string;
  labels: string[];
  properties: Properties;
};

/** `{type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)}`. */
export type RelationshipMap = {
  type: string;
  source: string;
  target: string;
  properties: Properties;
};

/** A relationship of network/expand: with its element id, to count it once. */
export type KeyedRelationshipMap = RelationshipMap & {
  key: string;
};

/** A relationship of a path's hop (connections/shortest-paths): with its Source's title. */
export type CitedRelationshipMap = RelationshipMap & {
  sourceTitle: string | null;
};

/** A neighbour of a frontier node (network/expand). */
/** Another member of a person's or company's resolved cluster (joined by SAME_AS): enough to name it. */
export type ClusterMemberMap = {
  id: string;
  name: string;
  aliases: string[];
};

export type NeighbourMap = {
  node: NodeMap;
  /** The node's other cluster members; [] for a node in no cluster, or in the unresolved view. */
  members: ClusterMemberMap[];
  /** Distinct neighbours over the followed types; null when the degree is at most the hub threshold. */
  neighbourCount: number | null;
  relationships: KeyedRelationshipMap[];
};

/** A candidate of search/hits. */
export type SearchHitMap = {
  node: NodeProperties;
  labels: string[];
  score: number;
  /** 1 when the node is a phone number that matches digit for digit, else 0. */
  phone: number;
  /** The other members of a person's or company's resolved cluster; [] in the unresolved view. */
  members: ClusterMemberMap[];
};

/** `identifier {.id, .kind, .value, .rawValue}`: a missing property is null. */
export type IdentifierMap = {
  id: string;
  kind: string | null;
  value: string | null;
  rawValue: string | null;
};

/** A party that shares identifiers with another (shared-identifiers/of-parties). */
export type SharerMap = {
  party: NodeProperties;
  labels: string[];
  sharedCount: number;
  identifiers: IdentifierMap[];
};

/** A source and row that state something. */
export type CitationMap = {
  sourceId: string;
  sourceRow: number | null;
};

/** An event of timeline/events. */
export type TimelineEventMap = {
  /** YYYY-MM-DD. */
  date: string;
  kind: string;
  related: NodeMap;
  roles: string[];
  detail: string | null;
  citations: CitationMap[];
};

/** A stop of an observed route (routes/observed): the domain's own shape. */
export type RouteStopMap = RouteStopKey;

/** A person or company of the ring analysis; the queries write the kind as one of these two literals. */
export type RingPartyMap = {
  id: string;
  kind: "Person" | "Company";
};

export type RingMemberMap = RingPartyMap & {
  brokerRank: number | null;
  brokerScore: number;
  cohesion: number;
};

/** A stored ring (rings/list); what it touches is null until write-rings has set it. */
export type RingMap = {
  id: string;
  rank: number;
  size: number;
  seizureIds: string[] | null;
  seizureCount: number | null;
  totalWeightKg: number | null;
  shipmentCount: number | null;
  computedAtMs: number;
};

/** A stored ring with its scope (rings/by-ids). */
export type ScopedRingMap = RingMap & {
  scope: string;
};

/** A run of the ring analysis (rings/latest-run). */
export type RingRunMap = {
  id: string;
  scope: string;
  parameters: string;
  durationMs: number;
  partyCount: number;
  linkCount: number;
  communityCount: number;
  ringCount: number;
  computedAtMs: number;
};

/** `[key, count]` over a Source's kept counts (import/source-counts). */
export type KeyCountMap = [string, number];

/** Parameter values of a map: anything the driver sends (Neo4j integers and temporals included). */
export type ParameterMap = Record<string, unknown>;

/** An entry of network/expand's frontier: a node by id, under its kind, or under any kind for a seed. */
export type FrontierInput = {
  id: string;
  kind: NodeLabel | null;
};

/** A node of import/merge-mentioned-nodes. */
export type IdInput = {
  id: string;
};

/** A node of import/merge-nodes: its first data row, and its properties (no nulls). */
export type NodeRowInput = {
  id: string;
  row: Integer;
  properties: ParameterMap;
};

/** A relationship of the import/merge-*-relationships templates (`seq` read by the sequenced one only). */
export type RelationshipRowInput = {
  from: string;
  to: string;
  row: Integer;
  seq: Integer | null;
  properties: ParameterMap;
};

/** The run node of rings/write-run. */
export type RingRunInput = {
  id: string;
  kind: "rings";
  scope: string;
  computedAt: DateTime<number>;
  parameters: string;
  durationMs: Integer;
  partyCount: Integer;
  linkCount: Integer;
  communityCount: Integer;
  ringCount: Integer;
};

export type RingMemberInput = {
  id: string;
  kind: "Person" | "Company";
  brokerRank: Integer | null;
  brokerScore: number;
  cohesion: number;
};

/** A ring of rings/write-rings. */
export type RingInput = {
  id: string;
  rank: Integer;
  members: RingMemberInput[];
};

/** A shipment a member seizure intercepted (aggregates/members): see MemberSeizure in src/domain/trade-tallies.ts. */
export type MemberShipmentMap = MemberSeizure["shipments"][number];

/** A commodity line of a member seizure (aggregates/members). */
export type MemberLineMap = MemberSeizure["lines"][number];

/**
 * A recounted trade entity and its tallies (aggregates/write-tallies): one per period, with its
 * cells' figures in lists by property name: for each filter (`any`, `mode`, `source`, `species`,
 * `product`) `<filter>Keys` and, one entry per key, `<filter>SeizureCounts`, `…ShipmentCounts`,
 * `…WeighedSeizureCounts`, `…WeightsKg` (0 where none is known), `…LastSeen` ('' where none is),
 * `…EvidenceEnds` (where each key's evidence ends in `…EvidenceIds` and `…EvidenceDates`).
 */
export type TallyEntityInput = {
  id: string;
  version: Integer;
  spansMonths: boolean;
  members: Integer;
  tallies: { period: string; lists: Record<string, string[] | number[] | Integer[]> }[];
};

/** A commodity line of a trends month's member seizure (aggregates/trend-members): see TrendMember in src/domain/trend-tallies.ts. */
export type TrendLineMap = TrendMember["lines"][number];

/**
 * A recounted trends month and its tallies (aggregates/write-trend-tallies): one per cell, with its
 * splits' figures in lists by property name: for each split (`none`, `species`, `genus`, `order`,
 * `product`, `country`) `<split>Keys` ('' for the null key) and, one entry per key,
 * `<split>SeizureCounts`, `…WeighedSeizureCounts`, `…WeightsKg` (0 where none is known),
 * `…SourceEnds` (where each key's source ids end in `…SourceIds`).
 */
export type TrendMonthInput = {
  id: string;
  version: Integer;
  members: Integer;
  taxonSpecies: string[];
  taxonGenera: string[];
  taxonOrders: string[];
  cells: { cell: string; lists: Record<string, string[] | number[] | Integer[]> }[];
};
