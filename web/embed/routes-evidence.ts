/**
 * The seizures behind what a reader clicked on the route map, with their evidence: date, place,
 * products and species, and the sources (with their rows) that report them. Both lists come latest
 * first (undated last), a page of 50 at a time, with their total; the next page follows the last
 * one's cursor.
 *
 * - A flow from country A to country B: `seizures(filter: {flow: {from: A, to: B}})`, exactly the
 *   seizures `flows` counts for that link under the same filter; beside them, the observed routes
 *   that pass from A straight to B (`routes(from: A, to: B)`, without their evidence).
 * - A country: `seizures(filter: {country})`, the seizures made there under the same filter.
 * Sources are for ANALYST and above: for a lesser role the list shows the seizures without them.
 */
import { GraphQLRequestError, postGraphQL } from "../shared/graphql-client.js";

/** Seizures listed at a time (the API pages by 100 at most). */
export const SEIZURE_PAGE = 50;
/** Observed routes listed beside a flow's seizures. */
const MAX_ROUTES = 50;

const SEIZURE_FIELDS = (sources: boolean) => `id date dateText locationText
  place { name } country { code name }
  commodities { product quantity quantityText unit weightKg speciesText species { id scientificName } }
  ${sources ? "sources { row source { id title url } }" : ""}`;

const ROUTES_QUERY = `query EmbedFlowRoutes($from: CountryCode!, $to: CountryCode!, $filter: TradeFilter, $first: Int!) {
  routes(from: $from, to: $to, filter: $filter, first: $first, evidence: 0, inferred: false) {
    observed { countries { code name } seizureCount lastSeen }
  }
}`;

const SEIZURES_QUERY = (sources: boolean) => `query EmbedSeizures($filter: SeizureFilter, $first: Int!, $after: String) {
  seizures(filter: $filter, orderBy: { field: DATE, direction: DESC }, first: $first, after: $after) {
    totalCount
    edges { node { ${SEIZURE_FIELDS(sources)} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface SeizureEvidence {
  id: string;
  date: string | null;
  dateText: string | null;
  locationText: string | null;
  place: { name: string } | null;
  country: { code: string; name: string } | null;
  commodities: {
    product: string;
    quantity: number | null;
    quantityText: string | null;
    unit: string;
    weightKg: number | null;
    speciesText: string | null;
    species: { id: string; scientificName: string } | null;
  }[];
  /** Absent when the viewer's role may not read sources. */
  sources?: { row: number | null; source: { id: string; title: string; url: string | null } }[];
}

export interface FlowRoute {
  countries: { code: string; name: string }[];
  seizureCount: number;
  lastSeen: string | null;
}

export interface EvidenceList {
  /** The seizures listed so far, latest first (undated last). */
  seizures: SeizureEvidence[];
  /** How many seizures there are in all. */
  total: number;
  /** For a flow: the observed routes that pass straight from one country to the other. */
  routes: FlowRoute[];
  /** False when the viewer's role may not read sources: the list holds the seizures without them. */
  withSources: boolean;
  /** The filter the seizures were asked with, for the next page. */
  filter: SeizureFilterValues;
  /** The cursor of the next page; null when every seizure is listed. */
  after: string | null;
}

export interface TradeFilterValues {
  species?: string;
  product?: string;
  dateFrom?: string;
  dateTo?: string;
}

export interface SeizureFilterValues extends TradeFilterValues {
  country?: string;
  flow?: { from: string; to: string };
}

interface RoutesAnswer {
  routes: { observed: FlowRoute[] };
}

interface SeizuresAnswer {
  seizures: { totalCount: number; edges: { node: SeizureEvidence }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Whether a route's countries go from `from` straight to `to` somewhere along it. */
function passesStraight(route: FlowRoute, from: string, to: string): boolean {
  return route.countries.some((country, index) => country.code === from && route.countries[index + 1]?.code === to);
}

/** Runs `ask(true)`, and `ask(false)` when the viewer's role may not read what the first asks (FORBIDDEN). */
async function withOrWithoutSources<T>(ask: (sources: boolean) => Promise<T>): Promise<{ answer: T; withSources: boolean }> {
  try {
    return { answer: await ask(true), withSources: true };
  } catch (error) {
    if (error instanceof GraphQLRequestError && error.code === "FORBIDDEN") return { answer: await ask(false), withSources: false };
    throw error;
  }
}

async function firstPage(api: string, credential: string | null, filter: SeizureFilterValues, signal: AbortSignal): Promise<EvidenceList> {
  const variables = { filter, first: SEIZURE_PAGE, after: null };
  const { answer, withSources } = await withOrWithoutSources((sources) =>
    postGraphQL<SeizuresAnswer>(api, credential, SEIZURES_QUERY(sources), variables, signal),
  );
  const { totalCount, edges, pageInfo } = answer.seizures;
  return {
    seizures: edges.map((edge) => edge.node),
    total: totalCount,
    routes: [],
    withSources,
    filter,
    after: pageInfo.hasNextPage ? pageInfo.endCursor : null,
  };
}

/** The list with its next page of seizures added (with sources when the first page had them). */
export async function nextSeizures(api: string, credential: string | null, list: EvidenceList, signal: AbortSignal): Promise<EvidenceList> {
  if (list.after === null) return list;
  const variables = { filter: list.filter, first: SEIZURE_PAGE, after: list.after };
  const answer = await postGraphQL<SeizuresAnswer>(api, credential, SEIZURES_QUERY(list.withSources), variables, signal);
  const { totalCount, edges, pageInfo } = answer.seizures;
  return {
    ...list,
    seizures: [...list.seizures, ...edges.map((edge) => edge.node)],
    total: totalCount,
    after: pageInfo.hasNextPage ? pageInfo.endCursor : null,
  };
}

export async function flowSeizures(
  api: string,
  credential: string | null,
  flow: { source: string; target: string },
  filter: TradeFilterValues,
  signal: AbortSignal,
): Promise<EvidenceList> {
  const [list, routes] = await Promise.all([
    firstPage(api, credential, { ...filter, flow: { from: flow.source, to: flow.target } }, signal),
    postGraphQL<RoutesAnswer>(api, credential, ROUTES_QUERY, { from: flow.source, to: flow.target, filter, first: MAX_ROUTES }, signal),
  ]);
  return { ...list, routes: routes.routes.observed.filter((route) => passesStraight(route, flow.source, flow.target)) };
}

export function countrySeizures(
  api: string,
  credential: string | null,
  country: string,
  filter: TradeFilterValues,
  signal: AbortSignal,
): Promise<EvidenceList> {
  return firstPage(api, credential, { ...filter, country }, signal);
}
