import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import ts from "typescript";
import { describe, expect, test } from "vitest";

import { projectRoot } from "../../src/config.js";
import {
  expandPropertyName,
  labels,
  markerLabels,
  relationshipProperties,
  relationshipTypes,
  isModelLabel,
  isModelRelationshipType,
} from "../../src/domain/model.js";

/**
 * Every label, relationship type and property that a `.cypher` file names is one of the model's
 * (src/domain/model.ts), read from the text without a database. The integration test
 * test/integration/cypher-model.test.ts asks Neo4j the same question with EXPLAIN.
 *
 * What is read, after comments and strings are dropped:
 * - labels and types of patterns, `(n:Label)`, `[r:TYPE|OTHER]`, and of predicates, `n:Label`;
 * - properties of pattern maps, `(n:Label {property: ...})`, of `SET n += {property: ...}`, of map
 *   projections, `n {.property}`, and of `n.property` where `n` is bound by a pattern of the file,
 *   checked against the labels (or types) that bind it.
 * What is not: parameters (`$row.id`), template slots (`{{LABEL}}`: the values come from the enums),
 * variables no pattern binds (rows of an UNWIND, maps a query builds, comprehension variables),
 * keys of maps a query builds (`RETURN {id: ...}`, `n {key: ...}`), and properties of expressions
 * (`startNode(r).id`, `hops[i].key`).
 */

// ---------------------------------------------------------------------------------------------
// Reading names out of Cypher text

type TokenKind = "ident" | "param" | "slot" | "string" | "number" | "punct";

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

const PUNCTUATION = ["..", "::", "+=", "->", "<-", "<>", "<=", ">=", "=~"];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  let line = 1;
  const push = (kind: TokenKind, text: string, start: number, end: number) => tokens.push({ kind, text, line, start, end });
  const advanceTo = (end: number) => {
    for (let i = at; i < end; i++) if (source[i] === "\n") line++;
    at = end;
  };
  while (at < source.length) {
    const rest = source.slice(at);
    const char = source[at]!;
    if (/\s/.test(char)) {
      advanceTo(at + 1);
      continue;
    }
    if (rest.startsWith("//")) {
      const end = source.indexOf("\n", at);
      advanceTo(end === -1 ? source.length : end);
      continue;
    }
    if (rest.startsWith("/*")) {
      const end = source.indexOf("*/", at + 2);
      advanceTo(end === -1 ? source.length : end + 2);
      continue;
    }
    const slot = /^\{\{[A-Z_]+\}\}/.exec(rest);
    if (slot) {
      push("slot", slot[0], at, at + slot[0].length);
      advanceTo(at + slot[0].length);
      continue;
    }
    if (char === "'" || char === '"') {
      let end = at + 1;
      while (end < source.length && source[end] !== char) end += source[end] === "\\" ? 2 : 1;
      push("string", source.slice(at + 1, end), at, end + 1);
      advanceTo(end + 1);
      continue;
    }
    if (char === "`") {
      let end = at + 1;
      while (end < source.length && !(source[end] === "`" && source[end + 1] !== "`")) end += source[end] === "`" ? 2 : 1;
      push("ident", source.slice(at + 1, end).replaceAll("``", "`"), at, end + 1);
      advanceTo(end + 1);
      continue;
    }
    const param = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|\d+)/.exec(rest);
    if (param) {
      push("param", param[0], at, at + param[0].length);
      advanceTo(at + param[0].length);
      continue;
    }
    const number = /^\d+(?:\.\d+(?!\.))?(?:[eE][-+]?\d+)?/.exec(rest);
    if (number) {
      push("number", number[0], at, at + number[0].length);
      advanceTo(at + number[0].length);
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (word) {
      push("ident", word[0], at, at + word[0].length);
      advanceTo(at + word[0].length);
      continue;
    }
    const punct = PUNCTUATION.find((candidate) => rest.startsWith(candidate)) ?? char;
    push("punct", punct, at, at + punct.length);
    advanceTo(at + punct.length);
  }
  return tokens;
}

