import { dateParameter, integerParameter } from "../../src/db/values.js";
import { Random } from "../random.js";
import { LIST_QUERY } from "../shapes.js";

/**
 * The questions of issue 14's table, each asked three ways: of this API, of @neo4j/graphql over
 * the same database (peer-typedefs.graphql), and as hand-written Cypher (bench/peer/cypher/).
 * The three answers differ in shape (two schemas and a result table), so each side has a function
 * that turns its answer into one canonical value; lists whose order the question does not define
 * are sorted there. The benchmark checks the three canonical values equal before it times them.
 */
export interface Question {
  /** The GraphQL document, as sent. */
  document: string;
  variables(round: number): Record<string, unknown>;
  /** The canonical answer from the response's `data`. */
  answer(data: any): unknown;
}

export interface RawQuestion {
  /** The file under bench/peer/cypher/, without its extension. */
  file: string;
  parameters(round: number): Record<string, unknown>;
  /** The canonical answer from the rows (plain values). */
  answer(rows: Record<string, any>[]): unknown;
}

export interface PeerShape {
  key: string;
  title: string;
  /** How the question is put to each system, for the report. */
  mapping: string;
  /** How the inputs vary from round to round. */
  inputs: string;
  api: Question;
  peer: Question;
  raw: RawQuestion;
}

/** What the questions are drawn from (bench/peer/cypher/inputs.cypher, or a test's own ids). */
export interface ShapeInputs {
  seizureIds: string[];
  seizureCountries: string[];
  origins: string[];
  destinations: string[];
  sharers: string[];
}

const PAGE = 20;
const SHARERS = 20;
const TOP_PERSONS = 20;
const NEIGHBOURS = 20;
/** Origins cycled through by the per-destination shape: the busiest ones. */
const ORIGINS = 12;

const cycle = <T>(items: readonly T[], round: number): T => {
  if (items.length === 0) throw new Error("a shape has no inputs: the network lacks what it asks about");
  return items[round % items.length]!;
};
const byKey =
  <T>(...keys: ((item: T) => string | number | null)[]) =>
  (a: T, b: T): number => {
    for (const key of keys) {
      const [x, y] = [key(a), key(b)];
      if (x === y) continue;
      if (x === null) return -1;
      if (y === null) return 1;
      return x < y ? -1 : 1;
    }
    return 0;
  };
/** The first node of a peer relationship field (the peer lists every relationship field). */
const first = <T>(list: T[] | null | undefined): T | null => list?.[0] ?? null;

export function typenameShape(): PeerShape {
  return {
    key: "typename",
    title: "`{ __typename }`",
    mapping: "The same document to both GraphQL servers; neither reaches the database. Raw Cypher: `RETURN \"Query\"`, the floor of one round trip.",
    inputs: "none",
    api: { document: "{ __typename }", variables: () => ({}), answer: (data) => data },
    peer: { document: "{ __typename }", variables: () => ({}), answer: (data) => data },
    raw: { file: "typename", parameters: () => ({}), answer: (rows) => rows[0] },
  };
}

interface LookupAnswer {
  id: string;
  date: string | null;
  country: { code: string; name: string | null } | null;
  place: { id: string; name: string | null } | null;
  commodities: { id: string; product: string; quantity: number | null; weightKg: number | null; species: { id: string; scientificName: string | null } | null }[];
  shipments: {
    id: string;
    mode: string | null;
    route: { sequence: number; role: string; place: { id: string; name: string | null } | null; country: string | null }[];
    parties: { role: string; kind: string; id: string; name: string | null }[];
  }[];
}

/** Orders what the lookup's question leaves unordered: commodities and shipments by id, stops by sequence, parties by kind and id. */
function canonicalLookup(seizure: LookupAnswer | null): { seizure: LookupAnswer | null } {
  if (seizure === null) return { seizure };
  return {
    seizure: {
      ...seizure,
      commodities: [...seizure.commodities].sort(byKey((line) => line.id)),
      shipments: [...seizure.shipments]
        .map((shipment) => ({
          ...shipment,
          route: [...shipment.route].sort(byKey((stop) => stop.sequence, (stop) => stop.role)),
          parties: [...shipment.parties].sort(byKey((party) => party.kind, (party) => party.id, (party) => party.role)),
        }))
        .sort(byKey((shipment) => shipment.id)),
    },
  };
}

