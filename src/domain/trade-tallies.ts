import type { SeizureTally, TradeFilter } from "./trade-analysis.js";

/**
 * Trade tallies: the figures of the analyst fields (routes, flows, legs) kept ahead of the
 * question. Each shipment that a seizure intercepted is counted in the trade entities it belongs
 * to: the routes its record describes, the hops between its stops, and one total per level
 * (`cypher/queries/aggregates/touch-shipments.cypher`). An entity's tallies are its figures per
 * period (all dates, and each month) and per cell: all seizures, or those of one value of one
 * filter (a mode, a source, a species, a product).
 *
 * A query with at most one of those filters names one cell and adds up the periods its dates
 * cover. A cell never adds two values of one filter, so a seizure that two sources report, or whose
 * lines hold two species, counts once. Months add up exactly (a seizure has one date), except the
 * shipments of an entity whose seizures fall in different months: such an entity says so
 * (`spansMonths`). What the tallies cannot answer is counted from the entity's members in the same
 * request: two filters at once, a month cut by the dates, months that do not add up, an entity
 * not yet recounted. Cells of every combination of filters would answer those too, at tens of
 * cells per seizure rather than a few.
 *
 * `trends` counts seizures rather than shipments (with or without one) and splits them by a key:
 * its tallies are kept per month, apart (src/domain/trend-tallies.ts).
 */

/** A filter value a tally does not split by. */
export const ANY = "*";

/** How many seizure ids an observed route's `evidence` keeps, latest first. */
export const EVIDENCE_LIMIT = 50;

/** A seizure's place in an entity, as `aggregates/members.cypher` reads it. */
export interface MemberSeizure {
  seizure: string;
  /** `YYYY-MM-DD`, or null when the record gives no date. */
  date: string | null;
  sources: string[];
  /**
   * The shipments it intercepted that the entity counts, with how many seizures each has in all,
   * and the countries of their origin and destination stops.
   */
  shipments: { id: string; mode: string | null; seizureCount: number; origins: string[]; destinations: string[] }[];
  lines: { id: string; product: string | null; species: string[]; weightKg: number | null }[];
}

export interface Evidence {
  id: string;
  date: string | null;
}

/** The figures of one cell and period. */
export interface Tally extends SeizureTally {
  lastSeen: string | null;
  /** Latest first, at most EVIDENCE_LIMIT. */
  evidence: Evidence[];
}

/** The filters a cell can split by; `any` is the cell of all seizures. */
export const DIMENSIONS = ["any", "mode", "source", "species", "product"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** All seizures (`any`, value ANY), or those of one value of one filter. */
export interface Cell {
  dimension: Dimension;
  value: string;
}

export const ALL_SEIZURES: Cell = { dimension: "any", value: ANY };

/**
 * The cell of the one filter value named: all seizures when none is, null when two or more are (a
 * cell splits by one filter only).
 */
export function singleCell<D extends string>(values: readonly (readonly [D, string | null])[]): { dimension: D | "any"; value: string } | null {
  const named = values.filter(([, value]) => value !== null);
  if (named.length === 0) return { dimension: "any", value: ANY };
  if (named.length > 1) return null;
  const [[dimension, value]] = named;
  return { dimension, value: value! };
}

/** The cell that answers a filter's mode, source, species and product, or null when it names two or more. */
export function cellOf(filter: TradeFilter): Cell | null {
  return singleCell<Dimension>([
    ["mode", filter.mode],
    ["source", filter.source],
    ["species", filter.species],
    ["product", filter.product],
  ]);
}

export function cellKey(cell: Cell): string {
  return `${cell.dimension}|${cell.value}`;
}

export function cellFromKey(key: string): Cell {
  const split = key.indexOf("|");
  return { dimension: key.slice(0, split) as Dimension, value: key.slice(split + 1) };
}

/** The month of a `YYYY-MM-DD` date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** What an entity's tallies are: one per cell key and period, and whether its shipments span months. */
export interface EntityTallies {
  tallies: Map<string, Map<string, Tally>>;
  spansMonths: boolean;
}

/** Sorts evidence latest first: dated before undated, then by id. */
function compareEvidence(a: Evidence, b: Evidence): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Figures being added up: shipments seized more than once are kept by id, to count them once. */
class Accumulator {
  constructor(private readonly keepsEvidence = true) {}

  seizureCount = 0;
  onceSeizedShipments = 0;
  readonly repeatedShipments = new Set<string>();
  weighedSeizureCount = 0;
  totalWeightKg: number | null = null;
  lastSeen: string | null = null;
  evidence: Evidence[] = [];

  add(member: MemberSeizure, shipments: MemberSeizure["shipments"], weights: number[]): void {
    this.seizureCount += 1;
    for (const shipment of shipments) {
      if (shipment.seizureCount > 1) this.repeatedShipments.add(shipment.id);
      else this.onceSeizedShipments += 1;
    }
    if (weights.length > 0) {
      this.weighedSeizureCount += 1;
      this.totalWeightKg = weights.reduce((total, weight) => total + weight, this.totalWeightKg ?? 0);
    }
    if (member.date !== null && (this.lastSeen === null || member.date > this.lastSeen)) this.lastSeen = member.date;
    if (this.keepsEvidence) keepIfLatest(this.evidence, { id: member.seizure, date: member.date });
  }

  tally(): Tally {
    return {
      seizureCount: this.seizureCount,
      shipmentCount: this.onceSeizedShipments + this.repeatedShipments.size,
      weighedSeizureCount: this.weighedSeizureCount,
      totalWeightKg: roundWeight(this.totalWeightKg),
      lastSeen: this.lastSeen,
      evidence: this.evidence,
    };
  }
}

/**
 * Weights added up to the milligram: floating-point sums depend on their order, and members and
 * tallies come in no fixed order, so the same seizures would otherwise give totals a few units of
 * the last digit apart.
 */
export function roundWeight(weightKg: number | null): number | null {
  return weightKg === null ? null : Math.round(weightKg * 1e6) / 1e6;
}

/**
 * Puts one item into evidence kept latest first, if it ranks among the EVIDENCE_LIMIT latest. A
 * level's totals add every seized shipment's seizure to each of its cells and months: sorting the
 * whole list at each one made counting them slow.
 */
function keepIfLatest(evidence: Evidence[], item: Evidence): void {
  if (evidence.length === EVIDENCE_LIMIT && compareEvidence(item, evidence[EVIDENCE_LIMIT - 1]!) >= 0) return;
  let low = 0;
  let high = evidence.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareEvidence(evidence[middle]!, item) <= 0) low = middle + 1;
    else high = middle;
  }
  evidence.splice(low, 0, item);
  if (evidence.length > EVIDENCE_LIMIT) evidence.pop();
}

