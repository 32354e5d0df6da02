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

@ObjectType({ description: "A dated event of an entity's timeline." })
export class TimelineEvent {
  @Field(() => LocalDateScalar)
  date: string;

  @Field(() => TimelineEventKind)
  kind: TimelineEventKind;

  @Field(() => String, { description: "What happened, in a few words." })
  title: string;

  @Field(() => GraphNode, { description: "The entity the event is about: the shipment, the seizure, the company or the arrested person." })
  entity: GraphNode;

  @Field(() => String, { nullable: true, description: "The role in the shipment (PartyRole) or the office held in the company." })
  role: string | null;

  @Field(() => String, { nullable: true, description: "The charge of an arrest or the sentence of a conviction, as recorded." })
  detail: string | null;

  @Field(() => Citation, {
    nullable: true,
    description: "The record that ties the event to the entity (party, interception, arrest, office), or the entity's own source row.",
  })
  citation: Citation | null;
}
