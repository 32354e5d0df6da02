import { TrendDimension, TrendInterval, type TradeFilter, type TrendPointRow } from "./trade-analysis.js";
import { ANY, monthOf, roundWeight, singleCell } from "./trade-tallies.js";

/**
 * Trend tallies: the figures of `trends` kept ahead of the question, as trends/series.cypher
 * counts them (that query stays the reference, `TrendRepository.seriesFromFacts`).
 *
 * The entity is a month: its members are the seizures dated in it (`COUNTED_IN`, set by
 * cypher/queries/aggregates/touch-shipments.cypher in the transaction that changes their facts),
 * whether or not they intercepted a shipment; undated seizures are in none. A month's tallies are
 * one node per cell (all seizures, or the seizures of one value of one filter: a country of
 * seizure, a mode, a source, a species, a product), and on it, for each way a trend splits (none,
 * species, genus, order, product, country of seizure), the keys with their seizure count, weighed
 * seizure count, known weight and the ids of the sources behind them.
 *
 * Why these cells. A query names one filter value and one split, and reads one node per month of
 * its range: a few hundred nodes for decades, whatever the number of seizures. Months add up
 * exactly into years (a seizure has one date), and within a cell and key a seizure counts once,
 * so sums over months are the figures series.cypher gives. The number of sources is not additive
 * (a source reports seizures in many months), so each key keeps its sources' ids, which a year
 * unites: sources are few. A split and a filter go together in one cell (by species under a
 * product filter is not the by-species cell of all seizures restricted: a seizure's other lines
 * are left out), hence keys per cell rather than per key. Two filters at once, or months that a
 * date range cuts, would need a cell per combination or per day: those are counted from the facts
 * (trends/series.cypher) or from the cut months' members in the same request, as are months
 * marked for a recount.
 *
 * Genus and order come from the Species nodes, which the import writes apart from the seizures:
 * each month keeps the genus and order it counted for each of its species (`taxonSpecies`,
 * `taxonGenera`, `taxonOrders`); a month whose record no longer matches the species is counted
 * from its members until it is recounted.
 */

/** A species of a member seizure's line, with the higher taxa a trend splits by. */
export interface TrendSpecies {
  id: string;
  genus: string | null;
  order: string | null;
}

/** A dated seizure in a month, as aggregates/trend-members.cypher reads it. */
export interface TrendMember {
  seizure: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Countries it was seized in (SEIZED_IN). */
  countries: string[];
  /** The modes of the shipments it intercepted. */
  modes: string[];
  sources: string[];
  lines: { id: string; product: string | null; weightKg: number | null; species: TrendSpecies[] }[];
}

/** The filters a trend cell can split by; `any` is the cell of all seizures. */
export const TREND_DIMENSIONS = ["any", "country", "mode", "source", "species", "product"] as const;
export type TrendCellDimension = (typeof TREND_DIMENSIONS)[number];

/** The ways a trend splits, as stored: the property name prefix of each. */
export const TREND_SPLITS: Readonly<Record<TrendDimension, string>> = {
  [TrendDimension.NONE]: "none",
  [TrendDimension.SPECIES]: "species",
  [TrendDimension.GENUS]: "genus",
  [TrendDimension.ORDER]: "order",
  [TrendDimension.PRODUCT]: "product",
  [TrendDimension.COUNTRY]: "country",
};

/** Which seizures a trend counts: a trade filter and the country of seizure. */
export interface TrendFilter extends TradeFilter {
  country: string | null;
}

/** The cell key (`<filter>|<value>`) that answers a trend filter's values, or null when it names two or more. */
export function trendCellOf(filter: TrendFilter): string | null {
  const cell = singleCell([
    ["country", filter.country],
    ["mode", filter.mode],
    ["source", filter.source],
    ["species", filter.species],
    ["product", filter.product],
  ]);
  return cell === null ? null : `${cell.dimension}|${cell.value}`;
}

/** A stored key: `''` stands for null (no species, no genus known, no product, no country of seizure). */
export const NULL_KEY = "";

/** The figures of one key of a cell, in one period. */
export interface TrendFigures {
  seizureCount: number;
  weighedSeizureCount: number;
  totalWeightKg: number | null;
  sources: Set<string>;
}

