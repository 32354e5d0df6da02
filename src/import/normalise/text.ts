import { z } from "zod";

import { defineNormaliser, valueOf } from "./normaliser.js";

/** Free text: trimmed, with runs of white space (including line breaks) made one space. */
export const text = defineNormaliser({
  name: "text",
  options: z.object({}).strict(),
  valueType: () => "string",
  create: () => (raw) => valueOf(collapseSpace(raw)),
});

export function collapseSpace(raw: string): string {
  return raw.replace(/\s+/g, " ").trim();
}
