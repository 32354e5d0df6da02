import { Field, ID, Int, ObjectType } from "type-graphql";

import { LocalDateScalar } from "../scalars/local-date.scalar.js";
import { Reliability, SourceKind } from "./enums.js";

@ObjectType({ description: "Where facts came from: a dataset, a report, a court judgement, a press release." })
export class Source {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  publisher: string | null;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true, description: "The licence under which the source may be used." })
  licence: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "When the source was retrieved." })
  retrievedOn: string | null;

  @Field(() => Reliability)
  reliability: Reliability;

  @Field(() => SourceKind)
  kind: SourceKind;
}

@ObjectType({ description: "A fact's source, with the row of the dataset it came from when there is one." })
export class Citation {
  /** Resolved from `sourceId` by the Citation resolver. */
  @Field(() => Source)
  source: Source;

  @Field(() => Int, { nullable: true, description: "The row of the dataset (1 = first data row)." })
  row: number | null;

  sourceId: string;
}
