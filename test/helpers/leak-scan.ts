import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";

import { literal } from "./schema-walk.js";

/**
 * A leak scanner's parts: secret values searched for in every reading of every string of a
 * response (as it is, URL-decoded, XML-unescaped, base64-decoded in both alphabets, JSON-parsed,
 * recursively), compared case-insensitively and without diacritics; and selections built from the
 * schema alone, as lists of leaf paths that can be printed as one query, split into smaller ones,
 * or pruned of the fields a role may not read.
 */

// ---------------------------------------------------------------------------------------------
// Secrets and where they turn up

/** A value a role may not see, and what kind of value it is (`Person.name`, `Identifier id`, ...). */
export interface Secret {
  kind: string;
  value: string;
}

/** Where a secret of `kind` turned up: a response path (list indices as []) and how it was read. */
export interface Leak {
  kind: string;
  path: string;
  reading: string;
}

/** Lower case, without diacritics (đ folded to d, as search does). */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
}

const GRAM = 5;
/** A run of base64url characters as long as the shortest sealed token, and the secret length below which a match inside one is chance. */
const OPAQUE_TOKEN = /[A-Za-z0-9_-]{64,}/g;
const CHANCE_LENGTH = 8;

/** Secrets looked up by their first characters, so that a long text is searched in one pass. */
export class SecretIndex {
  private readonly byGram = new Map<string, { folded: string; secret: Secret }[]>();
  /** What `scan` found in each text, as answers repeat their strings (names, ids, cursors) request after request. */
  private readonly scanned = new Map<string, { secret: Secret; how: string }[]>();
  readonly size: number;

  constructor(secrets: readonly Secret[], minLength = 5) {
    const seen = new Set<string>();
    for (const secret of secrets) {
      const folded = fold(secret.value.trim());
      if (folded.length < Math.max(minLength, GRAM) || seen.has(`${secret.kind}\u0000${folded}`)) continue;
      seen.add(`${secret.kind}\u0000${folded}`);
      const gram = folded.slice(0, GRAM);
      const list = this.byGram.get(gram);
      if (list) list.push({ folded, secret });
      else this.byGram.set(gram, [{ folded, secret }]);
    }
    this.size = seen.size;
  }

  /**
   * The secrets found in `text`, but short secrets met by chance inside a long opaque token: a sealed cursor or pseudonym
   * is 128 or more random base64url characters, in which a given word of 5 letters (case folded)
   * turns up about once in 200,000 tokens, so once in a scan of thousands of cursors against
   * hundreds of names; its decoded readings are searched all the same.
   */
  find(text: string): Secret[] {
    const folded = fold(text);
    const opaque = [...text.matchAll(OPAQUE_TOKEN)].map((match) => [match.index, match.index + match[0].length] as const);
    const byChance = (start: number, length: number) =>
      length < CHANCE_LENGTH && folded.length === text.length && opaque.some(([from, to]) => start >= from && start + length <= to);
    const found: Secret[] = [];
    for (let index = 0; index + GRAM <= folded.length; index++) {
      const candidates = this.byGram.get(folded.slice(index, index + GRAM));
      if (!candidates) continue;
      for (const candidate of candidates) {
        if (!folded.startsWith(candidate.folded, index)) continue;
        if (!byChance(index, candidate.folded.length)) found.push(candidate.secret);
      }
    }
    return found;
  }

  /** The secrets in every reading of `text`, with how each was read (memoised; `findLeaks` leaves out those the request sent). */
  scan(text: string): readonly { secret: Secret; how: string }[] {
    let found = this.scanned.get(text);
    if (found === undefined) {
      found = readings(text).flatMap((reading) => this.find(reading.text).map((secret) => ({ secret, how: reading.how })));
      if (this.scanned.size < MAX_SCANNED) this.scanned.set(text, found);
    }
    return found;
  }
}

/** How many texts a SecretIndex remembers the scan of. */
const MAX_SCANNED = 200_000;

/** A reading of a text: what it says once decoded, and how it was decoded. */
export interface Reading {
  how: string;
  text: string;
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Mostly printable text: worth decoding further. Random bytes are not. */
function printable(text: string): boolean {
  if (text.length === 0) return false;
  let bad = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0xfffd || (code < 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09)) bad += 1;
  }
  return bad / text.length < 0.05;
}

