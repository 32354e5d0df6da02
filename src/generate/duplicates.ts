import type { CompanyKind } from "../domain/vocabulary.js";
import { PERIOD } from "./dates.js";
import { COMPANY_VARIANT_WEIGHTS, COMPANY_VARIANTS, companyVariant, type CompanyVariant } from "./locale/company-variants.js";
import type { IdentifierFactory, IdentifierValue } from "./locale/identifiers.js";
import type { PersonName } from "./locale/person-names.js";
import { PERSON_VARIANT_WEIGHTS, PERSON_VARIANTS, personVariant, type PersonVariant } from "./locale/person-variants.js";
import { companyKey, mix, personKey, type CompanyRecord, type CountryBlocks, type Holdings, type NoiseCompanies, type PersonRecord } from "./population.js";
import { hash128, Rng } from "./prng.js";
import { drawCompanyIdentity, drawPersonIdentity } from "./records.js";

/**
 * Duplicate records: one real person or company written as two or three nodes, as separate sources
 * name it, for entity resolution to merge. Which entities get a double is a hash of the logical
 * index (so noise entities, drawn only while written, need no list of their own); a double takes a
 * logical number after all the originals, in the order of the originals, and everything about it is
 * decided here, before writing: its name (one variant kind each), which facts it repeats, and the
 * identifier it shares with the original, if any. Memory is one small record per double.
 */

/** Share of chosen entities that get a second double. */
const SECOND_DOUBLE = 0.15;
/** Share of doubles holding one identifier of their original. */
const SHARES_IDENTIFIER = 0.5;
/** Chance that a shipment of an entity with doubles names a double instead. */
export const DOUBLE_ON_SHIPMENT = 0.25;

export interface PersonDouble {
  readonly logical: number;
  readonly original: number;
  readonly variant: PersonVariant;
  readonly name: PersonName;
  /** `null` where the double's record leaves the cell empty. */
  readonly birthYear: number | null;
  readonly nationality: string | null;
  /** Country whose formats the double's own identifiers take (its original's nationality). */
  readonly homeCountry: string;
  readonly sharesIdentifier: boolean;
}

export interface CompanyDouble {
  readonly logical: number;
  readonly original: number;
  readonly variant: CompanyVariant;
  readonly name: string;
  readonly kind: CompanyKind;
  readonly incorporatedOn: number | null;
  readonly countryId: string | null;
  readonly homeCountry: string;
  readonly sharesIdentifier: boolean;
}

/** The doubles of one kind of entity, numbered from `base` (the number of originals). */
export class DoubleSet<Double extends { readonly logical: number; readonly original: number }> {
  readonly all: Double[] = [];
  private readonly byOriginal = new Map<number, Double[]>();

  constructor(readonly base: number) {}

  add(double: Double): void {
    this.all.push(double);
    const list = this.byOriginal.get(double.original);
    if (list) list.push(double);
    else this.byOriginal.set(double.original, [double]);
  }

  get size(): number {
    return this.all.length;
  }

  /** The double with this logical number, or `undefined` for an original. */
  at(logical: number): Double | undefined {
    return logical >= this.base ? this.all[logical - this.base] : undefined;
  }

  of(original: number): readonly Double[] {
    return this.byOriginal.get(original) ?? [];
  }

  /** Originals with at least one double, in logical order. */
  originals(): number[] {
    return [...this.byOriginal.keys()];
  }
}

export interface Duplicates {
  readonly share: number;
  readonly persons: DoubleSet<PersonDouble>;
  readonly companies: DoubleSet<CompanyDouble>;
  /** Originals whose own record must change for their double's variant to hold (`han`, `pinyin`, `cantonese`). */
  readonly renamed: ReadonlyMap<number, PersonName>;
}

export interface DuplicatesContext {
  readonly seed: string;
  readonly share: number;
  readonly factory: IdentifierFactory;
  readonly holdings: Holdings;
  /** Ring members and path intermediaries; the noise follows them in the logical numbering. */
  readonly persons: readonly PersonRecord[];
  readonly companies: readonly CompanyRecord[];
  readonly noisePersons: CountryBlocks;
  readonly noiseCompanies: NoiseCompanies;
}

/**
 * Picks the variant kind furthest behind its weight among those that fit, with a random tie-break:
 * every kind turns up even in a small network, in proportions close to the weights.
 */