/** Words that are never a variable. */
const KEYWORDS = new Set(
  (
    "MATCH OPTIONAL WHERE RETURN WITH UNWIND AS CALL YIELD CREATE MERGE SET DELETE DETACH REMOVE ON ORDER BY SKIP " +
    "LIMIT ASC DESC ASCENDING DESCENDING DISTINCT AND OR XOR NOT IN IS NULL TRUE FALSE CASE WHEN THEN ELSE END EXISTS " +
    "COUNT COLLECT UNION ALL FOREACH CONTAINS STARTS ENDS SHORTEST GROUPS ANY FOR REQUIRE UNIQUE INDEX CONSTRAINT IF " +
    "DROP FULLTEXT EACH OPTIONS USE LOAD CSV HEADERS TRANSACTIONS EXPLAIN PROFILE"
  ).split(" "),
);
/** Keywords that start a clause: a map after `SET n +=` is the clause's. */
const CLAUSES = new Set(
  "MATCH MERGE CREATE SET REMOVE DELETE WITH RETURN UNWIND WHERE ORDER YIELD FOREACH CALL".split(" "),
);
/** Keywords after which `(` opens a pattern or a subquery's scope, not a function's arguments. */
const BEFORE_PATTERN = new Set(["MATCH", "MERGE", "CREATE", "CALL", "WHERE", "AND", "OR", "NOT", "FOR", "ON", "EXISTS"]);
/** Keywords after which `{` opens a subquery. */
const BEFORE_BLOCK = new Set(["EXISTS", "COUNT", "COLLECT", "CALL"]);

const isKeyword = (token: Token | undefined) => token?.kind === "ident" && KEYWORDS.has(token.text.toUpperCase());
const isWord = (token: Token | undefined) => token?.kind === "ident" && !isKeyword(token);
const isPunct = (token: Token | undefined, ...texts: string[]) => token?.kind === "punct" && texts.includes(token.text);

interface NameUse {
  readonly kind: "label" | "type" | "label or type" | "property";
  readonly name: string;
  readonly line: number;
  /** For a property: the labels or types it belongs to; empty when any node or relationship may hold it. */
  readonly of: readonly string[];
  /** For a property: whether it is a node's or a relationship's, when known. */
  readonly element?: "node" | "relationship";
}

type ContextKind = "group" | "call" | "list" | "block" | "map" | "property map" | "projection";

interface Context {
  readonly kind: ContextKind;
  readonly open: number;
  /** The variables local to it: comprehension and reduce variables. */
  readonly locals: Set<string>;
  /** For property maps and projections: whose properties the keys (or `.keys`) are. */
  readonly owner?: { readonly labels: readonly string[]; readonly element?: "node" | "relationship"; readonly variable?: string };
}

interface Binding {
  labels: Set<string>;
  /** Bound with a slot (`:{{LABEL}}`), or never with a label: any label may hold it. */
  open: boolean;
  elements: Set<"node" | "relationship">;
}

