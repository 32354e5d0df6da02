/**
 * Reads the machine-readable header of a query file and checks it against the Cypher below it,
 * statically (no database): every `$parameter` the text uses is declared and every declared one is
 * used; every `{{SLOT}}` likewise; the declared columns are those of the top-level RETURN, in its
 * order. The notation is described in cypher/README.md:
 *
 *   // @param ids: string[]
 *   // @param after: string | null
 *   // @slot LABEL: NodeLabel
 *   // @column key: string
 *   // @column node: NodeProperties
 */

/** The slot kinds: what may fill a `{{SLOT}}` of a template (see cypher-query.ts for the checks). */
export const SLOT_KINDS = ["NodeLabel", "NodeLabels", "RelType", "Arrow", "Count"] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export function isSlotKind(value: string): value is SlotKind {
  return (SLOT_KINDS as readonly string[]).includes(value);
}

/**
 * The scalar types of the notation. Named types (a capital first letter) are TypeScript types of
 * src/db/query-types.ts: maps a query projects, and parameter maps.
 */
export const SCALAR_TYPES = ["string", "integer", "float", "boolean", "date", "datetime", "null"] as const;
export type ScalarType = (typeof SCALAR_TYPES)[number];

/** One alternative of a type: a scalar or a named type, in `lists` levels of list (`string[][]` is 2). */
export interface TypeTerm {
  readonly name: string;
  readonly lists: number;
}

/** A type: its alternatives (`string | null` has two). */
export type ValueType = readonly TypeTerm[];

export interface Declaration {
  readonly name: string;
  /** The type as written, normalised (single spaces around `|`). */
  readonly type: string;
}

export interface SlotDeclaration {
  readonly name: string;
  readonly kind: SlotKind;
}

export interface QueryHeader {
  readonly parameters: readonly Declaration[];
  readonly slots: readonly SlotDeclaration[];
  readonly columns: readonly Declaration[];
}

/** What the Cypher text itself shows, read without a database. */
export interface QueryShape {
  /** `$parameters` used, sorted. */
  readonly parameters: readonly string[];
  /** `{{SLOTS}}` used outside comments, sorted. */
  readonly slots: readonly string[];
  /** The columns of the top-level RETURN (every branch of a UNION alike), in order; empty without one. */
  readonly columns: readonly string[];
  /** Whether the text writes (CREATE, MERGE, SET, DELETE, REMOVE). */
  readonly writes: boolean;
}

