import type { SeizureTally, TradeFilter } from "./trade-analysis.js";

/**
 * Trade tallies: the figures of the analyst fields (routes, flows, legs) kept ahead of the
 * question. Each shipment that a seizure intercepted is counted in the trade entities it belongs
 * to: the routes its record describes, the hops between its stops, and one total per level
 * (`cypher/queries/aggregates/touch-shipments.cypher`). An entity's tallies are its figures per
 * cell, one cell per combination of filter values, each value either one value or ANY:
 *
 *   period (ANY or a month `YYYY-MM`) × mode × source × species × product
 *
 * A query names one cell and adds up the periods its dates cover, so a count is never added
 * across two values of one filter: a seizure that two sources report, or whose lines hold two
 * species, counts once in the ANY cell. Months add up exactly (a seizure has one date), except the
 * shipments of an entity whose seizures fall in different months: such an entity says so
 * (`spansMonths`) and is counted from its members when a query spans months.
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
  /** The shipments it intercepted that the entity counts, with how many seizures each has in all. */
  shipments: { id: string; mode: string | null; seizureCount: number }[];
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

/** The filter values a query names: one of each, ANY where the query leaves it open. */
export interface Cell {
  mode: string;
  source: string;
  species: string;
  product: string;
}

export function cellKey(cell: Cell): string {
  return [cell.mode, cell.source, cell.species, cell.product].join("|");
}

export function cellOf(filter: TradeFilter): Cell {
  return {
    mode: filter.mode ?? ANY,
    source: filter.source ?? ANY,
    species: filter.species ?? ANY,
    product: filter.product ?? ANY,
  };
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
    this.evidence = keepLatest([...this.evidence, { id: member.seizure, date: member.date }]);
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

function keepLatest(evidence: Evidence[]): Evidence[] {
  return evidence.sort(compareEvidence).slice(0, EVIDENCE_LIMIT);
}

/** The species × product pairs a seizure's lines give, each with ANY in either place or both. */
function lineCells(member: MemberSeizure): { species: string; product: string }[] {
  const pairs = new Map<string, { species: string; product: string }>([[`${ANY}|${ANY}`, { species: ANY, product: ANY }]]);
  for (const line of member.lines) {
    const products = line.product === null ? [ANY] : [ANY, line.product];
    for (const species of [ANY, ...line.species]) {
      for (const product of products) pairs.set(`${species}|${product}`, { species, product });
    }
  }
  return [...pairs.values()];
}

/** The weights of a seizure's lines that match a species and product (ANY matches every line). */
function matchingWeights(member: MemberSeizure, species: string, product: string): { matches: boolean; weights: number[] } {
  const lines = member.lines.filter(
    (line) => (species === ANY || line.species.includes(species)) && (product === ANY || line.product === product),
  );
  return { matches: lines.length > 0, weights: lines.flatMap((line) => (line.weightKg === null ? [] : [line.weightKg])) };
}

/** Every cell and period an entity's member seizures fill (see the module comment). */
export function tallyEntity(members: Iterable<MemberSeizure>): EntityTallies {
  const cells = new Map<string, Map<string, Accumulator>>();
  const monthsOfRepeated = new Map<string, Set<string>>();
  for (const member of members) {
    // In a mode's cell a seizure counts with its shipments of that mode only.
    const modes = new Map<string, MemberSeizure["shipments"]>([[ANY, member.shipments]]);
    for (const shipment of member.shipments) {
      if (shipment.mode !== null) modes.set(shipment.mode, [...(modes.get(shipment.mode) ?? []), shipment]);
      if (shipment.seizureCount > 1 && member.date !== null) {
        const months = monthsOfRepeated.get(shipment.id) ?? new Set<string>();
        monthsOfRepeated.set(shipment.id, months.add(monthOf(member.date)));
      }
    }
    const periods = member.date === null ? [ANY] : [ANY, monthOf(member.date)];
    for (const { species, product } of lineCells(member)) {
      const { matches, weights } = matchingWeights(member, species, product);
      // With a species or product named, a seizure counts only through a line that has it.
      if (!matches && (species !== ANY || product !== ANY)) continue;
      for (const source of [ANY, ...member.sources]) {
        for (const [mode, shipments] of modes) {
          const key = cellKey({ mode, source, species, product });
          const byPeriod = cells.get(key) ?? new Map<string, Accumulator>();
          cells.set(key, byPeriod);
          for (const period of periods) {
            const accumulator = byPeriod.get(period) ?? new Accumulator();
            byPeriod.set(period, accumulator);
            accumulator.add(member, shipments, weights);
          }
        }
      }
    }
  }
  const tallies = new Map<string, Map<string, Tally>>();
  for (const [key, byPeriod] of cells) {
    tallies.set(key, new Map([...byPeriod].map(([period, accumulator]) => [period, accumulator.tally()])));
  }
  return { tallies, spansMonths: [...monthsOfRepeated.values()].some((months) => months.size > 1) };
}

/**
 * The figures of an entity's member seizures under a filter, dates to the day: what a query
 * answers from the members when the tallies cannot answer it (an entity not yet recounted, a date
 * range that cuts a month).
 */
export function tallyMembers(members: Iterable<MemberSeizure>, filter: TradeFilter): Tally {
  const cell = cellOf(filter);
  const accumulator = new Accumulator();
  const counted = new Set<string>();
  for (const member of members) {
    if (counted.has(member.seizure)) continue;
    if (filter.dateFrom !== null && (member.date === null || member.date < filter.dateFrom)) continue;
    if (filter.dateTo !== null && (member.date === null || member.date > filter.dateTo)) continue;
    if (cell.source !== ANY && !member.sources.includes(cell.source)) continue;
    const shipments = member.shipments.filter((shipment) => cell.mode === ANY || shipment.mode === cell.mode);
    if (shipments.length === 0) continue;
    const { matches, weights } = matchingWeights(member, cell.species, cell.product);
    if (!matches && (cell.species !== ANY || cell.product !== ANY)) continue;
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
    sum.evidence = keepLatest([...sum.evidence, ...tally.evidence]);
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

function lastDayOfMonth(date: string): string {
  const [year, month] = date.split("-").map(Number);
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${monthOf(date)}-${String(day).padStart(2, "0")}`;
}
