import { CompanyKind } from "../domain/vocabulary.js";
import { day } from "./dates.js";
import { companyName } from "./locale/company-names.js";
import type { IdentifierFactory, IdentifierValue } from "./locale/identifiers.js";
import { personName, type PersonName } from "./locale/person-names.js";
import type { Rng } from "./prng.js";
import type { CompanyRecord, PersonRecord } from "./population.js";

/**
 * Persons and companies drawn the same way whether they sit in a ring, on a planted path or in the
 * noise: a name in the customs of the country, a birth year or an incorporation date, and the
 * identifiers that only they hold (sharing is planned separately).
 */
export interface OwnIdentifiers {
  readonly phone: number;
  readonly email: number;
  readonly address: number;
  readonly passport: number;
}

export const RING_PERSON_IDENTIFIERS: OwnIdentifiers = { phone: 1, email: 0.5, address: 0.25, passport: 0.6 };
export const NOISE_PERSON_IDENTIFIERS: OwnIdentifiers = { phone: 0.95, email: 0.35, address: 0.3, passport: 0.4 };

/**
 * A person's name and birth year: the first draws of `drawPerson`, so that replaying a noise person's
 * stream gives them again without drawing (and using up) its identifiers.
 */
export function drawPersonIdentity(rng: Rng, nationality: string): { name: PersonName; birthYear: number } {
  const name = personName(rng, nationality);
  return { name, birthYear: rng.int(1955, 2001) };
}

/** A company's name and incorporation day: the first draws of `drawCompany` (see `drawPersonIdentity`). */
export function drawCompanyIdentity(rng: Rng, countryId: string, kind: CompanyKind, incorporatedBefore: number): { name: string; incorporatedOn: number } {
  const name = companyName(rng, countryId, kind);
  const earliest = day(1995, 1, 1);
  return { name, incorporatedOn: rng.int(earliest, Math.max(earliest, incorporatedBefore)) };
}

export function drawPerson(
  rng: Rng,
  factory: IdentifierFactory,
  logical: number,
  nationality: string,
  chances: OwnIdentifiers,
  skipAddress = false,
): PersonRecord {
  const { name, birthYear } = drawPersonIdentity(rng, nationality);
  const own: IdentifierValue[] = [];
  if (rng.chance(chances.phone)) own.push(factory.phone(rng, nationality));
  if (rng.chance(chances.email)) own.push(factory.email(rng, name.aliases[0] ?? name.name));
  if (!skipAddress && rng.chance(chances.address)) own.push(factory.address(rng, nationality));
  if (rng.chance(chances.passport)) own.push(factory.passport(rng, nationality));
  return { logical, name, birthYear, nationality, own };
}

export function drawCompany(
  rng: Rng,
  factory: IdentifierFactory,
  logical: number,
  countryId: string,
  kind: CompanyKind,
  incorporatedBefore: number,
  skipAddress = false,
): CompanyRecord {
  const { name, incorporatedOn } = drawCompanyIdentity(rng, countryId, kind, incorporatedBefore);
  const own: IdentifierValue[] = [];
  if (rng.chance(0.85)) own.push(factory.registration(rng, countryId));
  if (rng.chance(0.75)) own.push(factory.phone(rng, countryId));
  if (rng.chance(0.55)) own.push(factory.email(rng, name));
  if (!skipAddress && rng.chance(0.8)) own.push(factory.address(rng, countryId));
  if (kind !== CompanyKind.SHELL && rng.chance(0.25)) own.push(factory.bankAccount(rng, countryId));
  return { logical, name, kind, countryId, incorporatedOn, own, officers: [] };
}
