import type { Problem } from "../mapping/compiled-mapping.js";
import type { IdCollision } from "./id-collisions.js";

/** Counts of a source's nodes by label, or relationships by type, before and after an import. */
export type CountChange = Readonly<Record<string, { readonly before: number; readonly after: number }>>;

export interface ImportReport {
  readonly mapping: string;
  readonly sourceId: string;
  readonly mainFile: string;
  readonly dryRun: boolean;
  readonly rowsRead: number;
  /** Rows written (or, in a dry run, that would be). */
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
  /** Rows left out by the mapping's `input.where` (neither loaded nor rejected). */
  readonly rowsSkipped: number;
  readonly rejectsFile: string | null;
  readonly flagsFile: string | null;
  /** Values that could not be resolved and were left empty (the raw text is kept), by kind. */
  readonly flags: FlagSummary;
  /**
   * Node ids that different texts of loaded rows gave (`Vu Duc Thanh` and `Vũ Đức Thành` through
   * `slug`): each is one node, merged from what may be two things. Listed, with their texts and
   * rows, in `collisionsFile`.
   */
  readonly idCollisions: readonly IdCollision[];
  readonly collisionsFile: string | null;
  readonly nodes: CountChange;
  readonly relationships: CountChange;
  readonly nodesAdded: number;
  readonly relationshipsAdded: number;
  readonly batches: number;
  readonly elapsedMs: number;
  /** What a reader of the report should know to make sense of it (reference data missing, ...). */
  readonly notes: readonly string[];
}

export interface FlagSummary {
  readonly total: number;
  readonly byKind: Readonly<Record<string, number>>;
  /** For each kind, the flagged values (`column: value`) with how often each was seen, most frequent first. */
  readonly values: Readonly<Record<string, readonly { readonly value: string; readonly count: number }[]>>;
}

/** The exit code of an import: 0 when every row loaded, 2 when some were rejected (1 is for fatal errors). */
export function exitCodeOf(report: Pick<ImportReport, "rowsRejected">): 0 | 2 {
  return report.rowsRejected > 0 ? 2 : 0;
}

/** Distinct values kept per kind; beyond that, values are only counted. */
const MAX_VALUES_PER_KIND = 1_000;

export class FlagCounter {
  private total = 0;
  private readonly byKind = new Map<string, number>();
  private readonly values = new Map<string, Map<string, number>>();

  add(problem: Problem): void {
    this.total += 1;
    this.byKind.set(problem.kind, (this.byKind.get(problem.kind) ?? 0) + 1);
    const values = this.values.get(problem.kind) ?? new Map<string, number>();
    this.values.set(problem.kind, values);
    const key = `${problem.column}: ${problem.value}`;
    if (values.has(key) || values.size < MAX_VALUES_PER_KIND) values.set(key, (values.get(key) ?? 0) + 1);
  }

  summary(): FlagSummary {
    const sortedKinds = [...this.byKind.keys()].sort();
    return {
      total: this.total,
      byKind: Object.fromEntries(sortedKinds.map((kind) => [kind, this.byKind.get(kind)!])),
      values: Object.fromEntries(
        sortedKinds.map((kind) => [
          kind,
          [...this.values.get(kind)!]
            .map(([value, count]) => ({ value, count }))
            .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
        ]),
      ),
    };
  }
}

/**
 * Kinds of flagged values whose texts a terminal does not show: a reference or a join key can be a
 * person's name or an identifier (the flags file has them). Places, taxa, weights and the like are shown.
 */
const UNSHOWN_FLAG_KINDS = new Set(["reference", "join"]);

/** The report as a few lines for a terminal. */
export function formatReport(report: ImportReport, maxValues = 8): string[] {
  const lines = [
    `${report.dryRun ? "dry run of " : ""}${report.mapping} → source ${report.sourceId} (${report.mainFile})`,
    `rows: ${report.rowsRead} read, ${report.rowsLoaded} ${report.dryRun ? "valid" : "loaded"}, ${report.rowsRejected} rejected` +
      (report.rowsSkipped > 0 ? `, ${report.rowsSkipped} skipped (input.where)` : "") +
      ` in ${(report.elapsedMs / 1000).toFixed(1)} s (${report.batches} batches)`,
  ];
  if (report.rejectsFile) lines.push(`rejected rows: ${report.rejectsFile}`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  if (report.flags.total > 0) {
    lines.push(`flagged values (left empty, raw text kept): ${report.flags.total}${report.flagsFile ? ` (${report.flagsFile})` : ""}`);
    for (const [kind, count] of Object.entries(report.flags.byKind)) {
      if (UNSHOWN_FLAG_KINDS.has(kind)) {
        lines.push(`  ${kind}: ${count}`);
        continue;
      }
      const values = report.flags.values[kind];
      const shown = values.slice(0, maxValues).map(({ value, count: n }) => `${value}${n > 1 ? ` ×${n}` : ""}`);
      lines.push(`  ${kind}: ${count} (${shown.join("; ")}${values.length > maxValues ? `; … ${values.length - maxValues} more` : ""})`);
    }
  }
  if (report.idCollisions.length > 0) {
    // Ids and texts can be personal (a person's name made into an id): only labels and rows are shown.
    lines.push(
      `ids made from different texts (each merged into one node): ${report.idCollisions.length}${report.collisionsFile ? ` (${report.collisionsFile})` : ""}`,
    );
    const byLabel = new Map<string, IdCollision[]>();
    for (const collision of report.idCollisions) byLabel.set(collision.label, [...(byLabel.get(collision.label) ?? []), collision]);
    for (const [label, collisions] of byLabel) {
      const shown = collisions.slice(0, maxValues).map((collision) => `rows ${collision.sources.map((source) => source.row).join(", ")}`);
      lines.push(`  ${label}: ${collisions.length} (${shown.join("; ")}${collisions.length > maxValues ? `; … ${collisions.length - maxValues} more` : ""})`);
    }
  }
  const changes = (title: string, counts: CountChange) => {
    const entries = Object.entries(counts).filter(([, { before, after }]) => before !== 0 || after !== 0);
    if (entries.length === 0) return;
    lines.push(`${title}: ${entries.map(([name, { before, after }]) => `${name} ${after}${after !== before ? ` (${signed(after - before)})` : ""}`).join(", ")}`);
  };
  changes(`nodes of this source${report.dryRun ? " (unchanged: dry run)" : ""}`, report.nodes);
  changes("relationships of this source", report.relationships);
  if (!report.dryRun) lines.push(`added to this source: ${report.nodesAdded} nodes, ${report.relationshipsAdded} relationships`);
  return lines;
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}
