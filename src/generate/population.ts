import { CompanyKind } from "../domain/vocabulary.js";
import type { IdentifierFactory, IdentifierValue } from "./locale/identifiers.js";
import type { PersonName } from "./locale/person-names.js";
import { fmix32, Weighted, type Rng } from "./prng.js";

/**
 * Who exists in a generated network. Persons and companies are numbered by a logical index: first
 * the ring members, then the intermediaries of planted paths (both kept in memory as records), then
 * the noise, which is never held in memory: a noise entity's country and kind follow from its index,
 * and its name and identifiers are drawn when its row is written. Only what is shared is planned
 * ahead (`SharedIdentifier`), so memory stays bounded by the number of rings, not of shipments.
 */

export type HolderKind = "Person" | "Company";

/** `P12` or `C7`: a holder by kind and logical index. */
export type HolderKey = string;

export const personKey = (logical: number): HolderKey => `P${logical}`;
export const companyKey = (logical: number): HolderKey => `C${logical}`;

export interface PersonRecord {
  readonly logical: number;
  readonly name: PersonName;
  readonly birthYear: number;
  readonly nationality: string;
  /** Identifiers only this person holds. */
  readonly own: IdentifierValue[];
}

export interface Officer {
  readonly personLogical: number;
  readonly role: string;
}

export interface CompanyRecord {
  readonly logical: number;
  readonly name: string;
  readonly kind: CompanyKind;
  readonly countryId: string;
  readonly incorporatedOn: number;
  readonly own: IdentifierValue[];
  readonly officers: Officer[];
}

/** Why an identifier is held by more than one party: recorded in the ground truth. */
export type SharingPurpose = "ring" | "bridge" | "noise-link" | "planted-path" | "household" | "formation-agent" | "duplicate";

export class SharedIdentifier {
  readonly holders: HolderKey[] = [];
  written = false;

  constructor(
    readonly value: IdentifierValue,
    readonly purpose: SharingPurpose,
  ) {}
}

/** A 32-bit integer hash of two integers (murmur3's finaliser): a fixed, random-looking choice. */
export function mix(a: number, b: number): number {
  return fmix32(Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) ^ b);
}

/** A block of noise entities per country, in proportion to the country's weight. */
export class CountryBlocks {
  private readonly countries: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends = new Map<string, [number, number]>();

  constructor(
    readonly size: number,
    weights: readonly (readonly [string, number])[],
  ) {
    const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
    let cumulative = 0;
    for (const [country, weight] of weights) {
      const start = Math.round((cumulative / total) * size);
      cumulative += weight;
      const end = Math.round((cumulative / total) * size);
      if (end <= start) continue;
      this.countries.push(country);
      this.starts.push(start);
      this.ends.set(country, [start, end]);
    }
  }

  countryOf(index: number): string {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.starts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    return this.countries[low];
  }

  /** An index in the country's block, or anywhere when the country has no block. */
  pickIn(rng: Rng, country: string): number {
    const range = this.ends.get(country);
    if (!range) return rng.int(0, this.size - 1);
    return rng.int(range[0], range[1] - 1);
  }

  range(country: string): [number, number] | undefined {
    return this.ends.get(country);
  }

  /** The `k`-th regular partner in `country` of entity `from`: always the same one. */
  regular(from: number, k: number, country: string): number {
    const range = this.ends.get(country) ?? [0, this.size];
    return range[0] + (mix(from, k) % (range[1] - range[0]));
  }
}

/** Nationalities of persons outside rings: the region's countries first. */
export const NOISE_NATIONALITIES: readonly (readonly [string, number])[] = [
  ["VN", 20], ["CN", 14], ["HK", 4], ["LA", 6], ["TH", 8], ["MM", 4], ["KH", 4], ["MY", 4], ["SG", 1], ["AE", 1],
  ["QA", 0.5], ["TR", 0.3], ["LK", 0.3], ["NG", 8], ["CM", 3], ["CD", 3], ["CG", 1], ["CI", 1], ["TG", 1], ["KE", 4],
  ["TZ", 3], ["UG", 2], ["MZ", 3], ["ZA", 2], ["ET", 1], ["MG", 1], ["MX", 2], ["US", 0.4],
];

/** Countries of companies outside rings: trading and forwarding hubs weigh more. */
export const NOISE_COMPANY_COUNTRIES: readonly (readonly [string, number])[] = [
  ["VN", 16], ["CN", 16], ["HK", 8], ["LA", 4], ["TH", 7], ["MM", 2], ["KH", 3], ["MY", 6], ["SG", 4], ["AE", 3],
  ["QA", 0.5], ["TR", 0.5], ["LK", 0.5], ["NG", 6], ["CM", 2], ["CD", 2], ["CG", 1], ["CI", 1], ["TG", 1], ["KE", 3],
  ["TZ", 2], ["UG", 1], ["MZ", 2], ["ZA", 2], ["ET", 1], ["MG", 1], ["MX", 2], ["US", 1],
];

/** Where the big, legitimate freight forwarders (the party hubs) are registered, in turn. */
export const HUB_FORWARDER_COUNTRIES = ["HK", "SG", "VN", "CN", "MY", "TH", "AE", "NG", "KE", "ZA"];

