import { z } from "zod";

import { foldText } from "../../domain/search-text.js";
import { defineNormaliser, problem, valueOf, type Outcome } from "./normaliser.js";

/**
 * An id made from a name, as the model writes species ids (`Manis javanica` → `manis-javanica`):
 * folded as search folds names (lower case, accents dropped, and letters that Unicode leaves whole
 * turned to Latin: `Vũ Đức Thành` → `vu-duc-thanh`, as `Vu Duc Thanh`), then every run of
 * characters other than letters and digits one `-`, none at either end. A cell with no letter or
 * digit is a problem.
 */
export const slug = defineNormaliser({
  name: "slug",
  options: z.object({}).strict(),
  valueType: () => "string",
  create: () => toSlug,
});

export function toSlug(raw: string): Outcome<string> {
  const value = foldText(raw)
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return value ? valueOf(value) : problem("no letter or digit to make an id of");
}
