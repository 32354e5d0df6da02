import { readFile, writeFile } from "node:fs/promises";

/**
 * Puts a section (starting with its `## Title` line) into a Markdown report, replacing the section
 * of that title if there is one, so that several benchmarks can share one report.
 */
export async function replaceSection(file: string, section: string): Promise<void> {
  const title = section.split("\n", 1)[0]!;
  const existing = await readFile(file, "utf8").catch(() => "");
  const start = existing.startsWith(`${title}\n`) ? 0 : existing.indexOf(`\n${title}\n`);
  if (start < 0) {
    await writeFile(file, `${existing.trimEnd()}\n\n${section.trimEnd()}\n`);
    return;
  }
  const next = existing.indexOf("\n## ", start + title.length + 1);
  const before = existing.slice(0, start).trimEnd();
  const after = next < 0 ? "" : existing.slice(next + 1);
  await writeFile(file, `${before}\n\n${section.trimEnd()}\n${after ? `\n${after}` : ""}`);
}

/** The `## ` sections of a Markdown report, by title line, in order. */
export function sections(report: string): Map<string, string> {
  const found = new Map<string, string>();
  const starts = [...report.matchAll(/^## .*$/gm)].map((match) => match.index!);
  starts.forEach((start, index) => {
    const text = report.slice(start, starts[index + 1] ?? report.length).trimEnd();
    found.set(text.split("\n", 1)[0]!, text);
  });
  return found;
}

/**
 * Writes a benchmark's whole report while keeping the sections other benchmarks wrote into the
 * same file (those whose titles the new report does not have).
 */
export async function writeReportKeepingOthers(file: string, report: string): Promise<void> {
  const existing = sections(await readFile(file, "utf8").catch(() => ""));
  const mine = sections(report);
  const others = [...existing].filter(([title]) => !mine.has(title)).map(([, text]) => text);
  await writeFile(file, [report.trimEnd(), ...others].join("\n\n") + "\n");
}