export function lookupShape(seizureIds: readonly string[]): PeerShape {
  const ids = new Random(61).shuffle(seizureIds);
  const id = (round: number) => ({ id: cycle(ids, round) });
  return {
    key: "lookup",
    title: "nested seizure lookup (country, commodities→species, shipments→route→place, parties)",
    mapping:
      "This API: `seizure(id)` with its relationship fields. Peer: `seizures(where: {id: {eq}})`; route and parties through `routeConnection` (sorted by the edge's `seq`) and `partiesConnection` for their relationship properties, a stop being the union `Place | Country`, a place's country its `country` field. Lists the question does not order (commodities, shipments, parties) are sorted before comparing.",
    inputs: `a different seizure each round (${ids.length} seizures, seeded shuffle)`,
    api: {
      document: `query SeizureLookup($id: ID!) {
  seizure(id: $id) {
    id date
    country { code name }
    place { id name }
    commodities { id product quantity weightKg species { id scientificName } }
    shipments {
      id mode
      route { sequence role place { id name } country { code } }
      parties { role party { __typename ... on Person { id name } ... on Company { id name } } }
    }
  }
}`,
      variables: id,
      answer: (data) =>
        canonicalLookup(
          data.seizure === null
            ? null
            : {
                ...data.seizure,
                shipments: data.seizure.shipments.map((shipment: any) => ({
                  ...shipment,
                  route: shipment.route.map((stop: any) => ({ ...stop, country: stop.country?.code ?? null })),
                  parties: shipment.parties.map((link: any) => ({ role: link.role, kind: link.party.__typename, id: link.party.id, name: link.party.name })),
                })),
              },
        ),
    },
    peer: {
      document: `query SeizureLookup($id: ID!) {
  seizures(where: { id: { eq: $id } }) {
    id date
    country { id name }
    place { id name }
    commodities { id product quantity weightKg species { id scientificName } }
    shipments {
      id mode
      routeConnection(sort: [{ edge: { seq: ASC } }]) {
        edges {
          properties { seq role }
          node { __typename ... on Place { id name country { id } } ... on Country { id } }
        }
      }
      partiesConnection {
        edges { properties { role } node { __typename ... on Person { id name } ... on Company { id name } } }
      }
    }
  }
}`,
      variables: id,
      answer: (data) => {
        const seizure = first<any>(data.seizures);
        if (seizure === null) return canonicalLookup(null);
        const country = first<any>(seizure.country);
        return canonicalLookup({
          id: seizure.id,
          date: seizure.date,
          country: country === null ? null : { code: country.id, name: country.name },
          place: first(seizure.place),
          commodities: seizure.commodities.map((line: any) => ({ ...line, species: first(line.species) })),
          shipments: seizure.shipments.map((shipment: any) => ({
            id: shipment.id,
            mode: shipment.mode,
            route: shipment.routeConnection.edges.map(({ properties, node }: any) => ({
              sequence: properties.seq,
              role: properties.role,
              place: node.__typename === "Place" ? { id: node.id, name: node.name } : null,
              country: node.__typename === "Place" ? (first<any>(node.country)?.id ?? null) : node.id,
            })),
            parties: shipment.partiesConnection.edges.map(({ properties, node }: any) => ({
              role: properties.role,
              kind: node.__typename,
              id: node.id,
              name: node.name,
            })),
          })),
        });
      },
    },
    raw: { file: "seizure-lookup", parameters: id, answer: (rows) => canonicalLookup(rows[0]?.seizure ?? null) },
  };
}

interface ListAnswer {
  totalCount: number;
  nodes: { id: string; date: string | null; commodities: { product: string; weightKg: number | null; species: string | null }[] }[];
}

const sortLines = <T extends { product: string; species: string | null }>(lines: T[]): T[] =>
  [...lines].sort(byKey((line) => line.product, (line) => line.species, (line) => JSON.stringify(line)));

function canonicalList(list: ListAnswer): ListAnswer {
  return { ...list, nodes: list.nodes.map((node) => ({ ...node, commodities: sortLines(node.commodities) })) };
}

