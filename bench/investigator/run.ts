import "reflect-metadata";

import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { pino } from "pino";

import { loadConfig, projectRoot } from "../../src/config.js";
import { buildGraphQLSchema } from "../../src/graphql/build-schema.js";
import { startBenchServer } from "../bench-server.js";
import { CleanUp, runBenchmark } from "../lifecycle.js";
import { compare, measure, warmUp } from "../measure.js";
import { replaceSection } from "../report-section.js";
import { loadedNetwork } from "./dataset.js";
import { investigatorShapes } from "./shapes.js";
import type { Comparison } from "../measure.js";
import { renderInvestigatorSection, type InvestigatorRun } from "./report.js";

/**
 * `npm run bench:investigator -- --shipments 100000`: the investigator queries (search, network at
 * depth 2, connections, sharedIdentifiers) on a generated network, each through the API over HTTP
 * and as the same Cypher run directly through neo4j-driver, interleaved in one run. Writes the
 * "Investigator queries" section of bench/REPORT.md.
 */

const log = (line: string) => console.error(`[bench:investigator] ${line}`);
const cleanUp = new CleanUp("bench:investigator");

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      shipments: { type: "string", default: "100000" },
      seed: { type: "string", default: "investigator" },
      warmup: { type: "string", default: "60" },
      iterations: { type: "string", default: "200" },
      "load-only": { type: "boolean", default: false },
      "no-report": { type: "boolean", default: false },
      "render-only": { type: "boolean", default: false },
    },
  });
  const shipments = Number(values.shipments);
  const plan = { warmup: Number(values.warmup), iterations: Number(values.iterations) };
  const resultsFile = path.join(projectRoot, "bench", "results", `investigator-${shipments}.json`);
  if (values["render-only"]) {
    // Rewrites the report's section from the last run's results, after a change to its wording.
    const run = JSON.parse(await readFile(resultsFile, "utf8")) as InvestigatorRun;
    await replaceSection(path.join(projectRoot, "bench", "REPORT.md"), renderInvestigatorSection(run));
    return;
  }
  const config = loadConfig();
  const loadAverageAtStart = os.loadavg();

  const network = await loadedNetwork(config, { seed: values.seed!, shipments, log });
  cleanUp.add(() => network.database.stop());
  if (values["load-only"]) return;

  const server = await startBenchServer({
    schema: await buildGraphQLSchema(),
    registry: network.registry,
    executor: network.executor,
    logger: pino({ level: "silent" }),
    production: config.production,
    isStarted: () => true,
  });
  cleanUp.add(() => server.close());
  log(`API at ${server.url}`);

  const shapes = await investigatorShapes(network, plan.warmup + plan.iterations);
  for (const shape of shapes) {
    log(`${shape.title}: ${plan.warmup} warm-up iterations each way, answers compared`);
    await warmUp(server.url, shape, plan.warmup);
  }
  const results: Comparison[] = [];
  for (const shape of shapes) {
    log(`${shape.title}: ${plan.iterations} measured iterations each way, interleaved`);
    const samples = await measure(server.url, shape, plan.warmup, plan.iterations);
    const result = compare(shape, samples);
    results.push(result);
    log(`${shape.title}: API p50 ${result.api.p50.toFixed(2)} ms, direct p50 ${result.direct.p50.toFixed(2)} ms, ratio ${result.ratio.p50.toFixed(2)}`);
  }

  const run = {
    date: new Date().toISOString(),
    command: `npm run bench:investigator -- --shipments ${shipments}`,
    machine: `${os.cpus()[0]?.model.trim() ?? "unknown"}, ${os.cpus().length} logical CPUs, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node.js ${process.version}`,
    load: `${loadAverageAtStart.map((v) => v.toFixed(2)).join(" / ")} at start, ${os.loadavg().map((v) => v.toFixed(2)).join(" / ")} at end`,
    network: network.load,
    plan,
    results,
  };
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, JSON.stringify(run, null, 2) + "\n");
  const section = renderInvestigatorSection(run);
  if (!values["no-report"]) await replaceSection(path.join(projectRoot, "bench", "REPORT.md"), section);
  console.log(section);
}

await runBenchmark("bench:investigator", main, cleanUp.run);
