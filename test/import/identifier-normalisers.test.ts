import { describe, expect, it } from "vitest";

import { Rng } from "../../src/generate/prng.js";
import { IdentifierFactory } from "../../src/generate/locale/identifiers.js";
import { foldAddress } from "../../src/import/normalise/address.js";
import { ibanChecks, parseBankAccount } from "../../src/import/normalise/bank-account.js";
import { parseDocumentNumber } from "../../src/import/normalise/document.js";
import { parseEmail } from "../../src/import/normalise/email.js";
import type { Outcome } from "../../src/import/normalise/normaliser.js";
import { parsePhone } from "../../src/import/normalise/phone.js";
import { normalisers } from "../../src/import/normalise/registry.js";

/** `[raw, value]` for a value, `[raw, undefined, problem]` for a problem. */
type Case = [raw: string, value: string | undefined, problem?: string];

function expectOutcome(outcome: Outcome<string>, [, value, problem]: Case): void {
  expect(outcome).toEqual(problem === undefined ? { value } : { problem });
}

/** The normaliser as a mapping gets it, options checked by its zod schema. */
function normaliser(name: string, options: Record<string, unknown>): (raw: string) => Outcome<unknown> {
  const definition = normalisers.get(name)!;
  return definition.create(definition.options.parse(options), { countries: { resolve: () => ({ problem: "unused" }) } });
}

