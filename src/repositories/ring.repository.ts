import neo4j from "neo4j-driver";

import type { CypherExecutor, Row } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { integerParameter } from "../db/values.js";

/** A person or a company, as the ring analysis sees it. */
export interface RingParty {
  readonly id: string;
  readonly kind: "Person" | "Company";
}

/** A member of a stored ring. */
export interface RingMemberRecord extends RingParty {
  /** 1 for the ring's strongest broker, 2 for the next, ...; null for a member who bridges nothing. */
  readonly brokerRank: number | null;
  readonly brokerScore: number;
  /** The weight of the member's links into the ring. */
  readonly cohesion: number;
}

/** What a run of the ring analysis stores about itself. */
export interface RingRunRecord {
  readonly id: string;
  /** The id prefix the parties analysed share; '' for the whole graph. */
  readonly scope: string;
  readonly computedAt: Date;
  /** The options the run used, as JSON. */
  readonly parameters: string;
  readonly durationMs: number;
  readonly partyCount: number;
  readonly linkCount: number;
  readonly communityCount: number;
}

export interface RingRecord {
  readonly id: string;
  /** 1 for the largest ring of the run. */
  readonly rank: number;
  readonly members: readonly RingMemberRecord[];
}

/** A ring as stored, with what it touches. */
export interface StoredRing {
  readonly id: string;
  readonly rank: number;
  readonly size: number;
  readonly seizureIds: string[];
  readonly seizureCount: number;
  readonly totalWeightKg: number | null;
  readonly shipmentCount: number;
  readonly computedAt: Date;
  /** Brokers first (by rank), then by cohesion. */
  readonly members: RingMemberRecord[];
}

export interface StoredRun {
  readonly id: string;
  readonly scope: string;
  readonly computedAt: Date;
  readonly parameters: string;
  readonly durationMs: number;
  readonly partyCount: number;
  readonly linkCount: number;
  readonly communityCount: number;
  readonly ringCount: number;
  /** Rings of at least the size asked. */
  readonly matching: number;
}

/**
 * The ring analysis' reads and writes: the party graph exported page by page, a run's results
 * stored in one transaction (replacing the scope's earlier run), and the stored rings read back
 * for the rings, ring and ringOf root fields.
 */
