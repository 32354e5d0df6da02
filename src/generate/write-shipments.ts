import { CompanyKind, PartyRole, TransportMode } from "../domain/vocabulary.js";
import { airWaybill, billOfLading, containerNumber } from "./carriers.js";
import { makeCommodity, speciesFor, type Commodity } from "./commodities.js";
import { dateText, isoDate } from "./dates.js";
import { drainAll, type Tables } from "./output.js";
import type { PlannedPath } from "./paths.js";
import { doubleOnShipment } from "./duplicates.js";
import { noiseCompanyLogical, noisePersonLogical, type Plan } from "./plan.js";
import type { HolderKey } from "./population.js";
import { Rng, Weighted } from "./prng.js";
import { corridors, type Corridor } from "./reference/corridors.js";
import type { Species } from "./reference/species.js";
import type { Member, MemberRole, Ring } from "./rings.js";
import { asRecorded, buildRoute, departureDay, modeOnDate, pickMode, placeText, stopRole, type Route, type Stop } from "./routes.js";
import { AGENCIES, CHARGES, CONCEALMENT, DECLARED_CONTENTS, DETECTION_METHODS, OUTCOMES, PLACE_AGENCIES, SENTENCES } from "./vocabulary.js";

/**
 * The shipment loop: one shipment at a time with its route, parties, commodity lines and, for some,
 * a seizure and its arrests, every row written as soon as it is made. Ring shipments reuse the
 * ring's routes and members; a few go through a big outside forwarder or to an outside consignee
 * (with exposed members only), or carry a broker of another ring (with contacts only). The rest
 * is noise: traders, consignees and couriers drawn from the country blocks, forwarders from the
 * hubs.
 */

interface Party {
  readonly id: string;
  readonly kind: "Person" | "Company";
  readonly role: PartyRole;
  /**
   * The party's logical number, where a duplicate record of it may stand in its place; unset for
   * the hub forwarders (their shipment counts are ground truth) and the parties of planted paths.
   */
  readonly logical?: number;
}

/** Counts the generator reports in the ground truth: which places, species and forwarders are hubs. */
export interface HubCounts {
  readonly placeStops: Map<string, number>;
  readonly speciesLines: Map<string, number>;
  readonly forwarderShipments: number[];
  ringShipments: number;
  seizedShipments: number;
}

const corridorTable = new Weighted(corridors.map((corridor) => [corridor, corridor.weight] as const));
const detectionTable = new Weighted(DETECTION_METHODS);

/** Days between departure and seizure, by mode. */
const TRANSIT_DAYS: Readonly<Record<TransportMode, readonly [number, number]>> = {
  [TransportMode.SEA]: [10, 45],
  [TransportMode.AIR]: [0, 2],
  [TransportMode.PASSENGER_LUGGAGE]: [0, 1],
  [TransportMode.POST]: [2, 12],
  [TransportMode.ROAD]: [0, 5],
  [TransportMode.RIVER]: [1, 6],
  [TransportMode.RAIL]: [0, 3],
  [TransportMode.UNKNOWN]: [0, 10],
};

/** Number spaces for regular partners: companies by index, persons and path intermediaries apart. */
const REGULAR_PERSON = 1 << 28;
const REGULAR_INTERMEDIARY = 1 << 29;
const CONSIGNEE_KINDS = [CompanyKind.TRADER, CompanyKind.SHELL, CompanyKind.LOGISTICS] as const;

/** Modes whose records name a courier (the person travelling with the goods). */
const COURIER_MODES = new Set([TransportMode.PASSENGER_LUGGAGE, TransportMode.ROAD, TransportMode.RIVER, TransportMode.RAIL]);

class ShipmentWriter {
  private readonly rng: Rng;
  private lineCount = 0;
  private seizureCount = 0;
  readonly counts: HubCounts;

