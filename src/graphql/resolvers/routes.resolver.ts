import { Args, Ctx, Query, Resolver } from "type-graphql";

import type { Context } from "../../context.js";
import { foundById } from "../../loaders/found-by-id.js";
import { BadInputError } from "../../domain/errors.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import { RoutesArgs, TransitHubsArgs } from "../inputs/route-filter.input.js";
import { Cost } from "../limits/field-cost.js";
import { RouteReport, TransitHub, type RouteLeg } from "../types/route.type.js";
import type { Seizure } from "../types/seizure.type.js";
import { countriesAndPlaces, countryOfPlace, knownTradeFilter } from "./trade-analysis.js";

/** The `routes` and `transitHubs` root fields. */
@Resolver()
export class RoutesResolver {
  @Cost({ base: 400, perItem: 2, items: "first", multipliers: ["evidence"] })
  @Query(() => RouteReport, {
    description:
      "The routes from one country to another. Observed: routes that records describe, with a stop in `from` " +
      "(not a destination) and a later one in `to` (not an origin), wherever the shipment was seized. Inferred: " +
      "chains of two or three observed country-to-country legs that join them though no record does.",
  })
  async routes(@Args(() => RoutesArgs) args: RoutesArgs, @Ctx() ctx: Context): Promise<RouteReport> {
    if (args.from === args.to) throw new BadInputError("to", "must be another country than from");
    const filter = await knownTradeFilter(ctx, args.filter);
    const observed = await ctx.routes.observed(args.from, args.to, args.level, filter);
    const observedCountries = observed.map((route) => collapse(route.stops.map((stop) => stop.country)));
    const inferred = args.inferred ? await ctx.routes.inferred(args.from, args.to, filter, observedCountries) : [];
    const shown = observed.slice(0, args.first);
    const shownInferred = inferred.slice(0, args.first);
    const [{ countries, places }, seizures] = await Promise.all([
      countriesAndPlaces(
        ctx,
        [args.from, args.to, ...shown.flatMap((route) => route.stops.map((stop) => stop.country)), ...shownInferred.flatMap((route) => route.countries)],
        shown.flatMap((route) => route.stops.map((stop) => stop.place)),
      ),
      seizuresById(ctx, shown.flatMap((route) => route.evidence.slice(0, args.evidence))),
    ]);
    const country = (id: string | null) => (id === null ? null : (countries.get(id) ?? null));
    return {
      from: country(args.from),
      to: country(args.to),
      observedCount: observed.length,
      observed: shown.map((route) => ({
        countries: collapse(route.stops.map((stop) => stop.country)).flatMap((id) => country(id) ?? []),
        stops: route.stops.map((stop) => ({ country: country(stop.country), place: stop.place === null ? null : (places.get(stop.place) ?? null) })),
        seizureCount: route.seizureCount,
        shipmentCount: route.shipmentCount,
        weighedSeizureCount: route.weighedSeizureCount,
        totalWeightKg: route.totalWeightKg,
        lastSeen: route.lastSeen,
        inferred: false,
        evidence: route.evidence.slice(0, args.evidence).flatMap((id) => seizures.get(id) ?? []),
      })),
      inferred: shownInferred.map((route) => ({
        countries: route.countries.flatMap((id) => country(id) ?? []),
        legs: route.legs.flatMap((leg): RouteLeg[] => {
          const from = country(leg.from);
          const to = country(leg.to);
          return from && to ? [{ from, to, seizureCount: leg.seizureCount }] : [];
        }),
        weakestLegSeizureCount: Math.min(...route.legs.map((leg) => leg.seizureCount)),
        inferred: true,
      })),
    };
  }

  @Cost({ base: 8000, perItem: 10 })
  @Query(() => [TransitHub], {
    description:
      "The countries (or places) that records name as transit stops, ranked by the shipments passing through them, " +
      "with their share of all shipments naming a transit under the same filter.",
  })
  async transitHubs(@Args(() => TransitHubsArgs) args: TransitHubsArgs, @Ctx() ctx: Context): Promise<TransitHub[]> {
    const hubs = await ctx.routes.transitHubs(
      args.level,
      args.origins ? [...new Set(args.origins)] : null,
      args.destinations ? [...new Set(args.destinations)] : null,
      await knownTradeFilter(ctx, args.filter),
      args.first,
    );
    const ids = hubs.map((hub) => hub.hub);
    const { countries, places } = await countriesAndPlaces(ctx, ids, ids);
    return Promise.all(
      hubs.map(async (hub) => {
        const place = places.get(hub.hub) ?? null;
        const country = place ? await countryOfPlace(ctx, hub.hub) : (countries.get(hub.hub) ?? null);
        return { ...hub, country, place };
      }),
    );
  }
}

/** A sequence without a value repeated in a row (and without unknowns). */
function collapse(ids: readonly (string | null)[]): string[] {
  const out: string[] = [];
  for (const id of ids) if (id !== null && id !== out[out.length - 1]) out.push(id);
  return out;
}

async function seizuresById(ctx: Context, ids: string[]): Promise<Map<string, Seizure>> {
  return foundById<Seizure>(ids, await ctx.loaders.node(NodeLabel.Seizure).loadMany(ids));
}
