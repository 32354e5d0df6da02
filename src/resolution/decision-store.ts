import { randomBytes } from "node:crypto";

import neo4j from "neo4j-driver";

import type { CypherExecutor } from "../db/cypher-executor.js";
import {
  resolutionDecisionPrepare,
  resolutionDecisionsByIds,
  resolutionDecisionsCount,
  resolutionDecisionsPage,
  resolutionDecisionUndo,
  resolutionDecisionWrite,
  resolutionSameAsPairs,
  type ResolutionDecisionsByIdsRow,
} from "../db/queries.generated.js";
import { integerParameter } from "../db/values.js";
import { BadInputError, NotFoundError } from "../domain/errors.js";
import { MatchKind, Verdict } from "../domain/match-kind.js";
import type { Page } from "../domain/paging.js";
import { candidateId } from "./candidate-store.js";
import type { SamePair } from "./cluster-representatives.js";

/**
 * The most members a cluster of SAME decisions may have. The resolved view walks SAME_AS at most
 * 20 steps (a bound written in the .cypher files, where it cannot be a parameter), which reaches
 * every member of a cluster of 20 whatever its shape; a decision that would grow a cluster past it
 * is refused. Real aliases of one person run to a handful.
 */
export const MAX_CLUSTER = 20;

/** The longest reason kept with a decision or an undo. */
export const MAX_REASON = 1_000;

/** A decision as stored. */
export interface StoredDecision {
  readonly id: string;
  readonly kind: MatchKind;
  readonly verdict: Verdict;
  /** The entities' ids, a < b. */
  readonly a: string;
  readonly b: string;
  /** The pair's candidate id (`Person:<a>|<b>`), whether or not a candidate was stored. */
  readonly pairId: string;
  readonly reason: string;
  readonly decidedBy: string;
  readonly decidedAt: Date;
  readonly automatic: boolean;
  /** The candidate's score and feature names when decided; null and [] when linked by hand. */
  readonly score: number | null;
  readonly features: readonly string[];
  readonly undoneAt: Date | null;
  readonly undoneBy: string | null;
  readonly undoReason: string | null;
}

/** What a new decision says. */
export interface DecisionRequest {
  readonly kind: MatchKind;
  readonly verdict: Verdict;
  readonly a: string;
  readonly b: string;
  readonly reason: string;
  /** The API key's subject, or the command's name for an automatic decision. */
  readonly decidedBy: string;
  readonly automatic: boolean;
  /**
   * Only a pair with a stored candidate may be decided (confirm, reject, apply); a link by hand
   * needs none. The argument named in the errors.
   */
  readonly needsCandidate: boolean;
  readonly argument: string;
}

/** Which decisions a list reads. */
export interface DecisionFilter {
  readonly kind: MatchKind | null;
  readonly includeUndone: boolean;
  /** Only decisions naming this entity; null for all. */
  readonly entityId: string | null;
}

/** Where a page starts: after the decision taken at this time with this id (latest first). */
export interface DecisionPosition {
  readonly decidedAtMs: number;
  readonly id: string;
}

/**
 * Resolution decisions in Neo4j: taken and undone in one transaction each, never by changing or
 * deleting the entities (see resolution/decision-*.cypher), and read back for the API.
 */
export class DecisionStore {
  constructor(private readonly executor: CypherExecutor) {}

