import neo4j, { Neo4jError, type Integer } from "neo4j-driver";

import { TouchedFactsCollector, touchTradeFacts } from "../../aggregates/membership.js";
import type { CypherExecutor, Parameters } from "../../db/cypher-executor.js";
import { statement } from "../../db/cypher-query.js";
import type { CypherRegistry } from "../../db/cypher-registry.js";
import type { AlertEvent } from "../../alerts/alert-event.js";
import {
  alertsMatchBatch,
  alertsWatching,
  importMergeMentionedNodes,
  importMergeNodes,
  importMergeRelationships,
  importMergeSequencedRelationships,
  importMergeSource,
  importMergeSymmetricRelationships,
} from "../../db/queries.generated.js";
import { dateParameter } from "../../db/values.js";
import { NodeLabel, type RelType } from "../../domain/graph-schema.js";
import type { PropertyValue, RelationshipMode } from "../mapping/compiled-mapping.js";
import type { SourceInput } from "../mapping/mapping-schema.js";
import type { RowPlan } from "../plan/plan-row.js";

const MAX_ATTEMPTS = 5;

function isTransient(error: unknown): boolean {
  return error instanceof Neo4jError && (error.code.startsWith("Neo.TransientError.") || error.retriable);
}

const TEMPLATE_BY_MODE: Record<RelationshipMode, typeof importMergeRelationships> = {
  plain: importMergeRelationships,
  sequenced: importMergeSequencedRelationships,
  symmetric: importMergeSymmetricRelationships,
};

interface NodeRow {
  id: string;
  row: number;
  properties: Record<string, PropertyValue>;
}

interface RelationshipRow {
  from: string;
  to: string;
  row: number;
  seq: Integer | null;
  properties: Record<string, PropertyValue>;
}

export interface Statement {
  query: string;
  parameters: Parameters;
}

/** Told of the alerts a batch made, once it has committed (src/alerts/alert-bus.ts publishes them). */
export type AlertListener = (alerts: AlertEvent[]) => Promise<void> | void;

/**
 * Writes planned rows with MERGE, one transaction per batch: every statement of a batch commits
 * together or not at all, so a row is never half-written, and running a batch again changes
 * nothing. The batch's statements end with the one that keeps the trade tallies' members true
 * (src/aggregates), then the one that makes the alerts of the watches its facts touch (src/alerts),
 * whose listener hears of them after the commit (with no live watch, it is not run at all). Labels
 * and types reach the Cypher text only from the model's enums, through the registry's templates;
 * every value travels as a parameter.
 */
export class BatchWriter {
  /** `_registry` is no longer read: each query carries its text (src/db/queries.generated.ts). */
  constructor(
    private readonly executor: CypherExecutor,
    _registry: CypherRegistry,
    private readonly source: SourceInput,
    private readonly sourceId: string,
    private readonly onAlerts?: AlertListener,
  ) {}

  /** `counts`: properties to store beside the source's own (kept counts; see import-files.ts). */
  async writeSource(counts: Record<string, unknown> = {}): Promise<void> {
    const { id: _, synthetic: __, retrievedOn, ...rest } = this.source;
    const source = { ...rest, ...counts, id: this.sourceId, retrievedOn: dateParameter(retrievedOn) };
    await this.executor.writeQuery(importMergeSource, { source });
  }

  /**
   * Writes a batch. A batch is idempotent, so one that lost a deadlock to a concurrent writer
   * (a transient error) is simply written again, a few times, after a growing pause.
   */
  async write(plans: readonly RowPlan[]): Promise<void> {
    const statements = this.statements(plans);
    if (statements.length === 0) return;
    const made = await this.writeWithRetries(statements, alertStatement(plans));
    // Told only once committed: a subscriber then reads an alert that exists.
    if (made.length > 0) await this.onAlerts?.(made);
  }

