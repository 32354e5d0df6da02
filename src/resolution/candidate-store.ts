import neo4j from "neo4j-driver";

import type { CypherExecutor } from "../db/cypher-executor.js";
import {
  resolutionCount,
  resolutionDeleteStale,
  resolutionExportCompanies,
  resolutionExportPersons,
  resolutionPage,
  resolutionWriteCandidates,
} from "../db/queries.generated.js";
import { integerParameter } from "../db/values.js";
import { MATCH_LABEL, MatchKind } from "../domain/match-kind.js";
import type { Page } from "../domain/paging.js";
import type { Candidate, Feature, ResolutionRecord } from "./index.js";

/** A candidate as stored: the resolver's pair, score and features, with its kind and run. */
export interface StoredCandidate {
  /** `Person:<a>|<b>` or `Company:<a>|<b>` (candidateId). */
  readonly id: string;
  readonly kind: MatchKind;
  /** The entities' ids, a < b. */
  readonly a: string;
  readonly b: string;
  readonly score: number;
  readonly features: readonly Feature[];
  readonly computedAt: Date;
}

/** Which stored candidates a list reads. */
export interface CandidateFilter {
  /** null: both kinds. */
  readonly kind: MatchKind | null;
  readonly minScore: number;
  /** Both entities' ids start with it; '' for all. */
  readonly scope: string;
}

/** Where a page starts: after the candidate of this score and id (best first). */
export interface CandidatePosition {
  readonly score: number;
  readonly id: string;
}

/** What one store wrote and removed. */
export interface StoreCounts {
  readonly written: number;
  readonly deleted: number;
}

/** Candidates per statement of a store: each statement's lists stay a few megabytes. */
const WRITE_BATCH = 2_000;

/**
 * The id of a pair's candidate: its label and the two ids in code-unit order. The same pair gets
 * the same id in every run, so a later decision can name it; the label keeps a person and a
 * company of one id apart (ids are unique per label only).
 */
export function candidateId(kind: MatchKind, a: string, b: string): string {
  const [low, high] = a < b ? [a, b] : [b, a];
  return `${MATCH_LABEL[kind]}:${low}|${high}`;
}

/** The kind and the two ids a candidate id names (see candidateId); null for text that is not one. */
export function parseCandidateId(id: string): { kind: MatchKind; a: string; b: string } | null {
  const match = /^(Person|Company):(.+)\|(.+)$/s.exec(id);
  if (!match) return null;
  return { kind: match[1] === MATCH_LABEL[MatchKind.PERSON] ? MatchKind.PERSON : MatchKind.COMPANY, a: match[2]!, b: match[3]! };
}

/**
 * Resolution candidates in Neo4j: the records the resolver reads, exported page by page; a run's
 * candidates stored in one transaction, replacing the scope's earlier ones; and the stored ones
 * read back, best first, for the resolutionCandidates root field.
 */
export class CandidateStore {
  constructor(private readonly executor: CypherExecutor) {}

  /** The records of every person (or company) of the scope, a page at a time, in id order. */
  async *records(kind: MatchKind, scope: string, pageSize: number): AsyncGenerator<ResolutionRecord[]> {
    const limit = integerParameter(pageSize);
    const label = MATCH_LABEL[kind];
    // Ids of a prefix sort together: start at the prefix, stop at the first id past it.
    let after = scope;
    for (;;) {
      const rows =
        kind === MatchKind.PERSON
          ? (await this.executor.readQuery(resolutionExportPersons, { after, limit })).map(
              (row): ResolutionRecord => ({ id: row.key, kind: label, names: row.names, birthYear: row.birthYear, nationalities: row.nationalities, identifiers: row.identifiers, shipments: row.shipments }),
            )
          : (await this.executor.readQuery(resolutionExportCompanies, { after, limit })).map(
              (row): ResolutionRecord => ({
                id: row.key,
                kind: label,
                names: row.names,
                incorporatedOn: row.incorporatedOn,
                nationalities: row.countries,
                identifiers: row.identifiers,
                shipments: row.shipments,
              }),
            );
      const inScope = rows.filter((record) => record.id.startsWith(scope));
      if (inScope.length > 0) yield inScope;
      if (rows.length < pageSize || inScope.length < rows.length) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  /**
   * Stores a run's candidates (of both kinds) and removes the scope's candidates it did not find
   * again, in one transaction: readers see the earlier candidates or the new ones, never a mix.
   * Its size is the limit: measured on the test database (embedded, transaction memory capped at
   * 716 MiB), 40,000 candidates took 22 s (10 s written again), and 100,000 went over the cap, so
   * the run failed and nothing changed. Past that, raise `dbms.memory.transaction.total.max` or
   * the run's `--min-score`.
   */
  async store(scope: string, computedAt: Date, candidates: Readonly<Record<MatchKind, readonly Candidate[]>>): Promise<StoreCounts> {
    const runAt = neo4j.types.DateTime.fromStandardDate(computedAt);
    return this.executor.writeTransaction(async (tx) => {
      let written = 0;
      for (const kind of Object.values(MatchKind)) {
        const all = candidates[kind];
        for (let start = 0; start < all.length; start += WRITE_BATCH) {
          const batch = all.slice(start, start + WRITE_BATCH);
          const [row] = await tx.runQuery(
            resolutionWriteCandidates,
            {
              kind,
              scope,
              computedAt: runAt,
              ids: batch.map((candidate) => candidateId(kind, candidate.a, candidate.b)),
              as: batch.map((candidate) => candidate.a),
              bs: batch.map((candidate) => candidate.b),
              scores: batch.map((candidate) => candidate.score),
              featureNames: batch.map((candidate) => candidate.features.map((feature) => feature.name)),
              featureWeights: batch.map((candidate) => candidate.features.map((feature) => feature.weight)),
              featureDetails: batch.map((candidate) => candidate.features.map((feature) => feature.detail)),
            },
          );
          written += row?.written ?? 0;
        }
      }
      const [deleted] = await tx.runQuery(resolutionDeleteStale, { scope, computedAt: runAt });
      return { written, deleted: deleted?.deleted ?? 0 };
    });
  }

  /** A page of stored candidates, best first, after `after`; `first` of them at most. */
  async page(filter: CandidateFilter, after: CandidatePosition | null, first: number): Promise<Page<StoredCandidate>> {
    const rows = await this.executor.readQuery(resolutionPage, {
      ...filterParameters(filter),
      // No score reaches 2: the first page starts before every candidate.
      afterScore: after?.score ?? 2,
      afterId: after?.id ?? "",
      limit: integerParameter(first + 1),
    });
    const items = rows.slice(0, first).map(
      (row): StoredCandidate => ({
        id: row.id,
        kind: row.kind as MatchKind,
        a: row.a,
        b: row.b,
        score: row.score,
        features: row.featureNames.map((name, index) => ({ name, weight: row.featureWeights[index]!, detail: row.featureDetails[index]! })),
        computedAt: new Date(row.computedAtMs),
      }),
    );
    return { items, hasNextPage: rows.length > first };
  }

  /** How many stored candidates the filter lists, over all pages. */
  async count(filter: CandidateFilter): Promise<number> {
    const [row] = await this.executor.readQuery(resolutionCount, filterParameters(filter));
    return row?.count ?? 0;
  }
}

function filterParameters(filter: CandidateFilter): { kind: string | null; minScore: number; scope: string } {
  return { kind: filter.kind, minScore: filter.minScore, scope: filter.scope };
}
