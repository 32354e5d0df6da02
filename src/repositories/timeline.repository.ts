import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { timelineEvents } from "../db/queries.generated.js";
import type { TimelineEventMap } from "../db/query-types.js";
import { dateParameter, integerParameter } from "../db/values.js";
import { TIMELINE_KINDS, TimelineEventKind, type TimelineEvent } from "../domain/timeline-event.js";
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
  /** A person's or company's events are those of its resolved cluster (SAME_AS). */
  resolved: boolean;
}

/** No entity has the id; or only entities of kinds without a timeline; or the events. */
export type TimelineAnswer = { kind: "missing" } | { kind: "no-timeline" } | { kind: "events"; events: TimelineEvent[] };

/** The dated events of an entity, each once with every source row that states it, in order (the timeline root field). */
export class TimelineRepository {
  /** The second argument is no longer read (each query carries its text); callers still pass the registry. */
  constructor(
    private readonly executor: CypherExecutor,
    _registry?: CypherRegistry,
  ) {}

  /** One round trip. An id that entities of several kinds share gets their events merged. */
  async events(request: TimelineRequest): Promise<TimelineAnswer> {
    const rows = await this.executor.readQuery(timelineEvents, {
      id: request.id,
      from: dateParameter(request.from),
      to: dateParameter(request.to),
      first: integerParameter(request.first),
      resolved: request.resolved,
    });
    if (rows.length === 0) return { kind: "missing" };
    const withTimeline = rows.filter((row) => row.labels.some((label) => TIMELINE_LABELS.has(label)));
    if (withTimeline.length === 0) return { kind: "no-timeline" };
    const events = withTimeline.flatMap((row) => row.events.map(toEvent));
    if (withTimeline.length > 1) events.sort(compareEvents);
    return { kind: "events", events: events.slice(0, request.first) };
  }
}

const TIMELINE_LABELS = new Set<string>(TIMELINE_KINDS);
const EVENT_KINDS = new Set<string>(Object.values(TimelineEventKind));

function isEventKind(kind: string): kind is TimelineEventKind {
  return EVENT_KINDS.has(kind);
}

function toEvent(event: TimelineEventMap): TimelineEvent {
  const { kind } = event;
  // The query writes each kind as a literal; one it does not know means query and enum drifted apart.
  if (!isEventKind(kind)) throw new Error(`timeline/events gave an unknown event kind ${kind}`);
  return { ...event, kind, related: viewNode(event.related) };
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