/** Every label, type and property a Cypher text names, with its line. */
function cypherNames(source: string): NameUse[] {
  const tokens = tokenize(source);
  const bindings = bindingsOf(tokens);
  const parts = unionParts(tokens);
  const uses: NameUse[] = [];
  const stack: Context[] = [{ kind: "block", open: -1, locals: new Set() }];
  let clause = "";

  const isLocal = (name: string) => stack.some((context) => context.locals.has(name));
  const propertyOf = (at: number, variable: string, name: string, line: number) => {
    const binding = bindings.get(`${parts[at]}:${variable}`);
    if (binding === undefined || isLocal(variable)) return;
    uses.push({
      kind: "property",
      name,
      line,
      of: binding.open ? [] : [...binding.labels],
      ...(binding.elements.size === 1 ? { element: [...binding.elements][0] } : {}),
    });
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = tokens[i - 1];
    const context = stack[stack.length - 1]!;
    if (token.kind === "ident" && CLAUSES.has(token.text.toUpperCase())) clause = token.text.toUpperCase();

    if (isPunct(token, "(")) {
      stack.push({ kind: opensCall(tokens, i) ? "call" : "group", open: i, locals: new Set() });
      continue;
    }
    if (isPunct(token, "[")) {
      stack.push({ kind: "list", open: i, locals: new Set() });
      continue;
    }
    if (isPunct(token, "{")) {
      stack.push(openBrace(tokens, i, context, clause, (variable) => bindings.get(`${parts[i]}:${variable}`)));
      continue;
    }
    if (isPunct(token, ")", "]", "}")) {
      if (stack.length > 1) stack.pop();
      continue;
    }

    // `x IN list` at the start of a list or of a function's arguments: a comprehension variable.
    if (isWord(token) && tokens[i + 1]?.text.toUpperCase() === "IN" && (context.kind === "list" || context.kind === "call")) {
      if (previous !== undefined && (i - 1 === context.open || isPunct(previous, ","))) context.locals.add(token.text);
    }

    // A map's key: `{key: ...}`, `{a: 1, key: ...}`.
    const isKey =
      (context.kind === "map" || context.kind === "property map" || context.kind === "projection") &&
      token.kind === "ident" &&
      isPunct(tokens[i + 1], ":") &&
      (i - 1 === context.open || isPunct(previous, ","));
    if (isKey) {
      if (context.kind === "property map") {
        uses.push({ kind: "property", name: token.text, line: token.line, of: context.owner!.labels, ...elementOf(context) });
      }
      i++; // the colon
      continue;
    }

    // `.property` at the start of a projection's entry.
    if (context.kind === "projection" && isPunct(token, ".") && (i - 1 === context.open || isPunct(previous, ","))) {
      const name = tokens[i + 1];
      if (name?.kind === "ident") propertyOf(i, context.owner!.variable!, name.text, name.line);
      i++;
      continue;
    }

    // `:Label`, `:TYPE|OTHER`, `:A&B`, `:!A`.
    if (isPunct(token, ":")) {
      const kind = colonKind(tokens, i, context);
      let j = i + 1;
      for (;;) {
        while (isPunct(tokens[j], "!", ":")) j++;
        const name = tokens[j];
        if (name?.kind === "ident") uses.push({ kind, name: name.text, line: name.line, of: [] });
        else if (name?.kind !== "slot") break;
        // `:A|B`, `:A&B` and `:A:B` go on; `x:A | x.id` ends a comprehension's predicate.
        let k = j + 2;
        while (isPunct(tokens[k], "!", ":")) k++;
        if (!isPunct(tokens[j + 1], "|", "&", ":") || isPunct(tokens[k + 1], ".", "(")) break;
        j = k;
      }
      i = j;
      continue;
    }

    // `variable.property`: the first property of a chain, unless the chain is a function's name.
    if (isWord(token) && isPunct(tokens[i + 1], ".") && !isPunct(previous, ".")) {
      const name = tokens[i + 2];
      if (name?.kind === "ident" && !isFunctionChain(tokens, i)) propertyOf(i, token.text, name.text, name.line);
      i += 2;
      continue;
    }
  }
  return uses;
}

/** `count(`, `collect(`: a name right before `(` calls a function, unless it is a pattern's keyword. */
function opensCall(tokens: readonly Token[], at: number): boolean {
  const name = tokens[at - 1];
  return name?.kind === "ident" && name.end === tokens[at]!.start && !BEFORE_PATTERN.has(name.text.toUpperCase());
}

/** `db.index.fulltext.queryNodes(`: a namespaced function or procedure, not properties. */
function isFunctionChain(tokens: readonly Token[], at: number): boolean {
  let j = at;
  while (tokens[j]?.kind === "ident" && isPunct(tokens[j + 1], ".")) j += 2;
  return tokens[j]?.kind === "ident" && isPunct(tokens[j + 1], "(");
}

function elementOf(context: Context): { element?: "node" | "relationship" } {
  return context.owner?.element === undefined ? {} : { element: context.owner.element };
}

