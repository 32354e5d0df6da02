import { Max, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../domain/paging.js";

@ArgsType()
export class AuditLogArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many records, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: "The `cursor` of the last record already seen." })
  after: string | null;

  @Field(() => String, { nullable: true, description: "Only the operations of this subject, such as `token:alice`." })
  subject: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Only the operations whose responses showed this entity: `Person:<id>` or `Company:<id>`.",
  })
  disclosed: string | null;
}
