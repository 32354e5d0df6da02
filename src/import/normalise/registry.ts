import { address } from "./address.js";
import { bankAccount } from "./bank-account.js";
import { country } from "./country.js";
import { date } from "./date.js";
import { places } from "./gazetteer/places.js";
import { documentNumber } from "./document.js";
import { email } from "./email.js";
import { list } from "./list.js";
import type { NormaliserDefinition } from "./normaliser.js";
import { number } from "./number.js";
import { phone } from "./phone.js";
import { slug } from "./slug.js";
import { text } from "./text.js";
import { vocabulary } from "./vocabulary.js";
import { weight } from "./weight.js";

/** Every normaliser a mapping file may name, by that name. */
export const normalisers: ReadonlyMap<string, NormaliserDefinition> = new Map(
  [text, date, number, weight, list, country, vocabulary, slug, phone, email, address, documentNumber, bankAccount, places].map((definition) => [definition.name, definition]),
);
