import { readFile } from "node:fs/promises";
import path from "node:path";

import { parse } from "csv-parse/sync";

import { Role } from "../../src/auth/role.js";
import { foldText } from "../../src/domain/search-text.js";
import { StopLevel, TrendDimension, TrendInterval } from "../../src/domain/trade-analysis.js";
import { FLOWS_CHECK_QUERY, NO_FILTER, ROUTE_PAIRS, ROUTES_QUERY, TRENDS_QUERY, trendVariables } from "../analyst/shapes.js";
import { CONNECTIONS_QUERY, NETWORK_QUERY, SEARCH_QUERY, SHARED_IDENTIFIERS_QUERY } from "../investigator/shapes.js";
import { Random } from "../random.js";
import { LIST_QUERY } from "../shapes.js";
import type { LoadNetwork } from "./network.js";

/**
 * What the load's clients ask: two mixes of requests, each a weighted set of kinds of request,
 * each kind with its GraphQL document and a pool of variables drawn from the loaded network.
 * The documents are the other benchmarks' wherever one exists, so figures can be read together.
 */
export interface RequestKind {
  key: string;
  /** Share of the mix's requests, out of the sum of its kinds' weights. */
  weight: number;
  document: string;
  /** Distinct variables, each asked in turn by chance. */
  variables: Record<string, unknown>[];
  /**
   * Why an answer cannot be right, or null: asked of the reference answers (taken one at a time
   * before the load), to which every answer under load must then be equal.
   */
  implausible(data: Record<string, unknown>, variables: Record<string, unknown>): string | null;
}

export interface Mix {
  key: "investigator" | "analyst";
  /** The role of the mix's tokens. */
  role: Role;
  kinds: RequestKind[];
}

/** Variables per kind: each is asked once for its reference answer before the load. */
const POOL = 12;

/** A seizure with what an investigator opens it for: what was seized, the shipments' routes and parties. */
export const SEIZURE_QUERY = `query Seizure($id: ID!) {
  seizure(id: $id) {
    id date agency arrestCount
    country { code name }
    place { id name }
    commodities { product quantity unit weightKg species { scientificName } }
    shipments {
      id mode departedOn
      route { sequence role place { name } country { code } }
      parties { role party { ... on Person { id name } ... on Company { id name } } }
    }
  }
}`;

export const TIMELINE_QUERY = `query Timeline($id: ID!) {
  timeline(id: $id, first: 50) { date kind title roles }
}`;

interface SeizureRow {
  id: string;
  date: string;
  countryId: string;
}

async function readCsv<T>(network: LoadNetwork, file: string): Promise<T[]> {
  return parse(await readFile(path.join(network.filesDir, file)), { columns: true }) as T[];
}

const list = (value: unknown) => (Array.isArray(value) ? value : []);
const object = (value: unknown) => (typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {});

/**
 * An investigator's day: finding people by name, opening seizures with their shipments and
 * parties, expanding a suspect's network, looking for a path between two suspects, reading a
 * timeline, checking shared phones and addresses.
 */
export async function investigatorMix(network: LoadNetwork): Promise<Mix> {
  const random = new Random(1);
  const persons = await readCsv<{ id: string; name: string }>(network, "persons.csv");
  const seizures = await readCsv<SeizureRow>(network, "seizures.csv");
  const members = random.shuffle(network.truth.rings.flatMap((ring) => ring.members.map((member) => member.id))).slice(0, POOL);
  return {
    key: "investigator",
    role: Role.INVESTIGATOR,
    kinds: [
      {
        key: "search",
        weight: 25,
        document: SEARCH_QUERY,
        // Names as an investigator types them: lower case, without diacritics.
        variables: random.shuffle(persons).slice(0, POOL).map((person) => ({ query: foldText(person.name) })),
        implausible: (data) => (Number(object(data.search).totalCount) >= 1 ? null : "no hit for a name of the network"),
      },
      {
        key: "seizure",
        weight: 25,
        document: SEIZURE_QUERY,
        variables: random.shuffle(seizures).slice(0, POOL).map((seizure) => ({ id: seizure.id })),
        implausible: (data, variables) => (object(data.seizure).id === variables.id ? null : "not the seizure asked for"),
      },
      {
        key: "network",
        weight: 15,
        document: NETWORK_QUERY,
        variables: members.map((id) => ({ ids: [id] })),
        implausible: (data, variables) =>
          list(object(data.network).nodes).some((node) => object(node).id === list(variables.ids)[0]) ? null : "the seed is not in its network",
      },
      {
        key: "timeline",
        weight: 15,
        document: TIMELINE_QUERY,
        variables: members.map((id) => ({ id })),
        implausible: (data) => (list(data.timeline).length > 0 ? null : "a ring member with no dated event"),
      },
      {
        key: "connections",
        weight: 10,
        document: CONNECTIONS_QUERY,
        variables: connectionPairs(network, random),
        implausible: (data) => (Array.isArray(data.connections) ? null : "no list"),
      },
      {
        key: "sharedIdentifiers",
        weight: 10,
        document: SHARED_IDENTIFIERS_QUERY,
        variables: members.map((id) => ({ id })),
        implausible: (data) => (Array.isArray(data.sharedIdentifiers) ? null : "no list"),
      },
    ],
  };
}