  constructor(
    private readonly plan: Plan,
    private readonly tables: Tables,
  ) {
    this.rng = Rng.of(plan.seed, "shipments");
    this.counts = {
      placeStops: new Map(),
      speciesLines: new Map(),
      forwarderShipments: new Array<number>(plan.noiseCompanies.hubs).fill(0),
      ringShipments: 0,
      seizedShipments: 0,
    };
  }

  write(index: number): void {
    const planted = this.plan.plantedShipments.get(index);
    const intermediary = this.plan.intermediaryShipments.get(index);
    if (planted) this.writePlanted(index, planted);
    else if (intermediary) this.writeNoise(index, intermediary);
    else if (this.rng.chance(this.plan.ringShare)) this.writeRing(index, this.nextRing());
    else this.writeNoise(index);
  }

  /** Rings take turns for their first three shipments, so even a small network has every ring at work. */
  private nextRing(): Ring {
    const { rings } = this.plan;
    const turn = this.counts.ringShipments;
    return rings[turn < rings.length * 3 ? turn % rings.length : this.rng.int(0, rings.length - 1)];
  }

  private memberParty(member: Member, role: PartyRole): Party {
    const id = member.kind === "Person" ? this.plan.personIds.id(member.logical) : this.plan.companyIds.id(member.logical);
    return { id, kind: member.kind, role, logical: member.logical };
  }

  private noisePersonAt(index: number, role: PartyRole): Party {
    const logical = noisePersonLogical(this.plan, index);
    return { id: this.plan.personIds.id(logical), kind: "Person", role, logical };
  }

  private noisePerson(country: string, role: PartyRole): Party {
    return this.noisePersonAt(this.plan.noisePersons.pickIn(this.rng, country), role);
  }

  private noiseCompanyAt(index: number, role: PartyRole): Party {
    const logical = noiseCompanyLogical(this.plan, index);
    return { id: this.plan.companyIds.id(logical), kind: "Company", role, ...(index < this.plan.noiseCompanies.hubs ? {} : { logical }) };
  }

  private noiseCompany(country: string, kinds: readonly CompanyKind[], role: PartyRole): Party {
    return this.noiseCompanyAt(this.plan.noiseCompanies.pickOfKind(this.rng, country, kinds), role);
  }

  private hubForwarderAt(hub: number): Party {
    this.counts.forwarderShipments[hub]++;
    return this.noiseCompanyAt(hub, PartyRole.FREIGHT_FORWARDER);
  }

  private hubForwarder(): Party {
    return this.hubForwarderAt(this.plan.noiseCompanies.pickHub(this.rng));
  }

