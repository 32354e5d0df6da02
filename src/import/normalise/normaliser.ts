import type { z } from "zod";

import type { Gazetteer } from "./gazetteer/place-mention.js";

/**
 * The result of normalising one raw cell: a value (`null` when the cell says "nothing" or "known to
 * be unknown", such as `Y` for a weight), or a problem: the cell says something that cannot be
 * resolved. A problem is never turned into a guess; the import flags or rejects it.
 */
export type Outcome<T> = { readonly value: T | null } | { readonly problem: string };

export function valueOf<T>(value: T | null): Outcome<T> {
  return { value };
}

export function problem(text: string): Outcome<never> {
  return { problem: text };
}

export function isProblem<T>(outcome: Outcome<T>): outcome is { readonly problem: string } {
  return "problem" in outcome;
}

/** What a normaliser gives, so the writer can send it to Neo4j with the right type. */
export type ValueType = "string" | "number" | "integer" | "date" | "string-list";

/** Shared read-only reference data that some normalisers need (loaded once per import). */
export interface NormaliseContext {
  countries: CountryResolver;
  /** Places in free text (`gazetteer/`); loaded only for a mapping that uses it (see load-mapping.ts). */
  gazetteer?: Gazetteer;
}

export interface CountryResolver {
  /** ISO 3166-1 alpha-2 code for a country name or code, or a problem naming why not. */
  resolve(text: string): Outcome<string>;
}

/**
 * A normaliser as the mapping loader sees it: its name in mapping files, the options it accepts
 * (checked with zod, so a mapping error names the option), and a factory for the function that
 * turns a non-empty, trimmed cell into a value.
 */
export interface NormaliserDefinition<Options = unknown, Value = unknown> {
  readonly name: string;
  readonly options: z.ZodType<Options>;
  valueType(options: Options): ValueType;
  create(options: Options, context: NormaliseContext): (raw: string) => Outcome<Value>;
}

/** Helper that keeps each definition's option and value types while erasing them in the registry. */
export function defineNormaliser<Options, Value>(
  definition: NormaliserDefinition<Options, Value>,
): NormaliserDefinition<unknown, unknown> {
  return definition as NormaliserDefinition<unknown, unknown>;
}

/** Case-, accent- and punctuation-insensitive form of a name, for lookups. */
export function foldName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’.]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}
