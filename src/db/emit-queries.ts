import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { projectRoot } from "../config.js";
import { headerProblems, parseHeader, parseType, queryShape, type QueryHeader, type SlotKind } from "./cypher-header.js";
import { listCypherFiles, QUERIES_DIR } from "./cypher-files.js";

/**
 * Writes src/db/queries.generated.ts from the query files under cypher/queries: for each file a
 * typed descriptor (parameters, rows, slots, mode and text) named after its path, and `queries`,
 * all of them by name. Run by `npm run queries:emit`; a test fails when the committed module
 * differs from what this writes (test/schema/queries-drift.test.ts), another when a header and its
 * text disagree (test/unit/cypher-headers.test.ts).
 *
 * The text is in the module, not read from the file at start: a descriptor is then all the
 * executor needs (no registry to thread through), nothing is read from disk at run time, and the
 * drift test keeps module and file equal.
 */
export const QUERIES_MODULE = path.join(projectRoot, "src", "db", "queries.generated.ts");

const HEADER_COMMENT =
  "// Emitted from cypher/queries/**/*.cypher by `npm run queries:emit` (src/db/emit-queries.ts). Do not edit by hand.\n" +
  "// Each query's parameter, row and slot types come from its file's header (see cypher/README.md).\n";

/** `api-keys/find` → `apiKeysFind`. */
export function queryName(file: string): string {
  const words = file.split(/[/-]/).filter((word) => word.length > 0);
  return words.map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1))).join("");
}

interface ParsedFile {
  file: string;
  name: string;
  header: QueryHeader;
  writes: boolean;
  text: string;
}

/** Reads and checks every query file; throws listing every file whose header and text disagree. */
export async function readQueryFiles(directory = QUERIES_DIR): Promise<ParsedFile[]> {
  const files = await listCypherFiles(directory);
  const parsed: ParsedFile[] = [];
  const problems: string[] = [];
  const names = new Map<string, string>();
  for (const file of files) {
    const text = await readFile(path.join(directory, `${file}.cypher`), "utf8");
    const name = queryName(file);
    const other = names.get(name);
    if (other) problems.push(`${file}.cypher: its name ${name} is also ${other}.cypher's`);
    names.set(name, file);
    try {
      const header = parseHeader(text);
      const shape = queryShape(text);
      for (const problem of headerProblems(header, shape)) problems.push(`${file}.cypher: ${problem}`);
      parsed.push({ file, name, header, writes: shape.writes, text });
    } catch (error) {
      problems.push(`${file}.cypher: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length > 0) throw new Error(`query headers disagree with their texts:\n  ${problems.join("\n  ")}`);
  return parsed;
}

/** TypeScript for a type of the notation: in rows, values as toPlain gives them; in parameters, as the driver takes them. */
function typeScript(type: string, place: "row" | "parameter", used: Set<string>): string {
  return parseType(type)
    .map((term) => {
      let typed = scalarType(term.name, place, used);
      // Parameters take read-only lists, so callers need not copy theirs.
      for (let level = 0; level < term.lists; level++) {
        typed = place === "row" ? `${typed}[]` : `readonly ${typed.includes(" ") ? `(${typed})` : typed}[]`;
      }
      return typed;
    })
    .join(" | ");
}

function scalarType(name: string, place: "row" | "parameter", used: Set<string>): string {
  switch (name) {
    case "string":
    case "boolean":
    case "null":
      return name;
    case "float":
      return "number";
    case "integer":
      if (place === "row") return "number";
      used.add("Integer");
      return "Integer";
    case "date":
      if (place === "row") return "string";
      used.add("CypherDate");
      return "CypherDate<number>";
    case "datetime":
      if (place === "row") return "string";
      used.add("CypherDateTime");
      return "CypherDateTime<number>";
    default:
      used.add(name);
      return name;
  }
}

const SLOT_TYPES: Readonly<Record<SlotKind, string>> = {
  NodeLabel: "NodeLabel",
  NodeLabels: "string",
  RelType: "RelType",
  Arrow: '"<-" | "-" | "->"',
  Count: "string",
};

function pascal(name: string): string {
  return name[0].toUpperCase() + name.slice(1);
}

/** A template literal holding `text` as it is. */
function templateLiteral(text: string): string {
  return "`" + text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${") + "`";
}

/** The header's prose up to its first full stop at a line end (at most three lines), for the descriptor's doc comment. */
function summary(text: string): string {
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith("//") || /^\/\/\s*@/.test(line)) break;
    lines.push(line.replace(/^\/\/\s?/, "").trim());
    if (/\.\)?$/.test(line) || lines.length === 3) break;
  }
  return lines.join(" ").replace(/\*\//g, "*\\/");
}