/** The head of a pattern element, `(variable:Label|Other` or `[variable:TYPE`, from its bracket to `at`. */
function elementHead(
  tokens: readonly Token[],
  open: number,
  at: number,
): { variable?: string; labels: string[]; slotted: boolean; open: boolean } | undefined {
  let j = open + 1;
  let variable: string | undefined;
  if (isWord(tokens[j]) && j < at) variable = tokens[j++]!.text;
  const labels: string[] = [];
  let slotted = false;
  if (isPunct(tokens[j], ":") && j < at) {
    j++;
    for (;;) {
      while (isPunct(tokens[j], "!", ":")) j++;
      if (tokens[j]?.kind === "ident") labels.push(tokens[j]!.text);
      else if (tokens[j]?.kind === "slot") slotted = true;
      else return undefined;
      j++;
      // `:A|B`, `:A&B`, and the older `:A:B`.
      if (isPunct(tokens[j], "|", "&", ":")) j++;
      else break;
    }
  }
  if (j !== at) return undefined;
  return { ...(variable === undefined ? {} : { variable }), labels, slotted, open: slotted || labels.length === 0 };
}

function openBrace(
  tokens: readonly Token[],
  at: number,
  context: Context,
  clause: string,
  bindingOf: (variable: string) => Binding | undefined,
): Context {
  const previous = tokens[at - 1];
  if (previous === undefined || isPunct(previous, ")") || (previous.kind === "ident" && BEFORE_BLOCK.has(previous.text.toUpperCase()))) {
    return { kind: "block", open: at, locals: new Set() };
  }
  // `(n:Label {` or `[r:TYPE {`: the keys are properties of the element.
  if (context.kind === "group" || context.kind === "list") {
    const head = elementHead(tokens, context.open, at);
    const before = tokens[context.open - 1];
    // `[{...}, ...]` is a list of maps and `({...})` a map in parentheses, unless a pattern's arrows are beside them.
    const element =
      context.kind === "list"
        ? isPunct(before, "-", "<-")
        : head !== undefined &&
          (head.variable !== undefined || head.labels.length > 0 || head.slotted || isNodePattern(tokens, context.open, -1));
    if (head !== undefined && element) {
      return {
        kind: "property map",
        open: at,
        locals: new Set(),
        owner: { labels: head.open ? [] : head.labels, element: context.kind === "group" ? "node" : "relationship" },
      };
    }
  }
  // `SET n += {` or `SET n = {`: the keys are properties of n.
  const setItem = isPunct(tokens[at - 3], ",") || tokens[at - 3]?.text.toUpperCase() === "SET";
  if (clause === "SET" && isPunct(previous, "+=", "=") && isWord(tokens[at - 2]) && setItem) {
    const binding = bindingOf(tokens[at - 2]!.text);
    return {
      kind: "property map",
      open: at,
      locals: new Set(),
      owner: { labels: binding === undefined || binding.open ? [] : [...binding.labels] },
    };
  }
  // `n {.property, key: ...}`: a map projection.
  if (isWord(previous)) return { kind: "projection", open: at, locals: new Set(), owner: { labels: [], variable: previous.text } };
  return { kind: "map", open: at, locals: new Set() };
}

/** What the names after a colon are: labels in a node pattern, types in a relationship pattern, else either. */
function colonKind(tokens: readonly Token[], at: number, context: Context): NameUse["kind"] {
  const head = at === context.open + 1 || (at === context.open + 2 && isWord(tokens[context.open + 1]));
  if (head && context.kind === "group") return "label";
  if (head && context.kind === "list") return "type";
  return "label or type";
}

/** For each token, which statement (`;`) and which query of a top-level `UNION` it is in: each binds its own variables. */
function unionParts(tokens: readonly Token[]): number[] {
  let depth = 0;
  let part = 0;
  return tokens.map((token) => {
    if (isPunct(token, "(", "[", "{")) depth++;
    if (isPunct(token, ")", "]", "}")) depth--;
    if (depth === 0 && ((token.kind === "ident" && token.text.toUpperCase() === "UNION") || isPunct(token, ";"))) part++;
    return part;
  });
}

