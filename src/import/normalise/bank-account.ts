import { z } from "zod";

import { IdentifierKind } from "../../domain/vocabulary.js";
import { identifierIdOption, issuingCountryOption, withIdentifierId } from "./identifier-id.js";
import { defineNormaliser, problem, valueOf, type Outcome } from "./normaliser.js";

/**
 * A bank account number. The label in front is dropped (`A/C`, `Acct`, `Account No.`, `STK`, the
 * Vietnamese "số tài khoản"), then spaces, dots, hyphens and slashes.
 *
 * - An IBAN (two letters, two check digits, 11 to 30 letters and digits: `GB82 WEST 1234 5698 7654 32`)
 *   is checked by its ISO 7064 mod-97 check digits and given in its electronic form,
 *   `GB82WEST12345698765432`; wrong check digits are a problem (a mistyped IBAN is never kept as
 *   another account). Lengths per country are not checked: the check digits catch nearly every typo.
 * - Any other number (Vietnam, China, Laos, Thailand have no IBAN) is its letters and digits, upper
 *   case: `0011-001-234567` → `0011001234567`; it needs five digits at least and at most 34
 *   characters. `country: VN` puts the bank's country in front, `VN-0011001234567`: account numbers
 *   are unique only within a country (the generator writes `VN0011001234567`, without the hyphen).
 *   The hyphen keeps such a value apart from any IBAN.
 * Problems never repeat the number.
 */
const LABEL = /^(?:a\/c|acct|account|bank account|stk|so tai khoan|số tài khoản|iban)(?:\s*(?:no|number|nr))?\b[\s.:#-]*/i;
const IBAN = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/;

const options = z.object({ ...issuingCountryOption, ...identifierIdOption }).strict();

export type BankAccountOptions = z.infer<typeof options>;

export const bankAccount = defineNormaliser({
  name: "bank-account",
  options,
  valueType: () => "string",
  create: (settings) => withIdentifierId(IdentifierKind.BANK_ACCOUNT, settings.id, parseBankAccount(settings)),
});

export function parseBankAccount(settings: Pick<BankAccountOptions, "country">): (raw: string) => Outcome<string> {
  return (raw) => {
    const text = raw.trim().replace(LABEL, "");
    const value = text.toUpperCase().replace(/[\s./-]+/g, "");
    if (IBAN.test(value)) return ibanChecks(value) ? valueOf(value) : problem("an IBAN whose check digits are wrong");
    if (!/^[A-Z0-9]{5,34}$/.test(value) || (value.match(/[0-9]/g)?.length ?? 0) < 5) {
      return problem("not an account number (5 digits at least, letters and digits only)");
    }
    return valueOf(settings.country ? `${settings.country}-${value}` : value);
  };
}

/** ISO 13616: the first four characters moved to the end, letters as 10–35, the number mod 97 is 1. */
export function ibanChecks(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of moved) {
    const digits = /[0-9]/.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
