import { parseArgs } from "node:util";

import { batchTimeoutMs, ConfigError, loadConfig } from "../config.js";
import { withCommandDatabase } from "../db/command-database.js";
import { BadInputError, DatabaseUnavailableError } from "../domain/errors.js";
import { applyDecisions, AUTOMATIC_DECIDER } from "./apply-decisions.js";
import { MAX_CLUSTER } from "./decision-store.js";
import { DEFAULT_MIN_SCORE, resolveCandidates, type ResolveCandidatesOptions } from "./resolve-candidates.js";

const USAGE = `usage: npm run resolve -- candidates [options]
       npm run resolve -- apply --min-score <s> [--scope <prefix>]

candidates: finds pairs of persons (and of companies) that may be one entity, scores them feature
by feature, and stores them for the resolutionCandidates query. Replaces the earlier candidates of
the same scope: pairs no longer found are removed.

apply: confirms the stored candidates scoring at least <s> on which no decision was ever taken, as
automatic SAME decisions (decided by "${AUTOMATIC_DECIDER}", undone like any other with undoDecision).
A pair an investigator rejected or undid is left to them.

  --min-score <s>        candidates: lowest score stored, above 0, at most 1 (default ${DEFAULT_MIN_SCORE});
                         apply: lowest score confirmed (required)
  --scope <prefix>       only persons and companies whose id starts with <prefix> (default: the whole graph)
  --page-size <n>        records per export query (default 10000)
  -h, --help             this text

Prints counts and timings only: names are personal data and stay out of logs.
Exit code: 0 stored, 1 the run could not complete.`;

/** Runs the resolution command; resolves to the process exit code. */
export async function runResolveCli(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        "min-score": { type: "string" },
        scope: { type: "string" },
        "page-size": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || !["candidates", "apply"].includes(positionals[0]!)) {
    console.error(`the resolution steps are "candidates" and "apply"\n\n${USAGE}`);
    return 1;
  }
  if (positionals[0] === "apply" && values["min-score"] === undefined) {
    console.error(`apply needs --min-score: the score above which candidates are confirmed is a choice\n\n${USAGE}`);
    return 1;
  }
  const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));
  const options: ResolveCandidatesOptions = {
    minScore: number(values["min-score"]),
    scope: values.scope,
    pageSize: number(values["page-size"]),
  };

  try {
    const config = loadConfig();
    const timeoutMs = batchTimeoutMs(config.neo4j);
    if (positionals[0] === "apply") {
      const applied = await withCommandDatabase(config.neo4j, { timeoutMs }, (executor) =>
        applyDecisions(executor, { minScore: options.minScore!, scope: options.scope }),
      );
      console.log(`apply: ${applied.applied} candidates confirmed as automatic decisions, ${applied.skipped} left (a cluster would pass ${MAX_CLUSTER})`);
      return 0;
    }
    const result = await withCommandDatabase(config.neo4j, { timeoutMs }, (executor) => resolveCandidates(executor, options));
    console.log(
      `candidates: ${result.written} stored, ${result.deleted} earlier ones removed (scope ${JSON.stringify(result.scope)}, ` +
        `min score ${result.minScore}, computed at ${result.computedAt.toISOString()})\n` +
        `  records: ${result.persons} persons, ${result.companies} companies; ` +
        `candidates: ${result.personCandidates} pairs of persons, ${result.companyCandidates} pairs of companies\n` +
        `  time: ${ms(result.durationMs)} (export ${ms(result.exportMs)}, comparison ${ms(result.compareMs)}, store ${ms(result.storeMs)})`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BadInputError || error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
      console.error(error.message);
    } else {
      // Only the error's kind and message: a stack or a driver error's parameters could carry names.
      console.error(error instanceof Error ? `${error.name}: ${error.message}` : "the run failed");
    }
    return 1;
  }
}

const ms = (value: number): string => (value < 10_000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`);