export function listShape(countries: readonly string[]): PeerShape {
  const random = new Random(62);
  const windows = Array.from({ length: 97 }, () => {
    const fromYear = random.int(2010, 2019);
    return { dateFrom: `${fromYear}-${String(random.int(1, 12)).padStart(2, "0")}-01`, dateTo: `${Math.min(fromYear + random.int(2, 5), 2024)}-12-31` };
  });
  const input = (round: number) => ({ country: cycle(countries, round), ...cycle(windows, round) });
  return {
    key: "list",
    title: "filtered list page with totalCount and nested lines",
    mapping:
      "This API: `LIST_QUERY` of bench/shapes.ts, `seizures(first: 20, filter: {country, dateFrom, dateTo})` in id order. Peer: `seizuresConnection(first: 20, sort: [{id: ASC}], where: {country: {some: {id: {eq}}}, date: {gte, lte}})` with `totalCount`. A seizure's lines are sorted before comparing (neither orders them).",
    inputs: `the ${countries.length} countries with seizures in turn, with date windows of 2–5 years starting 2010–2019 (seeded)`,
    api: {
      document: LIST_QUERY,
      variables: input,
      answer: (data) =>
        canonicalList({
          totalCount: data.seizures.totalCount,
          nodes: data.seizures.edges.map(({ node }: any) => ({
            id: node.id,
            date: node.date,
            commodities: node.commodities.map((line: any) => ({ product: line.product, weightKg: line.weightKg, species: line.species?.scientificName ?? null })),
          })),
        }),
    },
    peer: {
      document: `query SeizureListPage($country: ID!, $dateFrom: Date!, $dateTo: Date!) {
  seizuresConnection(
    first: ${PAGE}
    sort: [{ id: ASC }]
    where: { country: { some: { id: { eq: $country } } }, date: { gte: $dateFrom, lte: $dateTo } }
  ) {
    totalCount
    edges { node { id date commodities { product weightKg species { scientificName } } } }
  }
}`,
      variables: input,
      answer: (data) =>
        canonicalList({
          totalCount: data.seizuresConnection.totalCount,
          nodes: data.seizuresConnection.edges.map(({ node }: any) => ({
            id: node.id,
            date: node.date,
            commodities: node.commodities.map((line: any) => ({ product: line.product, weightKg: line.weightKg, species: first<any>(line.species)?.scientificName ?? null })),
          })),
        }),
    },
    raw: {
      file: "seizure-list-page",
      parameters: (round) => {
        const { country, dateFrom, dateTo } = input(round);
        return { country, dateFrom: dateParameter(dateFrom), dateTo: dateParameter(dateTo), first: integerParameter(PAGE) };
      },
      answer: (rows) => canonicalList(rows[0] as ListAnswer),
    },
  };
}

/**
 * The persons with the most seizures. `ids` ranks only those persons (a test's own), through the
 * API's `filter: {ids}` and the peer's `where: {id: {in}}`.
 */
export function topPersonsShape(ids?: readonly string[]): PeerShape {
  const scoped = ids !== undefined;
  const variables = () => (scoped ? { ids } : {});
  const nodes = (edges: any[]) => edges.map(({ node }) => ({ id: node.id, name: node.name, seizureCount: node.seizureCount }));
  return {
    key: "topPersons",
    title: `${TOP_PERSONS} persons with the most seizures`,
    mapping:
      "This API: `persons(first: 20, orderBy: {field: SEIZURE_COUNT, direction: DESC})` (ties by id). Peer: `peopleConnection(first: 20, sort: [{seizureCount: DESC}, {id: ASC}])`, `seizureCount` being a `@cypher` field with person/counts.cypher's definition.",
    inputs: "the same question every round",
    api: {
      document: `query TopPersons${scoped ? "($ids: [ID!])" : ""} {
  persons(first: ${TOP_PERSONS}, orderBy: { field: SEIZURE_COUNT, direction: DESC }${scoped ? ", filter: { ids: $ids }" : ""}) {
    edges { node { id name seizureCount } }
  }
}`,
      variables,
      answer: (data) => nodes(data.persons.edges),
    },
    peer: {
      document: `query TopPersons${scoped ? "($ids: [ID!])" : ""} {
  peopleConnection(first: ${TOP_PERSONS}, sort: [{ seizureCount: DESC }, { id: ASC }]${scoped ? ", where: { id: { in: $ids } }" : ""}) {
    edges { node { id name seizureCount } }
  }
}`,
      variables,
      answer: (data) => nodes(data.peopleConnection.edges),
    },
    raw: {
      file: "top-persons",
      parameters: () => ({ ids: ids ?? null, first: integerParameter(TOP_PERSONS) }),
      answer: (rows) => rows.map((row) => ({ id: row.id, name: row.name, seizureCount: row.seizureCount })),
    },
  };
}

