import { CompanyKind } from "../domain/vocabulary.js";
import { CarrierPool } from "./carriers.js";
import { planDuplicates, type Duplicates } from "./duplicates.js";
import { IdSpace, idPrefix } from "./ids.js";
import { IdentifierFactory } from "./locale/identifiers.js";
import { planPaths, type PlannedPath } from "./paths.js";
import {
  CountryBlocks,
  companyKey,
  Holdings,
  NOISE_NATIONALITIES,
  NoiseCompanies,
  personKey,
  type CompanyRecord,
  type HolderKey,
  type PersonRecord,
} from "./population.js";
import { Rng, Weighted } from "./prng.js";
import { planRings, ringCount, type Member, type Ring } from "./rings.js";
import { NO_RING_VARIANTS, planSmallRing, plantSharedBrokers, plantSingleLinks, type RingVariants } from "./ring-variants.js";

/**
 * Everything decided before the first row is written: sizes, rings, brokers, planted paths, all
 * sharing of identifiers, carriers, and the id permutations. It holds only bounded structures (at
 * most 200 rings of at most 36 members, a few thousand shared identifiers); the noise is described
 * by counts and drawn while writing.
 */
export interface NoiseLink {
  readonly ring: Ring;
  readonly member: Member;
  readonly outsider: HolderKey;
  readonly identifierId: string;
}

export interface Plan {
  readonly seed: string;
  readonly prefix: string;
  readonly shipments: number;
  readonly factory: IdentifierFactory;
  readonly carriers: CarrierPool;
  /** Ring members, then path intermediaries; noise persons follow them in the logical numbering. */
  readonly persons: PersonRecord[];
  readonly companies: CompanyRecord[];
  readonly holdings: Holdings;
  readonly rings: Ring[];
  readonly paths: PlannedPath[];
  readonly noisePersons: CountryBlocks;
  readonly noiseCompanies: NoiseCompanies;
  readonly personIds: IdSpace;
  readonly companyIds: IdSpace;
  /** Chance that a shipment (other than a planted one) is a ring's. */
  readonly ringShare: number;
  readonly plantedShipments: ReadonlyMap<number, PlannedPath>;
  /**
   * Shipments (by index) where an intermediary of a planted path does ordinary business with
   * outsiders, so that it belongs to the wider network and not only to the path.
   */
  readonly intermediaryShipments: ReadonlyMap<number, HolderKey>;
  readonly noiseLinks: NoiseLink[];
  /** Duplicate records of persons and companies; their logical numbers follow all the originals'. */
  readonly duplicates: Duplicates;
  /** The optional kinds of ring asked for (all 0 by default). */
  readonly variants: RingVariants;
}

export function noisePersonLogical(plan: Plan, index: number): number {
  return plan.persons.length + index;
}

export function noiseCompanyLogical(plan: Plan, index: number): number {
  return plan.companies.length + index;
}

export function holderId(plan: Plan, key: HolderKey): string {
  const logical = Number(key.slice(1));
  return key.startsWith("P") ? plan.personIds.id(logical) : plan.companyIds.id(logical);
}

export function sizesFor(shipments: number): { rings: number; noisePersons: number; noiseCompanies: number; hubs: number } {
  return {
    rings: ringCount(shipments),
    noisePersons: Math.max(300, Math.round(shipments * 0.15)),
    noiseCompanies: Math.max(120, Math.round(shipments * 0.05)),
    hubs: Math.min(60, Math.max(6, Math.round(6 + shipments / 25_000))),
  };
}

/**
 * Shipments where the intermediaries of planted paths do ordinary business: a few each, so that
 * they belong to the wider network rather than hang off the rings their paths join.
 */
function planIntermediaryShipments(
  seed: string,
  shipments: number,
  intermediaries: readonly HolderKey[],
  planted: ReadonlyMap<number, PlannedPath>,
): Map<number, HolderKey> {
  const busy = new Map<number, HolderKey>();
  const rng = Rng.of(seed, "intermediaries");
  const each = Math.min(6, Math.max(1, Math.floor(shipments / 200 / Math.max(1, intermediaries.length))));
  for (const key of intermediaries) {
    for (let placed = 0, attempt = 0; placed < each && attempt < 100; attempt++) {
      const index = rng.int(0, shipments - 1);
      if (planted.has(index) || busy.has(index)) continue;
      busy.set(index, key);
      placed++;
    }
  }
  return busy;
}

interface NoiseContext {
  readonly seed: string;
  readonly factory: IdentifierFactory;
  readonly holdings: Holdings;
  readonly rings: readonly Ring[];
  readonly noisePersons: CountryBlocks;
  readonly noiseCompanies: NoiseCompanies;
  /** Logical index of the first noise person and company. */
  readonly personBase: number;
  readonly companyBase: number;
}

