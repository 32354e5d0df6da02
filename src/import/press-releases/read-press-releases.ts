import { loadGazetteer } from "../normalise/gazetteer/gazetteer.js";
import { extractRelease, type ReleaseReading } from "./extract-release.js";
import { readReleases } from "./read-releases.js";

/** Every release of a TSV file, read as a seizure or as no seizure with the reason. */
export async function readPressReleases(file: string): Promise<ReleaseReading[]> {
  const [releases, gazetteer] = await Promise.all([readReleases(file), loadGazetteer()]);
  return releases.map((release) => extractRelease(release, gazetteer));
}
