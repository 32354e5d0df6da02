import { readFile } from "node:fs/promises";

import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";

import type { NormaliseContext } from "../normalise/normaliser.js";
import { loadCountryIndex } from "../normalise/country-index.js";
import { loadGazetteer } from "../normalise/gazetteer/gazetteer.js";
import type { CompiledMapping } from "./compiled-mapping.js";
import { compileMapping } from "./compile-mapping.js";
import { MappingError } from "./mapping-error.js";
import { mappingSchema } from "./mapping-schema.js";

/**
 * Reads, validates and compiles a mapping file. Throws a MappingError listing every problem, each
 * naming its entry, so one run shows everything to fix.
 */
export async function loadMapping(file: string, context?: NormaliseContext): Promise<CompiledMapping> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new MappingError(file, [`cannot read the mapping file (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }
  return parseMapping(file, text, context ?? (await contextFor(text)));
}

/**
 * The reference data a mapping's normalisers need. The gazetteer takes a moment to build (about
 * 70,000 names), so it is loaded only for a mapping that names it: `normalise: places`, or a
 * `gazetteer` key anywhere, or a list group's `find`.
 */
export async function contextFor(text: string): Promise<NormaliseContext> {
  const countries = await loadCountryIndex();
  return usesGazetteer(parseDocument(text).toJS()) ? { countries, gazetteer: await loadGazetteer() } : { countries };
}

const GAZETTEER_NORMALISERS = new Set(["places"]);

function usesGazetteer(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(usesGazetteer);
  if (node === null || typeof node !== "object") return false;
  return Object.entries(node).some(
    ([key, value]) =>
      key === "gazetteer" ||
      (key === "normalise" && GAZETTEER_NORMALISERS.has(String(value))) ||
      // A list group whose items the gazetteer finds (`find: countries | places`).
      (key === "find" && (value === "countries" || value === "places")) ||
      usesGazetteer(value),
  );
}

export function parseMapping(file: string, text: string, context: NormaliseContext): CompiledMapping {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (document.errors.length > 0) {
    throw new MappingError(
      file,
      document.errors.map((error) => `YAML line ${lineCounter.linePos(error.pos[0]).line}: ${error.message.split("\n")[0]}`),
    );
  }
  const parsed = mappingSchema.safeParse(document.toJS());
  if (!parsed.success) throw new MappingError(file, parsed.error.issues.flatMap((issue) => describeIssue(issue)));
  const { mapping, problems } = compileMapping(file, parsed.data, context);
  if (problems.length > 0) throw new MappingError(file, problems);
  return mapping;
}

/** `path: message`, looking inside unions for the alternative that got furthest. */
function describeIssue(issue: z.core.$ZodIssue, prefix: PropertyKey[] = []): string[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const deepest = issue.errors.reduce((best, option) => (depth(option) > depth(best) ? option : best));
    if (depth(deepest) > 0) return deepest.flatMap((inner) => describeIssue(inner, path));
  }
  const where = path.map(String).join(".") || "(top level)";
  return [`${where}: ${issue.message}`];
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((issue) => issue.path.length));
}