  private writeRing(index: number, ring: Ring): void {
    const { rng } = this;
    const route = rng.chance(0.8) ? rng.pick(ring.templates) : buildRoute(rng, ring.corridor, pickMode(rng, ring.corridor));
    const departedOn = departureDay(rng, ring.window[0], ring.window[1]);
    const mode = modeOnDate(route.mode, departedOn);
    const origin = route.stops[0].countryId;
    const destination = route.stops[route.stops.length - 1].countryId;

    // Which members may appear: all of them, or only the exposed ones when an outsider takes part.
    const draw = rng.next();
    const bridge = ring.bridgesIn.find((entry) => entry.shipmentSlot === ring.shipments);
    const single = bridge ? undefined : ring.singleLinks.find((link) => link.shipmentSlots.includes(ring.shipments));
    if (single) {
      // A single-link member's shipment: he and his handler alone (see plantSingleLinks).
      const handler = this.memberParty(single.handler, single.handler.kind === "Company" ? PartyRole.SHIPPER : PartyRole.CONSIGNEE);
      ring.shipments++;
      single.shipments++;
      this.counts.ringShipments++;
      const parties = [handler, this.memberParty(single.member, PartyRole.COURIER)];
      this.writeShipment(index, route, mode, departedOn, parties, ring.corridor, ring.focusSpecies, 0.1, ring);
      return;
    }
    let outsider: Party | null = null;
    // Single-link members take part in their handler's shipments only.
    let pool = ring.singleLinks.length === 0 ? ring.members : ring.members.filter((member) => ring.singleLinks.every((link) => link.member !== member));
    if (bridge) {
      outsider = this.memberParty(bridge.broker, rng.chance(0.5) ? PartyRole.ORGANISER : PartyRole.FINANCIER);
      pool = ring.contacts;
    } else if (draw < 0.05 && mode !== TransportMode.PASSENGER_LUGGAGE) {
      outsider = this.hubForwarder();
      pool = ring.members.filter((member) => member.exposed);
    } else if (draw < 0.08) {
      outsider = this.noiseCompany(destination, [CompanyKind.TRADER, CompanyKind.SHELL], PartyRole.CONSIGNEE);
      pool = ring.members.filter((member) => member.exposed);
    }
    const inPool = (...roles: MemberRole[]): Member[] => pool.filter((member) => roles.includes(member.role));
    const prefer = (members: Member[], country: string): Member[] => {
      const local = members.filter((member) => member.countryId === country);
      return local.length > 0 && rng.chance(0.8) ? local : members;
    };

    const parties: Party[] = [];
    const taken = new Set<string>();
    const add = (party: Party | null): void => {
      if (!party || taken.has(party.id) || parties.some((existing) => existing.role === party.role)) return;
      taken.add(party.id);
      parties.push(party);
    };
    /** The first list with a member not yet in the shipment gives the party. */
    const pick = (role: PartyRole, ...lists: Member[][]): Party | null => {
      for (const members of lists) {
        const free = members.filter((member) => !taken.has(this.memberId(member)));
        if (free.length > 0) return this.memberParty(rng.pick(free), role);
      }
      return null;
    };

    if (outsider) add(outsider);
    // A shared broker works on his rings' shipments of his slots (see plantSharedBrokers).
    const sharedBroker = outsider ? undefined : ring.sharedBrokerSlots.find((entry) => entry.shipmentSlots.includes(ring.shipments));
    if (sharedBroker) add(this.memberParty(sharedBroker.broker, PartyRole.ORGANISER));
    const traders = inPool("TRADER");
    const people = inPool("AGENT", "COURIER");
    add(rng.chance(0.8) ? pick(PartyRole.SHIPPER, prefer(traders, origin), traders, people) : pick(PartyRole.SHIPPER, people, traders));
    const consignees = inPool("TRADER", "SHELL", "LOGISTICS");
    const receivers = inPool("ORGANISER", "FINANCIER", "AGENT", "COURIER");
    add(rng.chance(0.7) ? pick(PartyRole.CONSIGNEE, prefer(consignees, destination), consignees, receivers) : pick(PartyRole.CONSIGNEE, receivers, consignees));
    if (mode !== TransportMode.PASSENGER_LUGGAGE && rng.chance(0.85)) add(pick(PartyRole.FREIGHT_FORWARDER, inPool("FORWARDER")));
    if (COURIER_MODES.has(mode) || (mode === TransportMode.AIR && rng.chance(0.15))) add(pick(PartyRole.COURIER, inPool("COURIER", "AGENT")));
    if (rng.chance(0.35)) add(pick(PartyRole.ORGANISER, inPool("ORGANISER", "BROKER")));
    if (rng.chance(0.2)) add(pick(PartyRole.FINANCIER, inPool("FINANCIER")));
    // At least two parties: the pool always has two members or more.
    if (parties.length < 2) add(pick(PartyRole.ORGANISER, pool));
    if (parties.length < 2) add(pick(PartyRole.FINANCIER, pool));

    ring.shipments++;
    if (outsider) ring.externalShipments++;
    this.counts.ringShipments++;
    this.writeShipment(index, route, mode, departedOn, parties, ring.corridor, ring.focusSpecies, 0.1, ring);
  }

  private memberId(member: Member): string {
    return member.kind === "Person" ? this.plan.personIds.id(member.logical) : this.plan.companyIds.id(member.logical);
  }

