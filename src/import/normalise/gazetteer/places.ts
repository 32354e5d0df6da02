import { z } from "zod";

import { defineNormaliser, problem, valueOf } from "../normaliser.js";
import type { PlaceMention } from "./place-mention.js";

/**
 * Free text naming places ("Kinshasa (DRC), Xiamen (China)") to what it names, in the order
 * written, through the gazetteer: `level: country` gives ISO 3166-1 alpha-2 codes, `level: place`
 * the place's name where one is named (the country's code where only a country is). `single: true`
 * gives one value, not a list: the one country the cell names ("Lagos, Nigeria" → NG), so a
 * country reference can read a free-text cell. A place that fits several countries is a problem,
 * never a guess; so is a cell that names none, or, with `single`, one that names several.
 */
const options = z
  .object({
    level: z.enum(["country", "place"]).default("country"),
    unique: z.boolean().default(true),
    single: z.boolean().default(false),
  })
  .strict();

export const places = defineNormaliser<z.infer<typeof options>, string | string[]>({
  name: "places",
  options,
  valueType: (settings) => (settings.single ? "string" : "string-list"),
  create: (settings, context) => {
    const gazetteer = context.gazetteer;
    if (gazetteer === undefined) throw new Error("the places normaliser needs the gazetteer in the normalise context (loadMapping loads it)");
    return (raw) => {
      const mentions = gazetteer.find(raw);
      if (mentions.length === 0) return problem("names no place the gazetteer knows");
      const ambiguous = mentions.filter((mention) => mention.ambiguous);
      if (ambiguous.length > 0) {
        return problem(ambiguous.map((mention) => `ambiguous place "${mention.text}" (${mention.candidates.join(", ")})`).join("; "));
      }
      const items = mentions.map((mention) => itemOf(mention, settings.level));
      const kept = settings.unique || settings.single ? [...new Set(items)] : items;
      if (!settings.single) return valueOf(kept);
      return kept.length === 1 ? valueOf(kept[0]) : problem(`names ${kept.length} ${settings.level === "country" ? "countries" : "places"} (${kept.join(", ")}), not one`);
    };
  },
});

function itemOf(mention: PlaceMention, level: "country" | "place"): string {
  return level === "place" && mention.place !== null ? mention.place.name : mention.country!;
}
