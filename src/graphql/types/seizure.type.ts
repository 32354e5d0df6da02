import { Field, Float, ID, Int, ObjectType } from "type-graphql";

import { LocalDateScalar } from "../scalars/local-date.scalar.js";

@ObjectType({ description: "An interception: what was found, where, when, by whom, and what followed." })
export class Seizure {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar, { nullable: true })
  date: string | null;

  @Field(() => String, { nullable: true, description: "The date as the source wrote it." })
  dateText: string | null;

  @Field(() => String, { nullable: true, description: "The agency that made the seizure." })
  agency: string | null;

  @Field(() => String, { nullable: true, description: "The place as the source wrote it." })
  locationText: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'How the goods were hidden, such as "in frozen fish".' })
  concealment: string | null;

  @Field(() => String, { nullable: true, description: "How the goods were found (X-ray, sniffer dog, tip-off, ...)." })
  detectionMethod: string | null;

  @Field(() => Int, { nullable: true, description: "How many people were arrested, as reported." })
  arrestCount: number | null;

  @Field(() => String, { nullable: true, description: "Charges, convictions and sentences, as reported." })
  outcome: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The part of its source a record comes from, where a source has several (ROUTES: Ivory, Rhino Horn, ...).",
  })
  database: string | null;

  @Field(() => Float, { nullable: true, description: "The goods' estimated value in Hong Kong dollars, as reported." })
  valueHkd: number | null;

  @Field(() => [String], {
    nullable: true,
    description: "For a seizure read from a text (a press release): what could not be read, as `field: reason`; the value is left empty.",
  })
  readingFlags: string[] | null;

  /** `field: sentence` strings, shown as SentenceCitation objects by the resolver. */
  citedSentences?: string[] | null;

  @Field(() => Boolean, { description: "True for invented records (fixtures, generated networks)." })
  synthetic: boolean;
}
