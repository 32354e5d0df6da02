import type { CypherExecutor, Row } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { dateParameter, integerParameter } from "../db/values.js";
import type { NodeLabel } from "../domain/graph-schema.js";
import { TIMELINE_KINDS, type TimelineEvent, type TimelineEventKind } from "../domain/timeline-event.js";
import { viewNode } from "./view-elements.js";

export const DEFAULT_TIMELINE_EVENTS = 100;
export const MAX_TIMELINE_EVENTS = 500;

export interface TimelineRequest {
  id: string;
  /** YYYY-MM-DD, inclusive, or null. */
  from: string | null;
  to: string | null;
  /** 1 to MAX_TIMELINE_EVENTS. */
  first: number;
}

/** No entity has the id; or only entities of kinds without a timeline; or the events. */
export type TimelineAnswer = { kind: "missing" } | { kind: "no-timeline" } | { kind: "events"; events: TimelineEvent[] };

/** The dated events of an entity, each once with every source row that states it, in order (the timeline root field). */
export class TimelineRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly registry: CypherRegistry,
  ) {}

  /** One round trip. An id that entities of several kinds share gets their events merged. */
  async events(request: TimelineRequest): Promise<TimelineAnswer> {
    const rows = await this.executor.read(this.registry.text("timelineEvents"), {
      id: request.id,
      from: dateParameter(request.from),
      to: dateParameter(request.to),
      first: integerParameter(request.first),
    });
    if (rows.length === 0) return { kind: "missing" };
    const withTimeline = rows.filter((row) => (row.labels as string[]).some((label) => TIMELINE_KINDS.includes(label as NodeLabel)));
    if (withTimeline.length === 0) return { kind: "no-timeline" };
    const events = withTimeline.flatMap((row) => (row.events as Row[]).map(toEvent));
    if (withTimeline.length > 1) events.sort(compareEvents);
    return { kind: "events", events: events.slice(0, request.first) };
  }
}

function toEvent(row: Row): TimelineEvent {
  return {
    date: row.date as string,
    kind: row.kind as TimelineEventKind,
    related: viewNode(row.related as Row),
    roles: row.roles as string[],
    detail: (row.detail as string | null) ?? null,
    citations: (row.citations as Row[]).map((citation) => ({
      sourceId: citation.sourceId as string,
      sourceRow: (citation.sourceRow as number | null | undefined) ?? null,
    })),
  };
}

/** The query's order, for merging the timelines of entities that share an id. */
const RANK: Record<TimelineEventKind, number> = {
  COMPANY_INCORPORATED: 0,
  SHIPMENT_DEPARTED: 1,
  SEIZURE: 2,
  ARREST: 3,
  CONVICTION: 4,
};

function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return (
    compareText(a.date, b.date) ||
    RANK[a.kind] - RANK[b.kind] ||
    compareText(a.related.id, b.related.id) ||
    compareText(a.detail ?? "", b.detail ?? "")
  );
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
