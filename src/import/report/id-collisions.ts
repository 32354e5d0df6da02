import type { NodeLabel } from "../../domain/graph-schema.js";
import type { IdSource } from "../plan/plan-row.js";

/**
 * Two different texts that gave one node id (`Vu Duc Thanh` and `Vũ Đức Thành`, `A-B` and `A B`
 * through `slug`): two source keys merged into one node. The import does not guess whether they
 * name one thing; it writes the node once and reports the merge.
 */
export interface IdCollision {
  readonly label: NodeLabel;
  readonly id: string;
  /** Each text that gave the id, with the first row that gave it, in row order. */
  readonly sources: readonly IdCollisionSource[];
}

export interface IdCollisionSource extends IdSource {
  readonly row: number;
}

/**
 * Watches the ids of loaded rows that were made from a column or slot, in row order. Holds one
 * text per such id (the first), and every further text of the ids that collide.
 */
export class IdCollisions {
  private readonly first = new Map<string, IdCollisionSource>();
  private readonly collided = new Map<string, { label: NodeLabel; id: string; sources: Map<string, IdCollisionSource> }>();

  add(label: NodeLabel, id: string, source: IdSource, row: number): void {
    const key = `${label}\u0000${id}`;
    const first = this.first.get(key);
    if (!first) return void this.first.set(key, { ...source, row });
    if (first.text === source.text) return;
    const collision = this.collided.get(key) ?? { label, id, sources: new Map([[first.text, first]]) };
    this.collided.set(key, collision);
    if (!collision.sources.has(source.text)) collision.sources.set(source.text, { ...source, row });
  }

  /** The collisions by label, then id. */
  list(): IdCollision[] {
    return [...this.collided.values()]
      .map(({ label, id, sources }) => ({ label, id, sources: [...sources.values()] }))
      .sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  }
}
