import { z } from "zod";

import type { IdentifierKind } from "../../domain/vocabulary.js";
import { valueOf, type Outcome } from "./normaliser.js";

/**
 * The option every identifier normaliser shares: `id: true` gives the Identifier node's id,
 * `KIND:value` (`PHONE:+84912345678`, as cypher/model.md and the generator write it), instead of
 * the value alone. The id is made from the normalised value, so two spellings of one phone number
 * are one node; a cell that is a problem gives no id, hence no node.
 */
export const identifierIdOption = { id: z.boolean().default(false) };

/** The option of identifiers a country issues (documents, bank accounts): its code, put in front of the value. */
export const issuingCountryOption = {
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code in capitals")
    .optional(),
};

export function identifierId(kind: IdentifierKind, value: string): string {
  return `${kind}:${value}`;
}

/** Wraps a value normaliser so that `id: true` gives `KIND:value`. */
export function withIdentifierId(
  kind: IdentifierKind,
  asId: boolean,
  normalise: (raw: string) => Outcome<string>,
): (raw: string) => Outcome<string> {
  if (!asId) return normalise;
  return (raw) => {
    const outcome = normalise(raw);
    return "problem" in outcome || outcome.value === null ? outcome : valueOf(identifierId(kind, outcome.value));
  };
}
