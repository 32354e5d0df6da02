import type { LoadRecord } from "../investigator/dataset.js";
import type { System } from "./ask.js";
import type { Latency, LatencyPlan, Load, LoadPlan } from "./compare.js";

export interface PeerShapeResult {
  key: string;
  title: string;
  mapping: string;
  inputs: string;
  documents: { api: string; peer: string; raw: string };
  latency: Omit<Latency, "samples">;
  load: Record<System, Load>;
}

export interface PeerRun {
  date: string;
  command: string;
  /** The code measured: a git commit. */
  revision: string;
  machine: string;
  load: string;
  network: LoadRecord;
  plan: LatencyPlan & LoadPlan;
  shapes: PeerShapeResult[];
  /** An earlier run to compare with (PEER_BENCH_BASELINE), such as one of the code before a change. */
  baseline?: Baseline;
}

/** What the report shows of an earlier run: its ratios, which hold across runs better than times do. */
export interface Baseline {
  revision: string;
  date: string;
  load: string;
  plan: LatencyPlan & LoadPlan;
  shapes: { key: string; apiOverPeerP50: number; apiOverRawP50: number; apiQueries: number; apiOverPeerRequests: number }[];
}

export function baselineOf(run: PeerRun): Baseline {
  return {
    revision: run.revision,
    date: run.date,
    load: run.load,
    plan: run.plan,
    shapes: run.shapes.map((shape) => ({
      key: shape.key,
      apiOverPeerP50: shape.latency.summary.api.p50 / shape.latency.summary.peer.p50,
      apiOverRawP50: shape.latency.summary.api.p50 / shape.latency.summary.raw.p50,
      apiQueries: shape.latency.queries.api.measuredMean,
      apiOverPeerRequests: shape.load.api.requestsPerSecond / shape.load.peer.requestsPerSecond,
    })),
  };
}

function renderBaseline(run: PeerRun, baseline: Baseline): string {
  const rows = run.shapes.flatMap((shape) => {
    const then = baseline.shapes.find((earlier) => earlier.key === shape.key);
    if (!then) return [];
    const { api, peer, raw } = shape.latency.summary;
    const now = shape.load;
    return [
      `| ${shape.title} | ${ratio(then.apiOverPeerP50)} → ${ratio(api.p50 / peer.p50)} | ${ratio(then.apiOverRawP50)} → ${ratio(api.p50 / raw.p50)} | ${count(then.apiQueries)} → ${count(shape.latency.queries.api.measuredMean)} | ${ratio(then.apiOverPeerRequests)} → ${ratio(now.api.requestsPerSecond / now.peer.requestsPerSecond)} |`,
    ];
  });
  return `### An earlier run beside this one

The same benchmark, run on ${baseline.date} against this API at ${baseline.revision}: ${baseline.plan.warmup} + ${baseline.plan.rounds} rounds, load average ${baseline.load}. Ratios, not times, are compared (then → now): each is measured within one run.

| shape | this API / peer p50 | this API / raw p50 | this API's queries per request | this API / peer requests/s |
| --- | ---: | ---: | ---: | ---: |
${rows.join("\n")}`;
}

export const SECTION_TITLE = "## This API beside @neo4j/graphql and raw Cypher";

const ms = (value: number) => value.toFixed(2);
const ratio = (value: number) => `${value.toFixed(2)}×`;
const count = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
const fmt = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 0 });
/** Requests per second: whole numbers, with one decimal below 10 (the slowest shapes answer a few a second). */
const rate = (value: number) => (value < 10 ? value.toFixed(1) : fmt(value));

/** The queries-per-request cell of one system: the measured mean, with the warm-up's range where requests differed. */
function queries(latency: PeerShapeResult["latency"], system: System): string {
  const { warmupMin, warmupMax, measuredMean } = latency.queries[system];
  return warmupMin === warmupMax || Number.isNaN(warmupMin) ? count(measuredMean) : `${count(measuredMean)} (${warmupMin}–${warmupMax})`;
}

/** The goals of issue 14 ("Done when") against the measured figures. */
function verdicts(run: PeerRun): string[] {
  const slower = run.shapes.filter((shape) => shape.latency.summary.api.p50 > shape.latency.summary.peer.p50);
  const fewer = run.shapes.filter((shape) => shape.load.api.requestsPerSecond < shape.load.peer.requestsPerSecond);
  const farFromRaw = run.shapes.filter(
    (shape) => ["lookup", "list"].includes(shape.key) && shape.latency.summary.api.p50 > 1.5 * shape.latency.summary.raw.p50,
  );
  const names = (shapes: PeerShapeResult[]) => shapes.map((shape) => shape.title).join("; ");
  return [
    `- This API at or below 1.0× @neo4j/graphql at p50 on every shape: ${slower.length === 0 ? "**met**" : `**not met** (${names(slower)})`}.`,
    `- At least 1.0× its requests/s at ${run.plan.clients} clients: ${fewer.length === 0 ? "**met**" : `**not met** (${names(fewer)})`}.`,
    `- Within 1.5× of raw Cypher at p50 on the nested lookup and the list page: ${farFromRaw.length === 0 ? "**met**" : `**not met** (${names(farFromRaw)})`}.`,
  ];
}

