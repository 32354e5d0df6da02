/**
 * The workbench's requests to the API (this origin's /graphql), each carrying the credential kept
 * in this browser (the explorer's: one token for every page of the origin). Nothing here decides
 * what a viewer may see: the API answers for the credential's role, persons and identifiers under
 * pseudonyms below INVESTIGATOR, and refuses what the role may not ask (FORBIDDEN).
 */
import { readCredential } from "../explorer/credential.js";
import type { NetworkEdge, NetworkNode } from "../embed/network.js";
import { GraphQLRequestError, postGraphQL } from "../shared/graphql-client.js";

export const API = new URL("/graphql", window.location.href).href;

export function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return postGraphQL<T>(API, readCredential() || null, query, variables);
}

/** The answer's data with each field's error by alias, for requests some of whose fields a role may not read. */
export async function askEach(query: string, variables: Record<string, unknown> = {}): Promise<{ data: Record<string, unknown>; codes: Record<string, string> }> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/graphql-response+json, application/json" };
  const credential = readCredential();
  if (credential) headers.authorization = `Bearer ${credential}`;
  let body: { data?: Record<string, unknown> | null; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[] };
  try {
    const response = await fetch(API, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    body = await response.json();
  } catch {
    throw new GraphQLRequestError("The API could not be reached.", "NETWORK_ERROR");
  }
  const codes: Record<string, string> = {};
  for (const error of body.errors ?? []) {
    const field = error.path?.[0];
    if (typeof field === "string") codes[field] = error.extensions?.code ?? "GRAPHQL_ERROR";
    else throw new GraphQLRequestError(error.message, error.extensions?.code ?? "GRAPHQL_ERROR");
  }
  return { data: body.data ?? {}, codes };
}

/** What the credential's role may ask, found by asking (the API has no field that names the role). */
export interface Clearance {
  /** ANALYST or above: paths, timelines, rings, counts, citations. */
  analyst: boolean;
  /** INVESTIGATOR or above: names and identifiers in clear. */
  investigator: boolean;
  signedIn: boolean;
}

export async function probeClearance(): Promise<Clearance> {
  try {
    const { codes } = await askEach(`query WorkbenchClearance { analyst: person(id: "-") { id } investigator: identifier(id: "-") { id } }`);
    return { signedIn: true, analyst: codes.analyst === undefined, investigator: codes.investigator === undefined };
  } catch (error) {
    if (error instanceof GraphQLRequestError && error.code === "UNAUTHENTICATED") return { signedIn: false, analyst: false, investigator: false };
    throw error;
  }
}

export function roleName(clearance: Clearance): string {
  if (!clearance.signedIn) return "not signed in";
  return clearance.investigator ? "INVESTIGATOR or above" : clearance.analyst ? "ANALYST" : "PUBLIC";
}

export interface SearchHit {
  id: string;
  kind: string;
  label: string;
  matched: string | null;
  score: number;
}

export async function search(text: string): Promise<SearchHit[]> {
  const data = await ask<{ search: { edges: { node: SearchHit }[] } }>(
    `query WorkbenchSearch($query: String!) { search(query: $query, first: 20) { edges { node { id kind label matched score } } } }`,
    { query: text },
  );
  return data.search.edges.map((edge) => edge.node);
}

const GRAPH_NODE = "id kind label neighbourCount synthetic properties";
const GRAPH_EDGE = "id type source target properties citations { row source { id title } }";

export interface Hop {
  from: string;
  to: string;
  date: string | null;
  forward: boolean;
  edge: { id: string; type: string; source: string; target: string };
  citations: { row: number | null; source: { id: string; title: string } }[];
}
export interface Path {
  length: number;
  explanation: string;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  hops: Hop[];
}

export async function connections(from: string, to: string): Promise<Path[]> {
  const data = await ask<{ connections: Path[] }>(
    `query WorkbenchConnections($from: ID!, $to: ID!) {
  connections(from: $from, to: $to, first: 3, maxHops: 6) {
    length explanation
    nodes { ${GRAPH_NODE} }
    edges { ${GRAPH_EDGE} }
    hops { from to date forward edge { id type source target } citations { row source { id title } } }
  }
}`,
    { from, to },
  );
  return data.connections;
}

