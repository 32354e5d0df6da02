import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from "libphonenumber-js/max";
import { z } from "zod";

import { IdentifierKind } from "../../domain/vocabulary.js";
import { identifierIdOption, withIdentifierId } from "./identifier-id.js";
import { defineNormaliser, problem, valueOf, type Outcome } from "./normaliser.js";

/**
 * A phone number, to E.164 (`+84912345678`), through libphonenumber-js (Google's libphonenumber
 * rules and metadata). A number written without its country code (`0912 345 678`) is read in
 * `defaultCountry`; without one, such a number is a problem.
 *
 * The **max** metadata set is used: the smaller `min` set checks only a number's length, so it
 * takes numbers no operator ever issued (Vietnam's 11-digit `0123…` mobiles, retired in 2018, or
 * `+84 1…`); the `mobile` set refuses landlines, which companies and offices use. Only `max` refuses
 * what is invalid and keeps what is valid, and its size (about 145 kB) does not matter on a server.
 *
 * Invalid numbers are problems, never guesses. A label in front (`Tel:`, `Mobile`, `SĐT`, `电话`) is
 * dropped, and `(+84)` read as `+84`. A cell holding several numbers (two runs of six digits or more
 * apart by `;` `,` `/` `|` `、` or "or"/"and"/"hoặc": `0912 345 678 / 0987 654 321`) is a problem
 * too, never its first number: split it with a list group and normalise each item. An extension
 * (`ext. 12`, `x12`) is not part of E.164 and is left out. Problems never repeat the number (it is
 * personal data).
 */
const options = z
  .object({
    defaultCountry: z
      .string()
      .refine((code) => /^[A-Z]{2}$/.test(code) && isSupportedCountry(code), {
        message: "not a country code libphonenumber knows (ISO 3166-1 alpha-2, in capitals)",
      })
      .optional(),
    ...identifierIdOption,
  })
  .strict();

export type PhoneOptions = z.infer<typeof options>;

export const phone = defineNormaliser({
  name: "phone",
  options,
  valueType: () => "string",
  create: (settings) => withIdentifierId(IdentifierKind.PHONE, settings.id, parsePhone(settings)),
});

/** Words that say what the number is (`Tel:`, `Mobile`, Vietnamese `ĐT`/`SĐT`, Chinese `电话`/`手机`). */
const LABEL = /^(?:tel(?:ephone)?|phone|mobile|mob|cell|hp|fax|đt|sđt|dt|sdt|điện thoại|电话|手机|電話)\.?\s*(?:no\.?)?\s*[:：.]?\s*/i;
/** What separates two numbers in one cell. */
const BETWEEN_NUMBERS = /\s*(?:[;,|/、，；]|\s(?:or|and|hoặc|hoac)\s)\s*/i;
const EXTENSION = /\s*(?:ext\.?|extension|x)\s*\d{1,6}$/i;

export function parsePhone(settings: Pick<PhoneOptions, "defaultCountry">): (raw: string) => Outcome<string> {
  const defaultCountry = settings.defaultCountry as CountryCode | undefined;
  return (raw) => {
    const text = raw.trim().replace(LABEL, "");
    const parts = text.split(BETWEEN_NUMBERS).filter((part) => (part.match(/\d/g)?.length ?? 0) >= 6);
    if (parts.length > 1) return problem(`${parts.length} phone numbers in one cell (split the cell with a list group)`);
    const number = text.replace(EXTENSION, "").replace(/^\(\s*(\+\d{1,3})\s*\)/, "$1");
    const parsed = parsePhoneNumberFromString(number, { defaultCountry, extract: false });
    if (!parsed) {
      const international = /^(?:\+|00)/.test(number);
      return problem(!international && !defaultCountry ? "a phone number without a country code (set defaultCountry)" : "not a phone number");
    }
    if (!parsed.isValid()) return problem(`not a valid phone number of +${parsed.countryCallingCode}`);
    return valueOf(parsed.number);
  };
}