  /**
   * Takes a decision on a pair. BAD_USER_INPUT when the pair has a live decision (undo it first),
   * names one entity twice, or would make a cluster of more than MAX_CLUSTER; NOT_FOUND when an
   * entity does not exist, or when a candidate is needed and none is stored for the pair.
   */
  async decide(request: DecisionRequest): Promise<StoredDecision> {
    if (request.a === request.b) throw new BadInputError(request.argument, "names one entity twice: a decision needs two");
    checkReason(request.reason);
    const [a, b] = request.a < request.b ? [request.a, request.b] : [request.b, request.a];
    const pairId = candidateId(request.kind, a, b);
    const decidedAt = new Date();
    const id = `decision-${decidedAt.getTime().toString(36)}-${randomBytes(4).toString("hex")}`;
    return this.executor.writeTransaction(async (tx): Promise<StoredDecision> => {
      const [found] = await tx.runQuery(resolutionDecisionPrepare, { kind: request.kind, aId: a, bId: b, pairId });
      if (!found) throw new NotFoundError(request.argument, request.kind === MatchKind.PERSON ? "person" : "company");
      if (request.needsCandidate && found.candidateScore === null) throw new NotFoundError(request.argument, "resolution candidate");
      if (found.liveDecision !== null) {
        throw new BadInputError(request.argument, `already has a live decision (${found.liveDecision}): undo it first`);
      }
      if (request.verdict === Verdict.SAME) {
        const joined = new Set([...found.aCluster, ...found.bCluster]);
        if (joined.size > MAX_CLUSTER) throw new BadInputError(request.argument, `would make a cluster of more than ${MAX_CLUSTER} entities`);
      }
      await tx.runQuery(resolutionDecisionWrite, {
        id,
        kind: request.kind,
        verdict: request.verdict,
        aId: a,
        bId: b,
        pairId,
        reason: request.reason,
        decidedBy: request.decidedBy,
        decidedAt: neo4j.types.DateTime.fromStandardDate(decidedAt),
        automatic: request.automatic,
        score: found.candidateScore,
        features: found.candidateFeatures,
      });
      return {
        id,
        kind: request.kind,
        verdict: request.verdict,
        a,
        b,
        pairId,
        reason: request.reason,
        decidedBy: request.decidedBy,
        decidedAt,
        automatic: request.automatic,
        score: found.candidateScore,
        features: found.candidateFeatures,
        undoneAt: null,
        undoneBy: null,
        undoReason: null,
      };
    });
  }

  /** Undoes a live decision; NOT_FOUND when no live decision has the id. */
  async undo(id: string, undoneBy: string, reason: string): Promise<StoredDecision> {
    checkReason(reason);
    const undone = await this.executor.writeQuery(resolutionDecisionUndo, {
      id,
      undoneBy,
      undoneAt: neo4j.types.DateTime.fromStandardDate(new Date()),
      reason,
    });
    if (undone.length === 0) throw new NotFoundError("id", "live decision");
    const [stored] = await this.byIds([id]);
    return stored!;
  }

  async byIds(ids: readonly string[]): Promise<StoredDecision[]> {
    return (await this.executor.readQuery(resolutionDecisionsByIds, { ids: [...ids] })).map(decisionOf);
  }

  /** A page of decisions, latest first, after `after`; `first` of them at most. */
  async page(filter: DecisionFilter, after: DecisionPosition | null, first: number): Promise<Page<StoredDecision>> {
    const rows = await this.executor.readQuery(resolutionDecisionsPage, {
      ...filter,
      // No decision is taken after the largest safe time: the first page starts before every one.
      afterMs: integerParameter(after?.decidedAtMs ?? Number.MAX_SAFE_INTEGER),
      afterId: after?.id ?? "",
      limit: integerParameter(first + 1),
    });
    return { items: rows.slice(0, first).map(decisionOf), hasNextPage: rows.length > first };
  }

  /** The pairs joined by live SAME decisions within a scope (both ids starting with it). */
  async samePairs(scope: string): Promise<SamePair[]> {
    return (await this.executor.readQuery(resolutionSameAsPairs, { scope })).map((row) => ({ kind: row.kind as MatchKind, a: row.a, b: row.b }));
  }

  async count(filter: DecisionFilter): Promise<number> {
    const [row] = await this.executor.readQuery(resolutionDecisionsCount, { ...filter });
    return row?.count ?? 0;
  }
}

function checkReason(reason: string): void {
  if (reason.trim() === "") throw new BadInputError("reason", "must say why");
  if (reason.length > MAX_REASON) throw new BadInputError("reason", `at most ${MAX_REASON} characters`);
}

function decisionOf(row: ResolutionDecisionsByIdsRow): StoredDecision {
  return {
    id: row.id,
    kind: row.kind as MatchKind,
    verdict: row.verdict as Verdict,
    a: row.a,
    b: row.b,
    pairId: row.pairId,
    reason: row.reason,
    decidedBy: row.decidedBy,
    decidedAt: new Date(row.decidedAtMs),
    automatic: row.automatic,
    score: row.score,
    features: row.features,
    undoneAt: row.undoneAtMs === null ? null : new Date(row.undoneAtMs),
    undoneBy: row.undoneBy,
    undoReason: row.undoReason,
  };
}
