import { z } from "zod";

import { defineNormaliser, problem, valueOf, type Outcome } from "./normaliser.js";
import { isUnknown, parseNumber, unknownMarkers } from "./number.js";

/**
 * A weight, to kilograms. A bare number is in the column's `unit`; a number may also carry its own
 * unit (`12 kg`, `400 g`, `1.5t`). The `unknown` markers (ROUTES writes `Y`: seized, weight not
 * reported) give no value and no problem. Anything else (`400g each`, `100s`) is a problem.
 */
const UNITS = { kg: 1, g: 0.001, t: 1000, lb: 0.45359237 } as const;

const options = z
  .object({
    unit: z.enum(Object.keys(UNITS) as [keyof typeof UNITS, ...(keyof typeof UNITS)[]]).default("kg"),
    decimal: z.enum([".", ","]).default("."),
    unknown: unknownMarkers,
  })
  .strict();

export type WeightOptions = z.infer<typeof options>;

export const weight = defineNormaliser({
  name: "weight",
  options,
  valueType: () => "number",
  create: (settings) => parseWeight(settings),
});

const WITH_UNIT = /^(.*?)\s*(kgs?|kilos?|kilograms?|g|grams?|t|tonnes?|lbs?)\.?$/i;

export function parseWeight(settings: { unit: WeightOptions["unit"]; decimal: "." | ","; unknown: readonly string[] }): (raw: string) => Outcome<number> {
  const toNumber = parseNumber({ decimal: settings.decimal, integer: false });
  const unknown = isUnknown(settings.unknown);
  return (raw) => {
    const text = raw.trim();
    if (unknown(text)) return valueOf(null);
    const withUnit = WITH_UNIT.exec(text);
    const figure = toNumber(withUnit ? withUnit[1] : text);
    if ("problem" in figure || figure.value === null) return problem("not a weight");
    if (figure.value < 0) return problem("a negative weight");
    const factor = withUnit ? UNITS[unitOf(withUnit[2])] : UNITS[settings.unit];
    return valueOf(round(figure.value * factor));
  };
}

function unitOf(written: string): keyof typeof UNITS {
  const lower = written.toLowerCase();
  if (lower.startsWith("k")) return "kg";
  if (lower.startsWith("l")) return "lb";
  if (lower.startsWith("t")) return "t";
  return "g";
}

/** Keeps kilograms free of binary noise such as 0.30000000000000004. */
function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