/**
 * Two suspects: the ends of the planted paths the default search reaches (at most 4 hops), and
 * pairs of members of one ring (most are joined within 4 hops, some not: an empty answer is an answer).
 */
function connectionPairs(network: LoadNetwork, random: Random): Record<string, unknown>[] {
  const planted = network.truth.plantedPaths.filter((path) => path.length <= 4).map((path) => ({ from: path.from, to: path.to }));
  const inRings = network.truth.rings.flatMap((ring) => {
    const [first, ...others] = random.shuffle(ring.members.map((member) => member.id));
    return others.slice(0, 2).map((other) => ({ from: first!, to: other }));
  });
  return [...planted, ...inRings].slice(0, POOL);
}

/**
 * An analyst's dashboard: pages of seizures in a country and year, trends split by species,
 * product or country, routes between two countries, flows between countries or places.
 */
export async function analystMix(network: LoadNetwork): Promise<Mix> {
  const random = new Random(2);
  const seizures = await readCsv<SeizureRow>(network, "seizures.csv");
  const species = [...new Set(network.truth.rings.flatMap((ring) => ring.focusSpecies))];
  // A page per seizure picked: its country, its year.
  const pages = new Map<string, Record<string, unknown>>();
  for (const seizure of random.shuffle(seizures.filter((row) => row.date))) {
    const year = seizure.date.slice(0, 4);
    pages.set(`${seizure.countryId}-${year}`, { country: seizure.countryId, dateFrom: `${year}-01-01`, dateTo: `${year}-12-31` });
  }
  const year = (from: string) => ({ dateFrom: `${from}-01-01`, dateTo: `${from}-12-31` });
  const trend = (interval: TrendInterval, by: TrendDimension, filter: Partial<typeof NO_FILTER>, country: string | null = null) =>
    trendVariables({ interval, by, filter: { ...NO_FILTER, ...filter }, country });
  const countries = [...new Set(seizures.map((seizure) => seizure.countryId))];
  return {
    key: "analyst",
    role: Role.ANALYST,
    kinds: [
      {
        key: "seizurePage",
        weight: 40,
        document: LIST_QUERY,
        variables: [...pages.values()].slice(0, POOL),
        implausible: (data) => (list(object(data.seizures).edges).length > 0 ? null : "an empty page where a seizure was picked"),
      },
      {
        key: "trends",
        weight: 20,
        document: TRENDS_QUERY,
        variables: [
          trend(TrendInterval.YEAR, TrendDimension.SPECIES, {}),
          trend(TrendInterval.YEAR, TrendDimension.PRODUCT, {}),
          trend(TrendInterval.YEAR, TrendDimension.COUNTRY, {}),
          ...species.slice(0, 4).map((id) => trend(TrendInterval.MONTH, TrendDimension.NONE, { species: id })),
          ...random.shuffle(countries).slice(0, 4).map((code) => trend(TrendInterval.YEAR, TrendDimension.SPECIES, {}, code)),
        ],
        implausible: (data) => (Array.isArray(data.trends) ? null : "no list"),
      },
      {
        key: "routes",
        weight: 20,
        document: ROUTES_QUERY,
        variables: ROUTE_PAIRS.map((pair) => ({ from: pair.from, to: pair.to })),
        implausible: (data) => (typeof object(data.routes).observedCount === "number" ? null : "no route report"),
      },
      {
        key: "flows",
        weight: 20,
        // The document with a filter; `first` is the default, 200 links.
        document: FLOWS_CHECK_QUERY,
        variables: [
          { level: StopLevel.COUNTRY, first: 200 },
          { level: StopLevel.PLACE, first: 200 },
          ...species.slice(0, 3).map((id) => ({ level: StopLevel.COUNTRY, first: 200, filter: { species: id } })),
          ...["2019", "2021", "2023"].map((from) => ({ level: StopLevel.COUNTRY, first: 200, filter: year(from) })),
        ],
        implausible: (data) => (list(object(data.flows).links).length > 0 ? null : "no flow over the whole network"),
      },
    ],
  };
}

/** A mix's kind by weight, and one of its variables, each by chance. */
export function drawRequest(mix: Mix, random: Random): { kind: RequestKind; variablesIndex: number } {
  const kind = random.weighted(mix.kinds, mix.kinds.map((entry) => entry.weight));
  return { kind, variablesIndex: random.int(0, kind.variables.length - 1) };
}
