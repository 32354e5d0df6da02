import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";

import { airWaybill, containerCheckDigit, imoCheckDigit, CarrierPool } from "../../src/generate/carriers.js";
import { csvCell } from "../../src/generate/csv-writer.js";
import { dateText } from "../../src/generate/dates.js";
import { IdSpace } from "../../src/generate/ids.js";
import { IdentifierFactory } from "../../src/generate/locale/identifiers.js";
import { normaliseText, scramble, stripDiacritics } from "../../src/generate/locale/text.js";
import { hash128, Rng, Weighted } from "../../src/generate/prng.js";
import { countries } from "../../src/generate/reference/countries.js";
import { day } from "../../src/generate/dates.js";

describe("prng", () => {
  test("a named stream is the same on every run and platform (pinned: changing it changes every file)", () => {
    expect(hash128("mekong")).toEqual([3988511602, 3952147742, 2425052887, 3679126136]);
    const rng = Rng.of("42", "shipments");
    expect([rng.uint32(), rng.uint32(), rng.uint32()]).toEqual([562873706, 92925659, 3467556239]);
    expect(Rng.of("42", "shipments").uint32()).not.toBe(Rng.of("42", "persons").uint32());
  });

  test("ints stay in range and floats in [0, 1)", () => {
    const rng = Rng.of("range");
    for (let i = 0; i < 10_000; i++) {
      const value = rng.int(-3, 3);
      expect(value).toBeGreaterThanOrEqual(-3);
      expect(value).toBeLessThanOrEqual(3);
      const float = rng.next();
      expect(float >= 0 && float < 1).toBe(true);
    }
  });

  test("weighted picks follow the weights and never pick a zero weight", () => {
    const table = new Weighted([["a", 1], ["b", 3], ["never", 0]] as const);
    const rng = Rng.of("weights");
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 20_000; i++) counts[table.pick(rng)]++;
    expect(counts.never).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
  });
});

describe("ids and counters", () => {
  test.each([1, 2, 7, 1000, 65_536, 150_001])("IdSpace(%i) is a bijection with its inverse", (size) => {
    const space = new IdSpace("p-", size, Rng.of("ids", size));
    const seen = new Set<number>();
    for (let index = 0; index < Math.min(size, 20_000); index++) {
      const slot = space.slotOf(index);
      expect(space.indexOf(slot)).toBe(index);
      seen.add(slot);
    }
    expect(seen.size).toBe(Math.min(size, 20_000));
  });

  test("scramble never repeats within its domain and refuses to overflow it", () => {
    const seen = new Set<number>();
    for (let k = 0; k < 10_000; k++) seen.add(scramble(k, 10_000, 123));
    expect(seen.size).toBe(10_000);
    expect(() => scramble(10_000, 10_000)).toThrow(/ran out of distinct values/);
  });
});

describe("csv", () => {
  test.each([
    ["plain", "plain"],
    ["Sea Star Logistics Co., Ltd", '"Sea Star Logistics Co., Ltd"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    [" edge ", '" edge "'],
    ["", ""],
    [null, ""],
    [12.5, "12.5"],
    [true, "true"],
  ] as const)("csvCell(%j) is %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test("quoted cells parse back to the same values", () => {
    const values = ["Golden Delta (HK) Limited", 'a "quote"', "x, y", "line\nbreak", "Nguyễn Văn An;Anh Ba", "广州市白云区机场路12号3室"];
    const line = values.map(csvCell).join(",");
    expect(parse(`${line}\n`)).toEqual([values]);
  });
});

describe("identifier formats", () => {
  test("phones are E.164 for every country, with a local raw form; US numbers are the fictional 555-01XX", () => {
    const factory = new IdentifierFactory("formats");
    const rng = Rng.of("phones");
    for (const country of countries) {
      for (let i = 0; i < 50; i++) {
        const phone = factory.phone(rng, country.id);
        expect(phone.value).toMatch(/^\+[1-9]\d{7,13}$/);
        expect(phone.id).toBe(`PHONE:${phone.value}`);
        expect(phone.rawValue.replace(/\D/g, "").length).toBeGreaterThanOrEqual(8);
        if (country.id === "US") expect(phone.value).toMatch(/^\+1\d{3}55501\d{2}$/);
      }
    }
  });

  test("no identifier repeats, whatever the names behind the e-mail addresses", () => {
    const factory = new IdentifierFactory("unique");
    const rng = Rng.of("unique");
    const ids = new Set<string>();
    let made = 0;
    for (let i = 0; i < 3000; i++) {
      for (const value of [
        factory.phone(rng, "VN"), factory.email(rng, "Nguyen Van An"), factory.email(rng, "李伟"),
        factory.address(rng, "VN"), factory.address(rng, "CN"), factory.bankAccount(rng, "HK"),
        factory.passport(rng, "MM"), factory.registration(rng, "SG"),
      ]) {
        ids.add(value.id);
        made++;
      }
    }
    expect(ids.size).toBe(made);
  });

  test("e-mails are lower case at example.com, example.net or example.org", () => {
    const factory = new IdentifierFactory("mail");
    const rng = Rng.of("mail");
    for (const hint of ["Chukwuemeka Obi", "Golden Delta (HK) Limited", "Công ty TNHH Thương mại Hải Long", "李伟", ""]) {
      const email = factory.email(rng, hint);
      expect(email.value).toMatch(/^[a-z.]+[._]?\d+@example\.(com|net|org)$/);
      expect(email.rawValue.toLowerCase()).toBe(email.value);
    }
  });

  test("addresses are normalised without diacritics or punctuation and keep the raw text", () => {
    expect(stripDiacritics("Nguyễn Văn Đức, Yılmaz")).toBe("Nguyen Van Duc, Yilmaz");
    expect(normaliseText("Số 12, ngõ 3, Lê Lợi, Quận 1")).toBe("so 12 ngo 3 le loi quan 1");
  });
});

describe("transport document numbers", () => {
  test("container check digits follow ISO 6346 (CSQU305438 → 3)", () => {
    expect(containerCheckDigit("CSQU305438")).toBe(3);
  });

  test("IMO check digits follow the IMO rule (907472 → 9), and generated vessels start with 1", () => {
    expect(imoCheckDigit("907472")).toBe(9);
    const pool = new CarrierPool(Rng.of("carriers"), "gen-x-");
    const vessels = pool.all.filter((carrier) => carrier.row.imoNumber !== null);
    expect(vessels.length).toBeGreaterThan(0);
    for (const vessel of vessels) {
      const imo = vessel.row.imoNumber ?? "";
      expect(imo).toMatch(/^1\d{6}$/);
      expect(Number(imo[6])).toBe(imoCheckDigit(imo.slice(0, 6)));
    }
    expect(pool.all.every((carrier) => carrier.row.iataCode === null)).toBe(true);
  });

  test("air waybill serials end with their remainder modulo 7", () => {
    const rng = Rng.of("awb");
    for (let i = 0; i < 100; i++) {
      const [, serial] = airWaybill(rng, null).split("-");
      expect(Number(serial.slice(7))).toBe(Number(serial.slice(0, 7)) % 7);
    }
  });
});

describe("dates", () => {
  test.each([
    [0, "2019-04-08"],
    [1, "08/04/2019"],
    [2, "8 April 2019"],
    [3, "08-Apr-19"],
  ])("variant %i writes %s", (variant, text) => {
    expect(dateText(day(2019, 4, 8), variant)).toBe(text);
  });
});
