import { existsSync } from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, test } from "vitest";

import { speciesFor } from "../../src/generate/commodities.js";
import { companyName } from "../../src/generate/locale/company-names.js";
import { IdentifierFactory } from "../../src/generate/locale/identifiers.js";
import { personName } from "../../src/generate/locale/person-names.js";
import { Rng } from "../../src/generate/prng.js";
import { countries, countryById } from "../../src/generate/reference/countries.js";
import { corridors, planKeyOf } from "../../src/generate/reference/corridors.js";
import { placeById, places } from "../../src/generate/reference/places.js";
import { speciesById, speciesList } from "../../src/generate/reference/species.js";
import { AGENCIES, PLACE_AGENCIES } from "../../src/generate/vocabulary.js";
import { CompanyKind, PlaceKind } from "../../src/domain/vocabulary.js";
import { distanceKm, readCsv, SHARED_DATA, type Row } from "./network-files.js";

/** The generator's places, species and countries are real: each is checked against the shared data sets. */

let unlocode: Map<string, Row>;
let airports: Map<string, Row>;
let cites: Map<string, Row>;
let countryRows: Map<string, Row>;

// The shared data sets are beside the project in its own workspace only; a clone elsewhere has none.
const haveShared = existsSync(SHARED_DATA);
if (!haveShared) console.warn(`${SHARED_DATA} is missing: the checks of the generator's reference data against it are skipped`);

beforeAll(async () => {
  if (!haveShared) return;
  const locodes = await readCsv(path.join(SHARED_DATA, "unlocode", "unlocode_filtered.csv"));
  unlocode = new Map(locodes.rows.map((row) => [`${row.country}${row.location}`, row]));
  const flights = await readCsv(path.join(SHARED_DATA, "openflights", "airports.csv"));
  airports = new Map(flights.rows.filter((row) => row.iata !== "\\N").map((row) => [row.iata, row]));
  const index = await readCsv(path.join(SHARED_DATA, "cites-species-index-2017", "index_of_cites_species_animalia_2017-04-21.csv"));
  cites = new Map(index.rows.filter((row) => row.RankName === "SPECIES").map((row) => [row.FullName, row]));
  const world = await readCsv(path.join(SHARED_DATA, "countries", "countries.csv"));
  countryRows = new Map(world.rows.map((row) => [row.cca2, row]));
});

describe.skipIf(!haveShared)("places", () => {
  test("there are about sixty or more, with unique ids", () => {
    expect(places.length).toBeGreaterThanOrEqual(60);
    expect(new Set(places.map((place) => place.id)).size).toBe(places.length);
  });

  test.each(places.filter((place) => place.locode !== null).map((place) => [place.id, place] as const))(
    "%s is a UN/LOCODE of its country, within 25 km of UN/LOCODE's own coordinates",
    (id, place) => {
      expect(id).toBe(`locode:${place.locode}`);
      const row = unlocode.get(place.locode ?? "");
      expect(row, `${place.locode} in unlocode_filtered.csv`).toBeDefined();
      expect(row?.country).toBe(place.countryId);
      // Geocoded rows were filled in by Geoapify and are sometimes far off (Apapa, Matadi); UNECE's are not.
      if (row?.lat && row.geocoded !== "true") {
        expect(distanceKm(place.latitude, place.longitude, Number(row.lat), Number(row.lon))).toBeLessThan(25);
      }
    },
  );

  test.each(places.filter((place) => place.iataCode !== null).map((place) => [place.id, place] as const))(
    "%s is an OpenFlights airport, within 10 km of its coordinates",
    (id, place) => {
      expect(id).toBe(`iata:${place.iataCode}`);
      expect(place.kind).toBe(PlaceKind.AIRPORT);
      const row = airports.get(place.iataCode ?? "");
      expect(row, `${place.iataCode} in airports.csv`).toBeDefined();
      expect(distanceKm(place.latitude, place.longitude, Number(row?.latitude), Number(row?.longitude))).toBeLessThan(10);
    },
  );

  test("the places named in the issue are there", () => {
    for (const id of [
      "locode:VNHPH", "locode:VNCLI", "iata:HAN", "locode:VNLCA", "locode:CNMHN", "locode:LABTN", "locode:VNMOC",
      "locode:CNJOG", "locode:THCHS", "iata:BKK", "locode:THLCH", "locode:MYPKG", "locode:SGSIN", "locode:HKHKG",
      "iata:CAN", "locode:NGAPP", "iata:LOS", "locode:CMDLA", "locode:KEMBA", "locode:TZDAR", "iata:EBB", "iata:ADD",
      "iata:DOH", "iata:DXB",
    ]) {
      expect(() => placeById(id), id).not.toThrow();
    }
  });
});

