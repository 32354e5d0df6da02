import type { Shape } from "../shapes.js";
import type { LoadedNetwork } from "./dataset.js";

/** The investigator queries, each asked through the API and as direct Cypher. */
export async function investigatorShapes(_network: LoadedNetwork, _count: number): Promise<Shape[]> {
  return [];
}