/** The labels or types each variable is bound with by the patterns of the text, as `part:variable`. */
function bindingsOf(tokens: readonly Token[]): Map<string, Binding> {
  const parts = unionParts(tokens);
  // `(n:Seizure) ... (n)-[...]->()`: the second pattern refers to the node the first bound, so a
  // variable is open only when no pattern gives it a label, or one gives it a slot.
  const bindings = new Map<string, Binding>();
  const slotted = new Set<string>();
  const bind = (at: number, name: string, labels: readonly string[], slot: boolean, element: "node" | "relationship") => {
    const variable = `${parts[at]}:${name}`;
    const binding = bindings.get(variable) ?? { labels: new Set(), open: false, elements: new Set() };
    for (const label of labels) binding.labels.add(label);
    if (slot) slotted.add(variable);
    binding.open = slotted.has(variable) || binding.labels.size === 0;
    binding.elements.add(element);
    bindings.set(variable, binding);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = tokens[i - 1];
    if (isPunct(token, "(", "[") && isWord(tokens[i + 1])) {
      if (isPunct(token, "(") && opensCall(tokens, i)) continue;
      let end = i + 2;
      if (isPunct(tokens[end], ":")) {
        end++;
        while (tokens[end]?.kind === "ident" || tokens[end]?.kind === "slot" || isPunct(tokens[end], "|", "&", "!", ":")) end++;
      }
      const node = isPunct(token, "(");
      const closed = node ? isPunct(tokens[end], ")", "{") : isPunct(tokens[end], "]", "{", "*");
      // A relationship is always between dashes; a node without labels is a pattern only beside one.
      const pattern = node ? isPunct(tokens[i + 2], ":") || isPunct(tokens[end], "{") || isNodePattern(tokens, i, end) : isPunct(previous, "-", "<-");
      const head = closed && pattern ? elementHead(tokens, i, end) : undefined;
      if (head?.variable !== undefined) bind(i, head.variable, head.labels, head.slotted, node ? "node" : "relationship");
    }
    // Nodes a procedure yields: any label.
    if (token.text.toUpperCase() === "YIELD") {
      for (let j = i + 1; isWord(tokens[j]); j += 2) {
        bind(j, tokens[j]!.text, [], true, "node");
        if (!isPunct(tokens[j + 1], ",")) break;
      }
    }
  }
  return bindings;
}

/** `(x)` is a node pattern, not a grouped expression, when an arrow, a slot or a pattern's keyword is beside it. */
function isNodePattern(tokens: readonly Token[], open: number, close: number): boolean {
  const before = tokens[open - 1];
  const after = close < 0 ? undefined : tokens[close + 1];
  return (
    isPunct(after, "-", "->", "<-", "<") ||
    isPunct(before, "-", "->", "<-", ">", ",") ||
    after?.kind === "slot" ||
    before?.kind === "slot" ||
    (before?.kind === "ident" && /^(MATCH|MERGE|CREATE|FOR)$/i.test(before.text))
  );
}

// ---------------------------------------------------------------------------------------------
// What the model has

const LABELS = new Set<string>([...Object.keys(labels), ...Object.keys(markerLabels)]);
const TYPES = new Set<string>(Object.keys(relationshipTypes));

const nodeProperties = (label: string): string[] => (isModelLabel(label) ? Object.keys(labels[label].properties) : []);
const typeProperties = (type: string): string[] => (isModelRelationshipType(type) ? Object.keys(relationshipProperties(type)) : []);
const ALL_NODE_PROPERTIES = new Set(Object.keys(labels).flatMap(nodeProperties));
const ALL_RELATIONSHIP_PROPERTIES = new Set(Object.keys(relationshipTypes).flatMap(typeProperties));

/** A name as the model writes it: slots in a quoted name (`nodes.{{LABEL}}`) stand for its templated part. */
function modelName(name: string): string {
  return name.replace(/\{\{(?:LABEL|FROM|TO)\}\}/g, "<Label>").replace(/\{\{TYPE\}\}/g, "<TYPE>");
}