/**
 * The network around ids (at most 20), one step out, for reopening a workspace (nodes and edges, at
 * most 500 nodes: the API's cost limit refuses 2000 with properties and citations).
 */
export async function network(ids: string[], types: string[] | null): Promise<{ nodes: NetworkNode[]; edges: NetworkEdge[] }> {
  const data = await ask<{ network: { nodes: NetworkNode[]; edges: NetworkEdge[] } }>(
    `query WorkbenchNetwork($ids: [ID!]!, $types: [RelationshipType!]) {
  network(ids: $ids, depth: 1, limit: 500, hubThreshold: 10000, types: $types) {
    nodes { ${GRAPH_NODE} }
    edges { ${GRAPH_EDGE} }
  }
}`,
    { ids, types },
  );
  return data.network;
}

/** The API's GraphML and CSV of the network around ids (at most 20), one step out, with the ids of its nodes. */
export async function networkExports(ids: string[], types: string[] | null): Promise<{ nodes: { id: string }[]; graphml: string; csv: { nodes: string; edges: string } }> {
  const data = await ask<{ network: { nodes: { id: string }[]; graphml: string; csv: { nodes: string; edges: string } } }>(
    `query WorkbenchExport($ids: [ID!]!, $types: [RelationshipType!]) {
  network(ids: $ids, depth: 1, limit: 2000, hubThreshold: 10000, types: $types) { nodes { id } graphml csv { nodes edges } }
}`,
    { ids, types },
  );
  return data.network;
}

export interface TimelineEvent {
  date: string;
  kind: string;
  title: string;
  detail: string | null;
  roles: string[];
  entity: { id: string; kind: string; label: string };
  citations: { row: number | null; source: { id: string; title: string } }[];
}

/**
 * The timelines of persons, companies, shipments or seizures, by id: ten a request, at most 100
 * events each (the API's cost limit refuses more in one request).
 */
export async function timelines(ids: string[]): Promise<Map<string, TimelineEvent[]>> {
  const found = new Map<string, TimelineEvent[]>();
  for (let start = 0; start < ids.length; start += 10) {
    const batch = ids.slice(start, start + 10);
    const selection = batch
      .map((_, index) => `t${index}: timeline(id: $i${index}, first: 100) { date kind title detail roles entity { id kind label } citations { row source { id title } } }`)
      .join("\n  ");
    const variables = Object.fromEntries(batch.map((id, index) => [`i${index}`, id]));
    const data = await ask<Record<string, TimelineEvent[]>>(`query WorkbenchTimelines(${batch.map((_, index) => `$i${index}: ID!`).join(", ")}) {\n  ${selection}\n}`, variables);
    batch.forEach((id, index) => found.set(id, data[`t${index}`] ?? []));
  }
  return found;
}

export interface PartyCounts {
  id: string;
  seizureCount: number;
  shipmentCount: number;
}

/** Seizure and shipment counts of persons and companies (ANALYST and above). */
export async function partyCounts(persons: string[], companies: string[]): Promise<Map<string, PartyCounts>> {
  const data = await ask<{ persons: { edges: { node: PartyCounts }[] }; companies: { edges: { node: PartyCounts }[] } }>(
    `query WorkbenchCounts($persons: [ID!], $companies: [ID!]) {
  persons(filter: { ids: $persons }, first: 100) { edges { node { id seizureCount shipmentCount } } }
  companies(filter: { ids: $companies }, first: 100) { edges { node { id seizureCount shipmentCount } } }
}`,
    { persons: persons.slice(0, 100), companies: companies.slice(0, 100) },
  );
  return new Map([...data.persons.edges, ...data.companies.edges].map((edge) => [edge.node.id, edge.node]));
}

export interface RingAnswer {
  state: string;
  rings: { id: string; rank: number; size: number; members: { party: { id: string } }[] }[];
}

export async function rings(): Promise<RingAnswer> {
  const data = await ask<{ rings: RingAnswer }>(
    `query WorkbenchRings { rings(first: 200, minSize: 2) { state rings { id rank size members { party { ... on Person { id } ... on Company { id } } } } } }`,
  );
  return data.rings;
}
