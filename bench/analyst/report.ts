import type { LoadRecord } from "../investigator/dataset.js";
import type { Comparison } from "../measure.js";
import type { ProfileRecord } from "./profile.js";
import type { RingsRun } from "./rings.js";

/** What one network size's run measured; kept in `bench/results/analyst-<shipments>.json`. */
export interface AnalystSizeRun {
  date: string;
  command: string;
  machine: string;
  load: string;
  network: LoadRecord;
  /** Warm-up and measured iterations, per kind of query. */
  plan: Record<"routes" | "flows", { warmup: number; iterations: number }>;
  results: Comparison[];
  /** Direct time of the two parts of `routes`, median of a few runs each, per pair. */
  routeParts: { key: string; observedMs: number; inferredMs: number; runs: number }[];
  profiles: ProfileRecord[];
  rings: RingsRun | null;
}

/** The goal of issue 5, item 6. */
export const ROUTES_P95_GOAL_MS = 300;
export const ROUTES_GROWTH_GOAL = 1.5;

const ms = (value: number) => (value >= 1000 ? value.toFixed(0) : value.toFixed(1));
const fmt = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 0 });
const times = (value: number) => `${value.toFixed(2)}×`;
const sizeLabel = (shipments: number) => (shipments >= 1_000_000 ? `${shipments / 1_000_000}M` : `${shipments / 1000}k`);

function growth(runs: AnalystSizeRun[], value: (run: AnalystSizeRun) => number | undefined): string {
  const steps: string[] = [];
  for (let index = 1; index < runs.length; index++) {
    const before = value(runs[index - 1]!);
    const after = value(runs[index]!);
    steps.push(before === undefined || after === undefined ? "–" : times(after / before));
  }
  return steps.join(" | ");
}