describe.skipIf(!haveShared)("countries", () => {
  test.each(countries.map((country) => [country.id, country] as const))("%s has its ISO codes and common name", (id, country) => {
    const row = countryRows.get(id);
    expect(row).toBeDefined();
    expect(row?.cca3).toBe(country.iso3);
    expect(row?.name_common).toBe(country.name);
  });

  test("every place, species range and agency list uses a country of the table", () => {
    for (const place of places) expect(() => countryById(place.countryId), place.id).not.toThrow();
    for (const species of speciesList) for (const id of species.range) expect(() => countryById(id), species.id).not.toThrow();
    for (const country of countries) expect(AGENCIES[country.id]?.length ?? 0, country.id).toBeGreaterThan(0);
    for (const id of Object.keys(PLACE_AGENCIES)) expect(() => placeById(id), id).not.toThrow();
  });

  test("every country can name persons and companies and give them identifiers", () => {
    const factory = new IdentifierFactory("test");
    const rng = Rng.of("countries");
    for (const country of countries) {
      expect(personName(rng, country.id).name.length, country.id).toBeGreaterThan(3);
      expect(companyName(rng, country.id, CompanyKind.TRADER).length, country.id).toBeGreaterThan(3);
      expect(factory.phone(rng, country.id).value, country.id).toMatch(/^\+\d+$/);
      expect(factory.address(rng, country.id).value.length, country.id).toBeGreaterThan(5);
      expect(factory.passport(rng, country.id).value.startsWith(`${country.id}-`), country.id).toBe(true);
      expect(factory.registration(rng, country.id).value.startsWith(`${country.id}-`), country.id).toBe(true);
      expect(factory.bankAccount(rng, country.id).value.startsWith(country.id), country.id).toBe(true);
    }
  });
});

describe.skipIf(!haveShared)("species", () => {
  test.each(speciesList.map((species) => [species.scientificName, species] as const))(
    "%s is in the CITES index with its appendix, taxonomy, English names and range",
    (name, species) => {
      const row = cites.get(name);
      expect(row, `${name} in the CITES species index`).toBeDefined();
      if (!row) return;
      expect(species.id).toBe(name.toLowerCase().replace(" ", "-"));
      expect(row.CurrentListing.split("/")[0]).toBe(species.citesAppendix);
      expect([row.Class, row.Order, row.Family, row.Genus]).toEqual([species.taxonClass, species.order, species.family, species.genus]);
      const english = row.EnglishNames.split(",").map((text) => text.trim());
      for (const common of species.commonNamesEn) expect(english, name).toContain(common);
      const distribution = new Set(row.All_DistributionISOCodes.split(",").map((code) => code.trim()));
      for (const country of species.range) expect(distribution.has(country), `${name} occurs in ${country}`).toBe(true);
    },
  );

  test("the species the issue names are there", () => {
    for (const id of [
      "manis-javanica", "manis-tricuspis", "manis-gigantea", "loxodonta-africana", "ceratotherium-simum",
      "diceros-bicornis", "panthera-tigris", "panthera-pardus", "totoaba-macdonaldi",
    ]) {
      expect(() => speciesById(id), id).not.toThrow();
    }
  });
});

describe.skipIf(!haveShared)("corridors", () => {
  test.each(corridors.map((corridor) => [corridor.id, corridor] as const))("%s uses known places and species and a plan for each mode", (_id, corridor) => {
    for (const [mode] of corridor.modes) expect(corridor.plans[planKeyOf(mode)], `${corridor.id} ${mode}`).toBeDefined();
    for (const plan of Object.values(corridor.plans)) {
      const ids = plan.kind === "hubs" ? [...plan.origins, ...plan.transits, ...plan.destinations] : plan.chains.flat();
      for (const id of ids) expect(() => placeById(id), id).not.toThrow();
      if (plan.kind === "chains") for (const chain of plan.chains) expect(chain.length).toBeGreaterThanOrEqual(2);
    }
    for (const id of corridor.species) expect(() => speciesById(id), id).not.toThrow();
    expect(speciesFor(corridor, "XX").length).toBe(corridor.species.length);
  });
});
