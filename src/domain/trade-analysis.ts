import type { Product, TransportMode } from "./vocabulary.js";

/**
 * The analyst's view of the trade: routes, transit hubs, flows and trends are aggregates over
 * shipments' stops and the seizures that intercepted them. These are their shared plain types.
 */

/** Whether stops are told apart by country, or by place where the record names one. */
export enum StopLevel {
  COUNTRY = "COUNTRY",
  PLACE = "PLACE",
}

/** Which seizures an aggregate counts. Every field is optional; all given must match. */
export interface TradeFilter {
  species: string | null;
  product: Product | null;
  mode: TransportMode | null;
  /** A Source id: only seizures that source reports (SOURCED_FROM). */
  source: string | null;
  /** `YYYY-MM-DD`, inclusive. */
  dateFrom: string | null;
  dateTo: string | null;
}

/** What every aggregate says about a group of seizures. */
export interface SeizureTally {
  seizureCount: number;
  shipmentCount: number;
  /** Seizures with at least one known weight: ROUTES leaves most weights unreported. */
  weighedSeizureCount: number;
  /** Null when no weight is known, never 0 for "unknown". */
  totalWeightKg: number | null;
}

/** One stop of a route: `key` is the country id, or at place level the place id where known. */
export interface RouteStopKey {
  key: string;
  country: string | null;
  place: string | null;
}

export interface ObservedRoute extends SeizureTally {
  stops: RouteStopKey[];
  /** Latest seizure date, `YYYY-MM-DD`. */
  lastSeen: string | null;
  /** Seizure ids, latest first. */
  evidence: string[];
}

/** A country-to-country leg seen in at least one record, with the seizures of those records. */
export interface RouteLeg {
  from: string;
  to: string;
  seizureCount: number;
}

/** A chain of observed legs joining two countries that no single record joins that way. */
export interface InferredRoute {
  countries: string[];
  legs: RouteLeg[];
}

export interface TransitHubRow extends SeizureTally {
  hub: string;
  share: number;
  totalShipmentCount: number;
}

export interface FlowLink extends SeizureTally {
  source: string;
  target: string;
}

export interface FlowTotals {
  seizureCount: number;
  shipmentCount: number;
  linkCount: number;
}

export enum TrendInterval {
  YEAR = "YEAR",
  MONTH = "MONTH",
}

export enum TrendDimension {
  NONE = "NONE",
  SPECIES = "SPECIES",
  /** The genus of the species, as the species index names it (`Manis`). */
  GENUS = "GENUS",
  /** The order of the species, as the species index names it (`Pholidota`). */
  ORDER = "ORDER",
  PRODUCT = "PRODUCT",
  COUNTRY = "COUNTRY",
}

export interface TrendPointRow {
  period: string;
  key: string | null;
  seizureCount: number;
  weighedSeizureCount: number;
  totalWeightKg: number | null;
  sourceCount: number;
}

/** The longest chain of legs an inferred route may have. */
export const MAX_INFERRED_LEGS = 3;

/**
 * Chains of legs from `from` to `to` of two or three legs, visiting no country twice, leaving out
 * any chain whose countries appear in a row in an observed route (`observed`: country sequences).
 * Ranked by their weakest leg (the fewest seizures), then by fewer legs, then by the countries.
 */
export function chainLegs(from: string, to: string, legs: readonly RouteLeg[], observed: readonly string[][]): InferredRoute[] {
  // The same leg may be given twice (found from both of its ends' sides); it counts once.
  const out = new Map<string, Map<string, RouteLeg>>();
  for (const leg of legs) {
    if (!out.has(leg.from)) out.set(leg.from, new Map());
    out.get(leg.from)!.set(leg.to, leg);
  }
  const chains: InferredRoute[] = [];
  const walk = (countries: string[], chain: RouteLeg[]) => {
    const here = countries[countries.length - 1];
    for (const leg of out.get(here)?.values() ?? []) {
      if (countries.includes(leg.to)) continue;
      const next = [...chain, leg];
      if (leg.to === to) {
        if (next.length >= 2) chains.push({ countries: [...countries, to], legs: next });
      } else if (next.length < MAX_INFERRED_LEGS) {
        walk([...countries, leg.to], next);
      }
    }
  };
  walk([from], []);
  const seen = observed.map((route) => `|${route.join("|")}|`);
  return chains
    .filter((chain) => !seen.some((route) => route.includes(`|${chain.countries.join("|")}|`)))
    .sort(
      (a, b) =>
        weakest(b) - weakest(a) || a.legs.length - b.legs.length || a.countries.join(",").localeCompare(b.countries.join(",")),
    );
}

function weakest(route: InferredRoute): number {
  return Math.min(...route.legs.map((leg) => leg.seizureCount));
}