const TAG = /^\/\/\s*@(\w+)\b\s*(.*)$/;
const DECLARATION = /^([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(\S.*?)\s*$/;
const TYPE_TERM = /^([A-Za-z][A-Za-z0-9]*)((?:\[\])*)$/;

/** Parses a type of the notation; throws with a message naming what is wrong. */
export function parseType(text: string): ValueType {
  const terms = text.split("|").map((part) => part.trim());
  return terms.map((term) => {
    const match = TYPE_TERM.exec(term);
    if (!match) throw new Error(`"${text}" is not a type: "${term}" is not a name followed by [] pairs`);
    const [, name, brackets] = match;
    if (!/^[A-Z]/.test(name) && !(SCALAR_TYPES as readonly string[]).includes(name)) {
      throw new Error(`"${name}" is neither a scalar (${SCALAR_TYPES.join(", ")}) nor a named type (capitalised)`);
    }
    if (name === "null" && brackets.length > 0) throw new Error(`"${text}": a list of null`);
    return { name, lists: brackets.length / 2 };
  });
}

export function formatType(type: ValueType): string {
  return type.map((term) => term.name + "[]".repeat(term.lists)).join(" | ");
}

/**
 * The header of a query file: its leading comment lines. Only the `@param`, `@slot` and `@column`
 * lines are read; the rest is prose. A tag outside the leading comment block is an error, so that
 * a declaration cannot hide in the body.
 */
export function parseHeader(text: string): QueryHeader {
  const lines = text.split(/\r?\n/);
  const end = lines.findIndex((line) => !line.trimStart().startsWith("//"));
  const headerEnd = end === -1 ? lines.length : end;
  const parameters: Declaration[] = [];
  const slots: SlotDeclaration[] = [];
  const columns: Declaration[] = [];
  const seen = { param: new Set<string>(), slot: new Set<string>(), column: new Set<string>() };
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const tag = TAG.exec(line);
    if (!tag) return;
    const where = `line ${index + 1}`;
    if (index >= headerEnd) throw new Error(`${where}: @${tag[1]} after the header (tags belong to the leading comment lines)`);
    const [, kind, rest] = tag;
    if (kind !== "param" && kind !== "slot" && kind !== "column") throw new Error(`${where}: unknown tag @${kind} (@param, @slot, @column)`);
    const declaration = DECLARATION.exec(rest);
    if (!declaration) throw new Error(`${where}: @${kind} wants "name: type"`);
    const [, name, type] = declaration;
    if (seen[kind].has(name)) throw new Error(`${where}: @${kind} ${name} is declared twice`);
    seen[kind].add(name);
    if (kind === "slot") {
      if (!/^[A-Z][A-Z_]*$/.test(name)) throw new Error(`${where}: slot ${name} is not in capitals`);
      if (!isSlotKind(type)) throw new Error(`${where}: slot ${name}: "${type}" is not a slot kind (${SLOT_KINDS.join(", ")})`);
      slots.push({ name, kind: type });
      return;
    }
    let parsed: ValueType;
    try {
      parsed = parseType(type);
    } catch (error) {
      throw new Error(`${where}: ${kind} ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    (kind === "param" ? parameters : columns).push({ name, type: formatType(parsed) });
  });
  return { parameters, slots, columns };
}

interface Token {
  kind: "word" | "parameter" | "slot" | "quoted" | "string" | "number" | "symbol";
  text: string;
  /** Nesting of (), [] and {} before the token. */
  depth: number;
}

/** Splits Cypher into tokens, without comments. Strings and quoted names are single tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  const push = (kind: Token["kind"], value: string) => tokens.push({ kind, text: value, depth });
  while (i < text.length) {
    const char = text[i];
    const next = text[i + 1];
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") i += 1;
    } else if (char === "/" && next === "*") {
      const close = text.indexOf("*/", i + 2);
      i = close === -1 ? text.length : close + 2;
    } else if (char === "'" || char === '"' || char === "`") {
      let j = i + 1;
      while (j < text.length && text[j] !== char) j += text[j] === "\\" && char !== "`" ? 2 : 1;
      push(char === "`" ? "quoted" : "string", text.slice(i + 1, j));
      i = j + 1;
    } else if (char === "{" && next === "{" && /^\{\{[A-Z_]+\}\}/.test(text.slice(i))) {
      const close = text.indexOf("}}", i);
      push("slot", text.slice(i + 2, close));
      i = close + 2;
    } else if (char === "$" && /[A-Za-z_]/.test(next ?? "")) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))!;
      push("parameter", match[0]);
      i += 1 + match[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      push("word", match[0]);
      i += match[0].length;
    } else if (/[0-9]/.test(char)) {
      const match = /^[0-9]+(?:\.[0-9]+)?/.exec(text.slice(i))!;
      push("number", match[0]);
      i += match[0].length;
    } else {
      if (char === ")" || char === "]" || char === "}") depth -= 1;
      push("symbol", char);
      if (char === "(" || char === "[" || char === "{") depth += 1;
      i += 1;
    }
  }
  return tokens;
}

const WRITE_CLAUSES = new Set(["CREATE", "MERGE", "SET", "DELETE", "REMOVE"]);
const PROJECTION_ENDS = new Set(["ORDER", "SKIP", "LIMIT", "UNION"]);

