import { country } from "./country.js";
import { date } from "./date.js";
import { list } from "./list.js";
import type { NormaliserDefinition } from "./normaliser.js";
import { number } from "./number.js";
import { slug } from "./slug.js";
import { text } from "./text.js";
import { vocabulary } from "./vocabulary.js";
import { weight } from "./weight.js";

/** Every normaliser a mapping file may name, by that name. */
export const normalisers: ReadonlyMap<string, NormaliserDefinition> = new Map(
  [text, date, number, weight, list, country, vocabulary, slug].map((definition) => [definition.name, definition]),
);