function emptyFigures(): TrendFigures {
  return { seizureCount: 0, weighedSeizureCount: 0, totalWeightKg: null, sources: new Set() };
}

/** Adds figures into `into`. */
export function addFigures(into: TrendFigures, from: { seizureCount: number; weighedSeizureCount: number; totalWeightKg: number | null; sources: Iterable<string> }): void {
  into.seizureCount += from.seizureCount;
  into.weighedSeizureCount += from.weighedSeizureCount;
  if (from.totalWeightKg !== null) into.totalWeightKg = (into.totalWeightKg ?? 0) + from.totalWeightKg;
  for (const source of from.sources) into.sources.add(source);
}

/**
 * What one seizure adds to each key of a split under a filter, as series.cypher counts it, or null
 * when the filter leaves it out: its lines of the filter's species and product (all of them when
 * neither is named); each key once, with the known weights of its lines.
 */
export function seizureKeys(member: TrendMember, filter: TrendFilter, by: TrendDimension): Map<string | null, { weighed: boolean; weightKg: number }> | null {
  if (filter.country !== null && !member.countries.includes(filter.country)) return null;
  if (filter.mode !== null && !member.modes.includes(filter.mode)) return null;
  if (filter.source !== null && !member.sources.includes(filter.source)) return null;
  const lines = member.lines.filter(
    (line) =>
      (filter.product === null || line.product === filter.product) &&
      (filter.species === null || line.species.some((species) => species.id === filter.species)),
  );
  if (lines.length === 0 && (filter.species !== null || filter.product !== null)) return null;
  const keys = new Map<string | null, { weighed: boolean; weightKg: number; lines: Set<string> }>();
  const add = (key: string | null, line: TrendMember["lines"][number] | null) => {
    const entry = keys.get(key) ?? { weighed: false, weightKg: 0, lines: new Set<string>() };
    keys.set(key, entry);
    if (line === null || line.weightKg === null || entry.lines.has(line.id)) return;
    entry.lines.add(line.id);
    entry.weighed = true;
    entry.weightKg += line.weightKg;
  };
  const countries = member.countries.length === 0 ? [null] : member.countries;
  for (const line of lines.length === 0 ? [null] : lines) {
    const species = line === null || line.species.length === 0 ? [null] : line.species;
    switch (by) {
      case TrendDimension.NONE:
        add(null, line);
        break;
      case TrendDimension.SPECIES:
        for (const one of species) add(one?.id ?? null, line);
        break;
      case TrendDimension.GENUS:
        for (const one of species) add(one?.genus ?? null, line);
        break;
      case TrendDimension.ORDER:
        for (const one of species) add(one?.order ?? null, line);
        break;
      case TrendDimension.PRODUCT:
        add(line?.product ?? null, line);
        break;
      case TrendDimension.COUNTRY:
        for (const country of countries) add(country, line);
        break;
    }
  }
  return new Map([...keys].map(([key, { weighed, weightKg }]) => [key, { weighed, weightKg }]));
}

/** Figures per period and key, keyed `period` then key (null for none). */
export type TrendTable = Map<string, Map<string | null, TrendFigures>>;

/** Adds one seizure's keys into a table at a period. */
function addSeizure(table: TrendTable, period: string, member: TrendMember, keys: Map<string | null, { weighed: boolean; weightKg: number }>): void {
  const byKey = table.get(period) ?? new Map<string | null, TrendFigures>();
  table.set(period, byKey);
  for (const [key, { weighed, weightKg }] of keys) {
    const figures = byKey.get(key) ?? emptyFigures();
    byKey.set(key, figures);
    addFigures(figures, { seizureCount: 1, weighedSeizureCount: weighed ? 1 : 0, totalWeightKg: weighed ? weightKg : null, sources: member.sources });
  }
}

/** The period of a month (`YYYY-MM`) at an interval. */
export function periodOf(month: string, interval: TrendInterval): string {
  return interval === TrendInterval.YEAR ? month.slice(0, 4) : month;
}

/**
 * Members' figures per month and key under any filter, dates to the day: what a request counts
 * from the members of the months the tallies cannot answer.
 */
