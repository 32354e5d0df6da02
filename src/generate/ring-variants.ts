import { PERIOD, day } from "./dates.js";
import { companyKey, personKey, SHARED_KINDS_COMPANIES, SHARED_KINDS_MIXED, type HolderKey } from "./population.js";
import { Rng } from "./prng.js";
import { drawCompany, drawPerson, RING_PERSON_IDENTIFIERS } from "./records.js";
import { speciesFor } from "./commodities.js";
import { buildRoute, pickMode, type Route } from "./routes.js";
import { OFFICER_ROLES } from "./vocabulary.js";
import { COMPANY_KIND, corridorTable, emptyRoles, type Bridge, type Member, type MemberRole, type Ring, type RingContext } from "./rings.js";

/**
 * Optional kinds of planted ring that the default network does not have (each off by default, so
 * that default output keeps its bytes), for testing ring detection on what it used to miss:
 * - small rings of six members, dense among themselves;
 * - shared brokers: a person who is a full member of two rings (shares identifiers with both,
 *   works on the shipments of both), not a thin bridge;
 * - single-link members: a courier tied to his ring only by the shipments he makes with one
 *   handler, sharing no identifier with anyone.
 */
export interface RingVariants {
  /** Rings of six members, planted after the others. */
  readonly smallRings: number;
  /** Persons who are full members of two (large) rings. */
  readonly sharedBrokers: number;
  /** Members tied to their ring by one strong link only, one per ring in turn. */
  readonly singleLinkMembers: number;
}

export const NO_RING_VARIANTS: RingVariants = { smallRings: 0, sharedBrokers: 0, singleLinkMembers: 0 };

/** The most of each variant a network takes: small enough to keep the plan bounded. */
export const MAX_RING_VARIANTS = 200;

/** The most brokers (own and shared) a ring is given by plantSharedBrokers. */
export const MAX_BROKERS = 3;

/** How many of each ring's shipments a shared broker works on as organiser (as many as the ring makes), besides those he is drawn for. */
export const SHARED_BROKER_SHIPMENTS = 6;

/** How many shipments a single-link member makes with his handler, at most (as the ring's shipments allow). */
export const SINGLE_LINK_SHIPMENTS = 5;

function shareAmong(context: RingContext, rng: Rng, ring: Ring, holders: readonly Member[], purpose: "ring" | "bridge" = "ring"): string {
  const { factory, persons, companies, holdings } = context;
  const first = holders[0];
  const name = first.kind === "Person" ? persons[first.logical].name.name : companies[first.logical].name;
  const table = holders.every((holder) => holder.kind === "Company") ? SHARED_KINDS_COMPANIES : SHARED_KINDS_MIXED;
  const value = table.pick(rng)(factory, rng, first.countryId, name);
  holdings.share(value, purpose, holders.map((holder): HolderKey => holder.key));
  if (purpose === "ring") ring.sharedIdentifierIds.push(value.id);
  return value.id;
}

/**
 * A ring of six: an organiser, an agent and two couriers (persons), two traders (companies), each
 * company with an officer of the ring. Dense: every member shares an identifier with at least
 * three others (a ring of pairs plus the three long diagonals), and the ring's shipments are
 * among them. Two of them (a trader and the agent) are its contacts with the outside, like a large
 * ring's; it has no brokers.
 */
export function planSmallRing(context: RingContext, index: number): Ring {
  const { seed, prefix, factory, persons, companies } = context;
  const rng = Rng.of(seed, "small-ring", index);
  const corridor = corridorTable.pick(rng);
  const templates: Route[] = [];
  for (let i = rng.int(1, 2); i > 0; i--) templates.push(buildRoute(rng, corridor, pickMode(rng, corridor)));
  const origin = templates[0].stops[0].countryId;
  const destination = templates[0].stops[templates[0].stops.length - 1].countryId;
  const start = rng.int(PERIOD.from, day(2021, 1, 1));
  const window = [start, Math.min(PERIOD.to, start + rng.int(2 * 365, 6 * 365))] as const;

  const members: Member[] = [];
  const byRole = emptyRoles();
  const add = (member: Member): Member => {
    members.push(member);
    byRole[member.role].push(member);
    return member;
  };
  const person = (role: MemberRole, nationality: string): Member => {
    const record = drawPerson(rng, factory, persons.length, nationality, RING_PERSON_IDENTIFIERS);
    persons.push(record);
    return add({ kind: "Person", logical: record.logical, role, countryId: nationality, key: personKey(record.logical), exposed: false });
  };
  const company = (role: MemberRole, countryId: string): Member => {
    const record = drawCompany(rng, factory, companies.length, countryId, COMPANY_KIND[role], window[0] - 30);
    companies.push(record);
    return add({ kind: "Company", logical: record.logical, role, countryId, key: companyKey(record.logical), exposed: false });
  };
  const organiser = person("ORGANISER", destination);
  const agent = person("AGENT", origin);
  person("COURIER", origin);
  person("COURIER", rng.chance(0.5) ? origin : destination);
  const shipper = company("TRADER", origin);
  const consignee = company("TRADER", destination);
  companies[shipper.logical].officers.push({ personLogical: agent.logical, role: OFFICER_ROLES.director });
  companies[consignee.logical].officers.push({ personLogical: organiser.logical, role: OFFICER_ROLES.director });

  const contacts = [shipper, agent];
  for (const member of contacts) member.exposed = true;
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
    focusSpecies: rng.sample(speciesFor(corridor, origin), rng.int(1, 2)),
    window,
    sharedIdentifierIds: [],
    small: true,
    singleLinks: [],
    sharedBrokerSlots: [],
    shipments: 0,
    externalShipments: 0,
  };
  const order = rng.shuffle([...members]);
  for (let at = 0; at < order.length; at++) shareAmong(context, rng, ring, [order[at], order[(at + 1) % order.length]]);
  for (let at = 0; at < order.length / 2; at++) shareAmong(context, rng, ring, [order[at], order[at + order.length / 2]]);
  return ring;
}

