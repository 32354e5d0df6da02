import { DOUBLE_PAIR, type PairCounts, type ResolutionQuality } from "../../src/resolution/quality.js";

import type { EvidenceCeiling } from "./ceiling.js";

/** One network size: the ground truth's size, each threshold's quality and times, the ceiling. */
export interface ResolutionSizeRun {
  shipments: number;
  records: number;
  clusters: { persons: number; companies: number };
  generateMs: number;
  /** Reading the CSV files into records. */
  readMs: number;
  byThreshold: { threshold: number; candidatesMs: number; measureMs: number; quality: ResolutionQuality }[];
  ceiling: EvidenceCeiling & { minScore: number; candidates: number; candidatesMs: number };
}

export interface ResolutionRun {
  date: string;
  command: string;
  /** The commit measured (the benchmark's own changes aside). */
  commit: string;
  machine: string;
  /** Load averages (1 / 5 / 15 min) at the start and at the end. */
  load: string;
  seed: string;
  duplicates: number;
  /** Issue 17's bar for precision and recall. */
  bar: number;
  /** The size whose false positives and misses are listed (the largest the bar is set at). */
  errorsAt: number;
  sizes: ResolutionSizeRun[];
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
  for (const row of quality.falsePositives.slice(0, limit)) lines.push(`| ${fmt(row.count)} | ${row.pattern} | ${examples(row.examples.slice(0, 1))} |`);
  if (quality.falsePositives.length === 0) lines.push("| 0 | | |");
  const rest = quality.falsePositives.slice(limit).reduce((sum, row) => sum + row.count, 0);
  if (rest > 0) lines.push(`| ${fmt(rest)} | (${quality.falsePositives.length - limit} other patterns) | |`);
  lines.push("", "Misses by variant and evidence (the pair compared directly):", "", "| pairs | kind | variant | why | evidence | e.g. |", "| ---: | --- | --- | --- | --- | --- |");
  for (const row of quality.falseNegatives.slice(0, limit)) {
    lines.push(`| ${fmt(row.count)} | ${row.kind} | ${row.variant} | ${row.reason} | ${row.pattern} | ${examples(row.examples.slice(0, 1))} |`);
  }
  if (quality.falseNegatives.length === 0) lines.push("| 0 | | | | | |");
  const missedRest = quality.falseNegatives.slice(limit).reduce((sum, row) => sum + row.count, 0);
  if (missedRest > 0) lines.push(`| ${fmt(missedRest)} | | | (${quality.falseNegatives.length - limit} other patterns) | | |`);
  return lines.join("\n");
}


