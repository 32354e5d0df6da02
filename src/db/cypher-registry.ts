import { queries, type QueryName } from "./queries.generated.js";

export { listCypherFiles } from "./cypher-files.js";
export type { QueryName } from "./queries.generated.js";

/**
 * Every query by name, and the file under `cypher/queries/` that holds it (generated from the
 * files: src/db/queries.generated.ts). Code should run the typed descriptors of that module
 * through the executor; this map and the registry below serve code that still runs texts by name.
 */
export const queryFiles: Readonly<Record<QueryName, string>> = Object.fromEntries(
  Object.values(queries).map((query) => [query.name, query.file]),
) as Record<QueryName, string>;

/**
 * Values allowed in a template slot: a label expression, a relationship type, an arrow piece, or a
 * small whole number (Cypher wants literals for `SHORTEST k` and the bounds of a quantifier).
 */
const SLOT_VALUE = /^(?:<-|->|-|[A-Z][A-Za-z_]*(?:\|[A-Z][A-Za-z_]*)*|[1-9][0-9]?)$/;
const SLOT = /\{\{([A-Z_]+)\}\}/g;

/**
 * Query texts by name, for code that has not moved to the typed descriptors (`executor.read(query,
 * parameters, slots)`): `text` and `render` give strings and the executor's untyped `read` gives
 * `Record<string, unknown>` rows. The texts are the generated module's, so there is one source.
 */
export class CypherRegistry {
  private readonly rendered = new Map<string, string>();

  private constructor() {}

  /** Kept async for its callers; the texts are in the generated module, so nothing is read. */
  static async load(): Promise<CypherRegistry> {
    return new CypherRegistry();
  }

  /** The text of a query without template slots. */
  text(name: QueryName): string {
    const text = queries[name].text;
    if (text.includes("{{")) throw new Error(`query ${name} is a template; use render()`);
    return text;
  }

  /**
   * A template query with its slots filled. Slot values are identifiers taken from the enums in
   * `src/domain`, never user input; they are checked here all the same.
   */
  render(name: QueryName, slots: Readonly<Record<string, string>>): string {
    const cacheKey = `${name}\u0000${JSON.stringify(slots)}`;
    const cached = this.rendered.get(cacheKey);
    if (cached) return cached;
    const text = queries[name].text.replace(SLOT, (_, slot: string) => {
      const value = slots[slot];
      if (value === undefined) throw new Error(`query ${name}: no value for slot ${slot}`);
      if (!SLOT_VALUE.test(value)) throw new Error(`query ${name}: slot ${slot} is not an identifier or a small number`);
      return value;
    });
    this.rendered.set(cacheKey, text);
    return text;
  }
}

/** Splits a script of several statements on the semicolons that end lines, after dropping comment lines. */
export function splitStatements(script: string): string[] {
  return script
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