/** Sharing among outsiders (households, formation agents) and between rings and outsiders (noise links). */
function planNoiseSharing(context: NoiseContext): NoiseLink[] {
  const { seed, factory, holdings, rings, noisePersons, noiseCompanies, personBase, companyBase } = context;
  const rng = Rng.of(seed, "noise-sharing");
  const noisePerson = (index: number): HolderKey => personKey(personBase + index);
  const noiseCompany = (index: number): HolderKey => companyKey(companyBase + index);

  // Households: pairs of unrelated persons at one address or on one phone line.
  const countryTable = new Weighted(NOISE_NATIONALITIES);
  const households = Math.min(2000, Math.floor(noisePersons.size / 40));
  for (let i = 0; i < households; i++) {
    const country = countryTable.pick(rng);
    const first = noisePersons.pickIn(rng, country);
    const second = noisePersons.pickIn(rng, country);
    if (first === second) continue;
    const home = noisePersons.countryOf(first);
    const value = rng.chance(0.7) ? factory.address(rng, home) : factory.phone(rng, home);
    holdings.share(value, "household", [noisePerson(first), noisePerson(second)]);
  }

  // Formation agents: one registered address behind dozens of shell companies.
  for (const country of ["HK", "SG", "AE", "MY"]) {
    const shells = new Set<number>();
    const wanted = Math.min(60, Math.max(3, Math.floor(noiseCompanies.others / 400)));
    for (let attempt = 0; shells.size < wanted && attempt < wanted * 20; attempt++) {
      const index = noiseCompanies.pickOfKind(rng, country, [CompanyKind.SHELL]);
      if (noiseCompanies.kindOf(index) === CompanyKind.SHELL && noiseCompanies.countryOf(index) === country) shells.add(index);
    }
    if (shells.size < 2) continue;
    const value = factory.address(rng, country);
    holdings.share(value, "formation-agent", [...shells].sort((x, y) => x - y).map(noiseCompany));
  }

  // Noise links: each ring's contacts share one to three identifiers with outsiders.
  const noiseLinks: NoiseLink[] = [];
  for (const ring of rings) {
    for (let i = rng.int(1, 3); i > 0; i--) {
      const member = rng.pick(ring.contacts);
      const outsider = rng.chance(0.5)
        ? noisePerson(noisePersons.pickIn(rng, member.countryId))
        : noiseCompany(noiseCompanies.hubs + noiseCompanies.blocks.pickIn(rng, member.countryId));
      const value = rng.chance(0.6) ? factory.phone(rng, member.countryId) : factory.address(rng, member.countryId);
      holdings.share(value, "noise-link", [member.key, outsider]);
      noiseLinks.push({ ring, member, outsider, identifierId: value.id });
    }
  }
  return noiseLinks;
}

/**
 * `duplicateShare`: the share of persons and of companies that get a duplicate record (0 to 0.5);
 * `variants`: the optional kinds of ring (small rings, shared brokers, single-link members).
 */
export function planNetwork(seed: string, shipments: number, duplicateShare = 0, variants: RingVariants = NO_RING_VARIANTS): Plan {
  const prefix = idPrefix(seed);
  const sizes = sizesFor(shipments);
  const factory = new IdentifierFactory(seed);
  const persons: PersonRecord[] = [];
  const companies: CompanyRecord[] = [];
  const holdings = new Holdings();
  const context = { seed, prefix, factory, persons, companies, holdings };

  const rings = planRings(context, sizes.rings);
  for (let i = 0; i < variants.smallRings; i++) rings.push(planSmallRing(context, rings.length));
  plantSharedBrokers(context, rings, variants.sharedBrokers);
  plantSingleLinks(context, rings, variants.singleLinkMembers);
  const [ringPersons, ringCompanies] = [persons.length, companies.length];
  const paths = planPaths(context, rings, shipments);
  const plantedShipments = new Map<number, PlannedPath>();
  for (const path of paths) if (path.shipment) plantedShipments.set(path.shipment.index, path);
  const intermediaries = [
    ...persons.slice(ringPersons).map((record) => personKey(record.logical)),
    ...companies.slice(ringCompanies).map((record) => companyKey(record.logical)),
  ];
  const intermediaryShipments = planIntermediaryShipments(seed, shipments, intermediaries, plantedShipments);

  const noisePersons = new CountryBlocks(sizes.noisePersons, NOISE_NATIONALITIES);
  const noiseCompanies = new NoiseCompanies(sizes.hubs, sizes.noiseCompanies);
  const noiseLinks = planNoiseSharing({
    seed, factory, holdings, rings, noisePersons, noiseCompanies, personBase: persons.length, companyBase: companies.length,
  });

  const duplicates = planDuplicates({ seed, share: duplicateShare, factory, holdings, persons, companies, noisePersons, noiseCompanies });

  const idRng = Rng.of(seed, "ids");
  const personIds = new IdSpace(`${prefix}person-`, persons.length + sizes.noisePersons + duplicates.persons.size, idRng);
  const companyIds = new IdSpace(`${prefix}company-`, companies.length + noiseCompanies.size + duplicates.companies.size, idRng);
  const carriers = new CarrierPool(Rng.of(seed, "carriers"), prefix);
  const ringShare = Math.min(0.5, Math.max(0.15, (40 * sizes.rings) / shipments));

  return {
    seed, prefix, shipments, factory, carriers, persons, companies, holdings, rings, paths, noisePersons,
    noiseCompanies, personIds, companyIds, ringShare, plantedShipments, intermediaryShipments, noiseLinks, duplicates, variants,
  };
}
