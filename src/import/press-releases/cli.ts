// npm run press-releases -- <releases.tsv> <out-dir>: the Hong Kong Customs releases as CSV files for
// mappings/hk-customs-press-releases.yaml (then: npm run import -- --mapping mappings/hk-customs-press-releases.yaml <out-dir>/hk-customs-press-releases.csv).
import { readPressReleases } from "./read-press-releases.js";
import { writeReleaseFiles } from "./release-files.js";

const [input, outDir] = process.argv.slice(2);
if (!input || !outDir) {
  console.error("usage: npm run press-releases -- <releases.tsv> <out-dir>");
  process.exitCode = 1;
} else {
  const readings = await readPressReleases(input);
  const written = await writeReleaseFiles(readings, outDir);
  const flagged = new Map<string, number>();
  for (const reading of readings) {
    const reasons =
      reading.kind === "not-a-seizure" ? [`not a seizure: ${reading.reason}`] : [...new Set(reading.seizure.flags.map((flag) => `${flag.field.replace(/^line\d+\./, "line.")}: ${flag.reason.replace(/"[^"]*"/g, "…").replace(/\(.*\)/g, "(…)")}`))];
    for (const reason of reasons) flagged.set(reason, (flagged.get(reason) ?? 0) + 1);
  }
  console.log(`${readings.length} releases: ${written.seizureCount} seizures (${written.seizures}), ${written.notSeizureCount} not seizures (${written.notSeizures})`);
  for (const [reason, count] of [...flagged].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(4)}  ${reason}`);
}