/**
 * An object type. A type alias rather than an interface: it has an implicit index signature, so a
 * typed row still goes where code takes `Record<string, unknown>`.
 */
function objectType(name: string, fields: readonly { name: string; type: string }[]): string {
  if (fields.length === 0) return `export type ${name} = Record<string, never>;\n`;
  return `export type ${name} = {\n${fields.map((field) => `  ${field.name}: ${field.type};\n`).join("")}};\n`;
}

function objectLiteral(entries: readonly [string, string][]): string {
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(", ")} }`;
}

/** The generated module's source. */
export async function emittedQueries(directory = QUERIES_DIR): Promise<string> {
  const files = await readQueryFiles(directory);
  const used = new Set<string>();
  const blocks = files.map(({ file, name, header, writes, text }) => {
    const type = pascal(name);
    const mode = writes ? "write" : "read";
    const parameters = header.parameters.map((parameter) => ({ name: parameter.name, type: typeScript(parameter.type, "parameter", used) }));
    const columns = header.columns.map((column) => ({ name: column.name, type: typeScript(column.type, "row", used) }));
    const slots = header.slots.map((slot) => {
      if (slot.kind === "NodeLabel") used.add("NodeLabel");
      if (slot.kind === "RelType") used.add("RelType");
      return { name: slot.name, type: SLOT_TYPES[slot.kind] };
    });
    return [
      `// ${file}.cypher\n\n`,
      objectType(`${type}Parameters`, parameters),
      "\n",
      objectType(`${type}Row`, columns),
      "\n",
      objectType(`${type}Slots`, slots),
      "\n",
      `/** ${summary(text)} */\n`,
      `export const ${name}: CypherQuery<${type}Parameters, ${type}Row, ${type}Slots, "${mode}"> = {\n`,
      `  name: ${JSON.stringify(name)},\n`,
      `  file: ${JSON.stringify(file)},\n`,
      `  mode: "${mode}",\n`,
      `  parameters: ${objectLiteral(header.parameters.map((parameter) => [parameter.name, parameter.type]))},\n`,
      `  slots: ${objectLiteral(header.slots.map((slot) => [slot.name, slot.kind]))},\n`,
      `  columns: ${objectLiteral(header.columns.map((column) => [column.name, column.type]))},\n`,
      `  text: ${templateLiteral(text)},\n`,
      "};\n",
    ].join("");
  });

  const driverTypes = [
    used.has("CypherDate") ? "Date as CypherDate" : null,
    used.has("CypherDateTime") ? "DateTime as CypherDateTime" : null,
    used.has("Integer") ? "Integer" : null,
  ].filter((name) => name !== null);
  const domainTypes = ["NodeLabel", "RelType"].filter((name) => used.has(name));
  const scalarsAndDriver = new Set(["Integer", "CypherDate", "CypherDateTime", "NodeLabel", "RelType"]);
  const namedTypes = [...used].filter((name) => !scalarsAndDriver.has(name)).sort();
  const imports = [
    driverTypes.length > 0 ? `import type { ${driverTypes.join(", ")} } from "neo4j-driver";\n\n` : "",
    domainTypes.length > 0 ? `import type { ${domainTypes.join(", ")} } from "../domain/graph-schema.js";\n` : "",
    `import type { CypherQuery } from "./cypher-query.js";\n`,
    namedTypes.length > 0 ? `import type { ${namedTypes.join(", ")} } from "./query-types.js";\n` : "",
  ].join("");
  const index = [
    "/** Every query, by name. */\n",
    "export const queries = {\n",
    ...files.map(({ name }) => `  ${name},\n`),
    "} as const;\n\n",
    "export type QueryName = keyof typeof queries;\n",
  ].join("");
  return [HEADER_COMMENT, "\n", imports, "\n", blocks.join("\n"), "\n", index].join("");
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  await writeFile(QUERIES_MODULE, await emittedQueries());
  console.log(`wrote ${path.relative(projectRoot, QUERIES_MODULE)}`);
}
