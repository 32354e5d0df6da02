import { Max, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";

import { NodeLabel } from "../../domain/graph-schema.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../domain/paging.js";
import { MAX_QUERY_LENGTH } from "../../domain/search-text.js";
import { RESOLVED_DESCRIPTION } from "./resolved-view.js";

/**
 * The arguments of `search`. The query and the kinds are checked by the resolver, which can say
 * why without repeating the query (it may name a person).
 */
@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description:
      `What to look for, 1 to ${MAX_QUERY_LENGTH} characters: words of a name (any case, with or without ` +
      "diacritics, small typos forgiven), Chinese characters, a phone number, an e-mail, an address or a " +
      "document number. Taken as plain words: no search syntax.",
  })
  query: string;

  @Field(() => [NodeLabel], {
    nullable: true,
    description: "Only these kinds: Person, Company, Place, Country, Species, Identifier. All of them when omitted.",
  })
  kinds: NodeLabel[] | null;

  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many hits, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: "The `cursor` of the last hit already seen, from a search with the same query and kinds." })
  after: string | null;

  @Field(() => Boolean, { defaultValue: true, description: RESOLVED_DESCRIPTION })
  resolved: boolean;
}
