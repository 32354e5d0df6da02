import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

import { projectRoot } from "../../src/config.js";
import type { CypherExecutor } from "../../src/db/cypher-executor.js";
import { importFiles } from "../../src/import/import-files.js";
import { deleteWorld, uniquePrefix } from "../import/helpers/import-context.js";
import { postTo, runSourceCommand } from "./replica-clients.js";

const FIXTURE = path.join(projectRoot, "test", "import", "fixtures", "case-file-parties.yaml");
const CSV = path.join(projectRoot, "test", "import", "fixtures", "case-file-parties.csv");

export interface AlertScene {
  /** The alert payload (`kind via watch { id } shipment { id }`) the import must deliver. */
  expected: Record<string, unknown>;
  /**
   * Imports the case file again with `npm run import`, in a process of its own: what the
   * subscriber received within `withinMs` of the import's end, and when the first came (ms after).
   */
  importAgain(withinMs: number): Promise<{ received: { data?: any; errors?: unknown }[]; firstAfterMs: number }>;
  close(): Promise<void>;
}

/**
 * An investigator (`token`, whose subject is `owner`) watching a company of the case-file fixture
 * (imported in a world of its own, an id prefix), the watch made through `watchUrl`, and subscribed
 * to alerts over graphql-ws at `subscribeUrl`. `commandEnv` is what the import command gets.
 */
export async function alertScene(options: {
  executor: CypherExecutor;
  commandEnv: Record<string, string>;
  token: string;
  owner: string;
  watchUrl: string;
  subscribeUrl: string;
}): Promise<AlertScene> {
  const prefix = uniquePrefix("replicas");
  const reportDir = await mkdtemp(path.join(tmpdir(), "replicas-import-"));
  const received: { data?: any; errors?: unknown }[] = [];
  let subscriber: Client | undefined;
  const close = async () => {
    await subscriber?.dispose();
    await options.executor.write(`MATCH (n) WHERE (n:Watch OR n:Alert) AND n.owner = $owner DETACH DELETE n`, { owner: options.owner });
    await deleteWorld(options.executor, prefix);
    await rm(reportDir, { recursive: true, force: true });
  };
  try {
    // The case file first, so that its company exists to be watched.
    await importFiles(options.executor, FIXTURE, [CSV], { idPrefix: prefix, reportDir });
    const watched = await postTo(options.watchUrl, `mutation Watch($input: WatchInput!) { watch(input: $input) { id } }`, options.token, {
      input: { kind: "COMPANY", targetId: `${prefix}test-case-file-C1-1` },
    });
    if (watched.errors !== undefined) throw new Error(`watch refused: ${JSON.stringify(watched.errors)}`);

    const connected = new Promise<void>((resolve) => {
      subscriber = createClient({
        url: options.subscribeUrl.replace(/^http/, "ws"),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${options.token}` },
        retryAttempts: 0,
        on: { connected: () => resolve() },
      });
    });
    subscriber!.subscribe(
      { query: `subscription { alerts { kind via watch { id } shipment { id } } }` },
      { next: (result) => void received.push(result), error: (error) => void received.push({ errors: error }), complete: () => {} },
    );
    await connected;
    // The subscription is registered once its first message is handled, just after the connection's.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return {
      expected: { kind: "COMPANY", via: "PARTY", watch: { id: watched.data!.watch.id }, shipment: { id: `${prefix}test-case-file-C1-shipment` } },
      importAgain: async (withinMs) => {
        const imported = await runSourceCommand("src/import/cli.ts", ["--mapping", FIXTURE, CSV, "--id-prefix", prefix, "--report-dir", reportDir], options.commandEnv);
        if (imported.code !== 0) throw new Error(`the import failed (${imported.code}):\n${imported.stdout}${imported.stderr}`);
        const ended = performance.now();
        while (received.length === 0 && performance.now() - ended < withinMs) await new Promise((resolve) => setTimeout(resolve, 20));
        return { received, firstAfterMs: performance.now() - ended };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