class KindPicker<Kind extends string> {
  private readonly counts = new Map<Kind, number>();

  constructor(
    private readonly kinds: readonly Kind[],
    private readonly weights: Readonly<Record<Kind, number>>,
  ) {}

  /** Tries the kinds in order of need; `make` returns `null` for a kind that does not fit. */
  pick<T>(rng: Rng, make: (kind: Kind) => T | null, exclude: readonly Kind[] = []): [Kind, T] | null {
    const order = this.kinds
      .filter((kind) => !exclude.includes(kind))
      .map((kind) => [kind, ((this.counts.get(kind) ?? 0) + rng.next()) / this.weights[kind]] as const)
      .sort((a, b) => a[1] - b[1]);
    for (const [kind] of order) {
      const made = make(kind);
      if (made === null) continue;
      this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
      return [kind, made];
    }
    return null;
  }
}

/** How many doubles the entity with this logical index gets: 0, 1 or 2, from a hash of the index. */
function doublesWanted(salt: number, logical: number, share: number): number {
  if (mix(salt, logical) / 4294967296 >= share) return 0;
  return mix(salt ^ 0x2545f491, logical) / 4294967296 < SECOND_DOUBLE ? 2 : 1;
}

function sharedPersonIdentifier(rng: Rng, factory: IdentifierFactory, country: string, name: string): IdentifierValue {
  const draw = rng.next();
  if (draw < 0.45) return factory.phone(rng, country);
  if (draw < 0.7) return factory.email(rng, name);
  return factory.address(rng, country);
}

function sharedCompanyIdentifier(rng: Rng, factory: IdentifierFactory, country: string, name: string): IdentifierValue {
  const draw = rng.next();
  if (draw < 0.4) return factory.address(rng, country);
  if (draw < 0.75) return factory.phone(rng, country);
  return factory.email(rng, name);
}

function planPersonDoubles(context: DuplicatesContext, salt: number, base: number, renamed: Map<number, PersonName>): DoubleSet<PersonDouble> {
  const { seed, share, factory, holdings, persons, noisePersons } = context;
  const doubles = new DoubleSet<PersonDouble>(base);
  const picker = new KindPicker(PERSON_VARIANTS, PERSON_VARIANT_WEIGHTS);
  for (let original = 0; original < base; original++) {
    const wanted = doublesWanted(salt, original, share);
    if (wanted === 0) continue;
    let name: PersonName;
    let birthYear: number;
    let nationality: string;
    if (original < persons.length) ({ name, birthYear, nationality } = persons[original]);
    else {
      const index = original - persons.length;
      nationality = noisePersons.countryOf(index);
      ({ name, birthYear } = drawPersonIdentity(Rng.of(seed, "noise-person", index), nationality));
    }
    const used: PersonVariant[] = [];
    for (let k = 0; k < wanted; k++) {
      // An original rewritten for its first double's sake (in characters, say) takes no second one.
      if (renamed.has(original)) break;
      const logical = base + doubles.size;
      const rng = Rng.of(seed, "double-person", logical);
      // A second double is of another kind than the first, and of none that rewrites the original.
      const exclude: PersonVariant[] = k === 0 ? [] : [...used, "han", "pinyin", "cantonese"];
      const picked = picker.pick(rng, (kind) => personVariant(rng, kind, name), exclude);
      if (!picked) continue;
      const [variant, made] = picked;
      if (doubles.of(original).some((other) => other.name.name === made.double.name)) continue;
      used.push(variant);
      if (made.original !== name) renamed.set(original, made.original);
      const birthDraw = rng.next();
      const sharesIdentifier = rng.chance(SHARES_IDENTIFIER);
      if (sharesIdentifier) {
        const value = sharedPersonIdentifier(rng, factory, nationality, name.name);
        holdings.share(value, "duplicate", [personKey(original), personKey(logical)]);
      }
      doubles.add({
        logical,
        original,
        variant,
        name: made.double,
        birthYear: birthDraw < 0.82 ? birthYear : birthDraw < 0.96 ? null : birthYear + (rng.chance(0.5) ? 1 : -1),
        nationality: rng.chance(0.85) ? nationality : null,
        homeCountry: nationality,
        sharesIdentifier,
      });
    }
  }
  return doubles;
}