/** Kinds of noise companies repeat every ten indices: most trade, a few are shells or local forwarders. */
const NOISE_KIND_CYCLE: readonly CompanyKind[] = [
  CompanyKind.TRADER, CompanyKind.TRADER, CompanyKind.LOGISTICS, CompanyKind.TRADER, CompanyKind.OTHER,
  CompanyKind.TRADER, CompanyKind.SHELL, CompanyKind.TRADER, CompanyKind.FREIGHT_FORWARDER, CompanyKind.LOGISTICS,
];

/**
 * Companies outside rings: the first `hubs` are the large forwarders most shipments use; the rest
 * are spread over country blocks, their kind following from the index.
 */
export class NoiseCompanies {
  readonly blocks: CountryBlocks;

  constructor(
    readonly hubs: number,
    readonly others: number,
  ) {
    this.blocks = new CountryBlocks(others, NOISE_COMPANY_COUNTRIES);
  }

  get size(): number {
    return this.hubs + this.others;
  }

  countryOf(index: number): string {
    return index < this.hubs ? HUB_FORWARDER_COUNTRIES[index % HUB_FORWARDER_COUNTRIES.length] : this.blocks.countryOf(index - this.hubs);
  }

  kindOf(index: number): CompanyKind {
    return index < this.hubs ? CompanyKind.FREIGHT_FORWARDER : NOISE_KIND_CYCLE[(index - this.hubs) % NOISE_KIND_CYCLE.length];
  }

  /** A hub forwarder; a few handle most of the traffic. */
  pickHub(rng: Rng): number {
    return rng.skewedIndex(this.hubs, 2.2);
  }

  /** A company of one of the kinds in the country (any company of the country when none fits nearby). */
  pickOfKind(rng: Rng, country: string, kinds: readonly CompanyKind[]): number {
    const offset = this.blocks.pickIn(rng, country);
    const choices = this.ofKindNear(offset, country, kinds);
    return this.hubs + (choices.length > 0 ? rng.pick(choices) : offset);
  }

  /**
   * The `k`-th regular trading partner of company `from` in `country`: outsiders trade again and again
   * with the same few partners and forwarders, which gives the noise a structure of its own.
   */
  regularOfKind(from: number, k: number, country: string, kinds: readonly CompanyKind[]): number {
    const offset = this.blocks.regular(from, k, country);
    const choices = this.ofKindNear(offset, country, kinds);
    return this.hubs + (choices.length > 0 ? choices[mix(from, k + 101) % choices.length] : offset);
  }

  /** The regular hub forwarder of company `from`. */
  regularHub(from: number): number {
    return mix(from, 7) % this.hubs;
  }

  private ofKindNear(offset: number, country: string, kinds: readonly CompanyKind[]): number[] {
    const range = this.blocks.range(country) ?? [0, this.others];
    const base = offset - (offset % NOISE_KIND_CYCLE.length);
    const choices: number[] = [];
    for (let i = 0; i < NOISE_KIND_CYCLE.length; i++) {
      const candidate = base + i;
      if (candidate >= range[0] && candidate < range[1] && kinds.includes(NOISE_KIND_CYCLE[i])) choices.push(candidate);
    }
    return choices;
  }
}

/** All planned sharing, by holder, in the order it was planned. */
export class Holdings {
  private readonly byHolder = new Map<HolderKey, SharedIdentifier[]>();
  readonly all: SharedIdentifier[] = [];

  share(value: IdentifierValue, purpose: SharingPurpose, holders: readonly HolderKey[]): SharedIdentifier {
    const shared = new SharedIdentifier(value, purpose);
    for (const holder of holders) this.add(shared, holder);
    this.all.push(shared);
    return shared;
  }

  add(shared: SharedIdentifier, holder: HolderKey): void {
    if (shared.holders.includes(holder)) return;
    shared.holders.push(holder);
    const list = this.byHolder.get(holder);
    if (list) list.push(shared);
    else this.byHolder.set(holder, [shared]);
  }

  of(holder: HolderKey): readonly SharedIdentifier[] {
    return this.byHolder.get(holder) ?? [];
  }
}

/** Makes one identifier of a kind for a holder from a country, by the kind's own rules. */
export type IdentifierMaker = (factory: IdentifierFactory, rng: Rng, country: string, nameHint: string) => IdentifierValue;

const makePhone: IdentifierMaker = (factory, rng, country) => factory.phone(rng, country);
const makeEmail: IdentifierMaker = (factory, rng, _country, hint) => factory.email(rng, hint);
const makeAddress: IdentifierMaker = (factory, rng, country) => factory.address(rng, country);
const makeBankAccount: IdentifierMaker = (factory, rng, country) => factory.bankAccount(rng, country);

export const SHARED_KINDS_MIXED = new Weighted<IdentifierMaker>([
  [makePhone, 0.35], [makeEmail, 0.2], [makeAddress, 0.25], [makeBankAccount, 0.2],
]);

export const SHARED_KINDS_COMPANIES = new Weighted<IdentifierMaker>([
  [makeAddress, 0.4], [makePhone, 0.2], [makeEmail, 0.2], [makeBankAccount, 0.2],
]);
