import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";

/**
 * The runtime image (the Dockerfile's last stage) must hold every file and folder the API reads at
 * run time. What it reads: every `path.join(projectRoot, "a", "b", ...)` (or `path.resolve`) in the
 * sources the server's entry file (src/index.ts, the image's CMD) imports, directly or not. What the
 * image holds: the destinations of the stage's COPY lines, under its WORKDIR.
 */

/** The image runs its entry file from dist/: the same module graph, compiled. */
const ENTRY = "src/index.ts";

/**
 * Paths the API reads that the image leaves out on purpose. The embedded Neo4j needs Java and
 * Maven's jars, which the image does not have: it runs with NEO4J_URI (docker-compose.yml).
 */
const NOT_IN_THE_IMAGE: Record<string, string> = {
  "neo4j-launcher": "the embedded Neo4j; the image is run with NEO4J_URI",
};

/**
 * Uses of `projectRoot` that name no fixed path, each with why it needs nothing in the image. A
 * use that is neither a literal path nor listed here fails the test, so that it gets looked at.
 */
const OTHER_USES: { file: string; code: string; why: string }[] = [
  { file: "src/config.ts", code: "path.resolve(projectRoot, nonEmpty(env.NEO4J_DATA_DIR)", why: "the embedded Neo4j's data folder (unused with NEO4J_URI)" },
  { file: "src/config.ts", code: "path.resolve(projectRoot, nonEmpty(env.AUDIT_LOG_PATH)", why: "written, in a volume (/app/.audit, made by the Dockerfile)" },
];

/** The source files `entry` imports, directly or not, itself included (relative imports; NodeNext `.js` names `.ts`). */
function importedSources(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(path.join(projectRoot, file), "utf8");
    // `import … from "./x.js"`, `export … from "./x.js"`, `import "./x.js"`, `import("./x.js")`.
    for (const match of source.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = path.posix.join(path.posix.dirname(file), match[1]!).replace(/\.js$/, ".ts");
      if (!existsSync(path.join(projectRoot, target))) throw new Error(`${file} imports ${match[1]}, which is not a source file`);
      pending.push(target);
    }
  }
  return [...seen].sort();
}

interface ProjectRootUses {
  /** Project-relative paths, from the literal arguments after `projectRoot`. */
  paths: string[];
  /** Uses that are neither a literal path, nor an import, nor `path.relative` (a path for a message). */
  unrecognised: string[];
}

/** The paths a source file builds from `projectRoot`. */
function projectRootUses(source: string): ProjectRootUses {
  const paths: string[] = [];
  const unrecognised: string[] = [];
  for (const match of source.matchAll(/\bprojectRoot\b/g)) {
    const lineStart = source.lastIndexOf("\n", match.index) + 1;
    const lineEnd = source.indexOf("\n", match.index);
    const line = source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim();
    const from = source.slice(Math.max(0, match.index - 40), match.index);
    const after = source.slice(match.index, match.index + 300);
    if (/^import\b/.test(line) || /^import\s*\{[^}]*$/.test(line) || /path\.relative\($/.test(from)) continue;
    if (/export const projectRoot = |function findProjectRoot/.test(line)) continue;
    const literal = /^projectRoot\s*,\s*((?:["'][^"']+["']\s*,?\s*)+)\)/.exec(after);
    if (/path\.(join|resolve)\($/.test(from) && literal) {
      const segments = [...literal[1]!.matchAll(/["']([^"']+)["']/g)].map((segment) => segment[1]!);
      paths.push(path.posix.join(...segments));
    } else {
      unrecognised.push(line);
    }
  }
  return { paths, unrecognised };
}

/**
 * What the last stage of a Dockerfile copies in, as paths under its last WORKDIR (where the CMD
 * runs: the API's projectRoot), `.` for that folder itself. As Docker does, a folder's contents go
 * into the destination; a file goes into it by its own name when the destination ends in "/" or
 * there are several sources. A source is a folder when the project holds it as one; a source from
 * another stage (`--from=`), which the project may not hold yet, when its name has no extension.
 */
function runtimeStageCopies(dockerfile: string, isProjectFolder: (source: string) => boolean): string[] {
  // Continuation lines joined; comments dropped.
  const lines = dockerfile
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  const lastFrom = lines.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true);
  if (lastFrom === -1) throw new Error("no FROM line");
  let workdir = "/";
  const targets: string[] = [];
  for (const line of lines.slice(lastFrom + 1)) {
    const instruction = /^(\w+)\s+(.*)$/.exec(line);
    if (!instruction) continue;
    const [, keyword, rest] = instruction;
    if (/^WORKDIR$/i.test(keyword!)) workdir = path.posix.resolve(workdir, rest!.trim());
    if (!/^(COPY|ADD)$/i.test(keyword!)) continue;
    const words = rest!.trim().startsWith("[") ? (JSON.parse(rest!) as string[]) : rest!.trim().split(/\s+/);
    const fromStage = words.some((word) => /^--from=/.test(word));
    const operands = words.filter((word) => !word.startsWith("--"));
    if (operands.length < 2) throw new Error(`a COPY with no source or destination: ${line}`);
    const destination = operands.at(-1)!;
    const sources = operands.slice(0, -1);
    const into = path.posix.resolve(workdir, destination);
    for (const source of sources) {
      const folder = fromStage ? !path.posix.basename(source).includes(".") : isProjectFolder(source);
      const intoFolder = !folder && (sources.length > 1 || destination.endsWith("/"));
      targets.push(intoFolder ? path.posix.join(into, path.posix.basename(source)) : into);
    }
  }
  return targets.map((target) => path.posix.relative(workdir, target) || ".");
}