/** The "Analyst queries" section of bench/REPORT.md, from the runs of every size measured so far. */
export function renderAnalystSection(unsorted: AnalystSizeRun[]): string {
  const runs = [...unsorted].sort((a, b) => a.network.shipments - b.network.shipments);
  const keys = [...new Set(runs.flatMap((run) => run.results.map((result) => result.key)))];
  const titleOf = new Map(runs.flatMap((run) => run.results.map((result) => [result.key, result.title] as const)));
  const result = (run: AnalystSizeRun, key: string) => run.results.find((entry) => entry.key === key);

  const setup = runs.map(
    (run) =>
      `| ${sizeLabel(run.network.shipments)} | ${fmt(run.network.nodes)} | ${fmt(run.network.relationships)} | ${fmt(run.network.rows)} rows in ${fmt(run.network.seconds)} s | routes ${run.plan.routes.warmup} + ${run.plan.routes.iterations}, flows ${run.plan.flows.warmup} + ${run.plan.flows.iterations} | ${run.date} | ${run.load} |`,
  );

  const figures = keys.flatMap((key) =>
    runs.flatMap((run) => {
      const entry = result(run, key);
      if (!entry) return [];
      return [
        `| ${titleOf.get(key)} | ${sizeLabel(run.network.shipments)} | ${ms(entry.api.p50)} | **${ms(entry.api.p95)}** | ${ms(entry.direct.p50)} | ${ms(entry.direct.p95)} | ${times(entry.ratio.p50)} |`,
      ];
    }),
  );

  const stepHeader = runs.slice(1).map((run, index) => `${sizeLabel(runs[index]!.network.shipments)} → ${sizeLabel(run.network.shipments)}`);
  const growthRows = keys.map(
    (key) =>
      `| ${titleOf.get(key)} | ${growth(runs, (run) => result(run, key)?.api.p95)} | ${growth(runs, (run) => result(run, key)?.direct.p95)} |`,
  );
  const profileKeys = [...new Set(runs.flatMap((run) => run.profiles.map((profile) => profile.key)))];
  const profileTitle = new Map(runs.flatMap((run) => run.profiles.map((profile) => [profile.key, profile.title] as const)));
  const profileOf = (run: AnalystSizeRun, key: string) => run.profiles.find((profile) => profile.key === key);
  const hitRows = profileKeys.map(
    (key) =>
      `| ${profileTitle.get(key)} | ${runs.map((run) => { const found = profileOf(run, key); return found ? fmt(found.dbHits) : "–"; }).join(" | ")} | ${growth(runs, (run) => profileOf(run, key)?.dbHits)} |`,
  );
  const largest = runs[runs.length - 1]!;
  const hotspots = largest.profiles.map(
    (profile) =>
      `- ${profile.title}: ${fmt(profile.dbHits)} hits in all; ${profile.top.map((operator) => `\`${operator.operator}\` ${fmt(operator.dbHits)} (${operator.details ? `${operator.details.replaceAll("|", "\\|").replaceAll("`", "'")}` : "–"})`).join("; ")}`,
  );
  const partRows = runs.flatMap((run) =>
    run.routeParts.map((part) => `| ${part.key} | ${sizeLabel(run.network.shipments)} | ${ms(part.observedMs)} | ${ms(part.inferredMs)} |`),
  );

  const routeKeys = keys.filter((key) => key.startsWith("routes"));
  const million = runs.find((run) => run.network.shipments === 1_000_000);
  const verdicts = routeKeys.map((key) => {
    const at1M = million ? result(million, key) : undefined;
    const p95 = at1M ? `API p95 ${ms(at1M.api.p95)} ms at 1M (${at1M.api.p95 < ROUTES_P95_GOAL_MS ? "**under**" : "**over**"} ${ROUTES_P95_GOAL_MS} ms)` : "not measured at 1M";
    const steps: string[] = [];
    const ratios: number[] = [];
    for (let index = 1; index < runs.length; index++) {
      const before = result(runs[index - 1]!, key);
      const after = result(runs[index]!, key);
      if (!before || !after) continue;
      ratios.push(after.api.p95 / before.api.p95);
      steps.push(`${times(after.api.p95 / before.api.p95)} ${sizeLabel(runs[index - 1]!.network.shipments)} → ${sizeLabel(runs[index]!.network.shipments)}`);
    }
    const within = ratios.length > 0 && ratios.every((ratio) => ratio <= ROUTES_GROWTH_GOAL);
    return `- ${titleOf.get(key)}: ${p95}; API p95 growth ${steps.join(", ") || "–"} (${within ? "**within**" : "**not within**"} ${ROUTES_GROWTH_GOAL}× per 10×).`;
  });

  const rings = runs.find((run) => run.rings)?.rings;
  const ringsText = rings
    ? `### rings at 100k\n\n${rings.note}\n\nAnalyze job: ${rings.analyzeSeconds.map((seconds) => `${seconds.toFixed(1)} s`).join(", ")} (${rings.ringCount} rings stored).` +
      (rings.query
        ? `\n\n| query | API p50 ms | API p95 ms | direct p50 ms | direct p95 ms | API / direct p50 |\n| --- | ---: | ---: | ---: | ---: | ---: |\n| ${rings.query.title} | ${ms(rings.query.api.p50)} | ${ms(rings.query.api.p95)} | ${ms(rings.query.direct.p50)} | ${ms(rings.query.direct.p95)} | ${times(rings.query.ratio.p50)} |\n\n\`\`\`graphql\n${rings.query.graphql}\n\`\`\`\n\nDirect: ${rings.query.directFile}. Inputs: ${rings.query.inputs}.`
        : "")
    : "";

  const details = keys.map((key) => {
    const entry = runs.map((run) => result(run, key)).find((found) => found !== undefined)!;
    return `- **${entry.title}**: direct = ${entry.directFile}. Inputs: ${entry.inputs}.`;
  });
  const queries = [...new Set(runs.flatMap((run) => run.results.map((entry) => entry.graphql)))].map((graphql) => `\`\`\`graphql\n${graphql}\n\`\`\``);

  return `## Analyst queries

Generated by \`npm run bench:analyst\` (\`bench/analyst/run.ts\`; one size: \`npm run bench:analyst -- --sizes 100000\`). Machine: ${largest.machine}.
Networks: the generator's seed \`${largest.network.seed}\` at each size, loaded with the import engine (all files) into an embedded Neo4j kept under \`.bench/\` between runs; each size is measured alone, its own database the only one running.

| shipments | nodes | relationships | load | warm-up + measured iterations | measured on | load average (1 / 5 / 15 min) at start, at end |
| --- | ---: | ---: | --- | --- | --- | --- |
${setup.join("\n")}

Each iteration asks the same question through the API over HTTP and directly (the same repository code and Cypher through neo4j-driver, no GraphQL or HTTP), in alternating order; the warm-up checks that both answers are equal. Times in ms; the goal's figure is in bold.

| query | shipments | API p50 | API p95 | direct p50 | direct p95 | API / direct p50 |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
${figures.join("\n")}

**Goal (issue 5, item 6): \`routes\` p95 under ${ROUTES_P95_GOAL_MS} ms at 1M shipments, growing at most ${ROUTES_GROWTH_GOAL}× per 10× data.**

${verdicts.join("\n")}

How p95 grows per 10× data (API | direct):

| query | API p95 ${stepHeader.join(" | API p95 ")} | direct p95 ${stepHeader.join(" | direct p95 ")} |
| --- | ${stepHeader.map(() => "---:").join(" | ")} | ${stepHeader.map(() => "---:").join(" | ")} |
${growthRows.join("\n")}

Database hits (one \`PROFILE\` of each query with the parameters its repository sends; the work done, whatever the machine's load):

| query | ${runs.map((run) => sizeLabel(run.network.shipments)).join(" | ")} | ${stepHeader.join(" | ")} |
| --- | ${runs.map(() => "---:").join(" | ")} | ${stepHeader.map(() => "---:").join(" | ")} |
${hitRows.join("\n")}

The two parts of \`routes\`, direct, median ms: the observed routes (one query) and the inferred ones (three \`legs\` queries, the second from every country the first reaches):

| pair | shipments | observed | inferred |
| --- | --- | ---: | ---: |
${partRows.join("\n")}

Where the hits go at ${sizeLabel(largest.network.shipments)} (the operators with the most):

${hotspots.join("\n")}

${ringsText}

Queries and inputs:

${details.join("\n")}

${queries.join("\n\n")}
`.replace(/\n{3,}/g, "\n\n");
}
