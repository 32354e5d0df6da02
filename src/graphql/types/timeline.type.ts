import { Field, ObjectType, registerEnumType } from "type-graphql";

import { TimelineEventKind } from "../../domain/timeline-event.js";
import { LocalDateScalar } from "../scalars/local-date.scalar.js";
import { GraphNode } from "./graph-view.type.js";
import { Citation } from "./source.type.js";

registerEnumType(TimelineEventKind, {
  name: "TimelineEventKind",
  description: "What happened on a timeline's date.",
  valuesConfig: {
    COMPANY_INCORPORATED: { description: "A company was incorporated (for a person: a company they hold an office in)." },
    SHIPMENT_DEPARTED: { description: "A shipment left its origin." },
    SEIZURE: { description: "A shipment was seized." },
    ARREST: { description: "A person was arrested at a seizure (dated by the seizure)." },
    CONVICTION: { description: "An arrest ended in a conviction (dated by the seizure: the judgement's date is not recorded)." },
  },
});

export { TimelineEventKind };

@ObjectType({
  description:
    "A dated event of an entity's timeline, listed once: its kind, date, related entity and detail make it (sources " +
    "that differ on an arrest's charge give two events); the entity's roles in it and every source row are gathered.",
})
export class TimelineEvent {
  @Field(() => LocalDateScalar)
  date: string;

  @Field(() => TimelineEventKind)
  kind: TimelineEventKind;

  @Field(() => String, { description: "What happened, in a few words." })
  title: string;

  @Field(() => GraphNode, { description: "The entity the event is about: the shipment, the seizure, the company or the arrested person." })
  entity: GraphNode;

  @Field(() => [String], {
    description:
      "The entity's roles in the shipment (PartyRole) or offices held in the company, distinct and sorted: one event " +
      "however many roles (a shipper who was also the consignee has one departure). Empty for other events.",
  })
  roles: string[];

  @Field(() => String, {
    nullable: true,
    deprecationReason: "An entity may have several roles in one event: use `roles` (this is the first of them).",
  })
  role: string | null;

  @Field(() => String, { nullable: true, description: "The charge of an arrest or the sentence of a conviction, as recorded." })
  detail: string | null;

  @Field(() => [Citation], {
    description:
      "Every source row of the records that tie the event to the entity (party, interception, arrest, office), or the " +
      "entity's own source rows; by source id, then row. An event is listed once however many rows state it.",
  })
  citations: Citation[];

  @Field(() => Citation, {
    nullable: true,
    deprecationReason: "An event may have several sources: use `citations` (this is the first of them).",
  })
  citation: Citation | null;
}