/** The section of bench/REPORT.md written by `npm run bench:peer`. */
export function renderPeerSection(run: PeerRun): string {
  const { network, plan } = run;
  const latencyRows = run.shapes.map((shape) => {
    const { api, peer, raw } = shape.latency.summary;
    return `| ${shape.title} | ${ms(api.p50)} | ${ms(peer.p50)} | ${ms(raw.p50)} | **${ratio(api.p50 / peer.p50)}** | ${ratio(api.p50 / raw.p50)} | ${ms(api.p95)} | ${ms(peer.p95)} | ${ms(raw.p95)} | ${ratio(api.p95 / peer.p95)} |`;
  });
  const loadRows = run.shapes.map((shape) => {
    const { api, peer, raw } = shape.load;
    return (
      `| ${shape.title} | ${queries(shape.latency, "api")} / ${queries(shape.latency, "peer")} / ${queries(shape.latency, "raw")} ` +
      `| ${rate(api.requestsPerSecond)} / ${rate(peer.requestsPerSecond)} / ${rate(raw.requestsPerSecond)} | **${ratio(api.requestsPerSecond / peer.requestsPerSecond)}** ` +
      `| ${ms(api.nodeCpuMs)} / ${ms(peer.nodeCpuMs)} / ${ms(raw.nodeCpuMs)} | ${ms(api.neo4jCpuMs)} / ${ms(peer.neo4jCpuMs)} / ${ms(raw.neo4jCpuMs)} |`
    );
  });
  const details = run.shapes.map(
    (shape) => `### ${shape.title}

${shape.mapping}

Inputs: ${shape.inputs}. Answers compared equal in all ${shape.latency.checkedRounds} rounds. Requests in the load phase: ${fmt(shape.load.api.requests)} / ${fmt(shape.load.peer.requests)} / ${fmt(shape.load.raw.requests)}.

<details><summary>The three questions</summary>

\`\`\`graphql
# this API
${shape.documents.api}
\`\`\`

\`\`\`graphql
# @neo4j/graphql
${shape.documents.peer}
\`\`\`

Raw Cypher: \`${shape.documents.raw}\`.

</details>`,
  );
  return `${SECTION_TITLE}

Generated by \`${run.command}\` on ${run.date} (\`bench/peer/run.ts\`), measuring this API at ${run.revision}. Raw numbers: \`bench/results/peer.json\` (not committed).
Machine: ${run.machine}; load average ${run.load}. The machine is shared: compare ratios measured in one run, not absolute times across runs.
Network: the generator's seed \`${network.seed}\`, ${fmt(network.shipments)} shipments (${fmt(network.nodes)} nodes, ${fmt(network.relationships)} relationships), loaded with the import engine into an embedded Neo4j kept under \`.bench/\`.
Systems, all on that one Neo4j: **this API** as \`bench/bench-server.ts\` serves it (bearer token, limits, audit trail: as in production), in a process of its own; **@neo4j/graphql** 7.6.3 generated from \`bench/peer/peer-typedefs.graphql\` and served by Apollo Server's standalone server, in a process of its own; both processes with \`NODE_ENV=production\`, as the Dockerfile runs the API; **raw Cypher**: \`bench/peer/cypher/*.cypher\` through neo4j-driver in the benchmark's process.
Plan: per shape, ${plan.warmup} warm-up rounds, then ${plan.rounds} measured rounds; each round asks the three systems the same question in a rotating order, and the three answers (brought to one canonical form, lists the question leaves unordered sorted) must be equal in every round. Then ${plan.clients} concurrent clients per system for ${plan.seconds} s (two slices, A B C C B A, at most ${fmt(plan.maxRequests)} requests a slice), one system at a time, over 127.0.0.1.

Latency, in milliseconds (request to parsed answer, as the client sees it):

| shape | this API p50 | peer p50 | raw p50 | this API / peer p50 | this API / raw p50 | this API p95 | peer p95 | raw p95 | this API / peer p95 |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${latencyRows.join("\n")}

Work per request, this API / @neo4j/graphql / raw Cypher:

| shape | Cypher queries per request | requests/s at ${plan.clients} clients | this API / peer requests/s | Node CPU ms per request | Neo4j CPU ms per request |
| --- | --- | --- | ---: | --- | --- |
${loadRows.join("\n")}

How these are counted: queries per request are the statements each system sent while the measured rounds ran, divided by the rounds (this API through its executor's \`onQuery\`, the peer through a counting proxy of the driver it is given, raw Cypher by its own count), with the range over single warm-up requests in parentheses where requests differed. Node CPU is the CPU time of the system's own process during its load slices (for raw Cypher, the benchmark's process, which also runs the clients); Neo4j CPU is the JVM's, read from \`/proc/<pid>/stat\` (10 ms resolution, hence read over whole slices). Both are divided by the requests answered in those slices. These load figures come from a few seconds per system, so on a shared machine they move more from run to run than the latency ratios do.

Against the goals of issue 14:

${verdicts(run).join("\n")}
${run.baseline ? `\n${renderBaseline(run, run.baseline)}\n` : ""}
${details.join("\n\n")}
`;
}