function hasProperty(names: Iterable<string>, name: string): boolean {
  for (const candidate of names) if (candidate === name || expandPropertyName(candidate).includes(name)) return true;
  return false;
}

/** What the model says of a name a text uses: undefined when it has it. */
function problemOf(use: NameUse): string | undefined {
  switch (use.kind) {
    case "label":
      return LABELS.has(use.name) ? undefined : "no label of the model";
    case "type":
      return TYPES.has(use.name) ? undefined : "no relationship type of the model";
    case "label or type":
      return LABELS.has(use.name) || TYPES.has(use.name) ? undefined : "no label or relationship type of the model";
    case "property": {
      const name = modelName(use.name);
      const known = use.of.filter((owner) => isModelLabel(owner) || isModelRelationshipType(owner));
      if (known.length > 0) {
        const own = known.flatMap((owner) => (isModelLabel(owner) ? nodeProperties(owner) : typeProperties(owner)));
        return hasProperty(own, name) ? undefined : `no property of ${known.join(" or ")} in the model`;
      }
      const any =
        use.element === "node"
          ? ALL_NODE_PROPERTIES
          : use.element === "relationship"
            ? ALL_RELATIONSHIP_PROPERTIES
            : new Set([...ALL_NODE_PROPERTIES, ...ALL_RELATIONSHIP_PROPERTIES]);
      return hasProperty(any, name) ? undefined : `no property of any ${use.element ?? "node or relationship"} in the model`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The files

const CYPHER_FOLDERS = ["cypher/queries", "cypher/constraints", "cypher/seed", "bench/cypher", "bench/peer/cypher", "cypher/fragments"];

/**
 * Names the model does not have that .cypher files use today, as `file: kind name`, each with what
 * the model says. Each is a mismatch to fix in the file (or in the model): empty this list.
 */
const KNOWN_MISMATCHES_IN_CYPHER_FILES: readonly string[] = [];

/**
 * Names the model does not have in Cypher written inline in the benchmark's TypeScript, which loads
 * its datasets without the import. Each is a mismatch to fix there: empty this list.
 */
const KNOWN_MISMATCHES_IN_BENCH_CODE: readonly string[] = [];

async function cypherFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const folder of CYPHER_FOLDERS) {
    const entries = await readdir(path.join(projectRoot, folder), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (entry.isFile() && entry.name.endsWith(".cypher")) files.push(path.relative(projectRoot, path.join(entry.parentPath, entry.name)));
    }
  }
  return files.sort();
}

function problems(where: string, text: string): string[] {
  return cypherNames(text).flatMap((use) => {
    const problem = problemOf(use);
    return problem === undefined ? [] : [`${where}:${use.line}: ${use.kind} ${use.name}: ${problem}`];
  });
}

/** Without the line, which moves as files are edited. */
const withoutLine = (problem: string) => problem.replace(/:\d+: /, ": ");

/** Cypher statements written as string or template literals in TypeScript, `${...}` read as a slot. */
function inlineCypher(fileName: string, text: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    let literal: string | undefined;
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) literal = node.text;
    if (ts.isTemplateExpression(node)) literal = node.head.text + node.templateSpans.map((span) => `{{EXPR}}${span.literal.text}`).join("");
    if (literal !== undefined && /^\s*(?:OPTIONAL MATCH|MATCH|MERGE|CREATE|UNWIND|CALL|WITH|RETURN)\b[\s\S]*[(]/.test(literal)) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: literal });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

// ---------------------------------------------------------------------------------------------

