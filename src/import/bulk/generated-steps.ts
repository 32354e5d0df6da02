import path from "node:path";

import { projectRoot } from "../../config.js";
import { GENERATED_MAPPINGS_DIR, GENERATED_STEPS, prepareGeneratedFiles } from "../generated-files.js";
import type { BulkStep } from "./bulk-load.js";

export const COUNTRIES_MAPPING = path.join(projectRoot, "mappings", "countries.yaml");
export const COUNTRIES_CSV = path.join(projectRoot, "data", "countries", "countries.csv");

/**
 * The steps of a generated network (`npm run generate`) on an empty database: the countries, then
 * the generator's places, species and network files in the order of mappings/generated/README.md
 * (the five keyless files through their keyed copies, made here).
 */
export async function generatedBulkSteps(dir: string): Promise<BulkStep[]> {
  const files = await prepareGeneratedFiles(dir);
  return [
    { mapping: COUNTRIES_MAPPING, files: [COUNTRIES_CSV] },
    ...GENERATED_STEPS.map((step) => ({ mapping: path.join(GENERATED_MAPPINGS_DIR, step.mapping), files: [files.get(step.file)!] })),
  ];
}