const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The "Resolution quality" section of bench/REPORT.md. */
export function renderResolutionSection(run: ResolutionRun): string {
  const sizes = [...run.sizes].sort((a, b) => a.shipments - b.shipments);
  const thresholds = sizes[0]!.byThreshold.map((entry) => entry.threshold);
  const meets = (counts: PairCounts) => counts.precision >= run.bar && counts.recall >= run.bar;
  const out: string[] = [
    "## Resolution quality",
    "",
    `Generated by \`${run.command}\` (\`bench/resolution/run.ts\`, no database) on ${run.date.slice(0, 16)}Z at ${run.commit}. ` +
      `Machine: ${run.machine}; load average at start, at end: ${run.load}.`,
    "",
    `Networks from the generator (seed \`${run.seed}\`, \`--duplicates ${run.duplicates}\`), read from their CSV files into resolution records ` +
      "(`src/resolution/records-from-files.ts`), searched by `findCandidates` at each threshold and measured against the ground truth's " +
      "duplicate clusters (`src/resolution/quality.ts`). A *pair* is predicted when a candidate scores at or above the threshold; " +
      "*closure* predicts every pair joined by a chain of predicted pairs, as merging clusters would. Recall per variant counts the " +
      "pairs original–double by the double's variant kind; pairs of two doubles of one original are counted apart. Thresholds: " +
      "the resolver's default, `DEFAULT_MIN_SCORE` (what `npm run resolve -- candidates` stores; src/resolution/README.md's threshold " +
      "for review), and the README's \"probable\". " +
      `Issue 17 asks for pairwise precision and recall of at least ${run.bar} each at 1,000 and 10,000 shipments.`,
    "",
    "| shipments | records (persons + companies) | clusters (persons, companies) | true pairs | threshold | candidates | precision | recall | closure precision | closure recall | largest closure cluster | meets the bar | generate | read files | find candidates |",
    "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
  ];
  for (const size of sizes) {
    for (const entry of size.byThreshold) {
      const q = entry.quality;
      out.push(
        `| ${fmt(size.shipments)} | ${fmt(size.records)} (${fmt(q.records.Person)} + ${fmt(q.records.Company)}) | ${fmt(size.clusters.persons)}, ${fmt(size.clusters.companies)} | ` +
          `${fmt(q.pairwise.all.truePairs)} | ${entry.threshold} | ${fmt(q.candidates)} | ${pairCell(q.pairwise.all)} | ${recallCell(q.pairwise.all)} | ` +
          `${pairCell(q.closure.all)} | ${recallCell(q.closure.all)} | ${q.largestClosureCluster} | ${meets(q.pairwise.all) ? "yes" : "**no**"} | ` +
          `${seconds(size.generateMs)} | ${seconds(size.readMs)} | ${seconds(entry.candidatesMs)} |`,
      );
    }
  }

  out.push("", "### Per kind of record", "", "| shipments | threshold | kind | precision | recall | closure precision | closure recall |", "| ---: | ---: | --- | ---: | ---: | ---: | ---: |");
  for (const size of sizes) {
    for (const entry of size.byThreshold) {
      for (const kind of ["Person", "Company"] as const) {
        const q = entry.quality;
        out.push(`| ${fmt(size.shipments)} | ${entry.threshold} | ${kind} | ${pairCell(q.pairwise[kind])} | ${recallCell(q.pairwise[kind])} | ${pairCell(q.closure[kind])} | ${recallCell(q.closure[kind])} |`);
      }
    }
  }

  out.push("", "### Recall per variant kind", "", "Pairs found / pairs planted (recall); the closure's recall where it differs.", "");
  const header = ["kind", "variant", ...sizes.flatMap((size) => thresholds.map((threshold) => `${sizeLabel(size.shipments)} at ${threshold}`))];
  out.push(`| ${header.join(" | ")} |`, `| --- | --- | ${header.slice(2).map(() => "---:").join(" | ")} |`);
  const rows = new Map<string, { kind: string; variant: string }>();
  for (const size of sizes) for (const row of size.byThreshold[0]!.quality.byVariant) rows.set(`${row.kind} ${row.variant}`, row);
  for (const { kind, variant } of rows.values()) {
    const cells = sizes.flatMap((size) =>
      size.byThreshold.map((entry) => {
        const row = entry.quality.byVariant.find((r) => r.kind === kind && r.variant === variant);
        if (row === undefined) return "–";
        const closure = row.foundInClosure !== row.found ? ` [closure ${percent(row.recallInClosure)}]` : "";
        return `${row.found}/${row.pairs} (${percent(row.recall)})${closure}`;
      }),
    );
    out.push(`| ${kind} | ${variant === DOUBLE_PAIR ? "(two doubles)" : variant} | ${cells.join(" | ")} |`);
  }

  out.push(
    "",
    "### What any rule on the same evidence could reach",
    "",
    "Pairs grouped by kind and evidence pattern (each feature's name and log-odds weight to one decimal); a rule that sees only the " +
      "evidence takes or leaves a whole group. Taking groups in order of their share of true pairs (an oracle: it reads the ground " +
      "truth) gives the best precision reachable at a recall of the bar, and the best recall at a precision of the bar. Under the " +
      "bar, no weights or threshold over these features reach it: the pairs it would need to tell apart carry the same features, " +
      "so it takes features the resolver does not compute (or evidence the records do not carry).",
    "",
    "| shipments | pairs compared (candidates at ≥ min score, plus true pairs not listed) | patterns | best precision at recall ≥ bar | best recall at precision ≥ bar | find candidates at min score |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const size of sizes) {
    const c = size.ceiling;
    out.push(`| ${fmt(size.shipments)} | ${fmt(c.pairs)} (${fmt(c.candidates)} at ≥ ${c.minScore}) | ${fmt(c.patterns)} | ${percent(c.precisionAtRecall)} | ${percent(c.recallAtPrecision)} | ${seconds(c.candidatesMs)} |`);
  }

  const shown = sizes.find((size) => size.shipments === run.errorsAt) ?? sizes[sizes.length - 1]!;
  for (const entry of shown.byThreshold) {
    out.push("", `### Errors at ${sizeLabel(shown.shipments)}, threshold ${entry.threshold}`, "", errorTables(entry.quality));
  }
  return out.join("\n") + "\n";
}
