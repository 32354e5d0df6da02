import { Field, ID, ObjectType } from "type-graphql";

import { AlertReason, WatchKind } from "../../domain/watch-kind.js";

@ObjectType({ description: "A seizure or shipment that an import added and that touched one of the viewer's watches." })
export class Alert {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "Pass as `after` (query or subscription) to get the alerts that follow this one." })
  cursor: string;

  @Field(() => WatchKind, { description: "The kind of the watch it is for." })
  kind: WatchKind;

  @Field(() => AlertReason)
  via: AlertReason;

  @Field(() => String, { description: "When the import wrote it (ISO 8601)." })
  createdAt: string;

  watchId: string;
  factLabel: "Seizure" | "Shipment";
  factId: string;
}

@ObjectType({ description: "A page of the viewer's alerts, oldest first." })
export class AlertPage {
  @Field(() => [Alert])
  alerts: Alert[];

  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of the last alert of the page (null when the page is empty)." })
  endCursor: string | null;
}
