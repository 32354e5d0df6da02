import type { Context } from "../../context.js";
import { foundById } from "../../loaders/found-by-id.js";
import { BadInputError } from "../../domain/errors.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import type { TradeFilter as TradeFilterValues } from "../../domain/trade-analysis.js";
import type { TradeFilter } from "../inputs/route-filter.input.js";
import type { Country } from "../types/country.type.js";
import type { Place } from "../types/place.type.js";
import { checkSourceFilter } from "./source-filter.js";

/** Helpers of the routes, transit hubs, flows and trends resolvers. */

/**
 * The filter as the repositories take it: every field present, `dateFrom` not after `dateTo`. A
 * source id is taken as given: `knownTradeFilter` also checks it (source-filter.ts).
 */
export function tradeFilter(filter: TradeFilter | null | undefined): TradeFilterValues {
  const dateFrom = filter?.dateFrom ?? null;
  const dateTo = filter?.dateTo ?? null;
  if (dateFrom && dateTo && dateFrom > dateTo) throw new BadInputError("filter.dateTo", "must not be before filter.dateFrom");
  return {
    species: filter?.species ?? null,
    product: filter?.product ?? null,
    mode: filter?.mode ?? null,
    source: filter?.source ?? null,
    dateFrom,
    dateTo,
  };
}

/** `tradeFilter`, refusing a source filter the viewer may not use (FORBIDDEN) or that names no source (NOT_FOUND). */
export async function knownTradeFilter(ctx: Context, filter: TradeFilter | null | undefined): Promise<TradeFilterValues> {
  const values = tradeFilter(filter);
  await checkSourceFilter(ctx, values.source);
  return values;
}

/** Countries and places by id, through the request's loaders: one query per label for all of them. */
export async function countriesAndPlaces(
  ctx: Context,
  countryIds: Iterable<string | null>,
  placeIds: Iterable<string | null> = [],
): Promise<{ countries: Map<string, Country>; places: Map<string, Place> }> {
  const wantedCountries = [...new Set([...countryIds].filter((id): id is string => id !== null))];
  const wantedPlaces = [...new Set([...placeIds].filter((id): id is string => id !== null))];
  const [countryRows, placeRows] = await Promise.all([
    ctx.loaders.node(NodeLabel.Country).loadMany(wantedCountries),
    ctx.loaders.node(NodeLabel.Place).loadMany(wantedPlaces),
  ]);
  return {
    countries: foundById<Country>(wantedCountries, countryRows),
    places: foundById<Place>(wantedPlaces, placeRows),
  };
}

/** The country of a place, through the request's loader. */
export async function countryOfPlace(ctx: Context, placeId: string): Promise<Country | null> {
  const [link] = await ctx.loaders.related("Place.country").load(placeId);
  return (link?.node as unknown as Country | undefined) ?? null;
}