/** Whether `needed` is one of the copied paths or lies under one. */
function isCopied(needed: string, copied: string[]): boolean {
  return copied.some((target) => target === "." || needed === target || needed.startsWith(`${target}/`));
}

describe("the Dockerfile's parser", () => {
  it("gives the last stage's COPY destinations under its WORKDIR", () => {
    const dockerfile = [
      "FROM node:20 AS build",
      "WORKDIR /src",
      "COPY . .",
      "FROM node:20-slim AS runtime",
      "WORKDIR /app",
      "COPY package.json package-lock.json ./",
      "COPY --from=build /src/dist ./dist",
      "# COPY secrets ./secrets",
      "COPY --chown=node:node cypher \\",
      "  ./cypher",
      'COPY ["data", "/app/data/"]',
      "COPY web/app.js static/",
    ].join("\n");
    const folders = new Set(["cypher", "data"]);
    expect(runtimeStageCopies(dockerfile, (source) => folders.has(source))).toEqual([
      "package.json",
      "package-lock.json",
      "dist",
      "cypher",
      "data",
      "static/app.js",
    ]);
  });

  it("reads paths built from projectRoot, and flags other uses", () => {
    const source = [
      'import { projectRoot } from "../config.js";',
      'const A = path.join(projectRoot, "cypher", "queries");',
      "const B = path.resolve(projectRoot, 'data');",
      "log(path.relative(projectRoot, file));",
      "const C = path.join(projectRoot, name);",
    ].join("\n");
    expect(projectRootUses(source)).toEqual({ paths: ["cypher/queries", "data"], unrecognised: ["const C = path.join(projectRoot, name);"] });
  });
});

describe("the runtime image", () => {
  const sources = importedSources(ENTRY);
  const uses = sources.map((file) => ({ file, ...projectRootUses(readFileSync(path.join(projectRoot, file), "utf8")) }));

  it("is built from the server's whole module graph", () => {
    // The files whose paths this test knows to be read at run time must be among those found.
    for (const file of ["src/db/cypher-files.ts", "src/http/static-files.ts", "src/import/demo.ts", "src/db/embedded-neo4j.ts"]) {
      expect(sources).toContain(file);
    }
    // Commands that write sources are not part of the server.
    expect(sources).not.toContain("src/graphql/emit-schema.ts");
  });

  it("every use of projectRoot in the server names a fixed path, or is known", () => {
    const unexplained = uses.flatMap(({ file, unrecognised }) =>
      unrecognised.filter((line) => !OTHER_USES.some((known) => known.file === file && line.includes(known.code))).map((line) => `${file}: ${line}`),
    );
    expect(unexplained).toEqual([]);
  });

  it("holds every path the server reads", () => {
    const isProjectFolder = (source: string) => statSync(path.join(projectRoot, source), { throwIfNoEntry: false })?.isDirectory() ?? false;
    const copied = runtimeStageCopies(readFileSync(path.join(projectRoot, "Dockerfile"), "utf8"), isProjectFolder);
    const needed = [...new Set(uses.flatMap(({ paths }) => paths))].filter((needed) => !(needed.split("/")[0]! in NOT_IN_THE_IMAGE)).sort();
    // The paths known to be read at run time (written by hand): the parsing above found them.
    expect(needed).toEqual(expect.arrayContaining(["cypher/queries", "cypher/constraints", "dist/web", "mappings", "data"]));
    const missing = needed.filter((path) => !isCopied(path, copied));
    expect(missing, `read at run time but not copied into the runtime image (copied: ${copied.join(", ")})`).toEqual([]);
  });
});
