import { foldText } from "./fold-text.js";

/**
 * Where a legal form sits in a company name: Vietnamese "Công ty TNHH", Indonesian "PT" and Thai
 * "บริษัท" come first, most others last.
 */
export type LegalFormPlace = "start" | "end";

export interface LegalForm {
  /** As written in the wild; folded with the names themselves, so spelling variants meet. */
  form: string;
  place: LegalFormPlace;
  /** Language or jurisdiction, for the reader of this table. */
  where: string;
}

const end = (where: string, ...forms: string[]): LegalForm[] =>
  forms.map((form) => ({ form, place: "end", where }));
const start = (where: string, ...forms: string[]): LegalForm[] =>
  forms.map((form) => ({ form, place: "start", where }));

/**
 * Legal-form words that records add or leave out at will: "Hai Phong Seafood Co., Ltd",
 * "Hai Phong Seafood Company Limited" and "Công ty TNHH Hải Phong Seafood" are one company.
 * Stripped before names are compared, repeatedly, from the end or start as listed. Words that
 * name a trade ("trading", "logistics", "import export") stay: they tell companies apart.
 */
export const LEGAL_FORMS: readonly LegalForm[] = [
  ...end(
    "English",
    "Company Limited",
    "Co., Ltd.",
    "Co Ltd",
    "Co., Limited",
    "Limited",
    "Ltd",
    "Private Limited",
    "Public Company Limited",
    "Public Limited Company",
    "PLC",
    "Incorporated",
    "Inc",
    "Corporation",
    "Corp",
    "LLC",
    "L.L.C.",
    "LLP",
    "LP",
    "Limited Partnership",
    "Company",
    "Co",
  ),
  ...start("Vietnamese", "Công ty TNHH", "Công ty trách nhiệm hữu hạn", "Công ty cổ phần", "Công ty", "Cty", "CTCP"),
  ...start("Vietnamese", "TNHH", "MTV", "Một thành viên", "Doanh nghiệp tư nhân", "DNTN", "Hợp tác xã"),
  ...end("Vietnamese", "TNHH", "TNHH MTV", "MTV", "Một thành viên", "JSC", "Joint Stock Company", "CTCP"),
  ...end(
    "Chinese",
    "股份有限公司",
    "有限责任公司",
    "有限責任公司",
    "有限公司",
    "公司",
    "集团有限公司",
    "集團有限公司",
  ),
  ...end("Japanese", "株式会社", "有限会社", "KK", "Kabushiki Kaisha"),
  ...start("Japanese", "株式会社", "有限会社"),
  ...end("Malay", "Sdn Bhd", "Sdn. Bhd.", "Sendirian Berhad", "Berhad", "Bhd"),
  ...end("Singapore", "Pte Ltd", "Pte. Ltd.", "Pte", "Private Limited"),
  ...start("Indonesian", "PT", "CV", "UD", "PT Tbk"),
  ...end("Indonesian", "Tbk", "Persero", "(Persero)"),
  ...start("Thai", "บริษัท", "ห้างหุ้นส่วนจำกัด", "Borisat", "Bo Ri Sat", "Hang Hun Suan Chamkat"),
  ...end("Thai", "จำกัด (มหาชน)", "จำกัด", "มหาชน", "Chamkat", "Jamkat", "Mahachon", "PCL"),
  ...start("Lao", "ບໍລິສັດ"),
  ...end("Lao", "ຈຳກັດ", "ຈໍາກັດ", "ຈຳກັດຜູ້ດຽວ", "Sole Co Ltd"),
  ...end("Khmer", "ឯ.ក", "ក្រុមហ៊ុន"),
  ...start("Khmer", "ក្រុមហ៊ុន"),
  ...end("French", "SA", "S.A.", "SARL", "S.A.R.L.", "SAS", "SASU", "EURL", "SNC", "Société anonyme"),
  ...end("French", "Société à responsabilité limitée"),
  ...end("German", "GmbH", "GmbH & Co. KG", "AG", "KG", "OHG", "UG", "e.K.", "Gesellschaft mit beschränkter Haftung"),
  ...end("Portuguese", "Lda", "Ltda", "Limitada", "S.A.", "EIRELI"),
  ...end("Spanish", "S.A. de C.V.", "SL", "S.L.", "SRL", "S.R.L.", "Sociedad Anónima"),
  ...end("Italian", "SpA", "S.p.A.", "Srl"),
  ...end("Dutch", "BV", "B.V.", "NV", "N.V."),
  ...end("Nigerian and other English", "Nig Ltd", "Enterprises Ltd"),
];

interface FoldedForm {
  words: readonly string[];
  place: LegalFormPlace;
}

/** The table folded once, longest first, so "Co Ltd" goes before "Co" could leave "Ltd" behind. */
const FOLDED: readonly FoldedForm[] = LEGAL_FORMS.map((entry) => ({
  words: foldText(entry.form).split(" ").filter((word) => word !== ""),
  place: entry.place,
}))
  .filter((entry) => entry.words.length > 0)
  .sort((a, b) => b.words.length - a.words.length);

const matchesAt = (words: readonly string[], form: readonly string[], at: number) =>
  form.every((word, index) => words[at + index] === word);

/**
 * Removes legal forms from both ends of a folded company name's words, repeatedly, and returns
 * what is left with the removed forms. A name that is nothing but legal forms is kept as it is:
 * an empty name would match nothing, or everything.
 */
export function stripLegalForms(words: readonly string[]): { words: string[]; removed: string[] } {
  let rest = [...words];
  const removed: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const { words: form, place } of FOLDED) {
      if (form.length >= rest.length) continue;
      if (place === "end" && matchesAt(rest, form, rest.length - form.length)) {
        rest = rest.slice(0, rest.length - form.length);
      } else if (place === "start" && matchesAt(rest, form, 0)) {
        rest = rest.slice(form.length);
      } else {
        continue;
      }
      removed.push(form.join(" "));
      changed = true;
      break;
    }
  }
  return { words: rest, removed };
}
