import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import neo4j, { type Driver } from "neo4j-driver";

import { projectRoot } from "../../src/config.js";
import { toPlain } from "../../src/db/values.js";

const CYPHER_DIR = path.join(projectRoot, "bench", "peer", "cypher");

/**
 * The hand-written side of the comparison: the Cypher files of bench/peer/cypher/, each run as one
 * auto-commit read through neo4j-driver (as the API's executor reads: one round trip), values made
 * plain as the API makes them. It counts its statements like the two servers do.
 */
export class RawCypher {
  private sent = 0;

  private constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly texts: ReadonlyMap<string, string>,
  ) {}

  static async load(driver: Driver, database: string): Promise<RawCypher> {
    const files = (await readdir(CYPHER_DIR)).filter((file) => file.endsWith(".cypher"));
    const texts = new Map<string, string>();
    for (const file of files) texts.set(path.basename(file, ".cypher"), await readFile(path.join(CYPHER_DIR, file), "utf8"));
    return new RawCypher(driver, database, texts);
  }

  /** Statements sent so far. */
  get queries(): number {
    return this.sent;
  }

  async run(file: string, parameters: Record<string, unknown>): Promise<Record<string, any>[]> {
    const text = this.texts.get(file);
    if (text === undefined) throw new Error(`no bench/peer/cypher/${file}.cypher`);
    this.sent++;
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(text, parameters);
      return result.records.map((record) => toPlain(record.toObject()) as Record<string, any>);
    } finally {
      await session.close();
    }
  }
}
