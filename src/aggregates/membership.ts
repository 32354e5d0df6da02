import type { CypherExecutor } from "../db/cypher-executor.js";
import { statement, type Statement } from "../db/cypher-query.js";
import { aggregatesSeizuresOfSource, aggregatesShipmentsOfSource, aggregatesTouchShipments } from "../db/queries.generated.js";
import { NodeLabel, RelType } from "../domain/graph-schema.js";

/** The nodes whose facts changed, by what the trade tallies read of them. */
export interface TouchedFacts {
  shipments: string[];
  seizures: string[];
  lines: string[];
  places: string[];
  /** Species whose genus or order may have changed (what trends split by); none when absent. */
  species?: string[];
}

/**
 * The statement that keeps the trade entities' members true after a change to these nodes'
 * facts (cypher/queries/aggregates/touch-shipments.cypher). Run it last in the transaction that
 * made the change: the members then change with the facts, or neither does.
 */
export function touchTradeFacts(facts: TouchedFacts): Statement {
  return statement(aggregatesTouchShipments, { ...facts, species: facts.species ?? [] });
}

/**
 * Makes the shipments and seizures a source backs members of the trade entities, for a load that
 * did not go through the import (the hand-made fixture): marked, so the analyst fields count them
 * from their members until a recount.
 */
export async function touchFactsOfSource(executor: CypherExecutor, sourceId: string): Promise<void> {
  const [shipments, seizures] = await Promise.all([
    executor.readQuery(aggregatesShipmentsOfSource, { sourceId }),
    executor.readQuery(aggregatesSeizuresOfSource, { sourceId }),
  ]);
  await executor.writeAll([
    touchTradeFacts({ shipments: shipments.map((row) => row.id), seizures: seizures.map((row) => row.id), lines: [], places: [] }),
  ]);
}

/**
 * Collects what the trade tallies read from written nodes and relationships: a shipment's mode
 * and stops, a seizure's date, country, shipments, sources and lines, a line's product, weight and
 * species, a place's country, a species' genus and order. A place only counts when its country is
 * written: its other properties, or a row that merely points at it, change nothing a tally reads,
 * and a busy port has many shipments. A species counts when it is written itself, not when a line
 * points at it (the line counts then).
 */
export class TouchedFactsCollector {
  private readonly shipments = new Set<string>();
  private readonly seizures = new Set<string>();
  private readonly lines = new Set<string>();
  private readonly places = new Set<string>();
  private readonly species = new Set<string>();

  node(label: NodeLabel, id: string, mention: boolean): void {
    if (mention) return;
    this.end(label, id);
    if (label === NodeLabel.Species) this.species.add(id);
  }

  relationship(type: RelType, from: { label: NodeLabel; id: string }, to: { label: NodeLabel; id: string }): void {
    if (type === RelType.InCountry && from.label === NodeLabel.Place) this.places.add(from.id);
    if (
      type === RelType.StopsAt ||
      type === RelType.Intercepted ||
      type === RelType.Recovered ||
      type === RelType.OfSpecies ||
      type === RelType.SeizedIn ||
      type === RelType.SourcedFrom
    ) {
      this.end(from.label, from.id);
      this.end(to.label, to.id);
    }
  }

  /** A shipment, seizure or line at the end of a written relationship, or written itself. */
  private end(label: NodeLabel, id: string): void {
    if (label === NodeLabel.Shipment) this.shipments.add(id);
    else if (label === NodeLabel.Seizure) this.seizures.add(id);
    else if (label === NodeLabel.CommodityLine) this.lines.add(id);
  }

  get empty(): boolean {
    return this.shipments.size + this.seizures.size + this.lines.size + this.places.size + this.species.size === 0;
  }

  facts(): TouchedFacts {
    return {
      shipments: [...this.shipments],
      seizures: [...this.seizures],
      lines: [...this.lines],
      places: [...this.places],
      species: [...this.species],
    };
  }
}