export class RingRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly registry: CypherRegistry,
  ) {}

  /** Identifiers held by 2 to maxHolders parties of the scope: their holders, a page at a time. */
  async *identifierHolders(scope: string, maxHolders: number, pageSize: number): AsyncGenerator<RingParty[][]> {
    for await (const rows of this.pages("ringsExportIdentifiers", pageSize, { scope, maxHolders: integerParameter(maxHolders) })) {
      yield rows.map((row) => row.holders as RingParty[]).filter((holders) => holders.length >= 2);
    }
  }

  /** Every shipment's parties of the scope, a page at a time (shipments with fewer than two left out). */
  async *shipmentParties(scope: string, pageSize: number): AsyncGenerator<RingParty[][]> {
    for await (const rows of this.pages("ringsExportShipments", pageSize, { scope })) {
      yield rows.map((row) => row.parties as RingParty[]).filter((parties) => parties.length >= 2);
    }
  }

  /** (person id, company id) for each officer of a company, both of the scope, a page at a time. */
  async *officers(scope: string, pageSize: number): AsyncGenerator<[string, string][]> {
    for await (const rows of this.pages("ringsExportOfficers", pageSize, { scope })) {
      yield rows.flatMap((row) => (row.companies as string[]).map((company): [string, string] => [row.key as string, company]));
    }
  }

  /** Pages of a keyset-paged export query, each after the last key of the one before. */
  private async *pages(name: "ringsExportIdentifiers" | "ringsExportShipments" | "ringsExportOfficers", pageSize: number, parameters: Record<string, unknown>): AsyncGenerator<Row[]> {
    const query = this.registry.text(name);
    let after = "";
    for (;;) {
      const rows = await this.executor.read(query, { ...parameters, after, limit: integerParameter(pageSize) });
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].key as string;
    }
  }

  /**
   * Stores a run and its rings and removes the scope's earlier runs, in one transaction: readers
   * see the old results or the new ones, never a mix.
   */
  async store(run: RingRunRecord, rings: readonly RingRecord[]): Promise<void> {
    await this.executor.writeAll([
      {
        query: this.registry.text("ringsWriteRun"),
        parameters: {
          run: {
            id: run.id,
            kind: "rings",
            scope: run.scope,
            computedAt: neo4j.types.DateTime.fromStandardDate(run.computedAt),
            parameters: run.parameters,
            durationMs: integerParameter(Math.round(run.durationMs)),
            partyCount: integerParameter(run.partyCount),
            linkCount: integerParameter(run.linkCount),
            communityCount: integerParameter(run.communityCount),
            ringCount: integerParameter(rings.length),
          },
        },
      },
      {
        query: this.registry.text("ringsWriteRings"),
        parameters: {
          runId: run.id,
          scope: run.scope,
          rings: rings.map((ring) => ({
            id: ring.id,
            rank: integerParameter(ring.rank),
            members: ring.members.map((member) => ({
              id: member.id,
              kind: member.kind,
              brokerRank: member.brokerRank === null ? null : integerParameter(member.brokerRank),
              brokerScore: member.brokerScore,
              cohesion: member.cohesion,
            })),
          })),
        },
      },
      { query: this.registry.text("ringsDeleteRuns"), parameters: { scope: run.scope, keepRunId: run.id } },
    ]);
  }

  /** The scope's latest run, or null when none has run. */
  async latestRun(scope: string, minSize: number): Promise<StoredRun | null> {
    const [row] = await this.executor.read(this.registry.text("ringsLatestRun"), { scope, minSize: integerParameter(minSize) });
    if (!row) return null;
    const run = row.run as Row;
    return {
      id: run.id as string,
      scope: run.scope as string,
      computedAt: new Date(run.computedAtMs as number),
      parameters: run.parameters as string,
      durationMs: run.durationMs as number,
      partyCount: run.partyCount as number,
      linkCount: run.linkCount as number,
      communityCount: run.communityCount as number,
      ringCount: run.ringCount as number,
      matching: row.matching as number,
    };
  }

  /** A run's rings of at least minSize members, largest first, at most `limit`. */
  async list(runId: string, minSize: number, limit: number): Promise<StoredRing[]> {
    const rows = await this.executor.read(this.registry.text("ringsList"), {
      runId,
      minSize: integerParameter(minSize),
      limit: integerParameter(limit),
    });
    return rows.map(toStoredRing);
  }

  /** Stored rings by id; unknown ids are absent from the map. */
  async byIds(ids: readonly string[]): Promise<Map<string, StoredRing>> {
    const rows = await this.executor.read(this.registry.text("ringsByIds"), { ids: [...ids] });
    return new Map(rows.map((row) => [row.key as string, toStoredRing(row)]));
  }

  /** The ring id of each party that is in a ring of the scope's latest run. */
  async ofParties(ids: readonly string[], scope: string): Promise<Map<string, string>> {
    const rows = await this.executor.read(this.registry.text("ringsOfParties"), { ids: [...ids], scope });
    return new Map(rows.map((row) => [row.key as string, row.ringId as string]));
  }
}

function toStoredRing(row: Row): StoredRing {
  const ring = row.ring as Row;
  return {
    id: ring.id as string,
    rank: ring.rank as number,
    size: ring.size as number,
    seizureIds: (ring.seizureIds as string[] | null) ?? [],
    seizureCount: (ring.seizureCount as number | null) ?? 0,
    totalWeightKg: ring.totalWeightKg as number | null,
    shipmentCount: (ring.shipmentCount as number | null) ?? 0,
    computedAt: new Date(ring.computedAtMs as number),
    members: (row.members as Row[]).map((member) => ({
      id: member.id as string,
      kind: member.kind as RingParty["kind"],
      brokerRank: member.brokerRank as number | null,
      brokerScore: member.brokerScore as number,
      cohesion: member.cohesion as number,
    })),
  };
}