describe("reading names out of Cypher", () => {
  const read = (text: string) => cypherNames(text).map((use) => `${use.kind} ${use.name}${use.of.length > 0 ? ` of ${use.of.join("|")}` : use.element ? ` of any ${use.element}` : ""}`);

  test.each([
    { text: "MATCH (n:Seizure {id: $id}) RETURN n.date", names: ["label Seizure", "property id of Seizure", "property date of Seizure"] },
    { text: "MATCH (a)-[r:STOPS_AT|PARTY_TO {role: 'X'}]->(b:Place|Country) RETURN r.seq", names: ["type STOPS_AT", "type PARTY_TO", "property role of STOPS_AT|PARTY_TO", "label Place", "label Country", "property seq of STOPS_AT|PARTY_TO"] },
    { text: "MERGE (n:Seizure:Synthetic {id: 'x'}) SET n.date = date()", names: ["label Seizure", "label Synthetic", "property id of Seizure|Synthetic", "property date of Seizure|Synthetic"] },
    { text: "MATCH ()-[r]->() RETURN r.sourceId UNION MATCH ()-[r:SOURCED_FROM]->() RETURN r.row", names: ["property sourceId of any relationship", "type SOURCED_FROM", "property row of SOURCED_FROM"] },
    { text: "MATCH (p:Place) SET p.name = 'x';\nMATCH (p:Person) SET p.aliases = []", names: ["label Place", "property name of Place", "label Person", "property aliases of Person"] },
    { text: "MATCH (n) WHERE n:Person OR NOT n:Synthetic RETURN n.name", names: ["label or type Person", "label or type Synthetic", "property name of any node"] },
    { text: "// MATCH (x:Commented)\nRETURN 'MATCH (y:Quoted)', \"z.quoted\"", names: [] },
    { text: "UNWIND $rows AS row MERGE (n:{{LABEL}} {id: row.id}) SET n += row.properties, n.`nodes.{{LABEL}}` = 1", names: ["property id of any node", "property nodes.{{LABEL}} of any node"] },
    { text: "MATCH (n:Ring) RETURN n {.id, .size, computedAtMs: n.computedAt.epochMillis} AS ring", names: ["label Ring", "property id of Ring", "property size of Ring", "property computedAt of Ring"] },
    { text: "MATCH (n:Person) RETURN {id: n.id, kind: CASE WHEN n:Person THEN 'P' END, labels: labels(n)}", names: ["label Person", "property id of Person", "label or type Person"] },
    { text: "MATCH (s:Shipment) WITH collect({seq: 1, role: 'A'}) AS stops RETURN [stop IN stops WHERE stop.role = 'A' | stop.seq]", names: ["label Shipment"] },
    { text: "CALL db.index.fulltext.queryNodes('i', $q) YIELD node RETURN node.name, $p.id, startNode(r).id", names: ["property name of any node"] },
    { text: "MATCH (a:Country) CALL (a) { MATCH (a)-[:BORDERS]-(b) RETURN count(b) AS c } RETURN c, COUNT { (a)--() } AS d", names: ["label Country", "type BORDERS"] },
    { text: "CREATE FULLTEXT INDEX i IF NOT EXISTS FOR (n:Person|Company) ON EACH [n.name] OPTIONS {indexConfig: {`a.b`: 'x'}}", names: ["label Person", "label Company", "property name of Person|Company"] },
    { text: "MATCH (n:Place) SET n = {name: 'x'}, n += {kind: 'y'}", names: ["label Place", "property name of Place", "property kind of Place"] },
    { text: "MATCH p = SHORTEST {{PATHS}} GROUPS (a)(()-[r]-() WHERE type(r) IN $t){1,{{MAX_HOPS}}}(b) RETURN [x IN nodes(p) | x.id]", names: [] },
    { text: "RETURN reduce(t = 0.0, line IN [line IN $l WHERE line.weightKg > 1.5] | t + line.weightKg) AS w, range(0, 2)[1..2]", names: [] },
  ])("$text", ({ text, names }) => {
    expect(read(text)).toStrictEqual(names);
  });

  test.each([
    { use: { kind: "label", name: "Seizure", line: 1, of: [] }, problem: undefined },
    { use: { kind: "label", name: "Synthetic", line: 1, of: [] }, problem: undefined },
    { use: { kind: "label", name: "Seizures", line: 1, of: [] }, problem: "no label of the model" },
    { use: { kind: "type", name: "SEIZED", line: 1, of: [] }, problem: "no relationship type of the model" },
    { use: { kind: "label or type", name: "SOURCED_FROM", line: 1, of: [] }, problem: undefined },
    { use: { kind: "property", name: "date", line: 1, of: ["Seizure"] }, problem: undefined },
    { use: { kind: "property", name: "date", line: 1, of: ["Shipment"] }, problem: "no property of Shipment in the model" },
    { use: { kind: "property", name: "sourceRow", line: 1, of: ["ARRESTED"] }, problem: undefined },
    { use: { kind: "property", name: "sourceRow", line: 1, of: ["SOURCED_FROM"] }, problem: "no property of SOURCED_FROM in the model" },
    { use: { kind: "property", name: "nodes.{{LABEL}}", line: 1, of: ["Source"] }, problem: undefined },
    { use: { kind: "property", name: "nodes.Seizure", line: 1, of: ["Source"] }, problem: undefined },
    { use: { kind: "property", name: "synthetic", line: 1, of: [], element: "node" }, problem: "no property of any node in the model" },
    { use: { kind: "property", name: "sentence", line: 1, of: [], element: "node" }, problem: "no property of any node in the model" },
    { use: { kind: "property", name: "sentence", line: 1, of: [] }, problem: undefined },
  ] as { use: NameUse; problem: string | undefined }[])("$use.kind $use.name of $use.of: $problem", ({ use, problem }) => {
    expect(problemOf(use)).toBe(problem);
  });
});

