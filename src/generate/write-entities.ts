import { IdentifierKind, Reliability, SourceKind } from "../domain/vocabulary.js";
import { isoDate, PERIOD } from "./dates.js";
import { LIST_SEPARATOR } from "./layout.js";
import type { IdentifierValue } from "./locale/identifiers.js";
import { drainAll, type Tables } from "./output.js";
import { doubleOwnIdentifiers, type CompanyDouble, type PersonDouble } from "./duplicates.js";
import { holderId, type Plan } from "./plan.js";
import { companyKey, personKey, type HolderKey, type HolderKind, type PersonRecord, type CompanyRecord } from "./population.js";
import { Rng } from "./prng.js";
import { drawCompany, drawPerson, NOISE_PERSON_IDENTIFIERS } from "./records.js";
import { countries } from "./reference/countries.js";
import { places } from "./reference/places.js";
import { speciesList } from "./reference/species.js";
import { OFFICER_ROLES } from "./vocabulary.js";

/** The dataset's own Source row, and the real reference facts the generated rows point at. */
export function writeSourceAndReference(plan: Plan, tables: Tables): void {
  tables.sources.write({
    id: `${plan.prefix}source`,
    title: `Synthetic Mekong trafficking network (seed ${plan.seed}, ${plan.shipments} shipments): invented people, companies, identifiers, shipments and seizures`,
    publisher: "mekong-trafficking-graph generator",
    url: null,
    licence: "MIT",
    retrievedOn: null,
    reliability: Reliability.F,
    kind: SourceKind.SYNTHETIC,
    synthetic: true,
  });
  for (const country of countries) tables.countries.write({ id: country.id, iso3: country.iso3, name: country.name, synthetic: false });
  for (const place of places) {
    tables.places.write({
      id: place.id, name: place.name, kind: place.kind, locode: place.locode, iataCode: place.iataCode,
      latitude: place.latitude, longitude: place.longitude, countryId: place.countryId, synthetic: false,
    });
  }
  for (const species of speciesList) {
    tables.species.write({
      id: species.id, scientificName: species.scientificName, citesAppendix: species.citesAppendix,
      taxonClass: species.taxonClass, order: species.order, family: species.family, genus: species.genus,
      commonNamesEn: species.commonNamesEn.join(LIST_SEPARATOR), synthetic: false,
    });
  }
  for (const carrier of plan.carriers.all) tables.carriers.write(carrier.row);
}

/** Writes an identifier held by one holder: its node row the first time, its holder row each time. */
function hold(tables: Tables, holder: string, kind: HolderKind, value: IdentifierValue, firstTime: boolean): void {
  if (firstTime) tables.identifiers.write({ id: value.id, kind: value.kind, value: value.value, rawValue: value.rawValue, synthetic: true });
  tables.identifierHolders.write({ holderId: holder, holderKind: kind, identifierId: value.id });
}

function holdAll(plan: Plan, tables: Tables, key: HolderKey, kind: HolderKind, own: readonly IdentifierValue[]): void {
  const id = holderId(plan, key);
  for (const value of own) hold(tables, id, kind, value, true);
  for (const shared of plan.holdings.of(key)) {
    hold(tables, id, kind, shared.value, !shared.written);
    shared.written = true;
  }
}

function hasSharedAddress(plan: Plan, key: HolderKey): boolean {
  return plan.holdings.of(key).some((shared) => shared.value.kind === IdentifierKind.ADDRESS);
}

/** A duplicate record of a person: its own row, the identifier it shares with its original, its own ones. */
function writePersonDouble(plan: Plan, tables: Tables, double: PersonDouble): void {
  const key = personKey(double.logical);
  tables.persons.write({
    id: plan.personIds.id(double.logical), name: double.name.name, aliases: double.name.aliases.join(LIST_SEPARATOR),
    birthYear: double.birthYear, nationalityId: double.nationality, synthetic: true,
  });
  const rng = Rng.of(plan.seed, "double-person-identifiers", double.logical);
  holdAll(plan, tables, key, "Person", doubleOwnIdentifiers(rng, plan.factory, double, hasSharedAddress(plan, key)));
}

