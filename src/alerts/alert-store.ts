import { createHash } from "node:crypto";

import neo4j from "neo4j-driver";

import type { CypherExecutor } from "../db/cypher-executor.js";
import {
  alertsAfter,
  alertsByIds,
  alertsLatest,
  alertsSince,
  alertsUnwatch,
  alertsWatch,
  alertsWatches,
  nodesByIds,
} from "../db/queries.generated.js";
import type { AlertEvent } from "./alert-event.js";
import { TARGET_LABEL, type AlertReason, type WatchKind } from "../domain/watch-kind.js";

export interface StoredWatch {
  id: string;
  kind: WatchKind;
  /** The watched node's id; for a route `<from>><to>`. */
  targetId: string;
  fromCountry: string | null;
  toCountry: string | null;
  createdAt: string;
  removedAt: string | null;
}

export interface StoredAlert {
  id: string;
  watchId: string;
  kind: WatchKind;
  via: AlertReason;
  factLabel: "Seizure" | "Shipment";
  factId: string;
  createdAt: string;
  seq: number;
}

/** What a watch asks to follow: a node by id, or a route by its two countries' ids. */
export type WatchTarget = { kind: Exclude<WatchKind, WatchKind.ROUTE>; id: string } | { kind: WatchKind.ROUTE; from: string; to: string };

/**
 * Watches and alerts in Neo4j, always read and changed for one owner (a viewer's subject): an
 * owner never reads or stops another's. Alerts themselves are made by the import (match-batch.cypher).
 */
export class AlertStore {
  constructor(private readonly executor: CypherExecutor) {}

  /** Which of the target's nodes exist (all of them must, for the watch to be made). */
  async missingTargets(target: WatchTarget): Promise<string[]> {
    const ids = target.kind === "ROUTE" ? [target.from, target.to] : [target.id];
    const found = await this.executor.readQuery(nodesByIds, { ids }, { LABEL: TARGET_LABEL[target.kind] });
    const existing = new Set(found.map((row) => row.key));
    return ids.filter((id) => !existing.has(id));
  }

  async watch(owner: string, target: WatchTarget): Promise<StoredWatch> {
    const targetId = target.kind === "ROUTE" ? `${target.from}>${target.to}` : target.id;
    const [row] = await this.executor.writeQuery(alertsWatch, {
      id: watchId(owner, target.kind, targetId),
      owner,
      kind: target.kind,
      targetId,
      fromCountry: target.kind === "ROUTE" ? target.from : null,
      toCountry: target.kind === "ROUTE" ? target.to : null,
      now: new Date().toISOString(),
    });
    return row as StoredWatch;
  }

  /** The watch stopped, or null when the owner has none of that id. */
  async unwatch(owner: string, id: string): Promise<StoredWatch | null> {
    const [row] = await this.executor.writeQuery(alertsUnwatch, { id, owner, now: new Date().toISOString() });
    return (row as StoredWatch | undefined) ?? null;
  }

  async watches(owner: string): Promise<StoredWatch[]> {
    return (await this.executor.readQuery(alertsWatches, { owner, ids: null, removed: false })) as StoredWatch[];
  }

  /** Watches of the owner by id, removed ones too, in the order of `ids` (null where none). */
  async watchesByIds(owner: string, ids: readonly string[]): Promise<(StoredWatch | null)[]> {
    const rows = (await this.executor.readQuery(alertsWatches, { owner, ids: [...ids], removed: true })) as StoredWatch[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** The owner's alerts numbered after `after`, oldest first, at most `first`. */
  async alertsAfter(owner: string, after: number, first: number): Promise<StoredAlert[]> {
    return (await this.executor.readQuery(alertsAfter, { owner, after: neo4j.int(after), first: neo4j.int(first) })) as StoredAlert[];
  }

  async alertsByIds(owner: string, ids: readonly string[]): Promise<StoredAlert[]> {
    return (await this.executor.readQuery(alertsByIds, { owner, ids: [...ids] })) as StoredAlert[];
  }

  /** The number of the last alert committed; 0 before any. */
  async latestSeq(): Promise<number> {
    const [row] = await this.executor.readQuery(alertsLatest, {});
    return row.last;
  }

  /** Alerts of every owner numbered after `after`, oldest first, at most `first`. */
  async alertsSince(after: number, first: number): Promise<AlertEvent[]> {
    return this.executor.readQuery(alertsSince, { after: neo4j.int(after), first: neo4j.int(first) });
  }
}

/** One watch per owner, kind and target; the owner's subject does not show in the id. */
function watchId(owner: string, kind: WatchKind, targetId: string): string {
  return `watch-${createHash("sha256").update(`${owner}\u0000${kind}\u0000${targetId}`).digest("hex").slice(0, 24)}`;
}
