import { Field, Float, ID, ObjectType } from "type-graphql";

import { Product, QuantityUnit } from "./enums.js";

@ObjectType({ description: "One kind of goods in a seizure or shipment: a species, a product and a quantity." })
export class CommodityLine {
  @Field(() => ID)
  id: string;

  @Field(() => Product)
  product: Product;

  @Field(() => Float, { nullable: true, description: "The quantity as reported, in `unit`." })
  quantity: number | null;

  @Field(() => QuantityUnit)
  unit: QuantityUnit;

  @Field(() => String, { nullable: true, description: "The quantity as the source wrote it." })
  quantityText: string | null;

  @Field(() => Float, { nullable: true, description: "The weight in kilograms, where known or derivable." })
  weightKg: number | null;

  @Field(() => String, { nullable: true, description: "The weight as the source wrote it." })
  weightText: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The species as the source wrote it, kept whether or not `species` could be resolved.",
  })
  speciesText: string | null;
}
