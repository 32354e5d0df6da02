import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";

import { stringify, type Stringifier } from "csv-stringify";

/**
 * A CSV report written as rows come (a reject report can be as long as its input), created on the
 * first row only; a stale report of an earlier run is removed at the start, so a report on disk
 * always belongs to the last run.
 */
export class ReportFile {
  private stringifier: Stringifier | undefined;
  private output: WriteStream | undefined;
  private rows = 0;

  private constructor(
    readonly file: string,
    private readonly columns: readonly string[],
  ) {}

  static async create(file: string, columns: readonly string[]): Promise<ReportFile> {
    await mkdir(path.dirname(file), { recursive: true });
    await rm(file, { force: true });
    return new ReportFile(file, columns);
  }

  write(record: readonly (string | number)[]): void {
    if (!this.stringifier) {
      this.output = createWriteStream(this.file);
      this.stringifier = stringify({ header: true, columns: [...this.columns] });
      this.stringifier.pipe(this.output);
    }
    this.rows += 1;
    this.stringifier.write(record);
  }

  /** The file, if anything was written to it. */
  get written(): string | null {
    return this.rows > 0 ? this.file : null;
  }

  async close(): Promise<void> {
    if (!this.stringifier || !this.output) return;
    this.stringifier.end();
    await finished(this.output);
  }
}

/**
 * `<input>.rejects.csv`, `<input>.flags.csv` and `<input>.collisions.csv`, next to the input or in
 * the folder asked for.
 */
export function reportPaths(mainFile: string, reportDir?: string): { rejects: string; flags: string; collisions: string } {
  const folder = reportDir ?? path.dirname(mainFile);
  const base = path.join(folder, path.basename(mainFile));
  return { rejects: `${base}.rejects.csv`, flags: `${base}.flags.csv`, collisions: `${base}.collisions.csv` };
}
