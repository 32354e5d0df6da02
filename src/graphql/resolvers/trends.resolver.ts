import { Args, Ctx, Query, Resolver } from "type-graphql";

import type { Context } from "../../context.js";
import { TrendsArgs } from "../inputs/trend-filter.input.js";
import { Cost } from "../limits/field-cost.js";
import { TrendPoint } from "../types/trend.type.js";
import { knownTradeFilter } from "./trade-analysis.js";

/** The `trends` root field. */
@Resolver()
export class TrendsResolver {
  @Cost({ base: 2500 })
  @Query(() => [TrendPoint], {
    description:
      "Seizure counts and weights per year or month, optionally split by species, product or country of seizure, " +
      "each with the number of distinct sources behind it. In period order, then key order; periods without " +
      "seizures are absent; seizures without a known date are left out.",
  })
  async trends(@Args(() => TrendsArgs) args: TrendsArgs, @Ctx() ctx: Context): Promise<TrendPoint[]> {
    return ctx.trends.series(args.interval, args.by, args.filter?.country ?? null, await knownTradeFilter(ctx, args.filter));
  }
}