export function perDestinationShape(origins: readonly string[], destinations: readonly string[]): PeerShape {
  const busiest = origins.slice(0, ORIGINS);
  const aliases = destinations.map((_, index) => `to${index}`);
  const variables = (round: number) => ({
    origin: cycle(busiest, round),
    ...Object.fromEntries(destinations.map((code, index) => [aliases[index], code])),
  });
  const declarations = aliases.map((alias) => `$${alias}: CountryCode!`).join(", ");
  const peerDeclarations = aliases.map((alias) => `$${alias}: ID!`).join(", ");
  const stopIn = (role: string, variable: string) =>
    `{ routeConnection: { some: { Place: { edge: { role: { eq: "${role}" } }, node: { country: { some: { id: { eq: $${variable} } } } } }, Country: { edge: { role: { eq: "${role}" } }, node: { id: { eq: $${variable} } } } } } }`;
  const counts = (data: any) => Object.fromEntries(destinations.map((code, index) => [code, data[aliases[index]!].totalCount as number]));
  return {
    key: "perDestination",
    title: "shipments per destination for one origin",
    mapping: `This API has no grouping by destination; its closest expression is one aliased \`shipments(filter: {origin, destination}) { totalCount }\` per destination country (the ${destinations.length} countries the network names as destinations), in one request. Peer: the same aliases over \`shipmentsConnection(where: ...) { totalCount }\`, the origin and the destination each a \`routeConnection: {some: ...}\` filter on the edge's \`role\` and the stop (a \`Country\` by id, or a \`Place\` whose \`country\` has that id). Raw Cypher groups the origin's shipments by destination in one pass.`,
    inputs: `the ${busiest.length} busiest origin countries in turn; destinations ${destinations.join(", ")}`,
    api: {
      document: `query ShipmentsPerDestination($origin: CountryCode!, ${declarations}) {
${aliases.map((alias) => `  ${alias}: shipments(filter: { origin: $origin, destination: $${alias} }) { totalCount }`).join("\n")}
}`,
      variables,
      answer: counts,
    },
    peer: {
      document: `query ShipmentsPerDestination($origin: ID!, ${peerDeclarations}) {
${aliases.map((alias) => `  ${alias}: shipmentsConnection(where: { AND: [${stopIn("ORIGIN", "origin")}, ${stopIn("DESTINATION", alias)}] }) { totalCount }`).join("\n")}
}`,
      variables,
      answer: counts,
    },
    raw: {
      file: "shipments-per-destination",
      parameters: (round) => ({ origin: cycle(busiest, round), destinations }),
      answer: (rows) => {
        const found = new Map(rows.map((row) => [row.destination as string, row.shipments as number]));
        return Object.fromEntries(destinations.map((code) => [code, found.get(code) ?? 0]));
      },
    },
  };
}

export function sharedIdentifiersShape(persons: readonly string[]): PeerShape {
  const ids = new Random(63).shuffle(persons);
  const id = (round: number) => ({ id: cycle(ids, round) });
  return {
    key: "sharedIdentifiers",
    title: "persons sharing an identifier",
    mapping:
      "This API: `sharedIdentifiers(id, first: 20)`. Peer: `people(where: {id: {eq}}) { sharedIdentifiers(first: 20) }`, a `@cypher` field with shared-identifiers/of-parties.cypher's ranking that returns each sharer's id, count and identifier ids (a `@cypher` field's map is not projected into nodes).",
    inputs: `a different person each round among the ${ids.length} who share an identifier (seeded shuffle)`,
    api: {
      document: `query SharedIdentifiers($id: ID!) {
  sharedIdentifiers(id: $id, first: ${SHARERS}) {
    sharedCount
    party { ... on Person { id } ... on Company { id } }
    identifiers { id }
  }
}`,
      variables: id,
      answer: (data) =>
        data.sharedIdentifiers.map((sharer: any) => ({
          sharedCount: sharer.sharedCount,
          party: sharer.party.id,
          identifiers: sharer.identifiers.map((identifier: any) => identifier.id),
        })),
    },
    peer: {
      document: `query SharedIdentifiers($id: ID!) {
  people(where: { id: { eq: $id } }) {
    sharedIdentifiers(first: ${SHARERS}) { sharedCount partyId identifiers }
  }
}`,
      variables: id,
      answer: (data) =>
        (first<any>(data.people)?.sharedIdentifiers ?? []).map((sharer: any) => ({
          sharedCount: sharer.sharedCount,
          party: sharer.partyId,
          identifiers: sharer.identifiers,
        })),
    },
    raw: {
      file: "shared-identifiers",
      parameters: (round) => ({ ...id(round), first: integerParameter(SHARERS) }),
      answer: (rows) => rows.map((row) => ({ sharedCount: row.sharedCount, party: row.party, identifiers: row.identifiers })),
    },
  };
}

