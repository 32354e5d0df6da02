import { loadChineseCountryNames } from "./chinese-countries.js";
import { extractRelease, type ReleaseReading } from "./extract-release.js";
import { readReleases } from "./read-releases.js";

/** Every release of a TSV file, read as a seizure or as no seizure with the reason. */
export async function readPressReleases(file: string): Promise<ReleaseReading[]> {
  const [releases, countries] = await Promise.all([readReleases(file), loadChineseCountryNames()]);
  return releases.map((release) => extractRelease(release, countries));
}
