import { IdentifierKind } from "../domain/vocabulary.js";

/**
 * The log-odds weights of the evidence (natural logarithms), Fellegi–Sunter style: each weight is
 * roughly ln(P(evidence | same entity) / P(evidence | different entities)), and the score is the
 * logistic of the prior plus the weights. The figures are judgements about trafficking records,
 * not fitted values; they are set so that:
 * - a name alone, however close, leaves the score between 0.5 and 0.8 (one name is shared by many
 *   people: there are millions of Nguyễn Văn Hùngs);
 * - the same name with birth years two or more apart falls well below 0.5;
 * - a shared phone, e-mail, bank account or document lifts a partial name match above 0.5, but
 *   not a name that does not match at all (family members share phones).
 * Change them together with the table tests in test/unit/resolution-*.test.ts.
 */

/**
 * Where every pair starts: the odds that two records of one block (sharing name words or an
 * identifier) are one entity, before looking closer. Most such pairs are namesakes.
 */
export const PRIOR_WEIGHT = -2;

/**
 * Name similarity (0..1) to weight, linear between these points. At 0.5 and below (one word of two
 * in common) the names are different names, strong evidence against; two words of three in common
 * (0.67: "Nguyen Thanh Hung", "Nguyen Van Hung") is a weak match that a shared phone can carry;
 * from 0.9 up they are the same name written differently, which is evidence for, but capped at 3.2
 * (odds of about 25 to 1) because names are common.
 */
export const NAME_WEIGHT_CURVE: readonly (readonly [similarity: number, weight: number])[] = [
  [0, -6],
  [0.5, -4],
  [0.67, -2],
  [0.8, 0],
  [0.9, 2.4],
  [1, 3.2],
];

/**
 * A name borne by many records in the collection: each doubling of its bearers beyond the pair
 * takes off 0.4 (about a third less odds), at most 1.5, so a duplicate of even the commonest name
 * with its birth year and nationality still scores above 0.8.
 */
export const COMMON_NAME_PER_LOG = 0.4 / Math.LN2;
export const COMMON_NAME_CAP = 1.5;

/** An initial agrees with every name that starts with its letter: a little against. */
export const INITIALS_WEIGHT = -0.5;

/** Same birth year: about one person in 60 of similar age shares it, less the errors in records. */
export const BIRTH_YEAR_EQUAL_WEIGHT = 1.5;
/** One year apart: ages converted to years and year-end dates make this common for one person. */
export const BIRTH_YEAR_NEAR_WEIGHT = 0;
/** Two or more years apart: records do err, but rarely by that much. */
export const BIRTH_YEAR_DIFFERENT_WEIGHT = -3.5;

/**
 * Both records write the person's name in Chinese characters, and no two spellings agree: one
 * pinyin stands for many names (冯建华 and 冯金华 fold to "feng jianhua" and "feng jinhua", a letter
 * apart; 张伟 and 章玮 to the same words), while the characters are copied from an identity card.
 * A wrong character in a record happens, in well under one record in fifty: about as strong as
 * birth years two apart, so namesakes in pinyin with the same birth year fall under 0.5.
 */
export const CHARACTERS_DIFFERENT_WEIGHT = -4;

/** A nationality in common: most parties in this region share a handful of nationalities. */
export const NATIONALITY_OVERLAP_WEIGHT = 0.5;
/** No nationality in common: dual nationals and recording errors keep this from being decisive. */
export const NATIONALITY_DISJOINT_WEIGHT = -1.5;

/** Registered in the same country. */
export const COMPANY_COUNTRY_SAME_WEIGHT = 0.5;
/** Registered in different countries: traders do register look-alike companies abroad. */
export const COMPANY_COUNTRY_DIFFERENT_WEIGHT = -2;

/**
 * Incorporated on the same day: a date from a registry, one of thousands a name could have, so
 * two look-alike companies rarely share it by chance; worth less than a shared document, which it
 * does not prove.
 */
export const INCORPORATION_SAME_WEIGHT = 2.5;
/**
 * Incorporated on different days: registry dates are copied, not estimated as ages are, so a
 * difference says two companies (or one dissolved and formed again, which is another entity).
 */
export const INCORPORATION_DIFFERENT_WEIGHT = -3;

/**
 * A shared identifier, by kind. A document (passport, ID card, company registration) belongs to
 * one entity; a phone, e-mail or bank account nearly so, though families and firms share them; an
 * address is shared by households and by the business centres that host shell companies.
 */
export const IDENTIFIER_WEIGHTS: Readonly<Record<IdentifierKind, number>> = {
  [IdentifierKind.DOCUMENT]: 7,
  [IdentifierKind.PHONE]: 5,
  [IdentifierKind.EMAIL]: 5,
  [IdentifierKind.BANK_ACCOUNT]: 5,
  [IdentifierKind.ADDRESS]: 2.5,
};
/** An identifier of a kind the table does not know. */
export const IDENTIFIER_OTHER_WEIGHT = 3;
/**
 * Several shared identifiers usually come from one source copying one contact block, so they are
 * not independent: their sum is capped.
 */
export const IDENTIFIERS_CAP = 8;

/**
 * Party to the same shipment: two records on one bill of lading are connected, which makes a name
 * match less likely to be chance; they may also be two roles of one entity entered twice.
 */
export const SHARED_SHIPMENT_WEIGHT = 0.7;
/** Shared shipments say more than "connected" only up to a point. */
export const SHARED_SHIPMENTS_CAP = 1.4;

/** A person and a company are never one entity. */
export const KIND_MISMATCH_WEIGHT = -50;
