import { z } from "zod";

import { IdentifierKind } from "../../domain/vocabulary.js";
import { identifierIdOption, issuingCountryOption, withIdentifierId } from "./identifier-id.js";
import { defineNormaliser, problem, valueOf, type Outcome } from "./normaliser.js";

/**
 * A document number (passport, identity card, company registration, tax code): the label in front
 * dropped (`Passport`, `Passport No.`, `ID`, `CMND`, `CCCD`, `CR No.`, `Reg. No.`, `UEN`, `MST`,
 * `Tax code`, `No.`), a bracketed remark dropped (`201512345678 (1234567-X)`: the old form of the
 * number, in Malaysian records), then upper case with every separator removed:
 * `c 123-456.7` → `C1234567`. What is left must be 3 to 34 ASCII letters and digits with at least
 * one digit, else it is a problem.
 *
 * `country: VN` puts the issuing country in front, `VN-C1234567`, as the generator writes
 * documents: numbers are unique only within the country that issues them. Where each row names its
 * country, build the value with `concat` (`{ concat: [{ column: Nationality, normalise: country },
 * { column: Passport, normalise: document }], joinWith: "-" }`). Letters that are part of a number
 * (Nigeria's `RC 123456` company numbers) are kept. Problems never repeat the number.
 */
const LABEL =
  /^(?:passport(?:\s*(?:no|number|nr|#))?|pp(?:\s*no)?|id(?:\s*card)?(?:\s*(?:no|number))?|identity card(?:\s*(?:no|number))?|cmnd|cccd|cr(?:\s*no)?|reg(?:istration)?(?:\s*(?:no|number))?|company registration(?:\s*(?:no|number))?|uen|mst|tax code|no|number|nr)\b[\s.:#-]*/i;

const options = z.object({ ...issuingCountryOption, ...identifierIdOption }).strict();

export type DocumentOptions = z.infer<typeof options>;

export const documentNumber = defineNormaliser({
  name: "document",
  options,
  valueType: () => "string",
  create: (settings) => withIdentifierId(IdentifierKind.DOCUMENT, settings.id, parseDocumentNumber(settings)),
});

export function parseDocumentNumber(settings: Pick<DocumentOptions, "country">): (raw: string) => Outcome<string> {
  return (raw) => {
    let text = raw.trim().replace(/\s*\([^()]*\)\s*/g, " ").trim();
    for (let label = LABEL.exec(text); label && label[0].length < text.length; label = LABEL.exec(text)) {
      text = text.slice(label[0].length);
    }
    const value = text.toUpperCase().replace(/[\s./:_#-]+/g, "");
    if (!/^[A-Z0-9]{3,34}$/.test(value) || !/[0-9]/.test(value)) return problem("not a document number (3 to 34 letters and digits, one digit at least)");
    return valueOf(settings.country ? `${settings.country}-${value}` : value);
  };
}
