import { z } from "zod";

import { foldText } from "../../domain/search-text.js";
import { IdentifierKind } from "../../domain/vocabulary.js";
import { identifierIdOption, withIdentifierId } from "./identifier-id.js";
import { defineNormaliser, problem, valueOf, type Outcome } from "./normaliser.js";

/**
 * A postal address, folded for matching: lower case, accents dropped (`Đ` → `d`, as search folds
 * names), full-width forms made plain, every run of punctuation and white space one space:
 * `Số 12, ngõ 3, Trần Hưng Đạo, Quận 1` → `so 12 ngo 3 tran hung dao quan 1`. Chinese addresses
 * keep their characters (`广州市白云区机场路12号` is one run of letters and digits). The written form
 * is kept by the mapping's `raw:` (Identifier `rawValue`). This is the generator's form of
 * addresses, so a real and a synthetic import fold alike.
 *
 * `abbreviations: true` also writes out common abbreviations, whole words only, so that
 * `12 Nathan Rd.` and `12 Nathan Road` meet: St/Str → street, Rd → road, Ave/Av → avenue,
 * Blvd → boulevard, Hwy → highway, Ln → lane, Sq → square, Bldg → building, Fl → floor,
 * Apt → apartment, Dist → district, and the Vietnamese Q. → quan (quận), P. → phuong (phường),
 * TP/Tp. → thanh pho (thành phố), TX → thi xa (thị xã). Off by default: `St` may be a saint
 * (`St Louis Street`) and a source may write `P.` for something else; a mapping turns it on for a
 * source whose addresses it has looked at.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: "street", str: "street", rd: "road", ave: "avenue", av: "avenue", blvd: "boulevard", hwy: "highway",
  ln: "lane", sq: "square", bldg: "building", fl: "floor", apt: "apartment", dist: "district",
  q: "quan", p: "phuong", tp: "thanh pho", tx: "thi xa",
};

const options = z.object({ abbreviations: z.boolean().default(false), ...identifierIdOption }).strict();

export type AddressOptions = z.infer<typeof options>;

export const address = defineNormaliser({
  name: "address",
  options,
  valueType: () => "string",
  create: (settings) => withIdentifierId(IdentifierKind.ADDRESS, settings.id, foldAddress(settings)),
});

export function foldAddress(settings: Pick<AddressOptions, "abbreviations">): (raw: string) => Outcome<string> {
  return (raw) => {
    const words = foldText(raw).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (words.length === 0) return problem("no letter or digit in the address");
    const written = settings.abbreviations ? words.map((word) => ABBREVIATIONS[word] ?? word) : words;
    return valueOf(written.join(" "));
  };
}
