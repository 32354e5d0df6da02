/**
 * The seizures behind what a reader clicked on the route map, with their evidence: date, place,
 * products and species, and the sources (with their rows) that report them.
 *
 * - A flow from country A to country B: the API has no list of a flow's seizures, so they are
 *   gathered from `routes(from: A, to: B)`: the observed routes that pass from A straight to B (a
 *   route from A to B may also go through other countries, which is another flow) and their
 *   `evidence`, the seizures behind each, merged. The API gives 50 routes at a time (more, with their evidence, passes its cost limit) and 50 seizures
 *   per route, so a very busy flow is listed in part, and says so.
 * - A country: `seizures(filter: {country})`, the seizures made there under the same filter, the
 *   first 50 (the API pages by 100 at most).
 * Sources and a route's evidence are for ANALYST and above: for a lesser role the list says which
 * routes or seizures there are without them.
 */
import { GraphQLRequestError, postGraphQL } from "../shared/graphql-client.js";

/** Seizures listed for a country (one page). */
export const COUNTRY_PAGE = 50;
/** The most routes and seizures per route the API gives (routes' `first` and `evidence`). */
const MAX_ROUTES = 50;
const MAX_EVIDENCE = 50;

const SEIZURE_FIELDS = (sources: boolean) => `id date dateText locationText
  place { name } country { code name }
  commodities { product quantity quantityText unit weightKg speciesText species { id scientificName } }
  ${sources ? "sources { row source { id title url } }" : ""}`;

const FLOW_QUERY = (evidence: boolean) => `query EmbedFlowSeizures($from: CountryCode!, $to: CountryCode!, $filter: TradeFilter, $first: Int!, $evidence: Int!) {
  routes(from: $from, to: $to, filter: $filter, first: $first, evidence: $evidence, inferred: false) {
    observedCount
    observed { countries { code name } seizureCount lastSeen ${evidence ? `evidence { ${SEIZURE_FIELDS(true)} }` : ""} }
  }
}`;

const COUNTRY_QUERY = (sources: boolean) => `query EmbedCountrySeizures($filter: SeizureFilter, $first: Int!) {
  seizures(filter: $filter, first: $first) { totalCount edges { node { ${SEIZURE_FIELDS(sources)} } } }
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
  /** The seizures listed, latest first. */
  seizures: SeizureEvidence[];
  /** How many seizures there are in all (a flow's from the map's figures, a country's from the API). */
  total: number;
  /** For a flow: the observed routes that pass straight from one country to the other. */
  routes: FlowRoute[];
  /** False when the viewer's role may not read sources or evidence: the list holds what it may. */
  withSources: boolean;
}

export interface TradeFilterValues {
  species?: string;
  product?: string;
  dateFrom?: string;
  dateTo?: string;
}

interface RoutesAnswer {
  routes: { observedCount: number; observed: (FlowRoute & { evidence?: SeizureEvidence[] })[] };
}

interface SeizuresAnswer {
  seizures: { totalCount: number; edges: { node: SeizureEvidence }[] };
}

/** Whether a route's countries go from `from` straight to `to` somewhere along it. */
function passesStraight(route: FlowRoute, from: string, to: string): boolean {
  return route.countries.some((country, index) => country.code === from && route.countries[index + 1]?.code === to);
}

function latestFirst(a: SeizureEvidence, b: SeizureEvidence): number {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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

export async function flowSeizures(
  api: string,
  credential: string | null,
  flow: { source: string; target: string; seizureCount: number },
  filter: TradeFilterValues,
  signal: AbortSignal,
): Promise<EvidenceList> {
  const variables = { from: flow.source, to: flow.target, filter, first: MAX_ROUTES, evidence: MAX_EVIDENCE };
  const { answer, withSources } = await withOrWithoutSources((sources) => postGraphQL<RoutesAnswer>(api, credential, FLOW_QUERY(sources), variables, signal));
  const routes = answer.routes.observed.filter((route) => passesStraight(route, flow.source, flow.target));
  const seizures = new Map<string, SeizureEvidence>();
  for (const route of routes) for (const seizure of route.evidence ?? []) seizures.set(seizure.id, seizure);
  return {
    seizures: [...seizures.values()].sort(latestFirst),
    total: flow.seizureCount,
    routes: routes.map(({ countries, seizureCount, lastSeen }) => ({ countries, seizureCount, lastSeen })),
    withSources,
  };
}

export async function countrySeizures(
  api: string,
  credential: string | null,
  country: string,
  filter: TradeFilterValues,
  signal: AbortSignal,
): Promise<EvidenceList> {
  const variables = { filter: { ...filter, country }, first: COUNTRY_PAGE };
  const { answer, withSources } = await withOrWithoutSources((sources) => postGraphQL<SeizuresAnswer>(api, credential, COUNTRY_QUERY(sources), variables, signal));
  return {
    seizures: answer.seizures.edges.map((edge) => edge.node).sort(latestFirst),
    total: answer.seizures.totalCount,
    routes: [],
    withSources,
  };
}