/** Reads, from the text alone, the parameters, slots and columns it uses, and whether it writes. */
export function queryShape(text: string): QueryShape {
  const tokens = tokenize(text);
  const parameters = new Set<string>();
  const slots = new Set<string>();
  let writes = false;
  tokens.forEach((token, index) => {
    if (token.kind === "parameter") parameters.add(token.text);
    if (token.kind === "slot") slots.add(token.text);
    // A quoted name may hold a slot: source.`nodes.{{LABEL}}`.
    if (token.kind === "quoted") for (const match of token.text.matchAll(/\{\{([A-Z_]+)\}\}/g)) slots.add(match[1]);
    const previous = tokens[index - 1];
    if (token.kind === "word" && WRITE_CLAUSES.has(token.text.toUpperCase()) && previous?.text !== ".") writes = true;
  });

  let columns: string[] | null = null;
  tokens.forEach((token, index) => {
    if (token.kind !== "word" || token.depth !== 0 || token.text.toUpperCase() !== "RETURN") return;
    const branch = returnColumns(tokens, index + 1);
    if (columns !== null && columns.join(",") !== branch.join(",")) {
      throw new Error(`the RETURN clauses differ: ${columns.join(", ")} and ${branch.join(", ")}`);
    }
    columns = branch;
  });
  return {
    parameters: [...parameters].sort(),
    slots: [...slots].sort(),
    columns: columns ?? [],
    writes,
  };
}

/** The column names of a RETURN whose items start at `start`. */
function returnColumns(tokens: readonly Token[], start: number): string[] {
  const items: Token[][] = [[]];
  for (let i = start; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.depth === 0 && token.kind === "word" && PROJECTION_ENDS.has(token.text.toUpperCase())) break;
    if (token.depth === 0 && token.kind === "symbol" && token.text === ",") {
      items.push([]);
      continue;
    }
    items[items.length - 1].push(token);
  }
  if (items[0][0]?.kind === "word" && items[0][0].text.toUpperCase() === "DISTINCT") items[0].shift();
  return items.map((item) => {
    const [last, beforeLast] = [item[item.length - 1], item[item.length - 2]];
    const named = (token: Token | undefined) => token && token.depth === 0 && (token.kind === "word" || token.kind === "quoted");
    if (item.length >= 3 && named(last) && beforeLast.kind === "word" && beforeLast.text.toUpperCase() === "AS") return last.text;
    if (item.length === 1 && named(last)) return last.text;
    throw new Error(`a RETURN item without a name: ${item.map((token) => token.text).join(" ") || "(empty)"}`);
  });
}

/**
 * What is wrong between a file's header and its text, one message per problem (empty when they
 * agree). Header syntax errors throw instead (parseHeader).
 */
export function headerProblems(header: QueryHeader, shape: QueryShape): string[] {
  const problems: string[] = [];
  const declared = new Set(header.parameters.map((parameter) => parameter.name));
  for (const name of [...declared].sort()) if (!shape.parameters.includes(name)) problems.push(`@param ${name} is declared but $${name} is not used`);
  for (const name of shape.parameters) if (!declared.has(name)) problems.push(`$${name} is used but not declared with @param`);
  const slots = new Set(header.slots.map((slot) => slot.name));
  for (const name of [...slots].sort()) if (!shape.slots.includes(name)) problems.push(`@slot ${name} is declared but {{${name}}} is not used`);
  for (const name of shape.slots) if (!slots.has(name)) problems.push(`{{${name}}} is used but not declared with @slot`);
  const columns = header.columns.map((column) => column.name);
  for (const name of columns) if (!shape.columns.includes(name)) problems.push(`@column ${name} is not a column of the RETURN`);
  for (const name of shape.columns) if (!columns.includes(name)) problems.push(`the RETURN column ${name} is not declared with @column`);
  if (problems.length === 0 && columns.join(",") !== shape.columns.join(",")) {
    problems.push(`@column order ${columns.join(", ")} differs from the RETURN's ${shape.columns.join(", ")}`);
  }
  return problems;
}