function optionProblems(name: string, options: Record<string, unknown>): string[] {
  const result = normalisers.get(name)!.options.safeParse(options);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("phone", () => {
  const vietnam = parsePhone({ defaultCountry: "VN" });
  it.each<Case>([
    ["+84 912 345 678", "+84912345678"],
    ["0912345678", "+84912345678"],
    ["0912 345 678", "+84912345678"],
    ["091-234-5678", "+84912345678"],
    ["(+84) 912345678", "+84912345678"],
    ["+84 (0) 912 345 678", "+84912345678"],
    ["0084 912 345 678", "+84912345678"],
    ["Tel: 0912 345 678", "+84912345678"],
    ["024 3825 1234", "+842438251234"],
    ["+852 5123 4567", "+85251234567"],
    ["+86 139 1234 5678", "+8613912345678"],
    ["+234 803 123 4567", "+2348031234567"],
    // Vietnam's 11-digit mobiles were renumbered in 2018: the old form is no longer a number.
    ["0123 456 7890", undefined, "not a valid phone number of +84"],
    ["+84 112 345 678", undefined, "not a valid phone number of +84"],
    ["12345", undefined, "not a valid phone number of +84"],
    ["unknown", undefined, "not a phone number"],
    ["0912 345 678 / 0987 654 321", undefined, "2 phone numbers in one cell (split the cell with a list group)"],
    ["0912345678; 0987654321", undefined, "2 phone numbers in one cell (split the cell with a list group)"],
  ])("defaultCountry VN: %j", (...c) => expectOutcome(vietnam(c[0]), c));

  const anywhere = parsePhone({});
  it.each<Case>([
    ["+84 912 345 678", "+84912345678"],
    ["+1 (202) 555-0143", "+12025550143"],
    ["0912345678", undefined, "a phone number without a country code (set defaultCountry)"],
  ])("no defaultCountry: %j", (...c) => expectOutcome(anywhere(c[0]), c));

  it("gives the Identifier id with id: true, and no id for a problem", () => {
    const id = normaliser("phone", { defaultCountry: "VN", id: true });
    expect(id("0912 345 678")).toEqual({ value: "PHONE:+84912345678" });
    expect(id("+84 912 345 678")).toEqual({ value: "PHONE:+84912345678" });
    expect(id("0123 456 7890")).toEqual({ problem: "not a valid phone number of +84" });
  });

  it("refuses a default country libphonenumber does not know, or in lower case", () => {
    expect(optionProblems("phone", { defaultCountry: "XX" })).toEqual([
      "defaultCountry: not a country code libphonenumber knows (ISO 3166-1 alpha-2, in capitals)",
    ]);
    expect(optionProblems("phone", { defaultCountry: "vn" })).toHaveLength(1);
    expect(optionProblems("phone", { country: "VN" })).toEqual([': Unrecognized key: "country"']);
  });
});

describe("email", () => {
  const mail = parseEmail({ caseSensitiveLocalPart: false });
  it.each<Case>([
    ["Ng.Van.A@Example.COM", "ng.van.a@example.com"],
    ["  trader_88@yahoo.com.vn ", "trader_88@yahoo.com.vn"],
    ["mailto:Info@Example.org", "info@example.org"],
    ["Nguyen Van A <NVA@Example.net>", "nva@example.net"],
    ["sales [at] example [dot] com", "sales@example.com"],
    ["sales(at)example(dot)com", "sales@example.com"],
    ["first+tag@gmail.com", "first+tag@gmail.com"],
    ["nguyễn@ví-dụ.vn", "nguyễn@ví-dụ.vn"],
    ["example.com", undefined, "not an e-mail address (no @)"],
    ["a@b@example.com", undefined, "not an e-mail address (two @)"],
    ["a@example.com; b@example.com", undefined, "2 e-mail addresses in one cell (split the cell with a list group)"],
    ["a..b@example.com", undefined, "not an e-mail address (its part before @)"],
    ["a b@example.com", undefined, "not an e-mail address (its part before @)"],
    ["@example.com", undefined, "not an e-mail address (its part before @)"],
    ["someone@localhost", undefined, "not an e-mail address (its domain)"],
    ["someone@example.c0m", undefined, "not an e-mail address (its domain)"],
    ["someone@-example.com", undefined, "not an e-mail address (its domain)"],
  ])("%j", (...c) => expectOutcome(mail(c[0]), c));

  it("keeps the local part's case when told to, never the domain's", () => {
    expect(parseEmail({ caseSensitiveLocalPart: true })("Ng.Van.A@Example.COM")).toEqual({ value: "Ng.Van.A@example.com" });
    expect(normaliser("email", { id: true })("Ng.Van.A@Example.COM")).toEqual({ value: "EMAIL:ng.van.a@example.com" });
  });
});

describe("address", () => {
  const plain = foldAddress({ abbreviations: false });
  const expanded = foldAddress({ abbreviations: true });
  it.each<Case>([
    ["Số 12, ngõ 3, Trần Hưng Đạo, Quận 1, Thành phố Hồ Chí Minh", "so 12 ngo 3 tran hung dao quan 1 thanh pho ho chi minh"],
    ["  Flat 12, 3/F,  88 Nathan Road, Mong Kok ", "flat 12 3 f 88 nathan road mong kok"],
    ["ＡＢＣ Street", "abc street"],
    ["广州市白云区机场路12号3室", "广州市白云区机场路12号3室"],
    ["12 Nathan Rd.", "12 nathan rd"],
    ["—", undefined, "no letter or digit in the address"],
  ])("folded: %j", (...c) => expectOutcome(plain(c[0]), c));

  it.each<Case>([
    ["12 Nathan Rd.", "12 nathan road"],
    ["12 Nathan Road", "12 nathan road"],
    ["Unit 5, 20 Market St, Central Dist.", "unit 5 20 market street central district"],
    ["45 Lê Lợi, P. Bến Nghé, Q.1, TP. HCM", "45 le loi phuong ben nghe quan 1 thanh pho hcm"],
    ["45 Lê Lợi, Phường Bến Nghé, Quận 1, Thành phố HCM", "45 le loi phuong ben nghe quan 1 thanh pho hcm"],
    // Whole words only: "Street" itself and a word that starts like an abbreviation stay as written.
    ["7 Stanley Street", "7 stanley street"],
  ])("abbreviations: %j", (...c) => expectOutcome(expanded(c[0]), c));
});

describe("document number", () => {
  const bare = parseDocumentNumber({});
  const vietnamese = parseDocumentNumber({ country: "VN" });
  it.each<Case>([
    ["C1234567", "C1234567"],
    ["c 123-456.7", "C1234567"],
    ["Passport C1234567", "C1234567"],
    ["Passport No.: B 765 4321", "B7654321"],
    ["CR No. 12345678", "12345678"],
    ["Reg. No. 0123/4567", "01234567"],
    ["UEN 201912345K", "201912345K"],
    ["MST 0101234567", "0101234567"],
    ["RC 123456", "RC123456"],
    ["201512345678 (1234567-X)", "201512345678"],
    ["NO12345", "NO12345"],
    ["Passport", undefined, "not a document number (3 to 34 letters and digits, one digit at least)"],
    ["ABCDEF", undefined, "not a document number (3 to 34 letters and digits, one digit at least)"],
    ["Số 123", undefined, "not a document number (3 to 34 letters and digits, one digit at least)"],
  ])("%j", (...c) => expectOutcome(bare(c[0]), c));

  it("puts the issuing country in front when the mapping names it", () => {
    expect(vietnamese("Passport c 1234567")).toEqual({ value: "VN-C1234567" });
    expect(normaliser("document", { country: "VN", id: true })("C1234567")).toEqual({ value: "DOCUMENT:VN-C1234567" });
    expect(optionProblems("document", { country: "Vietnam" })).toEqual(["country: an ISO 3166-1 alpha-2 code in capitals"]);
  });
});

describe("bank account", () => {
  const bare = parseBankAccount({});
  it.each<Case>([
    // IBANs from the ISO 13616 and SWIFT registry examples.
    ["GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"],
    ["gb82west12345698765432", "GB82WEST12345698765432"],
    ["IBAN DE89 3704 0044 0532 0130 00", "DE89370400440532013000"],
    ["AE07 0331 2345 6789 0123 456", "AE070331234567890123456"],
    ["GB82 WEST 1234 5698 7654 33", undefined, "an IBAN whose check digits are wrong"],
    ["DE88 3704 0044 0532 0130 00", undefined, "an IBAN whose check digits are wrong"],
    // Accounts without an IBAN.
    ["0011-001-234567", "0011001234567"],
    ["STK: 0011 0012 34567", "0011001234567"],
    ["A/C No. 6222 0212 3456 7890", "6222021234567890"],
    ["1234", undefined, "not an account number (5 digits at least, letters and digits only)"],
    ["Vietcombank", undefined, "not an account number (5 digits at least, letters and digits only)"],
  ])("%j", (...c) => expectOutcome(bare(c[0]), c));

  it("puts the bank's country in front of an account that is not an IBAN, never of an IBAN", () => {
    const vietnamese = parseBankAccount({ country: "VN" });
    expect(vietnamese("0011-001-234567")).toEqual({ value: "VN-0011001234567" });
    expect(vietnamese("GB82 WEST 1234 5698 7654 32")).toEqual({ value: "GB82WEST12345698765432" });
    expect(normaliser("bank-account", { country: "VN", id: true })("0011 001 234567")).toEqual({ value: "BANK_ACCOUNT:VN-0011001234567" });
  });

  it("checks mod 97 as ISO 13616 states it", () => {
    expect(ibanChecks("GB82WEST12345698765432")).toBe(true);
    expect(ibanChecks("GB28WEST12345698765432")).toBe(false);
  });
});

describe("the generator's identifiers, normalised from their raw form", () => {
  // The generator writes each identifier's value and the raw text a record would show; the
  // normalisers must give the value back from the raw text (phone numbers with the holder's country
  // as default, which is how a mapping of a country's records reads them).
  const factory = new IdentifierFactory("identifier-normalisers");
  const rng = Rng.of("identifier-normalisers");
  const countries = ["VN", "CN", "HK", "LA", "TH", "MM", "KH", "MY", "SG", "AE", "NG", "KE", "TZ", "ZA", "US"];

  it("phone numbers: E.164 from each local and international spelling, or refused, never another number", () => {
    // The generator draws numbers from each operator's prefixes without libphonenumber's finer
    // ranges (Vietnam's 089 is allocated from 0896 only), so some of its numbers are not valid
    // numbers: those must be refused, and every other must give the generator's value.
    const refused: Record<string, number> = {};
    for (const country of countries) {
      const read = parsePhone({ defaultCountry: country });
      for (let i = 0; i < 40; i++) {
        const { value, rawValue } = factory.phone(rng, country);
        const outcome = read(rawValue);
        if ("problem" in outcome) {
          expect(outcome.problem).toMatch(/^not a valid phone number of \+\d+$/);
          refused[country] = (refused[country] ?? 0) + 1;
        } else {
          expect({ country, rawValue, outcome }).toEqual({ country, rawValue, outcome: { value } });
        }
      }
    }
    console.log("generated phone numbers refused as invalid, of 40 per country:", JSON.stringify(refused));
    const total = Object.values(refused).reduce((sum, count) => sum + count, 0);
    expect(total).toBeLessThan(countries.length * 40 * 0.25);
  });

  it("e-mail addresses and addresses", () => {
    const mail = parseEmail({ caseSensitiveLocalPart: false });
    const fold = foldAddress({ abbreviations: false });
    for (const country of ["VN", "CN", "HK", "TH", "LA", "MY", "NG", "KH", "US"]) {
      for (let i = 0; i < 20; i++) {
        const emailValue = factory.email(rng, "Nguyễn Văn Đức Trading Co");
        expect(mail(emailValue.rawValue)).toEqual({ value: emailValue.value });
        const addressValue = factory.address(rng, country);
        expect(fold(addressValue.rawValue)).toEqual({ value: addressValue.value });
      }
    }
  });

  it("passport numbers, with the issuing country", () => {
    for (const country of countries) {
      const read = parseDocumentNumber({ country });
      for (let i = 0; i < 20; i++) {
        const { value, rawValue } = factory.passport(rng, country);
        expect(read(rawValue)).toEqual({ value });
      }
    }
  });
});
