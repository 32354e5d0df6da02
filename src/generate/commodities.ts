import { QuantityUnit, TransportMode } from "../domain/vocabulary.js";
import type { Rng } from "./prng.js";
import type { Corridor } from "./reference/corridors.js";
import { speciesById, type ProductProfile, type Species } from "./reference/species.js";

/** What one commodity line holds, before it gets ids. */
export interface Commodity {
  readonly species: Species;
  readonly profile: ProductProfile;
  readonly quantity: number | null;
  readonly unit: QuantityUnit;
  readonly quantityText: string;
  readonly weightKg: number | null;
}

/** Share of a large sea consignment that a shipment by each mode carries. */
const MODE_SCALE: Readonly<Record<TransportMode, number>> = {
  [TransportMode.SEA]: 1,
  [TransportMode.RAIL]: 0.5,
  [TransportMode.ROAD]: 0.3,
  [TransportMode.RIVER]: 0.25,
  [TransportMode.AIR]: 0.12,
  [TransportMode.PASSENGER_LUGGAGE]: 0.03,
  [TransportMode.POST]: 0.01,
  [TransportMode.UNKNOWN]: 0.1,
};

/**
 * The species a corridor's shipment may carry from this origin: those whose range holds the origin
 * country, or all of the corridor's when none does (goods moved overland before being shipped).
 */
export function speciesFor(corridor: Corridor, originCountry: string): readonly Species[] {
  const all = corridor.species.map(speciesById);
  const local = all.filter((entry) => entry.range.includes(originCountry));
  return local.length > 0 ? local : all;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function kilogramText(rng: Rng, kg: number, noun: string): string {
  const variant = rng.int(0, 3);
  if (kg >= 1000 && variant === 0) return `${(kg / 1000).toFixed(1)} tonnes of ${noun}`;
  if (variant === 1) return `${thousands(Math.round(kg))} kg of ${noun}`;
  if (variant === 2) return `approx. ${kg} kg of ${noun}`;
  return `${kg} kilograms of ${noun}`;
}

/** One line: a product of one of the species, in a quantity that fits the mode. */
export function makeCommodity(rng: Rng, species: Species, mode: TransportMode): Commodity {
  const profile = rng.pick(species.products);
  const [low, high] = profile.seaKg;
  const kg = Math.max(0.3, Math.exp(rng.float(Math.log(low), Math.log(high))) * MODE_SCALE[mode]);
  if (rng.chance(0.03)) {
    return { species, profile, quantity: null, unit: QuantityUnit.UNKNOWN, quantityText: `undisclosed quantity of ${profile.noun}`, weightKg: null };
  }
  if (profile.unit === QuantityUnit.KG) {
    const quantity = kg >= 100 ? Math.round(kg) : round1(kg);
    return { species, profile, quantity, unit: QuantityUnit.KG, quantityText: kilogramText(rng, quantity, profile.noun), weightKg: quantity };
  }
  const count = Math.max(1, Math.round(kg / (profile.kgPerItem ?? 1)));
  const weightKg = profile.kgPerItem === null ? null : round1(count * profile.kgPerItem);
  return { species, profile, quantity: count, unit: profile.unit, quantityText: `${thousands(count)} ${profile.noun}`, weightKg };
}