/**
 * Every reading of a text: itself, URL-decoded, XML-unescaped, each base64-looking token decoded
 * (standard and URL alphabets, from each of four offsets, so that a prefix such as `anon_` does not
 * hide it), JSON-parsed (every string and key inside), and the readings of those, to `depth` levels.
 */
export function readings(text: string, depth = 3, how = "as is"): Reading[] {
  const found: Reading[] = [{ how, text }];
  if (depth === 0) return found;
  const then = (next: string, step: string) => {
    if (next !== text) found.push(...readings(next, depth - 1, how === "as is" ? step : `${how}, ${step}`));
  };
  if (/%[0-9a-f]{2}/i.test(text)) then(text.replace(/(%[0-9a-f]{2})+/gi, (run) => safeDecodeUri(run)), "URL-decoded");
  if (text.includes("+") && /%[0-9a-f]{2}|=/i.test(text)) then(safeDecodeUri(text.replace(/\+/g, " ")), "form-decoded");
  if (/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/i.test(text)) {
    then(
      text.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, entity: string) =>
        entity.startsWith("#x") || entity.startsWith("#X")
          ? String.fromCodePoint(parseInt(entity.slice(2), 16))
          : entity.startsWith("#")
            ? String.fromCodePoint(Number(entity.slice(1)))
            : XML_ENTITIES[entity.toLowerCase()],
      ),
      "XML-unescaped",
    );
  }
  const trimmed = text.trim();
  if (/^[[{"]/.test(trimmed)) {
    try {
      for (const inner of stringsIn(JSON.parse(trimmed))) then(inner, "JSON");
    } catch {
      // Not JSON: the other readings stand.
    }
  }
  const decoded = new Set<string>();
  for (const token of text.match(/[A-Za-z0-9+/_-]{8,}={0,2}/g) ?? []) {
    for (let offset = 0; offset < 4 && token.length - offset >= 8; offset++) {
      for (const alphabet of ["base64", "base64url"] as const) {
        const plain = Buffer.from(token.slice(offset), alphabet).toString("utf8");
        if (decoded.has(plain)) continue;
        decoded.add(plain);
        const label = `base64${alphabet === "base64url" ? "url" : ""}-decoded`;
        if (printable(plain)) then(plain, label);
        else found.push({ how: how === "as is" ? label : `${how}, ${label}`, text: plain });
      }
    }
  }
  return found;
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
  return [];
}

/**
 * Every leak in a value (a whole response body: data, errors and their extensions): each string
 * and object key, in each of its readings. Paths give list positions as [].
 */
export function findLeaks(value: unknown, index: SecretIndex, except: ReadonlySet<string> = new Set(), path = ""): Leak[] {
  const leaks: Leak[] = [];
  const scanText = (text: string, at: string) => {
    for (const { secret, how } of index.scan(text)) {
      if (!except.has(secret.value)) leaks.push({ kind: secret.kind, path: at, reading: how });
    }
  };
  if (typeof value === "string") scanText(value, path);
  else if (Array.isArray(value)) value.forEach((inner) => leaks.push(...findLeaks(inner, index, except, `${path}[]`)));
  else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const at = path === "" ? key : `${path}.${key}`;
      scanText(key, `${at} (key)`);
      leaks.push(...findLeaks(inner, index, except, at));
    }
  }
  return unique(leaks);
}

