/**
 * The explorer's library of example operations, in the order a user works through them. Plain data
 * (no DOM, no imports), so a test can validate every operation against the committed schema.
 * The variables name records of the demonstration data that `npm start` loads into an empty
 * database (the hand-made fixture, the ROUTES records and the generated network); a test runs each
 * on that data and requires a non-empty answer (test/api/demo-server.test.ts).
 */
export interface ExampleOperation {
  /** Unique; shown as the example's button. */
  title: string;
  audience: "Investigators" | "Analysts";
  description: string;
  query: string;
  variables: Record<string, unknown>;
}

export const EXAMPLES: readonly ExampleOperation[] = [
  {
    title: "1. Search for a name",
    audience: "Investigators",
    description: "Full-text search over people, companies, places, species and identifiers. Copy an id for the next steps.",
    query: `query Search($query: String!, $first: Int!) {
  search(query: $query, first: $first) {
    totalCount
    edges {
      node { id kind label matched score }
    }
  }
}`,
    variables: { query: "Nguyen Van An", first: 10 },
  },
  {
    title: "2. Network around an entity",
    audience: "Investigators",
    description: "The neighbourhood of an entity, two steps out: nodes and edges ready to draw, with their sources.",
    query: `query Network($ids: [ID!]!, $depth: Int!) {
  network(ids: $ids, depth: $depth) {
    nodeCount
    edgeCount
    truncated
    collapsedHubs
    nodes { id kind label neighbourCount }
    edges { id type source target citations { row source { id reliability } } }
  }
}`,
    variables: { ids: ["fixture-person-1"], depth: 2 },
  },
  {
    title: "3. Connections between two entities",
    audience: "Investigators",
    description: "The shortest paths between two entities, each explained hop by hop with its sources.",
    query: `query Connections($from: ID!, $to: ID!, $maxHops: Int!) {
  connections(from: $from, to: $to, maxHops: $maxHops, first: 3) {
    length
    explanation
    nodes { id kind label }
    hops { from to forward date edge { type } }
  }
}`,
    variables: { from: "fixture-person-1", to: "fixture-person-3", maxHops: 4 },
  },
  {
    title: "4. Timeline of a person",
    audience: "Investigators",
    description: "Dated events of a person: shipments, seizures, arrests, convictions, companies' incorporations.",
    query: `query Timeline($id: ID!) {
  timeline(id: $id, first: 100) {
    date
    kind
    title
    detail
    roles
    entity { id kind label }
    citations { row source { id } }
  }
}`,
    variables: { id: "fixture-person-1" },
  },
  {
    title: "Routes from Nigeria to China",
    audience: "Analysts",
    description: "Observed routes from Nigeria (NG) to China (CN), and chains of observed legs that join them.",
    query: `query Routes($from: CountryCode!, $to: CountryCode!) {
  routes(from: $from, to: $to, first: 10, evidence: 3) {
    observedCount
    observed {
      countries { code name }
      seizureCount
      shipmentCount
      totalWeightKg
      lastSeen
      evidence { id date }
    }
    inferred {
      countries { code }
      weakestLegSeizureCount
    }
  }
}`,
    variables: { from: "NG", to: "CN" },
  },
  {
    title: "Transit hubs",
    audience: "Analysts",
    description: "The countries that records name as transit stops, ranked by the shipments through them.",
    query: `query TransitHubs($destinations: [CountryCode!], $first: Int!) {
  transitHubs(destinations: $destinations, first: $first) {
    country { code name }
    shipmentCount
    seizureCount
    share
    totalWeightKg
  }
}`,
    variables: { destinations: ["CN", "VN"], first: 15 },
  },
  {
    title: "Flows between countries",
    audience: "Analysts",
    description:
      "Hop-to-hop flows of raw ivory in the ROUTES airport seizures, 2009-2016: links for a Sankey chart, coordinates for a map. " +
      "(ROUTES records name the goods, not the species: filter by product there; the generated network names species too.)",
    query: `query Flows($filter: TradeFilter) {
  flows(level: COUNTRY, filter: $filter, first: 50) {
    totals { seizureCount shipmentCount linkCount }
    nodes { id name latitude longitude }
    links { source target seizureCount shipmentCount totalWeightKg }
  }
}`,
    variables: { filter: { product: "RAW_IVORY", dateFrom: "2009-01-01", dateTo: "2016-12-31" } },
  },
  {
    title: "Trafficking rings",
    audience: "Analysts",
    description:
      "Groups of people and companies that act together, with the brokers who bridge groups. Computed when `npm start` loads the demo; " +
      "`npm run analyze` computes them again after an import.",
    query: `query Rings($first: Int!) {
  rings(first: $first) {
    state
    computedAt
    ageSeconds
    ringCount
    rings {
      id
      rank
      size
      seizureCount
      shipmentCount
      totalWeightKg
      brokers {
        brokerRank
        brokerScore
        party { ... on Person { id } ... on Company { id name } }
      }
    }
  }
}`,
    variables: { first: 5 },
  },
];

/** The name of an example's operation (`query Search(...)` gives `Search`): what a run must send. */
export function operationNameOf(query: string): string {
  const name = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1];
  if (name === undefined) throw new Error("every example is a named operation");
  return name;
}
