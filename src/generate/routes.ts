import { StopRole, TransportMode } from "../domain/vocabulary.js";
import { PERIOD, RAILWAY_OPENED } from "./dates.js";
import { Weighted, type Rng } from "./prng.js";
import { countryById } from "./reference/countries.js";
import { planKeyOf, type Corridor, type RoutePlan } from "./reference/corridors.js";
import { placeById, type Place } from "./reference/places.js";

/** One stop of a route: a place, or only a country when the record names no place. */
export interface Stop {
  readonly place: Place | null;
  readonly countryId: string;
}

/** A concrete route: the mode and its stops, origin first. */
export interface Route {
  readonly mode: TransportMode;
  readonly stops: readonly Stop[];
}

const modeTables = new Map<string, Weighted<TransportMode>>();

function modeTable(corridor: Corridor): Weighted<TransportMode> {
  let table = modeTables.get(corridor.id);
  if (!table) {
    table = new Weighted(corridor.modes);
    modeTables.set(corridor.id, table);
  }
  return table;
}

export function pickMode(rng: Rng, corridor: Corridor): TransportMode {
  return modeTable(corridor).pick(rng);
}

function planFor(corridor: Corridor, mode: TransportMode): RoutePlan {
  const plan = corridor.plans[planKeyOf(mode)];
  if (!plan) throw new Error(`corridor ${corridor.id} has no plan for ${mode}`);
  return plan;
}

const atPlace = (id: string): Stop => {
  const place = placeById(id);
  return { place, countryId: place.countryId };
};

/** A route of the corridor for the mode, from its hubs or along one of its chains. */
export function buildRoute(rng: Rng, corridor: Corridor, mode: TransportMode): Route {
  const plan = planFor(corridor, mode);
  if (plan.kind === "chains") return { mode, stops: rng.pick(plan.chains).map(atPlace) };
  const origin = rng.pick(plan.origins);
  const destination = rng.pick(plan.destinations);
  const count = plan.maxTransits === 0 ? 0 : rng.int(0, plan.maxTransits);
  const candidates = plan.transits.filter((id) => id !== origin && id !== destination);
  const transits = rng.sample(candidates, count);
  return { mode, stops: [origin, ...transits, destination].map(atPlace) };
}

/**
 * The route as one record tells it: now and then a stop is known only by its country (an origin
 * more often than a transit), as in seizure databases that give "Nigeria" rather than a port.
 */
export function asRecorded(rng: Rng, route: Route): Stop[] {
  const last = route.stops.length - 1;
  return route.stops.map((stop, seq) => {
    const vague = seq === 0 ? 0.08 : seq === last ? 0.02 : 0.04;
    return rng.chance(vague) ? { place: null, countryId: stop.countryId } : stop;
  });
}

export function stopRole(seq: number, count: number): StopRole {
  if (seq === 0) return StopRole.ORIGIN;
  return seq === count - 1 ? StopRole.DESTINATION : StopRole.TRANSIT;
}

/** How a record writes the stop: "Cat Lai port, Ho Chi Minh City, Viet Nam" or just "Lao PDR". */
export function placeText(rng: Rng, stop: Stop): string {
  const spelling = rng.pick(countryById(stop.countryId).spellings);
  return stop.place ? `${stop.place.text}, ${spelling}` : spelling;
}

/** Rail runs only once the railway was open; earlier dates travel the same chain by road. */
export function modeOnDate(mode: TransportMode, departedOn: number): TransportMode {
  return mode === TransportMode.RAIL && departedOn < RAILWAY_OPENED ? TransportMode.ROAD : mode;
}

/** A departure date in [from, to], within the generated period. */
export function departureDay(rng: Rng, from: number = PERIOD.from, to: number = PERIOD.to): number {
  return rng.int(Math.max(from, PERIOD.from), Math.min(to, PERIOD.to));
}