/** The weights of a seizure's lines that match a species and product (ANY matches every line). */
function matchingWeights(member: MemberSeizure, species: string, product: string): { matches: boolean; weights: number[] } {
  const lines = member.lines.filter(
    (line) => (species === ANY || line.species.includes(species)) && (product === ANY || line.product === product),
  );
  return { matches: lines.length > 0, weights: lines.flatMap((line) => (line.weightKg === null ? [] : [line.weightKg])) };
}

/** The cells a seizure fills: all seizures, its modes, its sources, its lines' species and products. */
function cellsOf(member: MemberSeizure): Cell[] {
  const cells = new Map<string, Cell>([[cellKey(ALL_SEIZURES), ALL_SEIZURES]]);
  const add = (dimension: Dimension, value: string | null) => {
    if (value !== null) cells.set(cellKey({ dimension, value }), { dimension, value });
  };
  for (const shipment of member.shipments) add("mode", shipment.mode);
  for (const source of member.sources) add("source", source);
  for (const line of member.lines) {
    for (const species of line.species) add("species", species);
    add("product", line.product);
  }
  return [...cells.values()];
}

/** What of a seizure a cell counts: its shipments (of the cell's mode) and its matching lines' weights. */
function countedIn(member: MemberSeizure, cell: Cell): { shipments: MemberSeizure["shipments"]; weights: number[] } {
  const shipments = cell.dimension === "mode" ? member.shipments.filter((shipment) => shipment.mode === cell.value) : member.shipments;
  const { weights } = matchingWeights(
    member,
    cell.dimension === "species" ? cell.value : ANY,
    cell.dimension === "product" ? cell.value : ANY,
  );
  return { shipments, weights };
}

/**
 * Every cell and period of one entity, counted one member seizure at a time: a level's totals have
 * every seized shipment's seizure as a member, and only the figures are kept, not the members.
 */
export class EntityTallier {
  private readonly cells = new Map<string, Map<string, Accumulator>>();
  private readonly monthsOfRepeated = new Map<string, Set<string>>();
  private added = 0;

  /** `keepsEvidence` false: the tallies' evidence stays empty (for entities that never show it). */
  constructor(private readonly keepsEvidence = true) {}

  /** Member seizures added so far. */
  get members(): number {
    return this.added;
  }

