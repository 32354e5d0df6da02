import { CompanyKind } from "../domain/vocabulary.js";
import { PERIOD, day } from "./dates.js";
import type { IdentifierFactory } from "./locale/identifiers.js";
import { Rng, Weighted } from "./prng.js";
import {
  companyKey,
  personKey,
  SHARED_KINDS_COMPANIES,
  SHARED_KINDS_MIXED,
  type CompanyRecord,
  type HolderKey,
  type Holdings,
  type PersonRecord,
} from "./population.js";
import { drawCompany, drawPerson, RING_PERSON_IDENTIFIERS } from "./records.js";
import { corridors, type Corridor } from "./reference/corridors.js";
import { speciesFor } from "./commodities.js";
import type { Species } from "./reference/species.js";
import { buildRoute, pickMode, type Route } from "./routes.js";
import { OFFICER_ROLES } from "./vocabulary.js";

/**
 * Planted rings: groups of 20 to 36 persons and companies that work one corridor together. Inside a
 * ring, members share identifiers densely (every member shares at least one with another, and the
 * sharing connects the whole ring) and take part in the ring's shipments together. Outside, only a
 * few members, the *exposed* ones, have any contact: the ring's brokers (1–2, each bridging to one
 * other ring) and 2–3 contacts (an identifier shared with an outsider, a shipment through a big
 * forwarder, a broker of another ring). Every other member is *core*: all its neighbours are
 * members of its ring, which is what makes planted paths between core members provably shortest.
 */
export type MemberRole =
  | "ORGANISER"
  | "FINANCIER"
  | "BROKER"
  | "AGENT"
  | "COURIER"
  | "FORWARDER"
  | "TRADER"
  | "SHELL"
  | "LOGISTICS";

export interface Member {
  readonly kind: "Person" | "Company";
  readonly logical: number;
  readonly role: MemberRole;
  readonly countryId: string;
  readonly key: HolderKey;
  exposed: boolean;
}

export interface Bridge {
  readonly broker: Member;
  readonly fromRing: number;
  readonly toRing: number;
  readonly identifierId: string;
  /**
   * Which of the target ring's shipments (by its number within that ring) the broker joins: one,
   * early on. A bridge stays thin on purpose: an identifier and one shipment against the hundreds of
   * links inside a ring, lighter than what modularity needs to merge two rings even at a million
   * shipments, so community detection can tell the two rings apart.
   */
  readonly shipmentSlot: number;
}

/** A member whose only tie to its ring is its handler: see Ring.singleLinks. */
export interface SingleLink {
  readonly member: Member;
  readonly handler: Member;
  /** The ring's shipments (by number within the ring) the two take part in, alone. */
  readonly shipmentSlots: readonly number[];
  /** Filled while shipments are written: the slots the ring reached (a bridge's slot takes precedence). */
  shipments: number;
}

export interface Ring {
  readonly index: number;
  readonly id: string;
  readonly corridor: Corridor;
  readonly members: Member[];
  readonly byRole: Record<MemberRole, Member[]>;
  /** Exposed members other than the ring's own brokers. */
  readonly contacts: Member[];
  readonly bridgesOut: Bridge[];
  readonly bridgesIn: Bridge[];
  /** The routes the ring uses again and again. */
  readonly templates: Route[];
  readonly focusSpecies: Species[];
  readonly window: readonly [number, number];
  readonly sharedIdentifierIds: string[];
  /** A small ring (`--small-rings`): six members, no brokers of its own. */
  readonly small: boolean;
  /**
   * Members tied to the ring by one strong link only (`--single-link-members`): each takes part,
   * with its handler alone, in a few of the ring's shipments, and shares no identifier.
   */
  readonly singleLinks: SingleLink[];
  /** The ring's shipments (by number within the ring) each shared broker of it works on (`--shared-brokers`). */
  readonly sharedBrokerSlots: { readonly broker: Member; readonly shipmentSlots: readonly number[] }[];
  /** Filled while shipments are written. */
  shipments: number;
  externalShipments: number;
}

export function emptyRoles(): Record<MemberRole, Member[]> {
  return { ORGANISER: [], FINANCIER: [], BROKER: [], AGENT: [], COURIER: [], FORWARDER: [], TRADER: [], SHELL: [], LOGISTICS: [] };
}

