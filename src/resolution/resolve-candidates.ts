import type { CypherExecutor } from "../db/cypher-executor.js";
import { BadInputError } from "../domain/errors.js";
import { MatchKind } from "../domain/match-kind.js";
import { CandidateStore } from "./candidate-store.js";
import { findCandidates, type Candidate, type ResolutionRecord } from "./index.js";

export interface ResolveCandidatesOptions {
  /** Pairs scoring below this are not stored (0..1). Default 0.5: the README's threshold for review. */
  readonly minScore?: number;
  /**
   * Only persons and companies whose id starts with this prefix ('' or absent: the whole graph).
   * A run replaces the candidates of its scope (both entities in it), and no others.
   */
  readonly scope?: string;
  /** Records per page of the export queries. */
  readonly pageSize?: number;
}

export interface ResolveCandidatesResult {
  readonly scope: string;
  readonly minScore: number;
  readonly computedAt: Date;
  readonly persons: number;
  readonly companies: number;
  readonly personCandidates: number;
  readonly companyCandidates: number;
  /** Candidates written (a pair of which an entity went away during the run is not). */
  readonly written: number;
  /** Candidates of the scope that the run did not find again, removed. */
  readonly deleted: number;
  readonly durationMs: number;
  readonly exportMs: number;
  readonly compareMs: number;
  readonly storeMs: number;
}

export const DEFAULT_MIN_SCORE = 0.5;
export const DEFAULT_PAGE_SIZE = 10_000;
export const MAX_SCOPE_LENGTH = 200;

/**
 * The candidates run: exports every person's and company's record (names, birth year,
 * nationalities or country, identifiers, shipments) page by page, finds the pairs that may be one
 * entity in process (`findCandidates`: blocking, then scoring), and stores them with their
 * features, replacing the scope's earlier candidates in one transaction. `npm run resolve --
 * candidates` runs it; the resolutionCandidates root field reads what it stored.
 */
export async function resolveCandidates(executor: CypherExecutor, options: ResolveCandidatesOptions = {}): Promise<ResolveCandidatesResult> {
  const { scope, minScore, pageSize } = checked(options);
  const store = new CandidateStore(executor);
  const started = performance.now();

  const records: Record<MatchKind, ResolutionRecord[]> = { [MatchKind.PERSON]: [], [MatchKind.COMPANY]: [] };
  for (const kind of Object.values(MatchKind)) {
    for await (const page of store.records(kind, scope, pageSize)) records[kind].push(...page);
  }
  const exported = performance.now();

  // One kind at a time: findCandidates compares only records of one kind anyway, and each kind's
  // name counts (how common a name is) are its own.
  const candidates: Record<MatchKind, Candidate[]> = {
    [MatchKind.PERSON]: findCandidates(records[MatchKind.PERSON], { minScore }),
    [MatchKind.COMPANY]: findCandidates(records[MatchKind.COMPANY], { minScore }),
  };
  const compared = performance.now();

  const computedAt = new Date();
  const { written, deleted } = await store.store(scope, computedAt, candidates);
  const stored = performance.now();

  return {
    scope,
    minScore,
    computedAt,
    persons: records[MatchKind.PERSON].length,
    companies: records[MatchKind.COMPANY].length,
    personCandidates: candidates[MatchKind.PERSON].length,
    companyCandidates: candidates[MatchKind.COMPANY].length,
    written,
    deleted,
    durationMs: stored - started,
    exportMs: exported - started,
    compareMs: compared - exported,
    storeMs: stored - compared,
  };
}

/** The options with their defaults, or a BadInputError naming the first wrong one. */
function checked(options: ResolveCandidatesOptions): { scope: string; minScore: number; pageSize: number } {
  const scope = options.scope ?? "";
  if (scope.length > MAX_SCOPE_LENGTH) throw new BadInputError("scope", `at most ${MAX_SCOPE_LENGTH} characters`);
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  // Above 0: a run storing every compared pair would store namesakes by the hundred thousand.
  if (!Number.isFinite(minScore) || minScore <= 0 || minScore > 1) throw new BadInputError("minScore", "a number above 0, at most 1");
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new BadInputError("pageSize", "a whole number of at least 1");
  return { scope, minScore, pageSize };
}
