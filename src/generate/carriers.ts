import { CarrierKind, TransportMode } from "../domain/vocabulary.js";
import type { CarrierRow } from "./layout.js";
import type { Rng } from "./prng.js";

/**
 * Invented carriers: shipping lines and their vessels, airlines, road hauliers, river boats and
 * parcel services. Their numbers are well formed but cannot be real: IMO numbers start with 1 (real
 * ship numbers start at 5, 6, 7, 8 or 9) and carry a valid check digit; airlines have no IATA code.
 * Container numbers follow ISO 6346 and air waybills the IATA modulus-7 rule, with invented owner
 * codes and prefixes.
 */
export interface Carrier {
  readonly row: CarrierRow;
  /** Shipping lines: container owner code (3 letters + U) and bill-of-lading prefix. */
  readonly ownerCode?: string;
  /** Vessels: the line that operates them. */
  readonly line?: Carrier;
  /** Airlines: air waybill prefix. */
  readonly awbPrefix?: string;
}

const NAME_FIRST = ["Lotus", "Jade", "Coral", "Amber", "Orchid", "Saffron", "Indigo", "Monsoon", "Lantern", "Cobalt", "Topaz", "Lagoon", "Mango", "Tamarind", "Cinnabar", "Kestrel"];
const NAME_SECOND = ["Star", "Horizon", "Dawn", "Wave", "Crest", "Voyager", "Breeze", "Harbour", "Spirit", "Pioneer", "Trader", "Pearl", "Meridian", "Tide", "Compass", "Glory"];

/** IMO ship identification number: six digits and a check digit (weights 7 to 2, sum mod 10). */
export function imoCheckDigit(six: string): number {
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(six[i]) * (7 - i);
  return sum % 10;
}

const ISO6346_LETTERS = "A10B12C13D14E15F16G17H18I19J20K21L23M24N25O26P27Q28R29S30T31U32V34W35X36Y37Z38";
const LETTER_VALUES = new Map<string, number>();
for (let i = 0; i < ISO6346_LETTERS.length; i += 3) LETTER_VALUES.set(ISO6346_LETTERS[i], Number(ISO6346_LETTERS.slice(i + 1, i + 3)));

/** ISO 6346 check digit of a container number's first ten characters (owner code, category, serial). */
export function containerCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const char = first10[i];
    const value = LETTER_VALUES.get(char) ?? Number(char);
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10;
}

function pairName(rng: Rng, used: Set<string>): string {
  for (;;) {
    const name = `${rng.pick(NAME_FIRST)} ${rng.pick(NAME_SECOND)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function letters(rng: Rng, count: number): string {
  let text = "";
  for (let i = 0; i < count; i++) text += String.fromCharCode(65 + rng.int(0, 25));
  return text;
}

function digits(rng: Rng, count: number): string {
  let text = "";
  for (let i = 0; i < count; i++) text += String(rng.int(0, 9));
  return text;
}

export class CarrierPool {
  readonly all: Carrier[] = [];
  private readonly vessels: Carrier[] = [];
  private readonly airlines: Carrier[] = [];
  private readonly hauliers: Carrier[] = [];
  private readonly riverBoats: Carrier[] = [];
  private readonly parcelServices: Carrier[] = [];

  constructor(rng: Rng, prefix: string) {
    const used = new Set<string>();
    const ownerCodes = new Set<string>();
    let n = 0;
    const add = (row: Omit<CarrierRow, "id" | "synthetic">, extra: Partial<Carrier> = {}): Carrier => {
      const carrier: Carrier = { row: { id: `${prefix}carrier-${++n}`, synthetic: true, ...row }, ...extra };
      this.all.push(carrier);
      return carrier;
    };
    const none = { iataCode: null, imoNumber: null };
    const lines: Carrier[] = [];
    for (let i = 0; i < 6; i++) {
      let ownerCode: string;
      do ownerCode = `${letters(rng, 3)}U`;
      while (ownerCodes.has(ownerCode));
      ownerCodes.add(ownerCode);
      lines.push(add({ name: `${pairName(rng, used)} ${rng.pick(["Shipping Lines", "Container Line", "Maritime", "Shipping Co."])}`, kind: CarrierKind.SHIPPING_LINE, ...none }, { ownerCode }));
    }
    const imos = new Set<string>();
    for (let i = 0; i < 24; i++) {
      let six: string;
      do six = `1${digits(rng, 5)}`;
      while (imos.has(six));
      imos.add(six);
      const imoNumber = `${six}${imoCheckDigit(six)}`;
      this.vessels.push(add({ name: `MV ${pairName(rng, used)}`, kind: CarrierKind.VESSEL, iataCode: null, imoNumber }, { line: lines[i % lines.length] }));
    }
    for (let i = 0; i < 10; i++) {
      const awbPrefix = String(900 + i * 7 + rng.int(0, 6));
      this.airlines.push(add({ name: `${pairName(rng, used)} ${rng.pick(["Air Cargo", "Airways", "Air"])}`, kind: CarrierKind.AIRLINE, ...none }, { awbPrefix }));
    }
    for (let i = 0; i < 8; i++) this.hauliers.push(add({ name: `${pairName(rng, used)} ${rng.pick(["Transport", "Trucking", "Haulage"])} Co.`, kind: CarrierKind.ROAD_HAULIER, ...none }));
    for (let i = 0; i < 6; i++) this.riverBoats.push(add({ name: `${rng.pick(["Golden Triangle", "Upper Mekong", "Lancang", "Bokeo"])} ${pairName(rng, used)}`, kind: CarrierKind.VESSEL, ...none }));
    for (let i = 0; i < 4; i++) this.parcelServices.push(add({ name: `${pairName(rng, used)} Express Parcels`, kind: CarrierKind.POSTAL_SERVICE, ...none }));
  }

  /**
   * A carrier for the mode, or null where records rarely name one. A `regular` customer (a ring, by
   * its number) uses its usual carrier of the mode more often than not.
   */
  forMode(rng: Rng, mode: TransportMode, regular?: number): Carrier | null {
    const pool = this.poolOf(mode);
    if (!pool) return null;
    if (mode === TransportMode.ROAD && rng.chance(0.3)) return null;
    if (regular !== undefined && rng.chance(0.6)) return pool[regular % pool.length];
    return rng.pick(pool);
  }

  private poolOf(mode: TransportMode): Carrier[] | null {
    switch (mode) {
      case TransportMode.SEA:
        return this.vessels;
      case TransportMode.AIR:
      case TransportMode.PASSENGER_LUGGAGE:
        return this.airlines;
      case TransportMode.POST:
        return this.parcelServices;
      case TransportMode.ROAD:
        return this.hauliers;
      case TransportMode.RIVER:
        return this.riverBoats;
      default:
        return null;
    }
  }
}

export function containerNumber(rng: Rng, carrier: Carrier | null): string {
  const owner = carrier?.line?.ownerCode ?? `${letters(rng, 3)}U`;
  const first10 = `${owner}${digits(rng, 6)}`;
  return `${first10}${containerCheckDigit(first10)}`;
}

export function billOfLading(rng: Rng, carrier: Carrier | null): string {
  const scac = carrier?.line?.ownerCode ?? letters(rng, 4);
  return `${scac}${digits(rng, 10)}`;
}

/** An air waybill: prefix, seven serial digits and their remainder modulo 7. */
export function airWaybill(rng: Rng, carrier: Carrier | null): string {
  const prefix = carrier?.awbPrefix ?? String(rng.int(900, 999));
  const serial = digits(rng, 7);
  return `${prefix}-${serial}${Number(serial) % 7}`;
}
