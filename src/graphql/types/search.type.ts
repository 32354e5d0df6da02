import { createUnionType, Field, Float, ID, Int, ObjectType } from "type-graphql";

import { NodeLabel } from "../../domain/graph-schema.js";
import { Company } from "./company.type.js";
import { Country } from "./country.type.js";
import { PageInfo } from "./connection.js";
import { Identifier } from "./identifier.type.js";
import { Person } from "./person.type.js";
import { Place } from "./place.type.js";
import { Species } from "./species.type.js";

const TYPE_OF_KIND = {
  [NodeLabel.Person]: Person,
  [NodeLabel.Company]: Company,
  [NodeLabel.Place]: Place,
  [NodeLabel.Country]: Country,
  [NodeLabel.Species]: Species,
  [NodeLabel.Identifier]: Identifier,
} as const;

/** Whatever a search can find. */
export const SearchResult = createUnionType({
  name: "SearchResult",
  description: "A person, company, place, country, species or identifier found by a search.",
  types: () => [Person, Company, Place, Country, Species, Identifier] as const,
  // Hits carry their node's labels (see search.repository.ts).
  resolveType: (value) => {
    const labels = (value as { labels?: string[] }).labels ?? [];
    const kind = (Object.keys(TYPE_OF_KIND) as (keyof typeof TYPE_OF_KIND)[]).find((label) => labels.includes(label));
    return kind ? TYPE_OF_KIND[kind] : undefined;
  },
});

@ObjectType({ description: "One entity found by a search, with how well it matched." })
export class SearchHit {
  @Field(() => ID)
  id: string;

  @Field(() => NodeLabel)
  kind: NodeLabel;

  @Field(() => String, { description: "What to print for the hit: a name, a scientific name or an identifier's value." })
  label: string;

  @Field(() => Float, {
    description:
      "From 0 to 1, higher is better: mostly the share of the query's words found in the hit's best-matching name " +
      "(a whole word 1, a prefix 0.75, a near spelling 0.5), and for a tenth the full-text index's relevance.",
  })
  score: number;

  @Field(() => String, {
    nullable: true,
    description: "The name, alias, common name or identifier value that matched best; null when the hit matched only loosely.",
  })
  matched: string | null;

  @Field(() => SearchResult)
  entity: typeof SearchResult;
}

@ObjectType()
export class SearchEdge {
  @Field(() => SearchHit)
  node: SearchHit;

  @Field(() => String, { description: "Pass as `after`, with the same query and kinds, to get the hits that follow this one." })
  cursor: string;
}

@ObjectType({ description: "Search hits, best first (ties in id order)." })
export class SearchConnection {
  @Field(() => [SearchEdge])
  edges: SearchEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: "How many hits the pages hold in all (at most 1,000: a wider search needs more words)." })
  totalCount: number;
}
