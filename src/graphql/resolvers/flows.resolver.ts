import { Args, Ctx, Query, Resolver } from "type-graphql";

import type { Context } from "../../context.js";
import { flowFeatureCollection } from "../../domain/geojson.js";
import { FlowsArgs } from "../inputs/flow-filter.input.js";
import { Cost } from "../limits/field-cost.js";
import { Flows, type FlowNode } from "../types/flow.type.js";
import { countriesAndPlaces, countryOfPlace, knownTradeFilter } from "./trade-analysis.js";

/** The `flows` root field. */
@Resolver()
export class FlowsResolver {
  @Cost({ base: 20000, perItem: 5, items: "first" })
  @Query(() => Flows, {
    description:
      "Aggregated hop-to-hop flows under a filter, between countries or places: for Sankey charts (nodes, links) " +
      "and maps (geojson). A seizure made anywhere along a route counts for every hop its record describes.",
  })
  async flows(@Args(() => FlowsArgs) args: FlowsArgs, @Ctx() ctx: Context): Promise<Flows> {
    const filter = await knownTradeFilter(ctx, args.filter);
    const { links, totals } = await ctx.flows.flows(args.level, filter, args.first);
    const ids = [...new Set(links.flatMap((link) => [link.source, link.target]))].sort();
    const { countries, places } = await countriesAndPlaces(ctx, ids, ids);
    const nodes: FlowNode[] = await Promise.all(
      ids.map(async (id) => {
        const place = places.get(id) ?? null;
        if (place) {
          const country = await countryOfPlace(ctx, id);
          return {
            id,
            name: place.name,
            place,
            country,
            latitude: place.latitude ?? country?.latitude ?? null,
            longitude: place.longitude ?? country?.longitude ?? null,
          };
        }
        const country = countries.get(id) ?? null;
        return { id, name: country?.name ?? null, place: null, country, latitude: country?.latitude ?? null, longitude: country?.longitude ?? null };
      }),
    );
    const points = new Map(nodes.map((node) => [node.id, node]));
    const geojson = flowFeatureCollection(
      links.map(({ source, target, ...figures }) => ({ source, target, properties: figures })),
      points,
    );
    return { level: args.level, nodes, links, totals, geojson: geojson as unknown as Record<string, unknown> };
  }
}
