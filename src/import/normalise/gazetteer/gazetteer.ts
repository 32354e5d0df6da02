import type { Gazetteer } from "./place-mention.js";
import { readGazetteer } from "./read-gazetteer.js";

export type { Gazetteer, PlaceMention } from "./place-mention.js";

let cached: Promise<Gazetteer> | undefined;

/**
 * The gazetteer, built once per process from the bundled data/ (countries with their Chinese and
 * alternative names, UN/LOCODE, OpenFlights airports, and data/gazetteer's own tables).
 */
export function loadGazetteer(): Promise<Gazetteer> {
  cached ??= readGazetteer();
  return cached;
}
