import { describe, expect, it } from "vitest";

import { CountryIndex, looseCountryKey } from "../../src/import/normalise/country.js";
import { loadCountryIndex } from "../../src/import/normalise/country-index.js";

/**
 * Country names as seizure tables, CITES, the UN and the World Bank write them, each with the ISO
 * 3166-1 alpha-2 code it means, written by hand. `null`: the name must stay unknown.
 */
const index = await loadCountryIndex();

describe("country names that tables write", () => {
  it.each<[string, string | null]>([
    // A territory qualified by its sovereign, in the forms CITES, ISO and the World Bank use.
    ["Taiwan, Province of China", "TW"],
    ["China - Taiwan", "TW"],
    ["China - Hong Kong", "HK"],
    ["China - Macao", "MO"],
    ["Hong Kong SAR, China", "HK"],
    ["Macao SAR, China", "MO"],
    ["Hong Kong (China)", "HK"],
    ["Hong Kong, China", "HK"],
    ["Taiwan (Province of China)", "TW"],
    ["Puerto Rico (USA)", "PR"],
    // Names turned round with a bracket, as ISO 3166 and UN tables write them.
    ["Congo (Democratic Republic of the)", "CD"],
    ["Korea (Republic of)", "KR"],
    ["Korea (Democratic People's Republic of)", "KP"],
    ["Iran (Islamic Republic of)", "IR"],
    ["Bolivia (Plurinational State of)", "BO"],
    ["Venezuela (Bolivarian Republic of)", "VE"],
    ["Micronesia (Federated States of)", "FM"],
    ["Moldova (Republic of)", "MD"],
    ["Tanzania (United Republic of)", "TZ"],
    ["Congo (Republic of the)", "CG"],
    // ... and with a comma.
    ["Gambia, The", "GM"],
    ["Bahamas, The", "BS"],
    ["Palestine, State of", "PS"],
    // World Bank abbreviations.
    ["Congo, Dem. Rep.", "CD"],
    ["Congo, Rep.", "CG"],
    ["Korea, Rep.", "KR"],
    ["Korea, Dem. People's Rep.", "KP"],
    ["Iran, Islamic Rep.", "IR"],
    ["Lao PDR", "LA"],
    ["St. Lucia", "LC"],
    // Short and common forms.
    ["Viet Nam", "VN"],
    ["Viet-Nam", "VN"],
    ["DR Congo", "CD"],
    ["DRC", "CD"],
    ["Ivory Coast", "CI"],
    ["Cote D'Ivoire", "CI"],
    ["UAE", "AE"],
    ["U.A.E.", "AE"],
    ["Lao People's Democratic Republic", "LA"],
    ["Syrian Arab Republic", "SY"],
    ["Russian Federation", "RU"],
    ["United Republic of Tanzania", "TZ"],
    // What must stay unknown: two countries, a bare name two countries share, a province.
    ["Canada, Turkey", null],
    ["Cameroon, Central African Republic", null],
    ["China, Viet Nam", null],
    ["Korea", null],
    ["Guangdong, China", null],
  ])("%j → %s", (name, code) => {
    expect(index.resolve(name)).toEqual(code === null ? { problem: "unknown country" } : { value: code });
  });

  it("keeps a bare ambiguous name ambiguous when no alias settles it, whatever the other readings", () => {
    const congo = [
      { cca2: "CD", cca3: "COD", names: ["Congo", "Democratic Republic of the Congo"] },
      { cca2: "CG", cca3: "COG", names: ["Congo", "Republic of the Congo"] },
    ];
    const small = new CountryIndex(congo, []);
    expect(small.resolve("Congo")).toEqual({ problem: "ambiguous country name (CD, CG)" });
    expect(small.resolve("Congo (Republic of the)")).toEqual({ value: "CG" });
    expect(small.resolve("Congo, Dem. Rep.")).toEqual({ value: "CD" });
  });

  it("drops articles, prepositions and table abbreviations only in the loose comparison", () => {
    expect(looseCountryKey("Congo, Dem. Rep.")).toBe("congo democratic republic");
    expect(looseCountryKey("Democratic Republic of the Congo")).toBe("congo democratic republic");
    expect(looseCountryKey("Hong Kong SAR")).toBe("hong kong");
  });

  it("takes a territory's qualifier only from an independent country", () => {
    const small = new CountryIndex(
      [
        { cca2: "HK", cca3: "HKG", names: ["Hong Kong"], territory: true },
        { cca2: "MO", cca3: "MAC", names: ["Macao"], territory: true },
        { cca2: "CN", cca3: "CHN", names: ["China"] },
      ],
      [],
    );
    expect(small.resolve("Hong Kong, China")).toEqual({ value: "HK" });
    expect(small.resolve("Hong Kong, Macao")).toEqual({ problem: "unknown country" });
  });
});
