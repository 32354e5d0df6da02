import { z } from "zod";

import { defineNormaliser, problem, valueOf } from "./normaliser.js";
import { collapseSpace } from "./text.js";

/**
 * A cell holding several values (`Pigeons; Bird eggs`): split on `separator` (a string) or
 * `pattern` (a regular expression), each item trimmed, empty items dropped. `drop` removes items
 * matching a regular expression (such as the ISO code among a country's alternative spellings).
 */
const options = z
  .object({
    separator: z.string().min(1).optional(),
    pattern: z.string().min(1).optional(),
    drop: z.string().min(1).optional(),
    unique: z.boolean().default(true),
  })
  .strict()
  .superRefine((value, context) => {
    if ((value.separator === undefined) === (value.pattern === undefined)) {
      context.addIssue({ code: "custom", message: "give either separator or pattern" });
    }
    for (const key of ["pattern", "drop"] as const) {
      const source = value[key];
      if (source !== undefined && regexError(source)) {
        context.addIssue({ code: "custom", path: [key], message: `not a regular expression: ${regexError(source)}` });
      }
    }
  });

export type ListOptions = z.infer<typeof options>;

export const list = defineNormaliser({
  name: "list",
  options,
  valueType: () => "string-list",
  create: (settings) => {
    const split = splitter(settings);
    return (raw) => {
      const items = split(raw);
      return items.length === 0 ? problem("no items") : valueOf(items);
    };
  },
});

/** Splits a cell as `settings` say; `unique` keeps only the first of repeated items. */
export function splitter(settings: { separator?: string; pattern?: string; drop?: string; unique: boolean }) {
  const separator = settings.pattern !== undefined ? new RegExp(settings.pattern, "u") : settings.separator!;
  const drop = settings.drop !== undefined ? new RegExp(settings.drop, "u") : undefined;
  return (raw: string): string[] => {
    const items = raw
      .split(separator)
      .map(collapseSpace)
      .filter((item) => item.length > 0 && !(drop && drop.test(item)));
    return settings.unique ? [...new Set(items)] : items;
  };
}

export function regexError(source: string): string | undefined {
  try {
    new RegExp(source, "u");
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