/**
 * Persons in id order: ring members and path intermediaries from memory, the noise drawn now, and
 * duplicate records from the plan.
 */
export async function writePersons(plan: Plan, tables: Tables): Promise<void> {
  const { personIds, persons, noisePersons, duplicates } = plan;
  for (let slot = 0; slot < personIds.size; slot++) {
    const logical = personIds.indexOf(slot);
    const key = personKey(logical);
    const double = duplicates.persons.at(logical);
    if (double) writePersonDouble(plan, tables, double);
    else {
      let record: PersonRecord;
      if (logical < persons.length) record = persons[logical];
      else {
        const index = logical - persons.length;
        const rng = Rng.of(plan.seed, "noise-person", index);
        record = drawPerson(rng, plan.factory, logical, noisePersons.countryOf(index), NOISE_PERSON_IDENTIFIERS, hasSharedAddress(plan, key));
      }
      // An original whose double is its name in characters (or in pinyin) is written as the variant needs.
      const name = duplicates.renamed.get(logical) ?? record.name;
      tables.persons.write({
        id: personIds.id(logical), name: name.name, aliases: name.aliases.join(LIST_SEPARATOR),
        birthYear: record.birthYear, nationalityId: record.nationality, synthetic: true,
      });
      holdAll(plan, tables, key, "Person", record.own);
    }
    if (slot % 512 === 511) await drainAll(tables);
  }
}

/** A duplicate record of a company; like a second register's entry, it names no officers. */
function writeCompanyDouble(plan: Plan, tables: Tables, double: CompanyDouble): void {
  const key = companyKey(double.logical);
  tables.companies.write({
    id: plan.companyIds.id(double.logical), name: double.name, kind: double.kind,
    incorporatedOn: double.incorporatedOn === null ? null : isoDate(double.incorporatedOn), countryId: double.countryId, synthetic: true,
  });
  const rng = Rng.of(plan.seed, "double-company-identifiers", double.logical);
  holdAll(plan, tables, key, "Company", doubleOwnIdentifiers(rng, plan.factory, double, hasSharedAddress(plan, key)));
}

/** Companies in id order, with their identifiers and officers, and duplicate records from the plan. */
export async function writeCompanies(plan: Plan, tables: Tables): Promise<void> {
  const { companyIds, companies, noiseCompanies, noisePersons } = plan;
  for (let slot = 0; slot < companyIds.size; slot++) {
    const logical = companyIds.indexOf(slot);
    const key = companyKey(logical);
    const double = plan.duplicates.companies.at(logical);
    if (double) {
      writeCompanyDouble(plan, tables, double);
      if (slot % 512 === 511) await drainAll(tables);
      continue;
    }
    let record: CompanyRecord;
    if (logical < companies.length) record = companies[logical];
    else {
      const index = logical - companies.length;
      const rng = Rng.of(plan.seed, "noise-company", index);
      const countryId = noiseCompanies.countryOf(index);
      record = drawCompany(rng, plan.factory, logical, countryId, noiseCompanies.kindOf(index), PERIOD.to - 365, hasSharedAddress(plan, key));
      if (rng.chance(0.6)) {
        const officer = noisePersons.pickIn(rng, countryId);
        record.officers.push({ personLogical: plan.persons.length + officer, role: rng.chance(0.7) ? OFFICER_ROLES.director : OFFICER_ROLES.owner });
      }
    }
    const id = companyIds.id(logical);
    tables.companies.write({
      id, name: record.name, kind: record.kind, incorporatedOn: isoDate(record.incorporatedOn), countryId: record.countryId, synthetic: true,
    });
    holdAll(plan, tables, key, "Company", record.own);
    for (const officer of record.officers) {
      tables.officers.write({ personId: plan.personIds.id(officer.personLogical), companyId: id, role: officer.role });
    }
    if (slot % 512 === 511) await drainAll(tables);
  }
}
