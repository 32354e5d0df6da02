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

  const partial = runs.flatMap((run) => {
    const note = (run.network as LoadRecord & { partial?: string }).partial;
    return note ? [`- **${sizeLabel(run.network.shipments)} was loaded in part**: ${note}. Routes and flows read nothing else, but its shipments have no party and no provenance relationships (about 5 relationships each instead of about 9), and the queries walk a shipment's relationships to find its seizure and stops: its database hits and timings are a lower bound of a full network's, and their growth from 100k understates the full network's.`] : [];
  });
  const setup = runs.map(
    (run) =>
      `| ${sizeLabel(run.network.shipments)} | ${fmt(run.network.nodes)} | ${fmt(run.network.relationships)} | ${fmt(run.network.rows)} rows in ${fmt(run.network.seconds)} s | routes ${run.plan.routes.warmup} + ${run.plan.routes.iterations}, flows ${run.plan.flows.warmup} + ${run.plan.flows.iterations} | ${run.date} | ${run.load} |`,
  );

  const figures = keys.flatMap((key) =>
    runs.flatMap((run) => {
      const entry = result(run, key);
      if (!entry) return [];
      return [
        `| ${titleOf.get(key)} | ${sizeLabel(run.network.shipments)} | ${entry.api.n} | ${ms(entry.api.p50)} | **${ms(entry.api.p95)}** | ${ms(entry.direct.p50)} | ${ms(entry.direct.p95)} | ${times(entry.ratio.p50)} |`,
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
  const firstOf = (prefix: string) => largest.profiles.find((profile) => profile.key.startsWith(prefix))?.key;
  const hotspotKeys = new Set([firstOf("observed-"), firstOf("legs-"), "links-COUNTRY"]);
  const hotspots = largest.profiles.filter((profile) => hotspotKeys.has(profile.key)).map(
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

  const ringsRun = runs.find((run) => run.rings);
  const rings = ringsRun?.rings;
  const ringsText = rings
    ? `### rings at ${sizeLabel(ringsRun!.network.shipments)}

The analyze job (\`analyzeRings\`, what \`npm run analyze\` runs: export the party graph page by page, Louvain in process, store the rings with their time), then the \`rings\` query reading what it stored.

| analyze run | wall s | export s | detect s | store s | parties | links | rings |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rings.analyze.map((run, index) => `| ${index + 1} | ${run.seconds.toFixed(1)} | ${run.exportSeconds.toFixed(1)} | ${run.detectSeconds.toFixed(1)} | ${run.storeSeconds.toFixed(1)} | ${fmt(run.parties)} | ${fmt(run.links)} | ${fmt(run.rings)} |`).join("\n")}

| query | API p50 | API p95 | direct p50 | direct p95 | API / direct p50 |
| --- | ---: | ---: | ---: | ---: | ---: |
| ${rings.query.title} | ${ms(rings.query.api.p50)} | ${ms(rings.query.api.p95)} | ${ms(rings.query.direct.p50)} | ${ms(rings.query.direct.p95)} | ${times(rings.query.ratio.p50)} |

Direct: ${rings.query.directFile}. Inputs: ${rings.query.inputs}. ${rings.query.api.n} measured iterations each way.

\`\`\`graphql
${rings.query.graphql}
\`\`\``
    : "";

  const details = keys.map((key) => {
    const entry = runs.map((run) => result(run, key)).find((found) => found !== undefined)!;
    return `- **${entry.title}**: direct = ${entry.directFile}. Inputs: ${entry.inputs}.`;
  });
  const queries = [...new Set(runs.flatMap((run) => run.results.map((entry) => entry.graphql)))].map((graphql) => `\`\`\`graphql\n${graphql}\n\`\`\``);

  return `## Analyst queries

Generated by \`npm run bench:analyst\` (\`bench/analyst/run.ts\`; one size: \`npm run bench:analyst -- --sizes 100000\`). Machine: ${largest.machine}.
Networks: the generator's seed \`${largest.network.seed}\` at each size, loaded with the import engine into an embedded Neo4j kept under \`.bench/\` between runs; each size is measured in a run of its own against its own database, while other work shared the machine (see the load averages: on 2 CPUs, anything above 2 means waiting for a CPU).

| shipments | nodes | relationships | load | warm-up + measured iterations | measured on | load average (1 / 5 / 15 min) at start, at end |
| --- | ---: | ---: | --- | --- | --- | --- |
${setup.join("\n")}

${partial.join("\n")}

n measured iterations each way (p95 by nearest rank: the 38th of 40, the 19th of 20, the largest of 8). Each iteration asks the same question through the API over HTTP (as an ANALYST, with authentication, limits and the audit trail on) and directly (the same repository code and Cypher through neo4j-driver, no GraphQL or HTTP), in alternating order; the warm-up checks that both answers are equal. Times in ms; the goal's figure is in bold.

| query | shipments | n | API p50 | API p95 | direct p50 | direct p95 | API / direct p50 |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
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

${findings(runs)}

Where the hits go at ${sizeLabel(largest.network.shipments)} (the operators with the most):

${hotspots.join("\n")}

${ringsText}

Queries and inputs:

${details.join("\n")}

${queries.join("\n\n")}
`.replace(/\n{3,}/g, "\n\n");
}

/** What the profiles and the observed / inferred split say, with the figures of the largest network measured. */
function findings(runs: AnalystSizeRun[]): string {
  const largest = runs[runs.length - 1]!;
  const shares = largest.routeParts.map((part) => `${part.key} ${Math.round((100 * part.inferredMs) / (part.observedMs + part.inferredMs))}%`);
  const steps = runs.slice(1).map((run, index) => {
    const before = runs[index]!;
    const ratios = run.profiles.flatMap((profile) => {
      const earlier = before.profiles.find((candidate) => candidate.key === profile.key);
      return earlier ? [profile.dbHits / earlier.dbHits] : [];
    });
    return `×${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)} from ${sizeLabel(before.network.shipments)} to ${sizeLabel(run.network.shipments)}`;
  });
  return `What the profiles show:

- **The cost of \`routes\` and \`flows\` grows in proportion to the data** (database hits ${steps.join(", ")}; see above for why a partly loaded network's growth is understated): both count every seizure that matches, so each reads every shipment naming the countries asked (\`routes\`) or every shipment (\`flows\`). No index or rewrite of these queries makes an exact count over all matching seizures grow by 1.5× per 10× data; that needs the counts kept ahead of the question (below).
- **Most of \`routes\` is the inferred routes** (share of the direct time at ${sizeLabel(largest.network.shipments)}: ${shares.join(", ")}): the second of the three \`legs\` queries starts from every country the first reaches (13 countries out of Mozambique at 10k), which is most of the network's shipments.
- **Shipments that were never seized are dropped first.** Only seized shipments count, and they are about one in fifteen; \`routes/observed\`, \`routes/legs\`, \`flows/links\` and \`flows/totals\` now test \`EXISTS { (shipment)<-[:INTERCEPTED]-(:Seizure) }\` before reading a shipment's stops. The answers are unchanged (compared at 10k; test/api/analyst-routes.test.ts passes, run with its query-cost limit raised); at 10k, 4.5× fewer database hits for \`routes/observed\` (184,436 → 41,056), 3.7× for \`routes/legs\` (137,650 → 37,606), 5.8× for \`flows/links\` (1,304,490 → 226,168). That check is now the largest operator: a shipment has about a dozen relationships and no type index on a sparse node, so the \`INTERCEPTED\` expand reads them all (about 12 hits a shipment).
- Next steps, not taken here: start \`flows\` from the seizures (\`MATCH (:Seizure)-[:INTERCEPTED]->(shipment)\`, then the stops): same answer, 2,307,074 → 1,215,585 hits at 100k. For \`routes\` within the goal: keep per-pair, per-route aggregates (seizure counts, weights, latest dates and evidence ids, by year, species, product and mode) and the country-to-country leg counts the inferred routes chain, refreshed by the import or by \`npm run analyze\` as the rings are; \`routes\` then reads a few rows per route whatever the number of shipments.`;
}
