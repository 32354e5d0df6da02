import neo4j, { type Integer } from "neo4j-driver";

import type { CypherExecutor } from "../db/cypher-executor.js";
import { statement } from "../db/cypher-query.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import {
  ringsByIds,
  ringsDeleteRuns,
  ringsExportIdentifiers,
  ringsExportOfficers,
  ringsExportShipments,
  ringsLatestRun,
  ringsList,
  ringsOfParties,
  ringsWriteQuality,
  ringsWriteRings,
  ringsWriteRun,
} from "../db/queries.generated.js";
import type { RingMap, RingMemberMap } from "../db/query-types.js";
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

/** How well a ring holds together (see RingQuality in src/analysis/ring-detection.ts). */
export interface RingQualityRecord {
  /** The share of its pairs of members linked directly. */
  readonly density: number;
  /** The share of its members' links' weight that stays among them. */
  readonly closure: number;
  readonly meanCohesion: number;
  /** The share of the analysis' seeded runs that found it. */
  readonly stability: number;
}

export interface RingRecord {
  readonly id: string;
  /** 1 for the largest ring of the run. */
  readonly rank: number;
  /** A member of two rings (a broker who works for both) is a member of each. */
  readonly members: readonly RingMemberRecord[];
  readonly quality: RingQualityRecord;
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
  /** Null for a ring stored before its quality was kept. */
  readonly quality: RingQualityRecord | null;
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
  /** The second argument is no longer read (each query carries its text); callers still pass the registry. */
  constructor(
    private readonly executor: CypherExecutor,
    _registry?: CypherRegistry,
  ) {}

  /** Identifiers held by 2 to maxHolders parties of the scope: their holders, a page at a time. */
  async *identifierHolders(scope: string, maxHolders: number, pageSize: number): AsyncGenerator<RingParty[][]> {
    const holders = integerParameter(maxHolders);
    const read = (after: string, limit: Integer) => this.executor.readQuery(ringsExportIdentifiers, { scope, maxHolders: holders, after, limit });
    for await (const rows of this.pages(pageSize, read)) {
      yield rows.map((row) => row.holders).filter((parties) => parties.length >= 2);
    }
  }

  /** Every shipment's parties of the scope, a page at a time (shipments with fewer than two left out). */
  async *shipmentParties(scope: string, pageSize: number): AsyncGenerator<RingParty[][]> {
    const read = (after: string, limit: Integer) => this.executor.readQuery(ringsExportShipments, { scope, after, limit });
    for await (const rows of this.pages(pageSize, read)) {
      yield rows.map((row) => row.parties).filter((parties) => parties.length >= 2);
    }
  }

  /** (person id, company id) for each officer of a company, both of the scope, a page at a time. */
  async *officers(scope: string, pageSize: number): AsyncGenerator<[string, string][]> {
    const read = (after: string, limit: Integer) => this.executor.readQuery(ringsExportOfficers, { scope, after, limit });
    for await (const rows of this.pages(pageSize, read)) {
      yield rows.flatMap((row) => row.companies.map((company): [string, string] => [row.key, company]));
    }
  }

  /** Pages of a keyset-paged export query, each after the last key of the one before. */
  private async *pages<R extends { key: string }>(pageSize: number, read: (after: string, limit: Integer) => Promise<R[]>): AsyncGenerator<R[]> {
    const limit = integerParameter(pageSize);
    let after = "";
    for (;;) {
      const rows = await read(after, limit);
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].key;
    }
  }

  /**
   * Stores a run and its rings and removes the scope's earlier runs, in one transaction: readers
   * see the old results or the new ones, never a mix.
   */
  async store(run: RingRunRecord, rings: readonly RingRecord[]): Promise<void> {
    await this.executor.writeAll([
      statement(ringsWriteRun, {
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
      }),
      statement(ringsWriteRings, {
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
      }),
      statement(ringsWriteQuality, {
        ids: rings.map((ring) => ring.id),
        density: rings.map((ring) => ring.quality.density),
        closure: rings.map((ring) => ring.quality.closure),
        meanCohesion: rings.map((ring) => ring.quality.meanCohesion),
        stability: rings.map((ring) => ring.quality.stability),
      }),
      statement(ringsDeleteRuns, { scope: run.scope, keepRunId: run.id }),
    ]);
  }

  /** The scope's latest run, or null when none has run. */
  async latestRun(scope: string, minSize: number): Promise<StoredRun | null> {
    const [row] = await this.executor.readQuery(ringsLatestRun, { scope, minSize: integerParameter(minSize) });
    if (!row) return null;
    const { computedAtMs, ...run } = row.run;
    return { ...run, computedAt: new Date(computedAtMs), matching: row.matching };
  }

  /** A run's rings of at least minSize members, largest first, at most `limit`. */
  async list(runId: string, minSize: number, limit: number): Promise<StoredRing[]> {
    const rows = await this.executor.readQuery(ringsList, {
      runId,
      minSize: integerParameter(minSize),
      limit: integerParameter(limit),
    });
    return rows.map(toStoredRing);
  }

  /** Stored rings by id; unknown ids are absent from the map. */
  async byIds(ids: readonly string[]): Promise<Map<string, StoredRing>> {
    const rows = await this.executor.readQuery(ringsByIds, { ids });
    return new Map(rows.map((row) => [row.key, toStoredRing(row)]));
  }

  /**
   * The ring id of each party that is in a ring of the scope's latest run; for a party in two
   * rings, the one it is most tied to (the query's first row of the party).
   */
  async ofParties(ids: readonly string[], scope: string): Promise<Map<string, string>> {
    const rows = await this.executor.readQuery(ringsOfParties, { ids, scope });
    const rings = new Map<string, string>();
    for (const row of rows) if (!rings.has(row.key)) rings.set(row.key, row.ringId);
    return rings;
  }
}

interface RingRow {
  ring: RingMap;
  members: RingMemberMap[];
  density: number | null;
  closure: number | null;
  meanCohesion: number | null;
  stability: number | null;
}

function toStoredRing({ ring, members, density, closure, meanCohesion, stability }: RingRow): StoredRing {
  return {
    id: ring.id,
    rank: ring.rank,
    size: ring.size,
    seizureIds: ring.seizureIds ?? [],
    seizureCount: ring.seizureCount ?? 0,
    totalWeightKg: ring.totalWeightKg,
    shipmentCount: ring.shipmentCount ?? 0,
    computedAt: new Date(ring.computedAtMs),
    members,
    quality: density === null || closure === null || meanCohesion === null || stability === null ? null : { density, closure, meanCohesion, stability },
  };
}
