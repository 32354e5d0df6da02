import { z } from "zod";

import { defineNormaliser, problem, valueOf, type Outcome } from "./normaliser.js";

/**
 * A number as reported: `1200`, `1,200`, `1,200.5` (or `1.200,5` with `decimal: ","`). Anything
 * else (`100s`, `about 40`) is a problem, not a guess. `integer: true` also refuses fractions. The
 * `unknown` markers (hand-kept tables write `Y`: seized, count not reported) give no value and no
 * problem, as they do for `weight`.
 */
/** Cells meaning "there is one, its figure not reported": no value and no problem. */
export const unknownMarkers = z.array(z.string().trim().min(1, "an unknown marker cannot be empty")).default([]);

const options = z
  .object({
    decimal: z.enum([".", ","]).default("."),
    integer: z.boolean().default(false),
    unknown: unknownMarkers,
  })
  .strict();

export type NumberOptions = z.infer<typeof options>;

export const number = defineNormaliser({
  name: "number",
  options,
  valueType: (settings) => (settings.integer ? "integer" : "number"),
  create: (settings) => parseNumber(settings),
});

export function parseNumber(settings: { decimal: "." | ","; integer: boolean; unknown?: readonly string[] }): (raw: string) => Outcome<number> {
  const group = settings.decimal === "." ? "," : ".";
  const grouped = new RegExp(`^-?\\d{1,3}(?:\\${group}\\d{3})+(?:\\${settings.decimal}\\d+)?$`);
  const plain = new RegExp(`^-?\\d+(?:\\${settings.decimal}\\d+)?$|^-?\\${settings.decimal}\\d+$`);
  const unknown = isUnknown(settings.unknown ?? []);
  return (raw) => {
    const text = raw.trim();
    if (unknown(text)) return valueOf(null);
    if (!grouped.test(text) && !plain.test(text)) return problem("not a number");
    const value = Number(text.split(group).join("").replace(settings.decimal, "."));
    if (settings.integer && !Number.isInteger(value)) return problem("not a whole number");
    return valueOf(value);
  };
}

/**
 * Whether a cell is one of the markers: compared trimmed and ignoring case, so `Y` also matches
 * `y`. Shared by every numeric normaliser, so `unknown` means the same everywhere.
 */
export function isUnknown(markers: readonly string[]): (text: string) => boolean {
  const folded = new Set(markers.map((marker) => marker.trim().toLowerCase()));
  return (text) => folded.size > 0 && folded.has(text.trim().toLowerCase());
}