export function trendOfMembers(members: Iterable<TrendMember>, filter: TrendFilter, by: TrendDimension): TrendTable {
  const table: TrendTable = new Map();
  const counted = new Set<string>();
  for (const member of members) {
    if (counted.has(member.seizure)) continue;
    if (filter.dateFrom !== null && member.date < filter.dateFrom) continue;
    if (filter.dateTo !== null && member.date > filter.dateTo) continue;
    const keys = seizureKeys(member, filter, by);
    if (keys === null) continue;
    counted.add(member.seizure);
    addSeizure(table, monthOf(member.date), member, keys);
  }
  return table;
}

const NO_FILTER: TrendFilter = { country: null, species: null, product: null, mode: null, source: null, dateFrom: null, dateTo: null };

/** The filter of one cell key. */
function filterOfCell(cell: string): TrendFilter {
  const split = cell.indexOf("|");
  const dimension = cell.slice(0, split) as TrendCellDimension;
  return dimension === "any" ? NO_FILTER : { ...NO_FILTER, [dimension]: cell.slice(split + 1) };
}

/** The cells a seizure fills: all seizures, its countries, modes, sources, lines' species and products. */
function cellsOf(member: TrendMember): string[] {
  const cells = new Set<string>([`any|${ANY}`]);
  for (const country of member.countries) cells.add(`country|${country}`);
  for (const mode of member.modes) cells.add(`mode|${mode}`);
  for (const source of member.sources) cells.add(`source|${source}`);
  for (const line of member.lines) {
    for (const species of line.species) cells.add(`species|${species.id}`);
    if (line.product !== null) cells.add(`product|${line.product}`);
  }
  return [...cells];
}

/** One stored cell of a month: per split, its keys' figures (see the module comment). */
export type MonthCell = Map<TrendDimension, Map<string | null, TrendFigures>>;

/** What a month's members give: its cells, and the genus and order each of its species was counted under. */
export interface MonthTallies {
  cells: Map<string, MonthCell>;
  taxa: TrendSpecies[];
}

/** Every cell of a month's member seizures. */
export function tallyMonth(members: Iterable<TrendMember>): MonthTallies {
  const cells = new Map<string, MonthCell>();
  const taxa = new Map<string, TrendSpecies>();
  const counted = new Set<string>();
  for (const member of members) {
    if (counted.has(member.seizure)) continue;
    counted.add(member.seizure);
    for (const line of member.lines) for (const species of line.species) taxa.set(species.id, species);
    for (const cell of cellsOf(member)) {
      const filter = filterOfCell(cell);
      const splits = cells.get(cell) ?? new Map<TrendDimension, Map<string | null, TrendFigures>>();
      cells.set(cell, splits);
      for (const by of Object.values(TrendDimension)) {
        const keys = seizureKeys(member, filter, by);
        if (keys === null) continue;
        const table: TrendTable = new Map([["", splits.get(by) ?? new Map()]]);
        addSeizure(table, "", member, keys);
        splits.set(by, table.get("")!);
      }
    }
  }
  return { cells, taxa: [...taxa.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}

/** Cypher's order of keys: text in code point order, null last. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Figures per month added up per period of an interval, as trend points in period order, then key order. */
export function trendPoints(months: TrendTable, interval: TrendInterval): TrendPointRow[] {
  const periods: TrendTable = new Map();
  for (const [month, byKey] of months) {
    const period = periodOf(month, interval);
    const into = periods.get(period) ?? new Map<string | null, TrendFigures>();
    periods.set(period, into);
    for (const [key, figures] of byKey) {
      const sum = into.get(key) ?? emptyFigures();
      into.set(key, sum);
      addFigures(sum, figures);
    }
  }
  return [...periods]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([period, byKey]) =>
      [...byKey]
        .filter(([, figures]) => figures.seizureCount > 0)
        .sort(([a], [b]) => compareKeys(a, b))
        .map(([key, figures]) => ({
          period,
          key,
          seizureCount: figures.seizureCount,
          weighedSeizureCount: figures.weighedSeizureCount,
          totalWeightKg: figures.weighedSeizureCount === 0 ? null : roundWeight(figures.totalWeightKg),
          sourceCount: figures.sources.size,
        })),
    );
}
