import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { sharedIdentifiersOfParties } from "../db/queries.generated.js";
import type { IdentifierMap, NodeProperties, SharerMap } from "../db/query-types.js";
import { integerParameter } from "../db/values.js";
import { NodeLabel } from "../domain/graph-schema.js";
import type { IdentifierKind } from "../domain/vocabulary.js";

export const DEFAULT_SHARERS = 20;
export const MAX_SHARERS = 100;

/** A party that shares identifiers with the one asked about, and which ones. */
export interface Sharer {
  /** The party's properties, with `synthetic` and its `labels` (for the Party union). */
  party: NodeProperties & { labels: string[] };
  sharedCount: number;
  /** The identifiers both hold, by id. */
  identifiers: IdentifierMap[];
}

export interface SharerRequest {
  /** Look the ids up as persons, companies, or either. */
  labels: readonly (NodeLabel.Person | NodeLabel.Company)[];
  /** Only these kinds of identifier; null for all. */
  kinds: readonly IdentifierKind[] | null;
  /** Sharers per party, 1 to MAX_SHARERS. */
  first: number;
  /** A party's identifiers are those of its resolved cluster (SAME_AS), whose members are no sharers. */
  resolved: boolean;
  /** Read every property of a sharer; false: its id alone (nothing else of it is asked). */
  partyProperties: boolean;
  /** Read the identifiers' values; false: they are null (not asked). */
  identifierValues: boolean;
}

/** The persons and companies that share identifiers with a party (sharedIdentifiers). */
export class SharedIdentifierRepository {
  /** The second argument is no longer read (each query carries its text); callers still pass the registry. */
  constructor(
    private readonly executor: CypherExecutor,
    _registry?: CypherRegistry,
  ) {}

  /**
   * The sharers of each party of a batch, in one round trip. Ids that are no party of the labels
   * asked are absent from the map. An id that is both a person's and a company's gets the sharers
   * of both, ranked together.
   */
  async ofParties(ids: readonly string[], request: SharerRequest): Promise<Map<string, Sharer[]>> {
    const rows = await this.executor.readQuery(sharedIdentifiersOfParties, {
      ids,
      labels: request.labels,
      kinds: request.kinds,
      first: integerParameter(request.first),
      resolved: request.resolved,
      partyProperties: request.partyProperties,
      identifierValues: request.identifierValues,
    });
    const found = new Map<string, Sharer[]>();
    for (const { key, sharers: rowSharers } of rows) {
      const sharers = rowSharers.map(toSharer);
      const earlier = found.get(key);
      found.set(key, earlier ? [...earlier, ...sharers].sort(byRank).slice(0, request.first) : sharers);
    }
    return found;
  }
}

function toSharer({ party, labels, sharedCount, identifiers }: SharerMap): Sharer {
  return { party: { ...party, labels }, sharedCount, identifiers };
}

/** The query's ranking: most shared first, then by id (then persons before companies). */
function byRank(a: Sharer, b: Sharer): number {
  const idA = a.party.id;
  const idB = b.party.id;
  return b.sharedCount - a.sharedCount || (idA < idB ? -1 : idA > idB ? 1 : 0) || labelRank(a) - labelRank(b);
}

const labelRank = (sharer: Sharer): number => (sharer.party.labels.includes(NodeLabel.Person) ? 0 : 1);