function planCompanyDoubles(context: DuplicatesContext, salt: number, base: number): DoubleSet<CompanyDouble> {
  const { seed, share, factory, holdings, companies, noiseCompanies } = context;
  const doubles = new DoubleSet<CompanyDouble>(base);
  const picker = new KindPicker(COMPANY_VARIANTS, COMPANY_VARIANT_WEIGHTS);
  for (let original = 0; original < base; original++) {
    const wanted = doublesWanted(salt ^ 0x68e31da4, original, share);
    if (wanted === 0) continue;
    let name: string;
    let kind: CompanyKind;
    let countryId: string;
    let incorporatedOn: number;
    if (original < companies.length) ({ name, kind, countryId, incorporatedOn } = companies[original]);
    else {
      const index = original - companies.length;
      countryId = noiseCompanies.countryOf(index);
      kind = noiseCompanies.kindOf(index);
      ({ name, incorporatedOn } = drawCompanyIdentity(Rng.of(seed, "noise-company", index), countryId, kind, PERIOD.to - 365));
    }
    const used: CompanyVariant[] = [];
    for (let k = 0; k < wanted; k++) {
      const logical = base + doubles.size;
      const rng = Rng.of(seed, "double-company", logical);
      const picked = picker.pick(rng, (variant) => companyVariant(rng, variant, name), used);
      if (!picked) continue;
      const [variant, doubleName] = picked;
      if (doubles.of(original).some((other) => other.name === doubleName)) continue;
      used.push(variant);
      const sharesIdentifier = rng.chance(SHARES_IDENTIFIER);
      if (sharesIdentifier) {
        const value = sharedCompanyIdentifier(rng, factory, countryId, name);
        holdings.share(value, "duplicate", [companyKey(original), companyKey(logical)]);
      }
      doubles.add({
        logical,
        original,
        variant,
        name: doubleName,
        kind,
        incorporatedOn: rng.chance(0.7) ? incorporatedOn : null,
        countryId: rng.chance(0.9) ? countryId : null,
        homeCountry: countryId,
        sharesIdentifier,
      });
    }
  }
  return doubles;
}

/** Plans the doubles of persons and companies; with a share of 0 there are none and nothing is drawn. */
export function planDuplicates(context: DuplicatesContext): Duplicates {
  const personBase = context.persons.length + context.noisePersons.size;
  const companyBase = context.companies.length + context.noiseCompanies.size;
  const renamed = new Map<number, PersonName>();
  if (context.share <= 0) {
    return { share: 0, persons: new DoubleSet(personBase), companies: new DoubleSet(companyBase), renamed };
  }
  const salt = hash128(`${context.seed}\u0000duplicates`)[0];
  const persons = planPersonDoubles(context, salt, personBase, renamed);
  const companies = planCompanyDoubles(context, salt, companyBase);
  return { share: context.share, persons, companies, renamed };
}

/** Whether a shipment (by index) names a double of the party instead of the party, and which. */
export function doubleOnShipment<Double extends { readonly logical: number }>(doubles: readonly Double[], shipment: number, original: number): Double | null {
  if (doubles.length === 0) return null;
  const draw = mix(shipment, original ^ 0x3c6ef372);
  if (draw / 4294967296 >= DOUBLE_ON_SHIPMENT) return null;
  return doubles[mix(draw, shipment) % doubles.length];
}

/**
 * The identifiers a double holds alone, drawn while it is written: a phone, an e-mail, a passport
 * (persons) or a phone, an e-mail, an address (companies), each now and then; at least one when it
 * shares none with its original, so that every double is linked to something.
 */
export function doubleOwnIdentifiers(rng: Rng, factory: IdentifierFactory, double: PersonDouble | CompanyDouble, skipAddress: boolean): IdentifierValue[] {
  const own: IdentifierValue[] = [];
  const country = double.homeCountry;
  const hint = typeof double.name === "string" ? double.name : double.name.name;
  const person = typeof double.name !== "string";
  if (rng.chance(person ? 0.45 : 0.4)) own.push(factory.phone(rng, country));
  if (rng.chance(person ? 0.2 : 0.3)) own.push(factory.email(rng, hint));
  if (person ? rng.chance(0.15) : !skipAddress && rng.chance(0.3)) own.push(person ? factory.passport(rng, country) : factory.address(rng, country));
  if (own.length === 0 && !double.sharesIdentifier) own.push(factory.phone(rng, country));
  return own;
}
