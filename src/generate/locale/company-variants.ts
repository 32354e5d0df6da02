import type { Rng } from "../prng.js";
import { HAN, misspell, stripDiacritics } from "./text.js";

/**
 * How a second record names a company the first already names: the legal form written another way
 * or left out, capitals, a slip of the pen, diacritics dropped. Each applies only where it fits.
 */
export const COMPANY_VARIANTS = ["suffix", "upper-case", "typo", "no-diacritics"] as const;

export type CompanyVariant = (typeof COMPANY_VARIANTS)[number];

export const COMPANY_VARIANT_WEIGHTS: Readonly<Record<CompanyVariant, number>> = {
  suffix: 4, "upper-case": 2, typo: 2, "no-diacritics": 2,
};

/** Ways of writing the same legal form, as the countries of `company-names.ts` register them. */
const LEGAL_FORMS: readonly (readonly string[])[] = [
  ["Co., Ltd.", "Co., Ltd", "Co. Ltd", "Co Ltd", "Company Limited"],
  ["Public Co., Ltd.", "PCL", "Public Company Limited"],
  ["Limited", "Ltd", "Ltd."],
  ["Sdn Bhd", "Sdn. Bhd.", "Sendirian Berhad"],
  ["Pte Ltd", "Pte. Ltd.", "Private Limited"],
  ["(Pty) Ltd", "Pty Ltd", "(Proprietary) Limited"],
  ["(Pvt) Ltd", "Pvt Ltd", "Private Limited"],
  ["Joint Stock Company", "JSC", "J.S.C."],
  ["Limited Partnership", "Ltd. Part.", "L.P."],
  ["LLC", "L.L.C."],
  ["Inc.", "Inc", "Incorporated"],
  ["SARL", "S.A.R.L.", "Sàrl"],
  ["SA", "S.A."],
  ["SPRL", "S.P.R.L."],
  ["Lda", "Lda.", "Limitada"],
  ["S.A. de C.V.", "SA de CV"],
  ["S. de R.L. de C.V.", "S de RL de CV"],
  ["PLC", "P.L.C.", "Private Limited Company"],
  ["Share Company", "S.C."],
  ["WLL", "W.L.L."],
  ["FZE", "F.Z.E."],
  ["FZCO", "FZ Co"],
  ["Ltd. Şti.", "Ltd. Sti.", "Limited Şirketi"],
  ["A.Ş.", "AŞ", "Anonim Şirketi"],
  ["CC", "Close Corporation"],
];

/** Vietnamese names put the form first; Chinese ones end with it, without a space. */
const VIETNAMESE_FORMS = ["Công ty TNHH", "Công ty Trách nhiệm Hữu hạn", "Cty TNHH"];
const CHINESE_FORMS = ["有限公司", "有限责任公司"];

/** Every form with its group, longest first, so "Public Co., Ltd." is found before "Co., Ltd.". */
const ENDINGS = LEGAL_FORMS.flatMap((group) => group.map((form) => [form, group] as const)).sort(([a], [b]) => b.length - a.length);

function otherForm(rng: Rng, form: string, group: readonly string[]): string | null {
  // Now and then the form is left out altogether, as many lists of consignees do.
  if (rng.chance(0.35)) return null;
  return rng.pick(group.filter((other) => other !== form));
}

/** The name with its legal form written another way or dropped; `null` when no form is recognised. */
function otherSuffix(rng: Rng, name: string): string | null {
  for (const form of VIETNAMESE_FORMS) {
    if (!name.startsWith(`${form} `)) continue;
    const other = otherForm(rng, form, VIETNAMESE_FORMS);
    const rest = name.slice(form.length + 1);
    return other ? `${other} ${rest}` : rest;
  }
  for (const form of CHINESE_FORMS) {
    if (!name.endsWith(form)) continue;
    const other = otherForm(rng, form, CHINESE_FORMS);
    return `${name.slice(0, -form.length)}${other ?? "公司"}`;
  }
  for (const [form, group] of ENDINGS) {
    if (!name.endsWith(` ${form}`)) continue;
    const other = otherForm(rng, form, group);
    const rest = name.slice(0, -form.length - 1);
    return other ? `${rest} ${other}` : rest;
  }
  return null;
}

/** The double's name under `kind`, or `null` where the kind does not fit the name or changes nothing. */
export function companyVariant(rng: Rng, kind: CompanyVariant, name: string): string | null {
  let variant: string | null;
  switch (kind) {
    case "suffix":
      variant = otherSuffix(rng, name);
      break;
    case "upper-case":
      variant = HAN.test(name) ? null : (rng.chance(0.4) ? stripDiacritics(name) : name).toUpperCase();
      break;
    case "typo":
      variant = misspell(rng, name);
      break;
    case "no-diacritics":
      variant = stripDiacritics(name);
      break;
  }
  return variant === null || variant === name ? null : variant;
}
