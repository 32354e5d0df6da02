import { memberOf } from "../aggregates/trade-aggregates.js";
import type { CypherExecutor } from "../db/cypher-executor.js";
import { aggregatesHubs, aggregatesLinks, aggregatesMembers, aggregatesRoutesThrough, aggregatesTallies } from "../db/queries.generated.js";
import { dateParameter } from "../db/values.js";
import type { FlowLink, FlowTotals, ObservedRoute, RouteLeg, StopLevel, TradeFilter, TransitHubRow } from "../domain/trade-analysis.js";
import {
  addTallies,
  ANY_ENDS,
  cellOf,
  periodsOf,
  tallyMembers,
  type MemberSeizure,
  type RecordEnds,
  type Tally,
} from "../domain/trade-tallies.js";

/** An entity as the queries find it: whether its tallies can answer (see src/domain/trade-tallies.ts). */
interface EntityState {
  id: string;
  dirty: boolean;
  spansMonths: boolean;
}

/**
 * The analyst figures read from the trade tallies: observed routes, legs and flows. An entity
 * whose tallies cannot answer a filter (awaiting a recount, a date range that cuts a month, months
 * that do not add up for it) is counted from its members in the same request, so every answer is
 * what counting the facts would give.
 */
export class TradeTallyRepository {
  constructor(private readonly executor: CypherExecutor) {}

  /** Observed routes from one country to another, largest first, as routes/observed.cypher ranks them. */
  async observedRoutes(from: string, to: string, level: StopLevel, filter: TradeFilter): Promise<ObservedRoute[]> {
    const routes = await this.executor.readQuery(aggregatesRoutesThrough, { from, to, level });
    const figures = await this.figures(routes, filter);
    return routes
      .flatMap((route) => {
        const tally = figures.get(route.id)!;
        if (tally.seizureCount === 0) return [];
        const stops = route.keys.map((key, index) => ({
          key,
          country: route.countries[index] || null,
          place: route.places[index] || null,
        }));
        return [{ stops, ...tally, evidence: tally.evidence.map((evidence) => evidence.id) }];
      })
      .sort(
        (a, b) =>
          b.seizureCount - a.seizureCount ||
          compareNullLast(a.totalWeightKg, b.totalWeightKg) ||
          compareNullLast(a.lastSeen, b.lastSeen) ||
          compareLists(
            a.stops.map((stop) => stop.key),
            b.stops.map((stop) => stop.key),
          ),
      );
  }

  /** Country-to-country legs out of `sources` (every country when null; into `targets` when given), as routes/legs.cypher gives them. */
  async legs(sources: string[] | null, targets: string[] | null, filter: TradeFilter): Promise<RouteLeg[]> {
    const links = (await this.executor.readQuery(aggregatesLinks, { level: "COUNTRY", sources, targets })).filter(
      (link) => link.kind === "LINK" && link.targetIsCountry,
    );
    const figures = await this.figures(links, filter);
    return links
      .map((link) => ({ from: link.source!, to: link.target!, seizureCount: figures.get(link.id)!.seizureCount }))
      .filter((leg) => leg.seizureCount > 0)
      .sort((a, b) => b.seizureCount - a.seizureCount || compareText(a.from, b.from) || compareText(a.to, b.to));
  }

  /** Every hop-to-hop flow of a level with its figures, and what they add up to, as flows/*.cypher give them. */
  async flows(level: StopLevel, filter: TradeFilter): Promise<{ links: FlowLink[]; totals: FlowTotals }> {
    const entities = await this.executor.readQuery(aggregatesLinks, { level, sources: null, targets: null });
    const figures = await this.figures(entities, filter);
    const links = entities
      .filter((entity) => entity.kind === "LINK")
      .flatMap((entity) => {
        const { seizureCount, shipmentCount, weighedSeizureCount, totalWeightKg } = figures.get(entity.id)!;
        return seizureCount === 0 ? [] : [{ source: entity.source!, target: entity.target!, seizureCount, shipmentCount, weighedSeizureCount, totalWeightKg }];
      })
      .sort((a, b) => b.seizureCount - a.seizureCount || compareText(a.source, b.source) || compareText(a.target, b.target));
    const total = entities.find((entity) => entity.kind === "TOTAL");
    const sum = total ? figures.get(total.id)! : null;
    return { links, totals: { seizureCount: sum?.seizureCount ?? 0, shipmentCount: sum?.shipmentCount ?? 0, linkCount: links.length } };
  }