  /** A shipment among outsiders; `involved` (a path intermediary) takes the shipper's or consignee's place. */
  private writeNoise(index: number, involved?: HolderKey): void {
    const { rng } = this;
    const corridor = corridorTable.pick(rng);
    const route = buildRoute(rng, corridor, pickMode(rng, corridor));
    const departedOn = departureDay(rng);
    const mode = modeOnDate(route.mode, departedOn);
    const origin = route.stops[0].countryId;
    const destination = route.stops[route.stops.length - 1].countryId;

    const parties: Party[] = [];
    const add = (party: Party): boolean => {
      if (parties.some((existing) => existing.id === party.id)) return false;
      parties.push(party);
      return true;
    };
    // The shipper, and a number for it from which its regular partners, forwarder and courier follow.
    const intermediary = involved ? this.intermediaryParty(involved) : null;
    let shipper: number;
    if (intermediary?.role === PartyRole.SHIPPER) {
      add(intermediary);
      shipper = REGULAR_INTERMEDIARY + Number(involved?.slice(1));
    } else if (rng.chance(0.8)) {
      const company = this.plan.noiseCompanies.pickOfKind(rng, origin, [CompanyKind.TRADER]);
      add(this.noiseCompanyAt(company, PartyRole.SHIPPER));
      shipper = company;
    } else {
      const person = this.plan.noisePersons.pickIn(rng, origin);
      add(this.noisePersonAt(person, PartyRole.SHIPPER));
      shipper = REGULAR_PERSON + person;
    }
    if (intermediary?.role === PartyRole.CONSIGNEE) add(intermediary);
    const consignee = (): Party => {
      const regular = rng.chance(0.7);
      const k = rng.int(0, 2);
      if (rng.chance(0.6)) {
        const company = regular
          ? this.plan.noiseCompanies.regularOfKind(shipper, k, destination, CONSIGNEE_KINDS)
          : this.plan.noiseCompanies.pickOfKind(rng, destination, CONSIGNEE_KINDS);
        return this.noiseCompanyAt(company, PartyRole.CONSIGNEE);
      }
      const person = regular ? this.plan.noisePersons.regular(shipper, k, destination) : this.plan.noisePersons.pickIn(rng, destination);
      return this.noisePersonAt(person, PartyRole.CONSIGNEE);
    };
    // Shipper and consignee drawn from one small country block may coincide: draw the consignee again.
    for (let attempt = 0; attempt < 8 && parties.length < 2 && !add(consignee()); attempt++);
    if (mode !== TransportMode.PASSENGER_LUGGAGE && rng.chance(0.6)) {
      const draw = rng.next();
      if (draw < 0.6) add(this.hubForwarderAt(this.plan.noiseCompanies.regularHub(shipper)));
      else if (draw < 0.88) add(this.hubForwarder());
      else add(this.noiseCompany(origin, [CompanyKind.FREIGHT_FORWARDER], PartyRole.FREIGHT_FORWARDER));
    }
    if (COURIER_MODES.has(mode)) {
      const country = rng.chance(0.5) ? origin : destination;
      const person = rng.chance(0.6) ? this.plan.noisePersons.regular(shipper, 10 + rng.int(0, 1), country) : this.plan.noisePersons.pickIn(rng, country);
      add(this.noisePersonAt(person, PartyRole.COURIER));
    }
    if (rng.chance(0.06)) add(this.noisePerson(destination, PartyRole.ORGANISER));
    if (rng.chance(0.02)) add(this.noisePerson(destination, PartyRole.FINANCIER));
    this.writeShipment(index, route, mode, departedOn, parties, corridor, [], 0.06, null);
  }

  private intermediaryParty(key: HolderKey): Party {
    const logical = Number(key.slice(1));
    return key.startsWith("C")
      ? { id: this.plan.companyIds.id(logical), kind: "Company", role: PartyRole.SHIPPER, logical }
      : { id: this.plan.personIds.id(logical), kind: "Person", role: PartyRole.CONSIGNEE, logical };
  }