function unique(leaks: Leak[]): Leak[] {
  const seen = new Map<string, Leak>();
  for (const leak of leaks) seen.set(`${leak.kind}|${leak.path}|${leak.reading}`, leak);
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------
// Selections built from the schema

/** One field of a leaf path: under an inline fragment `on` when its parent is abstract. */
export interface Step {
  field: string;
  /** Set when another member of an abstract parent has a field of that name and another type. */
  alias?: string;
  on?: string;
  args: Record<string, unknown>;
  /** `Type.field`. */
  coordinate: string;
}

/** A path from a root field to a leaf field. */
export type Leaf = readonly Step[];

export const responseKey = (step: Step): string => step.alias ?? step.field;

/** Types that wrap a list for paging (connections, edges, page info): they do not count as a level. */
export function isWrapper(type: GraphQLNamedType): boolean {
  return /(Connection|Edge|PageInfo)$/.test(type.name);
}

/** The argument values of a nested field: sizes at their maximum, required ones from `required`. */
export type ArgumentsOf = (field: GraphQLField<unknown, unknown>, parent: string) => Record<string, unknown> | null;

/**
 * Every leaf reachable from a root field, through `depth` levels of entities (connections, edges
 * and page info are free), each composite type with its `__typename`. Fields whose arguments
 * cannot be given (`argumentsOf` returns null) are left out.
 */
export function leavesOf(
  schema: GraphQLSchema,
  root: GraphQLField<unknown, unknown>,
  rootArgs: Record<string, unknown>,
  depth: number,
  argumentsOf: ArgumentsOf,
): Leaf[] {
  const leaves: Leaf[] = [];
  const rootStep: Step = { field: root.name, args: rootArgs, coordinate: `Query.${root.name}` };
  const visit = (type: GraphQLNamedType, prefix: Step[], level: number) => {
    if (isLeafType(type)) {
      leaves.push(prefix);
      return;
    }
    if (isAbstractType(type)) {
      leaves.push([...prefix, { field: "__typename", args: {}, coordinate: `${type.name}.__typename` }]);
      const members = schema.getPossibleTypes(type);
      const typeOf = new Map<string, Set<string>>();
      for (const member of members) {
        for (const field of Object.values(member.getFields())) {
          const types = typeOf.get(field.name) ?? new Set<string>();
          types.add(field.type.toString());
          typeOf.set(field.name, types);
        }
      }
      for (const member of members) fields(member, prefix, level, member.name, (name) => (typeOf.get(name)?.size ?? 0) > 1);
      return;
    }
    fields(type as GraphQLObjectType, prefix, level);
  };
  const fields = (type: GraphQLObjectType, prefix: Step[], level: number, on?: string, conflicts?: (name: string) => boolean) => {
    if (!on) leaves.push([...prefix, { field: "__typename", args: {}, coordinate: `${type.name}.__typename` }]);
    for (const field of Object.values(type.getFields())) {
      const args = argumentsOf(field, type.name);
      if (args === null) continue;
      const named = getNamedType(field.type);
      const step: Step = {
        field: field.name,
        args,
        coordinate: `${type.name}.${field.name}`,
        ...(on ? { on } : {}),
        ...(conflicts?.(field.name) ? { alias: `${type.name}_${field.name}` } : {}),
      };
      if (isLeafType(named)) {
        leaves.push([...prefix, step]);
        continue;
      }
      const next = isWrapper(named) ? level : level + 1;
      if (next <= depth) visit(named, [...prefix, step], next);
    }
  };
  const rootType = getNamedType(root.type);
  visit(rootType, [rootStep], isWrapper(rootType) || isLeafType(rootType) ? 0 : 1);
  return leaves;
}

/** The fields of the leaves as one selection, merged into a tree; `{ }` around it gives a query. */
export function printLeaves(leaves: readonly Leaf[]): string {
  interface Node {
    step: Step;
    children: Map<string, Node>;
  }
  const top = new Map<string, Node>();
  for (const leaf of leaves) {
    let level = top;
    for (const step of leaf) {
      const key = `${step.on ?? ""}|${step.alias ?? ""}|${step.field}|${argumentText(step.args)}`;
      let node = level.get(key);
      if (!node) {
        node = { step, children: new Map() };
        level.set(key, node);
      }
      level = node.children;
    }
  }
  const print = (level: Map<string, Node>): string =>
    [...level.values()]
      .map(({ step, children }) => {
        const field = `${step.alias ? `${step.alias}: ` : ""}${step.field}${argumentText(step.args)}${children.size > 0 ? ` { ${print(children)} }` : ""}`;
        return step.on ? `... on ${step.on} { ${field} }` : field;
      })
      .join(" ");
  return print(top);
}

export function argumentText(args: Record<string, unknown>): string {
  const entries = Object.entries(args);
  return entries.length === 0 ? "" : `(${entries.map(([name, value]) => `${name}: ${literal(value)}`).join(", ")})`;
}

/** The leaves that pass through the response path (list indices left out) of an error. */
export function leavesAt(leaves: readonly Leaf[], errorPath: readonly (string | number)[]): Leaf[] {
  const keys = errorPath.filter((part): part is string => typeof part === "string");
  return leaves.filter((leaf) => keys.every((key, index) => index < leaf.length && responseKey(leaf[index]) === key));
}

/**
 * Where an error's null landed in `data`: the shortest prefix of its path whose value is null (a
 * non-null field's error nulls its nearest nullable parent), or the whole path. Null when `data`
 * itself is null: the error hid the whole answer.
 */
export function nulledAt(data: unknown, errorPath: readonly (string | number)[]): readonly (string | number)[] | null {
  if (data === null || data === undefined) return null;
  let value: unknown = data;
  for (let length = 1; length <= errorPath.length; length++) {
    value = value === null || typeof value !== "object" ? undefined : (value as Record<string | number, unknown>)[errorPath[length - 1]];
    if (value === null || value === undefined) return errorPath.slice(0, length);
  }
  return errorPath;
}

/**
 * The leaves whose values an answer's errors may have hidden: those through the place where an
 * error's null landed, or every leaf when an answer's data is null. The other leaves' values were
 * in the answers (and scanned), so asking them again would show the same.
 */
export function hiddenLeaves(
  leaves: readonly Leaf[],
  answers: readonly { data?: unknown; errors?: readonly { path?: readonly (string | number)[] }[] }[],
): Leaf[] {
  const hidden = new Set<Leaf>();
  for (const answer of answers) {
    for (const error of answer.errors ?? []) {
      const at = error.path === undefined ? null : nulledAt(answer.data, error.path);
      if (at === null) return [...leaves];
      for (const leaf of leavesAt(leaves, at)) hidden.add(leaf);
    }
  }
  return leaves.filter((leaf) => hidden.has(leaf));
}

/** GraphQL nesting depth of a leaf (fields counted, inline fragments not). */
export const leafDepth = (leaf: Leaf): number => leaf.length;

/** Splits leaves into `parts` groups of neighbours (leaves of one branch stay together where they can). */
export function splitLeaves(leaves: readonly Leaf[], parts: number): Leaf[][] {
  const size = Math.ceil(leaves.length / parts);
  const groups: Leaf[][] = [];
  for (let start = 0; start < leaves.length; start += size) groups.push(leaves.slice(start, start + size));
  return groups;
}

/** A leaf with its largest size argument (`first`, `limit`) halved; null when there is none above 1. */
export function halveLargestSize(leaf: Leaf): Leaf | null {
  let best = -1;
  let bestName = "";
  let bestValue = 1;
  leaf.forEach((step, index) => {
    for (const name of ["first", "limit"]) {
      const value = step.args[name];
      if (typeof value === "number" && value > bestValue) [best, bestName, bestValue] = [index, name, value];
    }
  });
  if (best < 0) return null;
  return leaf.map((step, index) => (index === best ? { ...step, args: { ...step.args, [bestName]: Math.floor(bestValue / 2) } } : step));
}

// ---------------------------------------------------------------------------------------------
// Argument values from the schema

/** The range an argument's description gives ("1 to 100", "at most 2000"), if any. */
export function rangeOf(argument: GraphQLArgument): { min?: number; max?: number } {
  const text = (argument.description ?? "").replace(/(\d),(\d{3})/g, "$1$2");
  const range = /(\d+) to (\d+)/.exec(text);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  const most = /at most (\d+)/.exec(text);
  if (most) return { max: Number(most[1]) };
  return {};
}

/** The value an Int argument takes in a scan: the top of its range (the bottom for a `min...` threshold). */
export function scanInt(argument: GraphQLArgument): number | undefined {
  const { min, max } = rangeOf(argument);
  if (/^min[A-Z]/.test(argument.name)) return min;
  return max;
}

/** Whether an input type is, or wraps, a list. */
export function isListInput(type: GraphQLInputType): boolean {
  return isListType(getNullableType(type));
}

/** Fields of an input object argument's type, for arguments such as `filter` and `orderBy`. */
export function inputFields(argument: GraphQLArgument) {
  const named = getNamedType(argument.type);
  return isInputObjectType(named) ? Object.values(named.getFields()) : [];
}

/** The enum values of an order argument's `field` (`orderBy: { field: NAME }`), or [] when it is not one. */
export function orderValues(argument: GraphQLArgument): string[] {
  const field = inputFields(argument).find((inner) => inner.name === "field");
  const named = field ? getNamedType(field.type) : undefined;
  return named && isEnumType(named) ? named.getValues().map((value) => value.name) : [];
}

export const isRequired = (argument: GraphQLArgument): boolean => isNonNullType(argument.type) && argument.defaultValue === undefined;

