import { DOUBLE_PAIR, type PairCounts, type ResolutionQuality } from "../../src/resolution/quality.js";

/** What one network size's run measured; kept in `bench/results/resolution-<shipments>.json`. */
export interface ResolutionSizeRun {
  date: string;
  command: string;
  /** The commit measured (the benchmark's own changes aside). */
  commit?: string;
  machine: string;
  /** Load averages (1 / 5 / 15 min) at the start and at the end. */
  load: string;
  seed: string;
  shipments: number;
  duplicates: number;
  /** The `minScore` given to `findCandidates`, at or below the threshold. */
  minScore: number;
  timings: { generateMs: number; readMs: number; candidatesMs: number; measureMs: number };
  /** Candidates `findCandidates` returned at `minScore`. */
  candidatesFound: number;
  quality: ResolutionQuality[];
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const fmt = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 0 });
const sizeLabel = (shipments: number) => (shipments >= 1_000_000 ? `${shipments / 1_000_000}M` : `${shipments / 1000}k`);

function pairCell(counts: PairCounts): string {
  return `${percent(counts.precision)} (${fmt(counts.correctPairs)}/${fmt(counts.predictedPairs)})`;
}

function recallCell(counts: PairCounts): string {
  return `${percent(counts.recall)} (${fmt(counts.correctPairs)}/${fmt(counts.truePairs)})`;
}

/** Precision and recall per kind of record and in all, pairwise and by closure. */
export function summaryTable(quality: ResolutionQuality): string {
  const lines = [
    "| records | precision | recall | closure precision | closure recall |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  for (const kind of ["Person", "Company", "all"] as const) {
    lines.push(
      `| ${kind === "all" ? "all" : `${kind} (${fmt(quality.records[kind])})`} | ${pairCell(quality.pairwise[kind])} | ${recallCell(quality.pairwise[kind])} | ` +
        `${pairCell(quality.closure[kind])} | ${recallCell(quality.closure[kind])} |`,
    );
  }
  return lines.join("\n");
}

/** Recall per variant kind: the pairs original–double by the double's variant, then pairs of two doubles. */
export function variantTable(quality: ResolutionQuality): string {
  const lines = ["| kind | variant | pairs | found | recall | recall in closure |", "| --- | --- | ---: | ---: | ---: | ---: |"];
  for (const row of quality.byVariant) {
    lines.push(`| ${row.kind} | ${row.variant === DOUBLE_PAIR ? "(two doubles)" : row.variant} | ${row.pairs} | ${row.found} | ${percent(row.recall)} | ${percent(row.recallInClosure)} |`);
  }
  return lines.join("\n");
}

/** The commonest patterns of evidence among false positives and misses: feature names and weights, record ids. */
export function errorTables(quality: ResolutionQuality, limit = 8): string {
  const examples = (pairs: readonly (readonly [string, string])[]) => pairs.map(([a, b]) => `${a} ~ ${b}`).join("; ");
  const lines = ["False positives by evidence:", "", "| pairs | evidence (feature, log-odds weight) | e.g. |", "| ---: | --- | --- |"];
  for (const row of quality.falsePositives.slice(0, limit)) lines.push(`| ${row.count} | ${row.pattern} | ${examples(row.examples.slice(0, 1))} |`);
  if (quality.falsePositives.length === 0) lines.push("| 0 | | |");
  const rest = quality.falsePositives.slice(limit).reduce((sum, row) => sum + row.count, 0);
  if (rest > 0) lines.push(`| ${rest} | (${quality.falsePositives.length - limit} other patterns) | |`);
  lines.push("", "Misses by variant and evidence (the pair compared directly):", "", "| pairs | kind | variant | why | evidence | e.g. |", "| ---: | --- | --- | --- | --- | --- |");
  for (const row of quality.falseNegatives.slice(0, limit)) {
    lines.push(`| ${row.count} | ${row.kind} | ${row.variant} | ${row.reason} | ${row.pattern} | ${examples(row.examples.slice(0, 1))} |`);
  }
  if (quality.falseNegatives.length === 0) lines.push("| 0 | | | | | |");
  const missedRest = quality.falseNegatives.slice(limit).reduce((sum, row) => sum + row.count, 0);
  if (missedRest > 0) lines.push(`| ${missedRest} | | | (${quality.falseNegatives.length - limit} other patterns) | | |`);
  return lines.join("\n");
}

export { sizeLabel };