interface NeighbourAnswer {
  code: string;
  name: string | null;
  seizures: { id: string; date: string | null; commodities: { product: string; species: string | null }[] }[];
}

const canonicalNeighbours = (countries: NeighbourAnswer[]): NeighbourAnswer[] =>
  countries.map((country) => ({
    ...country,
    seizures: country.seizures.map((seizure) => ({ ...seizure, commodities: sortLines(seizure.commodities) })),
  }));

export function neighbourSeizuresShape(countries: readonly string[]): PeerShape {
  const code = (round: number) => ({ code: cycle(countries, round) });
  return {
    key: "neighbourSeizures",
    title: "countries → seizures → commodities → species",
    mapping:
      "The countries bordering one country, each with its first 20 seizures by id, their lines and species. This API: `countries(first: 20, filter: {borders})` and `Country.seizures(first: 20)`. Peer: `countries(where: {neighbours: {some: {id: {eq}}}}, sort: [{id: ASC}], limit: 20) { seizures(sort: [{id: ASC}], limit: 20) }`, BORDERS being queried undirected as this API follows it. A seizure's lines are sorted before comparing.",
    inputs: `the ${countries.length} countries with seizures in turn`,
    api: {
      document: `query NeighbourSeizures($code: CountryCode!) {
  countries(first: ${NEIGHBOURS}, filter: { borders: $code }) {
    edges {
      node {
        code name
        seizures(first: ${NEIGHBOURS}) { edges { node { id date commodities { product species { scientificName } } } } }
      }
    }
  }
}`,
      variables: code,
      answer: (data) =>
        canonicalNeighbours(
          data.countries.edges.map(({ node }: any) => ({
            code: node.code,
            name: node.name,
            seizures: node.seizures.edges.map(({ node: seizure }: any) => ({
              id: seizure.id,
              date: seizure.date,
              commodities: seizure.commodities.map((line: any) => ({ product: line.product, species: line.species?.scientificName ?? null })),
            })),
          })),
        ),
    },
    peer: {
      document: `query NeighbourSeizures($code: ID!) {
  countries(where: { neighbours: { some: { id: { eq: $code } } } }, sort: [{ id: ASC }], limit: ${NEIGHBOURS}) {
    id name
    seizures(sort: [{ id: ASC }], limit: ${NEIGHBOURS}) { id date commodities { product species { scientificName } } }
  }
}`,
      variables: code,
      answer: (data) =>
        canonicalNeighbours(
          data.countries.map((country: any) => ({
            code: country.id,
            name: country.name,
            seizures: country.seizures.map((seizure: any) => ({
              id: seizure.id,
              date: seizure.date,
              commodities: seizure.commodities.map((line: any) => ({ product: line.product, species: first<any>(line.species)?.scientificName ?? null })),
            })),
          })),
        ),
    },
    raw: {
      file: "neighbour-seizures",
      parameters: (round) => ({ ...code(round), first: integerParameter(NEIGHBOURS) }),
      answer: (rows) => canonicalNeighbours(rows as NeighbourAnswer[]),
    },
  };
}

/** Every shape of the table, in its order. */
export function peerShapes(inputs: ShapeInputs): PeerShape[] {
  return [
    typenameShape(),
    lookupShape(inputs.seizureIds),
    listShape(inputs.seizureCountries),
    topPersonsShape(),
    perDestinationShape(inputs.origins, inputs.destinations),
    sharedIdentifiersShape(inputs.sharers),
    neighbourSeizuresShape(inputs.seizureCountries),
  ];
}