/**
 * Shared brokers: for each, a new person who joins two large rings with fewer than MAX_BROKERS
 * brokers (the n-th such ring, and one drawn among the others, preferring those that no bridge
 * already joins to it) as a full member of both:
 * listed among the brokers and members of each (so both rings' shipments take him on as organiser
 * now and then, and always on SHARED_BROKER_SHIPMENTS of them), sharing an identifier with three
 * members and one with the organiser of each. He
 * is recorded as a bridge of the first ring to the second (`brokers[]` of the ground truth, with
 * `via` an identifier he shares in the second) that joins no shipment as an outsider.
 */
export function plantSharedBrokers(context: RingContext, rings: readonly Ring[], count: number): void {
  const rng = Rng.of(context.seed, "shared-brokers");
  // A ring keeps at most MAX_BROKERS brokers, its own and shared ones: an investigator reads the
  // first three.
  const open = () => rings.filter((ring) => !ring.small && ring.byRole.BROKER.length < MAX_BROKERS);
  for (let n = 0; n < count; n++) {
    const candidates = open();
    if (candidates.length < 2) return;
    const home = candidates[n % candidates.length];
    const joined = new Set([...home.bridgesOut.map((bridge) => bridge.toRing), ...home.bridgesIn.map((bridge) => bridge.fromRing), home.index]);
    const others = candidates.filter((ring) => !joined.has(ring.index));
    const other = rng.pick(others.length > 0 ? others : candidates.filter((ring) => ring !== home));
    const record = drawPerson(rng, context.factory, context.persons.length, home.byRole.ORGANISER[0].countryId, RING_PERSON_IDENTIFIERS);
    context.persons.push(record);
    const broker: Member = {
      kind: "Person", logical: record.logical, role: "BROKER", countryId: record.nationality, key: personKey(record.logical), exposed: true,
    };
    let via = "";
    for (const ring of [home, other]) {
      ring.members.push(broker);
      ring.byRole.BROKER.push(broker);
      // Every third of the ring's shipments from its 3rd (the 4th for a second shared broker), as organiser.
      const busy = new Set([...ring.bridgesIn.map((bridge) => bridge.shipmentSlot), ...ring.sharedBrokerSlots.flatMap((entry) => entry.shipmentSlots)]);
      const shipmentSlots: number[] = [];
      for (let slot = 2 + ring.sharedBrokerSlots.length; shipmentSlots.length < SHARED_BROKER_SHIPMENTS; slot += 3) if (!busy.has(slot)) shipmentSlots.push(slot);
      ring.sharedBrokerSlots.push({ broker, shipmentSlots });
      const core = ring.members.filter((member) => member !== broker && member.role !== "ORGANISER" && ring.singleLinks.every((link) => link.member !== member));
      for (const member of rng.sample(core, 3)) via = shareAmong(context, rng, ring, [broker, member]);
      via = shareAmong(context, rng, ring, [broker, ring.byRole.ORGANISER[0]]);
    }
    const bridge: Bridge = { broker, fromRing: home.index, toRing: other.index, identifierId: via, shipmentSlot: -1 };
    home.bridgesOut.push(bridge);
    other.bridgesIn.push(bridge);
  }
}

/**
 * Single-link members: for each, a new courier joins a large ring in turn (the first ring, the
 * second, ...) with a handler, one of the ring's core persons or traders. He shares no identifier,
 * holds no office, and takes part in no other shipment: only in the ring's shipments of `slots`
 * (every other one from its 2nd that no bridge or shared broker takes, SINGLE_LINK_SHIPMENTS of
 * them, as many as the ring makes), each with his handler alone, so his
 * only link in the party graph is to the handler, weighing one per shipment.
 */
export function plantSingleLinks(context: RingContext, rings: readonly Ring[], count: number): void {
  const rng = Rng.of(context.seed, "single-links");
  const large = rings.filter((ring) => !ring.small);
  for (let n = 0; n < count && large.length > 0; n++) {
    const ring = large[n % large.length];
    const handled = new Set(ring.singleLinks.map((link) => link.handler));
    const handlers = ring.members.filter(
      (member) => !member.exposed && !handled.has(member) && (member.kind === "Person" ? member.role === "AGENT" : member.role === "TRADER"),
    );
    if (handlers.length === 0) continue;
    const handler = rng.pick(handlers);
    const record = drawPerson(rng, context.factory, context.persons.length, handler.countryId, RING_PERSON_IDENTIFIERS);
    context.persons.push(record);
    const member: Member = {
      kind: "Person", logical: record.logical, role: "COURIER", countryId: record.nationality, key: personKey(record.logical), exposed: false,
    };
    // Not in byRole: the ring's ordinary shipments must not draw him.
    ring.members.push(member);
    // Every other of the ring's shipments from the 2nd (the 3rd for the second such member, ...),
    // skipping those a bridge, a shared broker or another single-link member has.
    const busy = new Set([
      ...ring.bridgesIn.map((bridge) => bridge.shipmentSlot),
      ...ring.singleLinks.flatMap((link) => link.shipmentSlots),
      ...ring.sharedBrokerSlots.flatMap((entry) => entry.shipmentSlots),
    ]);
    const shipmentSlots: number[] = [];
    for (let slot = 1 + ring.singleLinks.length; shipmentSlots.length < SINGLE_LINK_SHIPMENTS; slot += 2) if (!busy.has(slot)) shipmentSlots.push(slot);
    ring.singleLinks.push({ member, handler, shipmentSlots, shipments: 0 });
  }
}
