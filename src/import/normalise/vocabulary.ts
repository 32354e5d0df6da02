import { z } from "zod";

import * as vocabularies from "../../domain/vocabulary.js";
import { defineNormaliser, foldName, problem, valueOf, type Outcome } from "./normaliser.js";
import { regexError } from "./list.js";

/**
 * A closed vocabulary of the model (`src/domain/vocabulary.ts`), such as TransportMode or Product.
 * A cell matches, in order: an entry of `values` (compared case-, accent- and punctuation-blind),
 * then the first of `patterns` (regular expressions, case-blind) that it contains, then a member of
 * the vocabulary written the same way (`air` is AIR). `unmatched: flag` (the default) makes any
 * other cell a problem; `unmatched: empty` gives no value instead, for use inside `firstOf`;
 * `otherwise: OTHER` gives that member instead, for vocabularies with a member for "a word the
 * model has no member for" (PartyRole's OTHER), whose word `raw:` keeps beside it.
 */
export const VOCABULARIES = vocabularies as unknown as Readonly<Record<string, Readonly<Record<string, string>>>>;
export type VocabularyName = keyof typeof vocabularies;

const vocabularyNames = Object.keys(vocabularies) as [VocabularyName, ...VocabularyName[]];

const options = z
  .object({
    vocabulary: z.enum(vocabularyNames),
    values: z.record(z.string(), z.string()).default({}),
    patterns: z.array(z.object({ pattern: z.string().min(1), value: z.string() }).strict()).default([]),
    unmatched: z.enum(["flag", "empty"]).optional(),
    otherwise: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((value, context) => {
    const members = new Set(Object.values(VOCABULARIES[value.vocabulary]));
    const check = (member: string, path: (string | number)[]) => {
      if (!members.has(member)) {
        context.addIssue({ code: "custom", path, message: `"${member}" is not a ${value.vocabulary} (${[...members].join(", ")})` });
      }
    };
    if (value.otherwise !== undefined) {
      check(value.otherwise, ["otherwise"]);
      if (value.unmatched !== undefined) context.addIssue({ code: "custom", path: ["otherwise"], message: "give either unmatched or otherwise" });
    }
    for (const [written, member] of Object.entries(value.values)) check(member, ["values", written]);
    for (const [index, rule] of value.patterns.entries()) {
      check(rule.value, ["patterns", index, "value"]);
      const error = regexError(rule.pattern);
      if (error) context.addIssue({ code: "custom", path: ["patterns", index, "pattern"], message: `not a regular expression: ${error}` });
    }
  });

export type VocabularyOptions = z.infer<typeof options>;

export const vocabulary = defineNormaliser({
  name: "vocabulary",
  options,
  valueType: () => "string",
  create: (settings) => matchVocabulary(settings),
});

export function matchVocabulary(settings: VocabularyOptions): (raw: string) => Outcome<string> {
  const members = Object.values(VOCABULARIES[settings.vocabulary]);
  const table = new Map(Object.entries(settings.values).map(([written, member]) => [foldName(written), member]));
  const byName = new Map(members.map((member) => [foldName(member), member]));
  const patterns = settings.patterns.map((rule) => ({ regex: new RegExp(rule.pattern, "iu"), value: rule.value }));
  return (raw) => {
    const folded = foldName(raw);
    const found =
      table.get(folded) ?? patterns.find((rule) => rule.regex.test(raw))?.value ?? byName.get(folded);
    if (found !== undefined) return valueOf(found);
    if (settings.otherwise !== undefined) return valueOf(settings.otherwise);
    return settings.unmatched === "empty" ? valueOf(null) : problem(`not a known ${settings.vocabulary}`);
  };
}