  private writePlanted(index: number, path: PlannedPath): void {
    const { rng } = this;
    const planted = path.shipment;
    if (!planted) throw new Error("a planted path without its shipment");
    const corridor = corridorTable.pick(rng);
    const route = buildRoute(rng, corridor, pickMode(rng, corridor));
    const departedOn = departureDay(rng);
    const parties: Party[] = [
      { id: this.plan.companyIds.id(planted.shipper), kind: "Company", role: PartyRole.SHIPPER },
      { id: this.plan.personIds.id(planted.consignee), kind: "Person", role: PartyRole.CONSIGNEE },
    ];
    this.writeShipment(index, route, modeOnDate(route.mode, departedOn), departedOn, parties, corridor, [], 0, null);
  }

  private writeShipment(
    index: number,
    route: Route,
    mode: TransportMode,
    departedOn: number,
    drawn: readonly Party[],
    corridor: Corridor,
    focus: readonly Species[],
    seizureChance: number,
    ring: Ring | null,
  ): void {
    const { rng, tables, plan } = this;
    const shipmentId = `${plan.prefix}shipment-${index + 1}`;
    const parties = drawn.map((party) => this.asRecorded(index, party));
    const carrier = plan.carriers.forMode(rng, mode, ring?.index);
    const declaredContents = rng.pick(DECLARED_CONTENTS[mode]);
    tables.shipments.write({
      id: shipmentId,
      mode,
      declaredContents,
      containerNumber: mode === TransportMode.SEA && rng.chance(0.9) ? containerNumber(rng, carrier) : null,
      billOfLading: mode === TransportMode.SEA && rng.chance(0.85) ? billOfLading(rng, carrier) : null,
      airWaybill: mode === TransportMode.AIR && rng.chance(0.9) ? airWaybill(rng, carrier) : null,
      departedOn: isoDate(departedOn),
      carrierId: carrier?.row.id ?? null,
      synthetic: true,
    });

    const stops = asRecorded(rng, route);
    stops.forEach((stop, seq) => {
      tables.routeStops.write({
        shipmentId, seq, role: stopRole(seq, stops.length), placeId: stop.place?.id ?? null,
        countryId: stop.place ? null : stop.countryId, placeText: placeText(rng, stop),
      });
      if (stop.place) this.counts.placeStops.set(stop.place.id, (this.counts.placeStops.get(stop.place.id) ?? 0) + 1);
    });
    for (const party of parties) tables.parties.write({ partyId: party.id, partyKind: party.kind, shipmentId, role: party.role });

    const available = speciesFor(corridor, route.stops[0].countryId);
    const focused = focus.filter((species) => available.includes(species));
    const lineTotal = rng.chance(0.72) ? 1 : rng.chance(0.75) ? 2 : 3;
    const commodities: Commodity[] = [];
    for (let i = 0; i < lineTotal; i++) {
      // A second line of the same species and product would be one line in a record: draw again.
      for (let attempt = 0; attempt < 4; attempt++) {
        const species = focused.length > 0 && rng.chance(0.75) ? rng.pick(focused) : rng.pick(available);
        const commodity = makeCommodity(rng, species, mode);
        if (commodities.some((line) => line.species === species && line.profile.product === commodity.profile.product)) continue;
        commodities.push(commodity);
        break;
      }
    }

    const seizureId = rng.chance(seizureChance) ? `${plan.prefix}seizure-${++this.seizureCount}` : null;
    for (const commodity of commodities) {
      tables.commodityLines.write({
        id: `${plan.prefix}line-${++this.lineCount}`, shipmentId, seizureId, speciesId: commodity.species.id,
        product: commodity.profile.product, quantity: commodity.quantity, unit: commodity.unit,
        quantityText: commodity.quantityText, weightKg: commodity.weightKg, synthetic: true,
      });
      this.counts.speciesLines.set(commodity.species.id, (this.counts.speciesLines.get(commodity.species.id) ?? 0) + 1);
    }
    if (seizureId) this.writeSeizure(seizureId, shipmentId, stops, mode, departedOn, parties, commodities, declaredContents);
  }

