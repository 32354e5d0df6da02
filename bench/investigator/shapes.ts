import { readFile } from "node:fs/promises";
import path from "node:path";

import { parse } from "csv-parse/sync";

import { NodeLabel, RelType } from "../../src/domain/graph-schema.js";
import { explainPath } from "../../src/domain/path-explanation.js";
import { foldText } from "../../src/domain/search-text.js";
import { NETWORK_TYPES, NetworkRepository } from "../../src/repositories/network.repository.js";
import { PathRepository } from "../../src/repositories/path.repository.js";
import { SEARCHABLE_KINDS, SearchRepository } from "../../src/repositories/search.repository.js";
import { SharedIdentifierRepository } from "../../src/repositories/shared-identifier.repository.js";
import { Random } from "../random.js";
import type { Shape } from "../shapes.js";
import type { LoadedNetwork } from "./dataset.js";

/**
 * The investigator queries, each asked through the API and directly. "Directly" is the same
 * repository code the API's resolvers call (the same Cypher files, parameters and round trips,
 * through neo4j-driver) with the answer shaped like the GraphQL `data`: what separates the two
 * columns is GraphQL parsing, validation and execution, HTTP and JSON.
 */

const SEARCH_PAGE = 10;
const SHARERS = 20;

export const SEARCH_QUERY = `query Search($query: String!) {
  search(query: $query, first: ${SEARCH_PAGE}) {
    totalCount
    edges { node { id kind score } }
  }
}`;

export const SHARED_IDENTIFIERS_QUERY = `query SharedIdentifiers($id: ID!) {
  sharedIdentifiers(id: $id, first: ${SHARERS}) {
    sharedCount
    party { ... on Person { id } ... on Company { id } }
    identifiers { id }
  }
}`;

export const NETWORK_QUERY = `query Network($ids: [ID!]!) {
  network(ids: $ids, depth: 2) {
    nodeCount
    edgeCount
    truncated
    nodes { id kind neighbourCount }
    edges { id }
  }
}`;

export const CONNECTIONS_QUERY = `query Connections($from: ID!, $to: ID!) {
  connections(from: $from, to: $to) {
    length
    nodes { id }
    edges { id type }
    explanation
  }
}`;

/** Every type but SOURCED_FROM, as the connections resolver follows by default. */
const FOLLOWED_TYPES = Object.values(RelType).filter((type) => type !== RelType.SourcedFrom);

export async function investigatorShapes(network: LoadedNetwork, count: number): Promise<Shape[]> {
  const { executor, registry, truth } = network;
  const persons = parse(await readFile(path.join(network.filesDir, "persons.csv")), { columns: true }) as { id: string; name: string }[];

  // Names as an investigator types them: without diacritics, in lower case.
  const names = new Random(11).shuffle(persons).slice(0, count).map((person) => foldText(person.name));
  const search = new SearchRepository(executor, registry);
  const searchShape: Shape = {
    key: "search",
    title: "search (a person's name, typed without diacritics)",
    graphql: SEARCH_QUERY,
    directFile: "`cypher/queries/search/hits.cypher` through `SearchRepository.search` (Lucene candidates, then the same ranking)",
    inputs: `${names.length} person names of the generated network, folded to lower case without diacritics (seeded shuffle)`,
    variables: (iteration) => ({ query: names[iteration % names.length] }),
    direct: async (iteration) => {
      const { hits } = await search.search(names[iteration % names.length]!, [...SEARCHABLE_KINDS], true);
      return {
        search: { totalCount: hits.length, edges: hits.slice(0, SEARCH_PAGE).map((hit) => ({ node: { id: hit.id, kind: hit.kind, score: hit.score } })) },
      };
    },
  };

  const members = new Random(12).shuffle(truth.rings.flatMap((ring) => ring.members.map((member) => member.id)));
  const sharers = new SharedIdentifierRepository(executor, registry);
  const sharedShape: Shape = {
    key: "sharedIdentifiers",
    title: "sharedIdentifiers (a ring member)",
    graphql: SHARED_IDENTIFIERS_QUERY,
    directFile: "`cypher/queries/shared-identifiers/of-parties.cypher` through `SharedIdentifierRepository.ofParties`",
    inputs: `${Math.min(count, members.length)} ring members (persons and companies) of the generated network (seeded shuffle)`,
    variables: (iteration) => ({ id: members[iteration % members.length] }),
    direct: async (iteration) => {
      const id = members[iteration % members.length]!;
      const found = await sharers.ofParties([id], {
        labels: [NodeLabel.Person, NodeLabel.Company],
        kinds: null,
        first: SHARERS,
        resolved: true,
        // What SHARED_IDENTIFIERS_QUERY asks: the ids alone, as the API reads them for it.
        partyProperties: false,
        identifierValues: false,
      });
      return {
        sharedIdentifiers: (found.get(id) ?? []).map((sharer) => ({
          sharedCount: sharer.sharedCount,
          party: { id: sharer.party.id },
          identifiers: sharer.identifiers.map((identifier) => ({ id: identifier.id })),
        })),
      };
    },
  };

  const networks = new NetworkRepository(executor, registry);
  const networkShape: Shape = {
    key: "network",
    title: "network (a ring member, depth 2, default hub threshold 50 and limit 500)",
    graphql: NETWORK_QUERY,
    directFile: "`cypher/queries/network/expand.cypher` (one query per level) through `NetworkRepository.network`",
    inputs: `${Math.min(count, members.length)} ring members of the generated network (seeded shuffle)`,
    variables: (iteration) => ({ ids: [members[iteration % members.length]] }),
    direct: async (iteration) => {
      const view = await networks.network({
        ids: [members[iteration % members.length]!],
        depth: 2,
        types: NETWORK_TYPES,
        from: null,
        to: null,
        minReliability: null,
        hubThreshold: 50,
        limit: 500,
        resolved: true,
      });
      return {
        network: {
          nodeCount: view.nodes.length,
          edgeCount: view.edges.length,
          truncated: view.truncated,
          nodes: view.nodes.map((node) => ({ id: node.id, kind: node.kind, neighbourCount: node.neighbourCount })),
          edges: view.edges.map((edge) => ({ id: edge.id })),
        },
      };
    },
  };

  const pairs = truth.plantedPaths.map((planted) => ({ from: planted.from, to: planted.to }));
  const paths = new PathRepository(executor, registry);
  const connectionsShape: Shape = {
    key: "connections",
    title: "connections (two ring members, default arguments: up to 3 paths of up to 4 hops, every type)",
    graphql: CONNECTIONS_QUERY,
    directFile: "`cypher/queries/connections/shortest-paths.cypher` through `PathRepository.shortestPaths`, explanation included",
    inputs: `the ends of the ${pairs.length} planted paths of the generated network, in turn`,
    variables: (iteration) => pairs[iteration % pairs.length]!,
    direct: async (iteration) => {
      const { from, to } = pairs[iteration % pairs.length]!;
      const answer = await paths.shortestPaths({ from, to, fromKind: null, toKind: null, maxHops: 4, first: 3, types: FOLLOWED_TYPES, resolved: true });
      if (answer.kind !== "paths") throw new Error("a planted path's end is missing from the database");
      return {
        connections: answer.paths.map((found) => ({
          length: found.hops.length,
          nodes: found.nodes.map((node) => ({ id: node.id })),
          edges: found.hops.map((hop) => ({ id: hop.edge.id, type: hop.edge.type })),
          explanation: explainPath(found),
        })),
      };
    },
  };

  return [searchShape, networkShape, connectionsShape, sharedShape];
}
