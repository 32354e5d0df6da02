import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { layout, type TableName } from "../../src/generate/layout.js";
import { runCli } from "../../src/generate/run-cli.js";

const README = fileURLToPath(new URL("../../src/generate/README.md", import.meta.url));

/** The README's section of one file: from its `### \`file\`` heading to the next heading. */
function section(text: string, file: string): string {
  const start = text.indexOf(`### \`${file}\``);
  if (start < 0) return "";
  const next = text.indexOf("\n#", start + 1);
  return text.slice(start, next < 0 ? undefined : next);
}

describe("README.md", () => {
  test.each(Object.keys(layout) as TableName[])("documents every column of %s, and no other", async (name) => {
    const text = await readFile(README, "utf8");
    const { file, columns } = layout[name];
    const documented = [...section(text, file).matchAll(/^\| `([A-Za-z0-9]+)` \|/gm)].map((match) => match[1]);
    expect(documented).toEqual([...columns]);
  });
});

describe("the command line", () => {
  let root: string;
  const lines = (): { out: string[]; err: string[]; io: { out: (line: string) => void; err: (line: string) => void } } => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (line) => out.push(line), err: (line) => err.push(line) } };
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "generate-cli-"));
  });

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  test.each([
    [["--seed", "1"], /--shipments must be a whole number of at least 50/],
    [["--shipments", "10", "--seed", "1"], /--shipments must be a whole number of at least 50/],
    [["--shipments", "1e3", "--seed", "1"], /--shipments must be a whole number/],
    [["--shipments", "100"], /--seed is required/],
    [["--shipments", "100", "--seed", "1", "--colour", "red"], /Unknown option '--colour'/],
  ])("%j is refused with exit code 2 and the usage", async (argv, message) => {
    const { err, io } = lines();
    expect(await runCli(argv, io)).toBe(2);
    expect(err.join("\n")).toMatch(message);
    expect(err.join("\n")).toContain("Usage: npm run generate");
  });

  test("a seed that cannot be part of an id fails with exit code 1 and says why", async () => {
    const { err, io } = lines();
    expect(await runCli(["--shipments", "60", "--seed", "a b", "--out", path.join(root, "bad")], io)).toBe(1);
    expect(err.join("\n")).toMatch(/seed must be 1 to 40 letters, digits/);
  });

  test("--help prints the usage", async () => {
    const { out, io } = lines();
    expect(await runCli(["--help"], io)).toBe(0);
    expect(out.join("\n")).toContain("--out DIR");
  });

  test("a run writes the files, reports their rows, time and peak memory", async () => {
    const { out, io } = lines();
    const outDir = path.join(root, "run");
    expect(await runCli(["--shipments", "300", "--seed", "cli", "--out", outDir], io)).toBe(0);
    const report = out.join("\n");
    expect(report).toContain(`Wrote ${outDir}`);
    expect(report).toMatch(/shipments\.csv\s+300 rows/);
    expect(report).toMatch(/Done in [\d.]+ s, peak RSS \d+ MB/);
    const truth = JSON.parse(await readFile(path.join(outDir, "ground-truth.json"), "utf8")) as { seed: string; shipments: number };
    expect(truth).toMatchObject({ seed: "cli", shipments: 300 });
  });
});