describe("every .cypher file names only the model's labels, types and properties", () => {
  test("the files are found", async () => {
    const files = await cypherFiles();
    expect(files.length).toBeGreaterThan(80);
    expect(files).toContain("cypher/seed/fixture.cypher");
    expect(files).toContain("bench/cypher/seizure-lookup.cypher");
  });

  test("no file names what the model does not have, but the known mismatches", async () => {
    const found: string[] = [];
    for (const file of await cypherFiles()) found.push(...problems(file, await readFile(path.join(projectRoot, file), "utf8")));
    expect(found.filter((problem) => !KNOWN_MISMATCHES_IN_CYPHER_FILES.includes(withoutLine(problem)))).toStrictEqual([]);
    // A mismatch fixed leaves its entry behind: take it out of the list.
    expect(KNOWN_MISMATCHES_IN_CYPHER_FILES.filter((known) => !found.map(withoutLine).includes(known))).toStrictEqual([]);
  });

  test("every label and relationship type of the model is named by some file, but those only the analysis or keys hold", async () => {
    const named = new Set<string>();
    for (const file of await cypherFiles()) {
      for (const use of cypherNames(await readFile(path.join(projectRoot, file), "utf8"))) if (use.kind !== "property") named.add(use.name);
    }
    expect([...LABELS, ...TYPES].filter((name) => !named.has(name))).toStrictEqual([]);
  });
});

describe("Cypher written inline in the benchmark's TypeScript names only the model's labels, types and properties", () => {
  async function benchFiles(): Promise<string[]> {
    const entries = await readdir(path.join(projectRoot, "bench"), { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
      .map((entry) => path.relative(projectRoot, path.join(entry.parentPath, entry.name)))
      .sort();
  }

  test("no statement names what the model does not have, but the known mismatches", async () => {
    const found: string[] = [];
    let statements = 0;
    for (const file of await benchFiles()) {
      for (const statement of inlineCypher(file, await readFile(path.join(projectRoot, file), "utf8"))) {
        statements++;
        found.push(...problems(`${file}:${statement.line}+`, statement.text).map((problem) => problem.replace(/\+:\d+: /, ": ")));
      }
    }
    expect(statements, "statements found").toBeGreaterThan(20);
    expect(found.filter((problem) => !KNOWN_MISMATCHES_IN_BENCH_CODE.includes(withoutLine(problem)))).toStrictEqual([]);
    expect(KNOWN_MISMATCHES_IN_BENCH_CODE.filter((known) => !found.map(withoutLine).includes(known))).toStrictEqual([]);
  });
});
