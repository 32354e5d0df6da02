import { Args, Ctx, Query, Resolver } from "type-graphql";

import type { Context } from "../../context.js";
import { BadInputError, NotFoundError } from "../../domain/errors.js";
import { eventTitle, type TimelineEvent as Event } from "../../domain/timeline-event.js";
import { TimelineArgs } from "../inputs/timeline.args.js";
import { Cost } from "../limits/field-cost.js";
import type { Citation } from "../types/source.type.js";
import { TimelineEvent } from "../types/timeline.type.js";
import { entityId } from "./argument-ids.js";
import { graphNode } from "./graph-view.js";

/** The `timeline` root field. */
@Resolver()
export class TimelineResolver {
  @Cost({ base: 300, perItem: 2 })
  @Query(() => [TimelineEvent], {
    description:
      "The dated events of a person, company, shipment or seizure, earliest first (then by kind: incorporation, " +
      "departure, seizure, arrest, conviction; then by the related entity's id, then the detail). Each event once, " +
      "with every source row that states it and all the entity's roles in it; `first` counts events. A person's: the " +
      "shipments they were party to, seizures of those shipments, their arrests and convictions, incorporations of companies they hold " +
      "office in. A company's: its incorporation, its shipments and their seizures. A shipment's: its departure, " +
      "seizures, arrests and convictions. A seizure's: itself, the shipments it intercepted, its arrests and " +
      "convictions. Events whose date is unknown are left out. BAD_USER_INPUT for other kinds of entity.",
  })
  async timeline(@Args(() => TimelineArgs) args: TimelineArgs, @Ctx() ctx: Context): Promise<TimelineEvent[]> {
    if (args.from && args.to && args.from > args.to) throw new BadInputError("from", "must not be after to");
    const answer = await ctx.timeline.events({ id: await entityId(ctx, args.id), from: args.from ?? null, to: args.to ?? null, first: args.first, resolved: args.resolved });
    if (answer.kind === "missing") throw new NotFoundError("id");
    if (answer.kind === "no-timeline") {
      throw new BadInputError("id", "only persons, companies, shipments and seizures have a timeline");
    }
    return answer.events.map((event) => toGraphQL({ ...event, related: ctx.access.node(event.related) }));
  }
}

function toGraphQL(event: Event): TimelineEvent {
  const citations = event.citations.map(({ sourceId, sourceRow }) => ({ sourceId, row: sourceRow }) as Citation);
  return {
    date: event.date,
    kind: event.kind,
    title: eventTitle(event),
    entity: graphNode(event.related),
    roles: event.roles,
    role: event.roles[0] ?? null,
    detail: event.detail,
    citations,
    citation: citations[0] ?? null,
  };
}
