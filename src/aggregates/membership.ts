import { statement, type Statement } from "../db/cypher-query.js";
import { aggregatesTouchShipments } from "../db/queries.generated.js";
import { NodeLabel, RelType } from "../domain/graph-schema.js";

/** The nodes whose facts changed, by what the trade tallies read of them. */
export interface TouchedFacts {
  shipments: string[];
  seizures: string[];
  lines: string[];
  places: string[];
}

/**
 * The statement that keeps the trade entities' members true after a change to these nodes'
 * facts (cypher/queries/aggregates/touch-shipments.cypher). Run it last in the transaction that
 * made the change: the members then change with the facts, or neither does.
 */
export function touchTradeFacts(facts: TouchedFacts): Statement {
  return statement(aggregatesTouchShipments, facts);
}

/**
 * Collects what the trade tallies read from written nodes and relationships: a shipment's mode
 * and stops, a seizure's date, shipments, sources and lines, a line's product, weight and species,
 * a place's country. A place only counts when its country is written: its other properties, or a
 * row that merely points at it, change nothing a tally reads, and a busy port has many shipments.
 */
export class TouchedFactsCollector {
  private readonly shipments = new Set<string>();
  private readonly seizures = new Set<string>();
  private readonly lines = new Set<string>();
  private readonly places = new Set<string>();

  node(label: NodeLabel, id: string, mention: boolean): void {
    if (mention) return;
    if (label === NodeLabel.Shipment) this.shipments.add(id);
    else if (label === NodeLabel.Seizure) this.seizures.add(id);
    else if (label === NodeLabel.CommodityLine) this.lines.add(id);
  }

  relationship(type: RelType, from: { label: NodeLabel; id: string }, to: { label: NodeLabel; id: string }): void {
    if (type === RelType.InCountry && from.label === NodeLabel.Place) this.places.add(from.id);
    if (type === RelType.StopsAt || type === RelType.Intercepted || type === RelType.Recovered || type === RelType.OfSpecies) {
      this.node(from.label, from.id, false);
      this.node(to.label, to.id, false);
    }
  }

  get empty(): boolean {
    return this.shipments.size + this.seizures.size + this.lines.size + this.places.size === 0;
  }

  facts(): TouchedFacts {
    return { shipments: [...this.shipments], seizures: [...this.seizures], lines: [...this.lines], places: [...this.places] };
  }
}