  add(member: MemberSeizure): void {
    this.added += 1;
    for (const shipment of member.shipments) {
      if (shipment.seizureCount > 1 && member.date !== null) {
        const months = this.monthsOfRepeated.get(shipment.id) ?? new Set<string>();
        this.monthsOfRepeated.set(shipment.id, months.add(monthOf(member.date)));
      }
    }
    const periods = member.date === null ? [ANY] : [ANY, monthOf(member.date)];
    for (const cell of cellsOf(member)) {
      const { shipments, weights } = countedIn(member, cell);
      const key = cellKey(cell);
      const byPeriod = this.cells.get(key) ?? new Map<string, Accumulator>();
      this.cells.set(key, byPeriod);
      for (const period of periods) {
        const accumulator = byPeriod.get(period) ?? new Accumulator(this.keepsEvidence);
        byPeriod.set(period, accumulator);
        accumulator.add(member, shipments, weights);
      }
    }
  }

  tallies(): EntityTallies {
    const tallies = new Map<string, Map<string, Tally>>();
    for (const [key, byPeriod] of this.cells) {
      tallies.set(key, new Map([...byPeriod].map(([period, accumulator]) => [period, accumulator.tally()])));
    }
    return { tallies, spansMonths: [...this.monthsOfRepeated.values()].some((months) => months.size > 1) };
  }
}

/** Countries a record must name as an origin, and as a destination (transit hubs of a region); null for any. */
export interface RecordEnds {
  origins: string[] | null;
  destinations: string[] | null;
}

export const ANY_ENDS: RecordEnds = { origins: null, destinations: null };

/**
 * The figures of an entity's member seizures under a filter, dates to the day: what a query
 * answers from the members when the tallies cannot answer it (an entity not yet recounted, a date
 * range that cuts a month).
 */
export function tallyMembers(members: Iterable<MemberSeizure>, filter: TradeFilter, ends: RecordEnds = ANY_ENDS): Tally {
  const accumulator = new Accumulator();
  const counted = new Set<string>();
  for (const member of members) {
    if (counted.has(member.seizure)) continue;
    if (filter.dateFrom !== null && (member.date === null || member.date < filter.dateFrom)) continue;
    if (filter.dateTo !== null && (member.date === null || member.date > filter.dateTo)) continue;
    if (filter.source !== null && !member.sources.includes(filter.source)) continue;
    const shipments = member.shipments.filter(
      (shipment) =>
        (filter.mode === null || shipment.mode === filter.mode) &&
        (ends.origins === null || shipment.origins.some((country) => ends.origins!.includes(country))) &&
        (ends.destinations === null || shipment.destinations.some((country) => ends.destinations!.includes(country))),
    );
    if (shipments.length === 0) continue;
    const { matches, weights } = matchingWeights(member, filter.species ?? ANY, filter.product ?? ANY);
    // With a species or product named, a seizure counts only through a line that has it.
    if (!matches && (filter.species !== null || filter.product !== null)) continue;
    counted.add(member.seizure);
    accumulator.add(member, shipments, weights);
  }
  return accumulator.tally();
}

/** Stored tallies of several periods of one cell, added up (see the module comment for when that is exact). */
export function addTallies(tallies: Iterable<Tally>): Tally {
  const sum: Tally = { seizureCount: 0, shipmentCount: 0, weighedSeizureCount: 0, totalWeightKg: null, lastSeen: null, evidence: [] };
  for (const tally of tallies) {
    sum.seizureCount += tally.seizureCount;
    sum.shipmentCount += tally.shipmentCount;
    sum.weighedSeizureCount += tally.weighedSeizureCount;
    if (tally.totalWeightKg !== null) sum.totalWeightKg = (sum.totalWeightKg ?? 0) + tally.totalWeightKg;
    if (tally.lastSeen !== null && (sum.lastSeen === null || tally.lastSeen > sum.lastSeen)) sum.lastSeen = tally.lastSeen;
    for (const item of tally.evidence) keepIfLatest(sum.evidence, item);
  }
  return { ...sum, totalWeightKg: roundWeight(sum.totalWeightKg) };
}

/** Which stored periods a filter's dates cover, or null when only the members can say (a cut month). */
export function periodsOf(filter: TradeFilter): { from: string; to: string } | "ANY" | null {
  if (filter.dateFrom === null && filter.dateTo === null) return "ANY";
  if (filter.dateFrom !== null && !filter.dateFrom.endsWith("-01")) return null;
  if (filter.dateTo !== null && filter.dateTo !== lastDayOfMonth(filter.dateTo)) return null;
  return { from: filter.dateFrom === null ? "0000-00" : monthOf(filter.dateFrom), to: filter.dateTo === null ? "9999-99" : monthOf(filter.dateTo) };
}

/** The last day (`YYYY-MM-DD`) of a date's month. */
export function lastDayOfMonth(date: string): string {
  const [year, month] = date.split("-").map(Number);
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${monthOf(date)}-${String(day).padStart(2, "0")}`;
}
