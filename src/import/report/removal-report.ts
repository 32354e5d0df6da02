import type { CountByName, RemovalReport } from "../remove-source.js";

/** The lines `npm run import -- --remove-source` prints: counts by label and type, never a node's id or name. */
export function formatRemovalReport(report: RemovalReport): string[] {
  const lines = [
    `${report.sourceRemoved ? "removed" : "removal under way:"} source ${report.sourceId} in ${(report.elapsedMs / 1000).toFixed(1)} s (${report.batches} batches)`,
  ];
  const counts = (title: string, byName: CountByName) => {
    const entries = Object.entries(byName)
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => a.localeCompare(b));
    lines.push(`${title}: ${entries.length === 0 ? "none" : entries.map(([name, count]) => `${name} ${count}`).join(", ")}`);
  };
  counts("relationships deleted", report.relationships);
  counts("nodes deleted", report.nodesDeleted);
  counts("nodes kept, backed by another source (their properties stay as merged)", report.nodesKept);
  counts("nodes kept bare (no source backs them; other sources' relationships reach them)", report.nodesCleared);
  return lines;
}
