import type { CypherExecutor } from "../db/cypher-executor.js";
import { resolutionUnapplied } from "../db/queries.generated.js";
import { BadInputError } from "../domain/errors.js";
import { MatchKind, Verdict } from "../domain/match-kind.js";
import { DecisionStore } from "./decision-store.js";

/** Who automatic decisions name as their decider. */
export const AUTOMATIC_DECIDER = "resolve-command";

export interface ApplyDecisionsOptions {
  /** Candidates scoring at least this are confirmed: above 0, at most 1. No default: the threshold is a choice. */
  readonly minScore: number;
  /** Only pairs whose two ids start with it; '' (the default) for all. */
  readonly scope?: string;
}

export interface ApplyDecisionsResult {
  readonly applied: number;
  /** Candidates left undecided: their clusters together would pass MAX_CLUSTER. */
  readonly skipped: number;
}

/**
 * Confirms, as automatic SAME decisions, the stored candidates scoring at least `minScore` on
 * which no decision was ever taken, best first, each in its own transaction (decision-store.ts):
 * a pair an investigator rejected or undid stays theirs. Each decision can be undone like any
 * other, and shows `automatic: true`.
 */
export async function applyDecisions(executor: CypherExecutor, options: ApplyDecisionsOptions): Promise<ApplyDecisionsResult> {
  if (!(options.minScore > 0 && options.minScore <= 1)) throw new BadInputError("minScore", "a number above 0, at most 1");
  const scope = options.scope ?? "";
  const store = new DecisionStore(executor);
  const pairs = await executor.readQuery(resolutionUnapplied, { minScore: options.minScore, scope });
  let applied = 0;
  let skipped = 0;
  for (const pair of pairs) {
    try {
      await store.decide({
        kind: pair.kind as MatchKind,
        verdict: Verdict.SAME,
        a: pair.a,
        b: pair.b,
        reason: `score at least ${options.minScore} (npm run resolve -- apply)`,
        decidedBy: AUTOMATIC_DECIDER,
        automatic: true,
        needsCandidate: true,
        argument: "candidate",
      });
      applied++;
    } catch (error) {
      // Only a cluster grown past its limit is skipped; anything else stops the run.
      if (!(error instanceof BadInputError)) throw error;
      skipped++;
    }
  }
  return { applied, skipped };
}