  /** The party as this shipment's record names it: now and then a duplicate record of it. */
  private asRecorded(index: number, party: Party): Party {
    if (party.logical === undefined) return party;
    const { duplicates } = this.plan;
    if (party.kind === "Person") {
      const double = doubleOnShipment(duplicates.persons.of(party.logical), index, party.logical);
      return double ? { ...party, id: this.plan.personIds.id(double.logical), logical: double.logical } : party;
    }
    const double = doubleOnShipment(duplicates.companies.of(party.logical), index, party.logical);
    return double ? { ...party, id: this.plan.companyIds.id(double.logical), logical: double.logical } : party;
  }

  private writeSeizure(
    seizureId: string,
    shipmentId: string,
    stops: readonly Stop[],
    mode: TransportMode,
    departedOn: number,
    parties: readonly Party[],
    commodities: readonly Commodity[],
    declaredContents: string,
  ): void {
    const { rng, tables } = this;
    this.counts.seizedShipments++;
    const last = stops.length - 1;
    const where = rng.next();
    const seq = where < 0.55 || last === 0 ? last : where < 0.85 && last > 1 ? rng.int(1, last - 1) : 0;
    const stop = stops[seq];
    const [minDays, maxDays] = TRANSIT_DAYS[mode];
    const date = departedOn + (seq === 0 ? rng.int(0, 1) : rng.int(minDays, maxDays));
    const concealment = rng.pick(CONCEALMENT[mode]);
    const local = stop.place ? PLACE_AGENCIES[stop.place.id] : undefined;

    const arrested = parties.filter(
      (party) => party.kind === "Person" && rng.chance(party.role === PartyRole.COURIER ? 0.8 : party.role === PartyRole.CONSIGNEE ? 0.3 : 0.1),
    );
    const unnamed = rng.chance(0.2) ? rng.int(1, 2) : 0;
    const outcome =
      arrested.length > 0 ? rng.pick(OUTCOMES.filter((text) => !text.includes("no arrest"))) : rng.pick(["goods confiscated, no arrest", "investigation ongoing"]);
    tables.seizures.write({
      id: seizureId,
      shipmentId,
      date: isoDate(date),
      dateText: dateText(date, rng.int(0, 3)),
      agency: local && rng.chance(0.75) ? rng.pick(local) : rng.pick(AGENCIES[stop.countryId]),
      locationText: placeText(rng, stop),
      description: `${commodities.map((commodity) => commodity.quantityText).join(" and ")} found ${concealment}; declared as ${declaredContents}`,
      concealment,
      detectionMethod: detectionTable.pick(rng),
      arrestCount: arrested.length + unnamed,
      outcome,
      countryId: stop.countryId,
      placeId: stop.place?.id ?? null,
      synthetic: true,
    });
    for (const person of arrested) {
      const convicted = rng.chance(0.5) ? null : rng.chance(0.8);
      tables.arrests.write({
        seizureId, personId: person.id, charge: rng.pick(CHARGES), convicted,
        sentence: convicted ? rng.pick(SENTENCES) : null,
      });
    }
  }
}

/** Writes every shipment; calls `progress` with the number done now and then. */
export async function writeShipments(plan: Plan, tables: Tables, progress?: (done: number) => void): Promise<HubCounts> {
  const writer = new ShipmentWriter(plan, tables);
  const step = Math.max(1, Math.floor(plan.shipments / 20));
  for (let index = 0; index < plan.shipments; index++) {
    writer.write(index);
    if (index % 256 === 255) await drainAll(tables);
    if (progress && (index + 1) % step === 0) progress(index + 1);
  }
  return writer.counts;
}