  private async writeWithRetries(statements: readonly Statement[], alerts: { shipments: string[]; seizures: string[] }): Promise<AlertEvent[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        // Last in the transaction, so the watches see the batch's facts, and its alerts commit with them.
        return await this.executor.writeTransaction(async (tx) => {
          for (const { query, parameters } of statements) await tx.run(query, parameters);
          const watching = (await tx.runQuery(alertsWatching, {}))[0]?.watching === true;
          return watching ? tx.runQuery(alertsMatchBatch, alerts) : [];
        });
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isTransient(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt * (0.5 + Math.random())));
      }
    }
  }

  /** The statements of one batch: nodes first (by label), then relationships (by type and ends). */
  statements(plans: readonly RowPlan[]): Statement[] {
    const nodes = new Map<NodeLabel, Map<string, NodeRow>>();
    const mentioned = new Map<NodeLabel, Set<string>>();
    const relationships = new Map<string, { mode: RelationshipMode; from: NodeLabel; type: RelType; to: NodeLabel; rows: Map<string, RelationshipRow> }>();
    for (const plan of plans) {
      for (const node of plan.nodes) {
        if (node.mention) {
          const ids = mentioned.get(node.label) ?? new Set<string>();
          mentioned.set(node.label, ids.add(node.id));
          continue;
        }
        const byId = nodes.get(node.label) ?? new Map<string, NodeRow>();
        nodes.set(node.label, byId);
        const known = byId.get(node.id);
        // The first row that makes a node is its provenance; later rows' values win, as they
        // would in separate batches.
        if (known) Object.assign(known.properties, node.properties);
        else byId.set(node.id, { id: node.id, row: plan.row, properties: { ...node.properties } });
      }
      for (const relationship of plan.relationships) {
        const group = `${relationship.mode}|${relationship.from.label}|${relationship.type}|${relationship.to.label}`;
        const entry = relationships.get(group) ?? {
          mode: relationship.mode,
          from: relationship.from.label,
          type: relationship.type,
          to: relationship.to.label,
          rows: new Map<string, RelationshipRow>(),
        };
        relationships.set(group, entry);
        const key = [
          relationship.from.id,
          relationship.to.id,
          relationship.mode === "symmetric" ? "" : plan.row,
          relationship.seq?.toString() ?? "",
        ].join("\u0000");
        const known = entry.rows.get(key);
        if (known) Object.assign(known.properties, relationship.properties);
        else {
          entry.rows.set(key, {
            from: relationship.from.id,
            to: relationship.to.id,
            row: plan.row,
            seq: relationship.seq,
            properties: { ...relationship.properties },
          });
        }
      }
    }

    const touched = new TouchedFactsCollector();
    for (const plan of plans) {
      for (const node of plan.nodes) touched.node(node.label, node.id, node.mention);
      for (const relationship of plan.relationships) touched.relationship(relationship.type, relationship.from, relationship.to);
    }

    const statements: Statement[] = [];
    const common = { sourceId: this.sourceId, synthetic: this.source.synthetic };
    for (const [label, ids] of mentioned) {
      const described = nodes.get(label);
      const only = [...ids].filter((id) => !described?.has(id));
      if (only.length === 0) continue;
      statements.push(statement(importMergeMentionedNodes, { synthetic: this.source.synthetic, rows: only.map((id) => ({ id })) }, { LABEL: label }));
    }
    for (const [label, byId] of nodes) {
      const rows = [...byId.values()].map((row) => ({ ...row, row: neo4j.int(row.row) }));
      statements.push(statement(importMergeNodes, { ...common, rows }, { LABEL: label }));
    }
    for (const entry of relationships.values()) {
      const rows = [...entry.rows.values()].map((row) => ({ ...row, row: neo4j.int(row.row) }));
      statements.push(statement(TEMPLATE_BY_MODE[entry.mode], { ...common, rows }, { FROM: entry.from, TYPE: entry.type, TO: entry.to }));
    }
    // Last, so the trade entities' members change with the facts, in the same transaction.
    if (statements.length > 0 && !touched.empty) statements.push(touchTradeFacts(touched.facts()));
    return statements;
  }
}

/**
 * The seizures and shipments a batch writes, or writes a relationship of: what its alerts are
 * matched on (alerts/match-batch.cypher).
 */
function alertStatement(plans: readonly RowPlan[]): { shipments: string[]; seizures: string[] } {
  const facts = { [NodeLabel.Shipment]: new Set<string>(), [NodeLabel.Seizure]: new Set<string>() };
  const note = (label: NodeLabel, id: string) => {
    if (label === NodeLabel.Shipment || label === NodeLabel.Seizure) facts[label].add(id);
  };
  for (const plan of plans) {
    for (const node of plan.nodes) if (!node.mention) note(node.label, node.id);
    for (const relationship of plan.relationships) {
      note(relationship.from.label, relationship.from.id);
      note(relationship.to.label, relationship.to.id);
    }
  }
  return { shipments: [...facts[NodeLabel.Shipment]], seizures: [...facts[NodeLabel.Seizure]] };
}