export const COMPANY_KIND: Record<string, CompanyKind> = {
  FORWARDER: CompanyKind.FREIGHT_FORWARDER,
  TRADER: CompanyKind.TRADER,
  SHELL: CompanyKind.SHELL,
  LOGISTICS: CompanyKind.LOGISTICS,
};

export interface RingContext {
  readonly seed: string;
  readonly prefix: string;
  readonly factory: IdentifierFactory;
  readonly persons: PersonRecord[];
  readonly companies: CompanyRecord[];
  readonly holdings: Holdings;
}

export const corridorTable = new Weighted(corridors.map((corridor) => [corridor, corridor.weight] as const));

function planRing(context: RingContext, index: number): Ring {
  const { seed, prefix, factory, persons, companies, holdings } = context;
  const rng = Rng.of(seed, "ring", index);
  const corridor = corridorTable.pick(rng);
  const templates: Route[] = [];
  for (let i = rng.int(2, 4); i > 0; i--) templates.push(buildRoute(rng, corridor, pickMode(rng, corridor)));
  const origins = [...new Set(templates.map((route) => route.stops[0].countryId))];
  const destinations = [...new Set(templates.map((route) => route.stops[route.stops.length - 1].countryId))];

  const start = rng.int(PERIOD.from, day(2021, 1, 1));
  const window = [start, Math.min(PERIOD.to, start + rng.int(2 * 365, 6 * 365))] as const;

  const members: Member[] = [];
  const byRole = emptyRoles();
  const addPerson = (role: MemberRole, nationality: string): Member => {
    const record = drawPerson(rng, factory, persons.length, nationality, RING_PERSON_IDENTIFIERS);
    persons.push(record);
    const member: Member = { kind: "Person", logical: record.logical, role, countryId: nationality, key: personKey(record.logical), exposed: false };
    members.push(member);
    byRole[role].push(member);
    return member;
  };
  const addCompany = (role: MemberRole, countryId: string): Member => {
    const record = drawCompany(rng, factory, companies.length, countryId, COMPANY_KIND[role], window[0] - 30);
    companies.push(record);
    const member: Member = { kind: "Company", logical: record.logical, role, countryId, key: companyKey(record.logical), exposed: false };
    members.push(member);
    byRole[role].push(member);
    return member;
  };
  const either = (first: readonly string[], second: readonly string[], share: number): string =>
    rng.chance(share) ? rng.pick(first) : rng.pick(second);

  addPerson("ORGANISER", rng.pick(destinations));
  for (let i = rng.int(1, 2); i > 0; i--) addPerson("FINANCIER", either(destinations, ["HK", ...corridor.shellCountries], 0.6));
  for (let i = rng.int(1, 2); i > 0; i--) addPerson("BROKER", either(destinations, origins, 0.7));
  for (let i = rng.int(4, 6); i > 0; i--) addPerson("AGENT", either(origins, destinations, 0.7));
  for (let i = rng.int(9, 14); i > 0; i--) addPerson("COURIER", either(origins, destinations, 0.5));
  addCompany("FORWARDER", rng.pick(origins));
  if (rng.chance(0.6)) addCompany("FORWARDER", rng.pick(destinations));
  addCompany("TRADER", rng.pick(origins));
  addCompany("TRADER", rng.pick(destinations));
  for (let i = rng.int(0, 2); i > 0; i--) addCompany("TRADER", either(origins, destinations, 0.5));
  for (let i = rng.int(1, 3); i > 0; i--) addCompany("SHELL", rng.pick(corridor.shellCountries));
  if (rng.chance(0.4)) addCompany("LOGISTICS", rng.pick(destinations));

  // Officers: every company has one or two, all of them ring persons.
  const personsOf = (...roles: MemberRole[]): Member[] => roles.flatMap((role) => byRole[role]);
  for (const company of members.filter((member) => member.kind === "Company")) {
    const record = companies[company.logical];
    const sameCountry = personsOf("AGENT", "ORGANISER", "FINANCIER").filter((person) => person.countryId === company.countryId);
    const head =
      company.role === "SHELL"
        ? rng.pick(personsOf("FINANCIER", "ORGANISER"))
        : sameCountry.length > 0
          ? rng.pick(sameCountry)
          : rng.pick(personsOf("ORGANISER", "AGENT"));
    record.officers.push({ personLogical: head.logical, role: company.role === "SHELL" ? OFFICER_ROLES.owner : OFFICER_ROLES.director });
    if (rng.chance(0.4)) {
      const nominee = rng.pick(personsOf("COURIER", "AGENT").filter((person) => person !== head));
      record.officers.push({ personLogical: nominee.logical, role: company.role === "SHELL" ? OFFICER_ROLES.nomineeDirector : OFFICER_ROLES.manager });
    }
  }

  // Exposed members: the brokers, and contacts (a trader and one or two agents or couriers).
  const contacts = [rng.pick(byRole.TRADER), ...rng.sample(personsOf("AGENT", "COURIER"), rng.int(1, 2))];
  for (const member of [...contacts, ...byRole.BROKER]) member.exposed = true;

  const ring: Ring = {
    index,
    id: `${prefix}ring-${index + 1}`,
    corridor,
    members,
    byRole,
    contacts,
    bridgesOut: [],
    bridgesIn: [],
    templates,
    focusSpecies: rng.sample(speciesFor(corridor, origins[0]), rng.int(1, 3)),
    window,
    sharedIdentifierIds: [],
    small: false,
    singleLinks: [],
    sharedBrokerSlots: [],
    shipments: 0,
    externalShipments: 0,
  };

  // Sharing: overlapping windows of three along a shuffled order connect every member; a quarter
  // as many extra pairs make it dense; each broker shares a line with the organiser.
  const nameOf = (member: Member): string =>
    member.kind === "Person" ? persons[member.logical].name.name : companies[member.logical].name;
  const share = (holders: Member[]): void => {
    const table = holders.every((holder) => holder.kind === "Company") ? SHARED_KINDS_COMPANIES : SHARED_KINDS_MIXED;
    const value = table.pick(rng)(factory, rng, holders[0].countryId, nameOf(holders[0]));
    holdings.share(value, "ring", holders.map((holder) => holder.key));
    ring.sharedIdentifierIds.push(value.id);
  };
  const order = rng.shuffle([...members]);
  for (let at = 0; at + 1 < order.length; at += 2) share(order.slice(at, at + 3));
  for (let i = Math.floor(members.length / 4); i > 0; i--) share(rng.sample(members, 2));
  for (const broker of byRole.BROKER) share([broker, byRole.ORGANISER[0]]);
  if (rng.chance(0.15)) {
    // One passport used under two names.
    const [first, second] = rng.sample(personsOf("COURIER", "AGENT"), 2);
    const value = factory.passport(rng, first.countryId);
    holdings.share(value, "ring", [first.key, second.key]);
    ring.sharedIdentifierIds.push(value.id);
  }
  return ring;
}

export function ringCount(shipments: number): number {
  return Math.min(200, Math.max(6, Math.round(shipments / 2500)));
}

/**
 * Plans the rings, then each broker's bridge: an identifier shared with a contact of another ring,
 * and a place in one of that ring's shipments.
 */
export function planRings(context: RingContext, count: number): Ring[] {
  const rings: Ring[] = [];
  for (let index = 0; index < count; index++) rings.push(planRing(context, index));
  const rng = Rng.of(context.seed, "bridges");
  for (const ring of rings) {
    for (const broker of ring.byRole.BROKER) {
      let target = rng.int(0, count - 2);
      if (target >= ring.index) target++;
      const contact = rng.pick(rings[target].contacts);
      const value = (rng.chance(0.6) ? context.factory.phone(rng, broker.countryId) : context.factory.email(rng, context.persons[broker.logical].name.name));
      context.holdings.share(value, "bridge", [broker.key, contact.key]);
      const bridge: Bridge = { broker, fromRing: ring.index, toRing: target, identifierId: value.id, shipmentSlot: rng.int(3, 12) };
      ring.bridgesOut.push(bridge);
      rings[target].bridgesIn.push(bridge);
    }
  }
  return rings;
}