  /**
   * The busiest transit stops, as routes/transit-hubs.cypher ranks them, each with its share of the
   * shipments that name a transit; `ends` keeps only records from some origins to some destinations
   * (a region), which the tallies do not split by: those are counted from the members.
   */
  async transitHubs(level: StopLevel, ends: RecordEnds, filter: TradeFilter, first: number): Promise<TransitHubRow[]> {
    const entities = await this.executor.readQuery(aggregatesHubs, { level });
    const figures = await this.figures(entities, filter, ends);
    const transits = entities.find((entity) => entity.kind === "TRANSITS");
    const totalShipmentCount = transits ? figures.get(transits.id)!.shipmentCount : 0;
    return entities
      .filter((entity) => entity.kind === "HUB")
      .flatMap((entity) => {
        const { seizureCount, shipmentCount, weighedSeizureCount, totalWeightKg } = figures.get(entity.id)!;
        if (seizureCount === 0) return [];
        return [{ hub: entity.hub!, shipmentCount, seizureCount, weighedSeizureCount, totalWeightKg, share: shipmentCount / totalShipmentCount, totalShipmentCount }];
      })
      .sort((a, b) => b.shipmentCount - a.shipmentCount || b.seizureCount - a.seizureCount || compareText(a.hub, b.hub))
      .slice(0, first);
  }

  /** Each entity's figures under the filter: from its tallies where they answer, else from its members. */
  private async figures(entities: readonly EntityState[], filter: TradeFilter, ends: RecordEnds = ANY_ENDS): Promise<Map<string, Tally>> {
    const cell = ends.origins === null && ends.destinations === null ? cellOf(filter) : null;
    const periods = periodsOf(filter);
    const answered = (entity: EntityState) =>
      !entity.dirty && cell !== null && periods !== null && (periods === "ANY" || !entity.spansMonths || periods.from === periods.to);
    const fromTallies = entities.filter(answered);
    const fromMembers = entities.filter((entity) => !answered(entity));
    const figures = new Map<string, Tally>();
    const [tallyRows, memberRows] = await Promise.all([
      fromTallies.length === 0 || cell === null
        ? []
        : this.executor.readQuery(aggregatesTallies, {
            ids: fromTallies.map((entity) => entity.id),
            dimension: cell.dimension,
            value: cell.value,
            periodFrom: periods === "ANY" || periods === null ? null : periods.from,
            periodTo: periods === "ANY" || periods === null ? null : periods.to,
          }),
      fromMembers.length === 0
        ? []
        : this.executor.readQuery(aggregatesMembers, {
            ids: fromMembers.map((entity) => entity.id),
            dateFrom: dateParameter(filter.dateFrom),
            dateTo: dateParameter(filter.dateTo),
          }),
    ]);
    const stored = new Map<string, Tally[]>();
    for (const row of tallyRows) {
      const evidence = row.evidenceIds.map((id, index) => ({ id, date: row.evidenceDates[index] || null }));
      stored.set(row.entity, [...(stored.get(row.entity) ?? []), { ...row, evidence }]);
    }
    for (const entity of fromTallies) figures.set(entity.id, addTallies(stored.get(entity.id) ?? []));
    const members = new Map<string, MemberSeizure[]>(fromMembers.map((entity) => [entity.id, []]));
    for (const row of memberRows) if (row.seizure !== null) members.get(row.entity)?.push(memberOf(row, row.seizure));
    for (const [id, seizures] of members) figures.set(id, tallyMembers(seizures, filter, ends));
    return figures;
  }
}

/** Larger first, null last (Cypher's `x IS NULL, x DESC`). */
function compareNullLast<T extends number | string>(a: T | null, b: T | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Cypher's order of lists of strings: element by element, a prefix first. */
function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const order = compareText(a[index], b[index]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
