import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";

import { TrendDimension, TrendInterval } from "../../domain/trade-analysis.js";

registerEnumType(TrendInterval, { name: "TrendInterval", description: "The length of a trend's periods." });
registerEnumType(TrendDimension, {
  name: "TrendDimension",
  description:
    "What a trend's figures are split by: nothing, species, the species' genus or order (as the species index names " +
    "them: `Manis`, `Pholidota`), product, or the country of seizure.",
  valuesConfig: {
    GENUS: { description: "The genus of the species seized: a seizure of two pangolin species is one seizure of `Manis`." },
    ORDER: { description: "The order of the species seized, such as `Pholidota` (pangolins) or `Proboscidea` (elephants)." },
  },
});

export { TrendDimension, TrendInterval };

@ObjectType({
  description:
    "Seizures in one period (and of one key), with the number of distinct sources behind the figure: a rise in " +
    "seizures that comes with a rise in sources may be a rise in reporting, not in trafficking.",
})
export class TrendPoint {
  @Field(() => String, { description: "The year (`2015`) or month (`2015-04`)." })
  period: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The species id, genus, order, product or country code the figures are for; null when not split, or for goods " +
      "of no known species (or a species whose genus or order is not recorded). A seizure of several species or " +
      "products counts once under each key they fall under.",
  })
  key: string | null;

  @Field(() => Int)
  seizureCount: number;

  @Field(() => Int, { description: "Seizures with a known weight." })
  weighedSeizureCount: number;

  @Field(() => Float, { nullable: true, description: "Known weights added up; null when none is known." })
  totalWeightKg: number | null;

  @Field(() => Int, { description: "Distinct sources that report these seizures." })
  sourceCount: number;
}
