import { z } from "zod";

import { defineNormaliser, problem, valueOf, type Outcome } from "./normaliser.js";

/**
 * A number as reported: `1200`, `1,200`, `1,200.5` (or `1.200,5` with `decimal: ","`). Anything
 * else (`100s`, `about 40`) is a problem, not a guess. `integer: true` also refuses fractions.
 */
const options = z
  .object({
    decimal: z.enum([".", ","]).default("."),
    integer: z.boolean().default(false),
  })
  .strict();

export type NumberOptions = z.infer<typeof options>;

export const number = defineNormaliser({
  name: "number",
  options,
  valueType: (settings) => (settings.integer ? "integer" : "number"),
  create: (settings) => parseNumber(settings),
});

export function parseNumber(settings: NumberOptions): (raw: string) => Outcome<number> {
  const group = settings.decimal === "." ? "," : ".";
  const grouped = new RegExp(`^-?\\d{1,3}(?:\\${group}\\d{3})+(?:\\${settings.decimal}\\d+)?$`);
  const plain = new RegExp(`^-?\\d+(?:\\${settings.decimal}\\d+)?$|^-?\\${settings.decimal}\\d+$`);
  return (raw) => {
    const text = raw.trim();
    if (!grouped.test(text) && !plain.test(text)) return problem("not a number");
    const value = Number(text.split(group).join("").replace(settings.decimal, "."));
    if (settings.integer && !Number.isInteger(value)) return problem("not a whole number");
    return valueOf(value);
  };
}
