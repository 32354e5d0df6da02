import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

import { AlertReason, WatchKind } from "../../domain/watch-kind.js";

registerEnumType(WatchKind, {
  name: "WatchKind",
  description: "What a watch follows: a person, company, identifier or place by id, or a route between two countries.",
});
registerEnumType(AlertReason, {
  name: "AlertReason",
  description: "How a seizure or shipment touched a watched target.",
  valuesConfig: {
    PARTY: { description: "The person or company is a party to the shipment (or to a shipment the seizure stopped)." },
    ARRESTED: { description: "The person was arrested in the seizure." },
    PARTY_IDENTIFIER: { description: "A party holds the identifier." },
    ARRESTED_IDENTIFIER: { description: "A person arrested holds the identifier." },
    ROUTE_STOP: { description: "The place is a stop of the shipment's route." },
    SEIZURE_PLACE: { description: "The seizure was made at the place." },
    ROUTE: { description: "The shipment went from the route's origin country to its destination country." },
  },
});

@ObjectType({ description: "Something the viewer watches; imports that touch it make alerts for them." })
export class Watch {
  @Field(() => ID)
  id: string;

  @Field(() => WatchKind)
  kind: WatchKind;

  @Field(() => String, { description: "The watched person's, company's, identifier's or place's id; for a route `<from>><to>`." })
  targetId: string;

  @Field(() => String, { nullable: true, description: "A route's origin country id." })
  from: string | null;

  @Field(() => String, { nullable: true, description: "A route's destination country id." })
  to: string | null;

  @Field(() => String, { description: "When it was first made (ISO 8601)." })
  createdAt: string;

  @Field(() => String, { nullable: true, description: "When it was removed; null while it is live." })
  removedAt: string | null;
}
