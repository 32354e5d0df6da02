import {
  getNamedType,
  getNullableType,
  parse,
  type OperationDefinitionNode,
  isEnumType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLSchema,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { analyzeRings } from "../../src/analysis/analyze-rings.js";
import { PSEUDONYM_PREFIX } from "../../src/auth/pseudonyms.js";
import { Role } from "../../src/auth/role.js";
import { buildGraphQLSchema } from "../../src/graphql/build-schema.js";
import { queryCost } from "../../src/graphql/limits/query-cost.js";
import { importGeneratedWorld, type GeneratedWorld } from "../helpers/generated-world.js";
import {
  argumentText,
  findLeaks,
  fold,
  halveLargestSize,
  hiddenLeaves,
  inputFields,
  isRequired,
  leafDepth,
  leavesAt,
  leavesOf,
  orderValues,
  printLeaves,
  rangeOf,
  readings,
  scanInt,
  SecretIndex,
  splitLeaves,
  type Leaf,
  type Leak,
  type Secret,
} from "../helpers/leak-scan.js";
import { startTestApi, type GraphQLResponse, type TestApi } from "../helpers/test-api.js";

/**
 * The leak scanner: for PUBLIC and ANALYST, every root field of the schema is asked with a
 * selection built from the schema (every field through four levels of entities, lists at their
 * largest size, exports included), with arguments that exist (ids of a generated world, and the
 * pseudonyms earlier answers gave), every cursor followed for two more pages; every string of every
 * answer and error, in every reading (base64 in both alphabets, URL, XML, JSON, recursively), is
 * searched for every value the role may not see: names, aliases, identifier values and the real
 * ids of persons, identifiers and (for PUBLIC) companies. A field the role may not read gives
 * FORBIDDEN and is left out of the next request, so that the rest of the answer is not nulled with it.
 * A request over the cost, depth or alias limits is split into smaller ones, never skipped.
 */

const HIDDEN: Partial<Record<Role, readonly string[]>> = {
  [Role.PUBLIC]: ["Person", "Identifier", "Company"],
  [Role.ANALYST]: ["Person", "Identifier"],
};
const SCANNED_ROLES = [Role.PUBLIC, Role.ANALYST] as const;
/** Entity levels below each root field; extra variants (orders, filters, further pages) go less deep. */
const DEPTH = 4;
const VARIANT_DEPTH = 2;
const PAGES_FOLLOWED = 2;
/** Kinds tried, in turn, for an id argument that takes several kinds (`connections(from, to)`, `timeline(id)`). */
const ANY_KINDS = ["Person", "Company", "Identifier", "Shipment", "Seizure"];
const LIMIT_CODES = new Set(["QUERY_TOO_COSTLY", "QUERY_TOO_DEEP", "TOO_MANY_ALIASES", "TOO_MANY_TOKENS"]);

/**
 * The API's cost, token and alias limits, raised for the scan (the limits have tests of their own,
 * test/api/limits.test.ts): what a role may read does not depend on them, and under the defaults
 * the scan's selections were split into about four times as many requests, each planned afresh by
 * Neo4j (planning is most of the scan's time: 0.25 to 0.7 s for each new query text, against 5 to
 * 50 ms to run it). Larger requests also reach the planner's bound on nodes read ahead, where it
 * once failed (a field mentioned twice, test/api/queries-per-field.test.ts).
 */
const SCAN_LIMITS = { QUERY_MAX_COST: "20000000", QUERY_MAX_TOKENS: "20000", QUERY_MAX_ALIASES: "300" };

let api: TestApi;
let world: GeneratedWorld;
let schema: GraphQLSchema;
let secrets: Secret[];
/** Real ids of one neighbourhood of the world, by kind: a shipment, its seizure, a person party, ... */
const seeds = new Map<string, string[]>();
let samples: { personName: string; companyName: string; identifierValue: string };

beforeAll(async () => {
  const started = Date.now();
  [api, world, schema] = await Promise.all([
    startTestApi({ env: SCAN_LIMITS }),
    importGeneratedWorld("leak-scan", { seed: "leak-scan", shipments: 50 }),
    buildGraphQLSchema(),
  ]);
  // Rings stored for the world, so that rings, ring and ringOf have members to show.
  await analyzeRings(world.executor, world.registry, { scope: world.prefix });
  console.log(`world of 50 shipments imported and its rings analysed in ${Math.round((Date.now() - started) / 1000)} s`);

  // Every personal value and real id in the database (the fixture's included), not only the world's.
  const rows = await world.executor.read(
    `MATCH (p:Person) RETURN 'Person' AS kind, p.id AS id, [p.name] + coalesce(p.aliases, []) AS names, [] AS values
     UNION ALL MATCH (i:Identifier) RETURN 'Identifier' AS kind, i.id AS id, [] AS names, [i.value, i.rawValue] AS values
     UNION ALL MATCH (c:Company) RETURN 'Company' AS kind, c.id AS id, [c.name] AS names, [] AS values`,
  );
  secrets = [];
  for (const row of rows as { kind: string; id: string; names: (string | null)[]; values: (string | null)[] }[]) {
    secrets.push({ kind: `${row.kind} id`, value: row.id });
    const [name, ...aliases] = row.names;
    if (name) secrets.push({ kind: `${row.kind}.name`, value: name });
    for (const alias of aliases) if (alias) secrets.push({ kind: `${row.kind}.aliases`, value: alias });
    const [value, rawValue] = row.values;
    if (value) secrets.push({ kind: "Identifier.value", value });
    if (rawValue) secrets.push({ kind: "Identifier.rawValue", value: rawValue });
    if (value && /^\+?\d[\d ]{7,}$/.test(value)) secrets.push({ kind: "Identifier.value (digits)", value: value.replace(/\D/g, "") });
  }

  // One neighbourhood: a seized shipment with a person party who holds an identifier and an office.
  const r = world.network.rows;
  const seized = new Map(r.seizures.map((row) => [row.shipmentId, row.id]));
  const holders = new Map(r.identifierHolders.map((row) => [row.holderId, row.identifierId]));
  const offices = new Map(r.officers.map((row) => [row.personId, row.companyId]));
  const score = (row: (typeof r.parties)[number]) =>
    (row.partyKind === "Person" ? 1 : 0) + (seized.has(row.shipmentId) ? 1 : 0) + (holders.has(row.partyId) ? 1 : 0) + (offices.has(row.partyId) ? 1 : 0);
  const party = [...r.parties].sort((a, b) => score(b) - score(a))[0];
  const add = (kind: string, generatedId: string | undefined) => {
    if (generatedId) seeds.set(kind, [...(seeds.get(kind) ?? []), world.id(generatedId)]);
  };
  add("Shipment", party.shipmentId);
  add("Seizure", seized.get(party.shipmentId));
  add(party.partyKind, party.partyId);
  add("Identifier", holders.get(party.partyId));
  add("Company", offices.get(party.partyId) ?? r.companies[0].id);
  add("Person", r.persons[0].id);
  add("Place", r.routeStops.find((row) => row.shipmentId === party.shipmentId && row.placeId)?.placeId ?? r.places[0].id);
  add("Species", r.commodityLines.find((row) => row.shipmentId === party.shipmentId)?.speciesId ?? r.species[0].id);
  add("Carrier", r.shipments.find((row) => row.id === party.shipmentId)?.carrierId ?? undefined);
  samples = {
    personName: r.persons[0].name,
    companyName: r.companies[0].name,
    identifierValue: r.identifiers[0].value,
  };
}, 600_000);

afterAll(async () => {
  await api?.close();
  await world?.remove();
});

/**
 * What a role may not see: every secret of a hidden kind (company names and ids for PUBLIC only),
 * but values that are part of a name the role may see (an alias that is a word of a company's name
 * is not a leak when an ANALYST reads the company).
 */
function secretsFor(role: Role): Secret[] {
  const hidden = HIDDEN[role] ?? [];
  const isHidden = (secret: Secret) => hidden.some((kind) => secret.kind.startsWith(kind));
  const shown = secrets.filter((secret) => !isHidden(secret) && secret.kind.endsWith(".name")).map((secret) => fold(secret.value));
  return secrets.filter((secret) => isHidden(secret) && !shown.some((name) => name.includes(fold(secret.value))));
}

interface Variant {
  label: string;
  args: Record<string, unknown>;
  depth: number;
  /** Values the request itself carries: not counted when the answer repeats them. */
  sent: Set<string>;
}

/** One role's scan: the leaks found, what was split or left out, and what each root field came to. */
class RoleScan {
  readonly leaks = new Map<string, { kinds: Set<string>; variants: Set<string> }>();
  readonly notes: string[] = [];
  readonly outcome = new Map<string, string>();
  /** Answers with INTERNAL_SERVER_ERROR, by variant, path and message: each is a defect. */
  readonly internalErrors = new Set<string>();
  /** Fields the server answered FORBIDDEN for, by `Type.field`: left out of later requests. */
  readonly forbidden = new Set<string>();
  /** Ids the answers showed, by kind (GraphNode kinds and __typename): pseudonyms of hidden kinds included. */
  readonly shown = new Map<string, Set<string>>();
  requests = 0;
  private readonly index: SecretIndex;

  constructor(readonly role: Role) {
    this.index = new SecretIndex(secretsFor(role));
  }

  get hidden(): readonly string[] {
    return HIDDEN[this.role] ?? [];
  }

  /** Ids of `kind` to pass as arguments: real ones of kinds the role sees, otherwise ones the answers showed. */
  ids(kind: string, count: number): string[] {
    const shown = [...(this.shown.get(kind) ?? [])].slice(0, 500).filter((id) => this.index.find(id).length === 0);
    const pool = this.hidden.includes(kind) ? shown : [...(seeds.get(kind) ?? []), ...shown];
    return [...new Set(pool)].slice(0, count);
  }

  record(response: GraphQLResponse, label: string, sent: ReadonlySet<string>): void {
    const { status: _status, ...body } = response;
    for (const error of response.errors ?? []) {
      if (error.extensions?.code === "INTERNAL_SERVER_ERROR") this.internalErrors.add(`${label}: ${(error.path ?? []).join(".")}: ${error.message}`);
    }
    for (const leak of findLeaks(body, this.index, sent)) this.note(leak, label);
    this.harvest(response.data);
  }

  private note(leak: Leak, label: string): void {
    const key = `${leak.path} [${leak.reading}]`;
    const entry = this.leaks.get(key) ?? { kinds: new Set(), variants: new Set() };
    entry.kinds.add(leak.kind);
    entry.variants.add(label);
    this.leaks.set(key, entry);
  }

  private harvest(value: unknown): void {
    if (Array.isArray(value)) value.forEach((inner) => this.harvest(inner));
    if (value === null || typeof value !== "object" || Array.isArray(value)) return;
    const object = value as Record<string, unknown>;
    if (typeof object.id === "string") {
      for (const kind of [object.__typename, object.kind]) {
        if (typeof kind === "string") this.shown.set(kind, (this.shown.get(kind) ?? new Set()).add(object.id));
      }
    }
    Object.values(object).forEach((inner) => this.harvest(inner));
  }

  report(): string[] {
    return [...this.leaks.entries()].map(
      ([where, { kinds, variants }]) => `${this.role} ${where}: ${[...kinds].sort().join(", ")} (in ${[...variants].slice(0, 3).join("; ")}${variants.size > 3 ? "; ..." : ""})`,
    );
  }
}

/** The page size of nested lists: root lists are at their largest, and their pages are followed. */
const NESTED_PAGE = 2;

/**
 * Arguments of a nested field: a small page for nested lists (a list of 100 inside a list of 100
 * would make one request hundreds under the cost limit), the defaults otherwise.
 */
function nestedArguments(field: GraphQLField<unknown, unknown>): Record<string, unknown> | null {
  if (field.args.some(isRequired)) return null;
  return field.args.some((argument) => argument.name === "first") ? { first: NESTED_PAGE } : {};
}

/** The kind of entity an id argument names: from the field's type, the argument's name, or a filter's type. */
function idKind(argumentName: string, root: GraphQLField<unknown, unknown>, inputType?: string): string | null {
  if (inputType?.endsWith("Filter") && argumentName === "ids") return inputType.slice(0, -"Filter".length);
  const returned = getNullableType(root.type);
  if (argumentName === "id" && !isListType(returned) && isObjectType(returned) && "id" in returned.getFields()) return returned.name;
  const named = schema.getType(argumentName.charAt(0).toUpperCase() + argumentName.slice(1));
  if (named && isObjectType(named) && "id" in named.getFields()) return named.name;
  return null;
}

/** The requests made for a root field: its arguments set from the schema, in variants. */
function variantsOf(scan: RoleScan, root: GraphQLField<unknown, unknown>): Variant[] {
  const base: Record<string, unknown> = {};
  /** Arguments that take several values in turn: each value gives a variant. */
  const alternatives: { name: string; values: [string, unknown][] }[] = [];
  const countries = ["VN", "CN"];
  const stringsByName: Record<string, string> = { scope: world.prefix };
  let anyKindTurn = 0;
  const extra: Variant[] = [];
  for (const argument of root.args) {
    const named = getNamedType(argument.type);
    const list = isListType(getNullableType(argument.type));
    if (named.name === "Int") {
      const value = scanInt(argument);
      if (value !== undefined) base[argument.name] = value;
      else if (argument.defaultValue !== undefined) alternatives.push({ name: argument.name, values: [["default", undefined], [`${argument.name}: 1`, 1]] });
      else if (isRequired(argument)) base[argument.name] = 1;
    } else if (named.name === "ID" && (isRequired(argument) || list)) {
      if (!isRequired(argument)) continue;
      const kind = idKind(argument.name, root);
      if (list) {
        const max = rangeOf(argument).max ?? 20;
        const kinds = kind ? [kind] : ANY_KINDS;
        base[argument.name] = kinds.flatMap((each) => scan.ids(each, Math.max(1, Math.floor(max / kinds.length)))).slice(0, max);
      } else if (kind) {
        base[argument.name] = scan.ids(kind, 1)[0] ?? "no-such-id";
      } else {
        const start = anyKindTurn++;
        alternatives.push({
          name: argument.name,
          values: ANY_KINDS.map((_, turn) => {
            const each = ANY_KINDS[(turn + start) % ANY_KINDS.length];
            return [`${argument.name}: ${each}`, scan.ids(each, 1)[0] ?? "no-such-id"];
          }),
        });
      }
    } else if (named.name === "CountryCode" && isRequired(argument)) {
      base[argument.name] = countries.shift() ?? "TH";
    } else if (named.name === "String" && stringsByName[argument.name] !== undefined) {
      base[argument.name] = stringsByName[argument.name];
    } else if (named.name === "String" && isRequired(argument)) {
      alternatives.push({
        name: argument.name,
        values: [
          ["a person's name", samples.personName],
          ["a company's name", samples.companyName],
          ["an identifier's value", samples.identifierValue],
        ],
      });
    } else if (isInputObjectType(named) && orderValues(argument).length > 0) {
      for (const value of orderValues(argument)) {
        extra.push({ label: `${argument.name}: ${value}`, args: { [argument.name]: { field: { enum: value } } }, depth: VARIANT_DEPTH, sent: new Set() });
      }
    } else if (isInputObjectType(named) && inputFields(argument).some((field) => field.name === "ids")) {
      const kind = idKind("ids", root, named.name);
      const ids = kind ? scan.ids(kind, 50) : [];
      if (ids.length > 0) extra.push({ label: `${argument.name}.ids`, args: { [argument.name]: { ids } }, depth: VARIANT_DEPTH, sent: new Set() });
    } else if (isRequired(argument) && (isEnumType(named) || isScalarType(named))) {
      base[argument.name] = isEnumType(named) ? { enum: named.getValues()[0].name } : 1;
    }
  }
  // Each value of each alternative argument in its own request (the first value with the base).
  const variants: Variant[] = [];
  const width = Math.max(1, ...alternatives.map((alternative) => alternative.values.length));
  for (let turn = 0; turn < width; turn++) {
    const args = { ...base };
    const labels: string[] = [];
    for (const alternative of alternatives) {
      const [label, value] = alternative.values[turn % alternative.values.length];
      if (value !== undefined) args[alternative.name] = value;
      labels.push(label);
    }
    variants.push({ label: labels.join(", ") || "base", args, depth: turn === 0 ? DEPTH : VARIANT_DEPTH, sent: new Set() });
  }
  // Filters by ids combined with each order: `persons(filter: { ids: [pseudonym] }, orderBy: { field: NAME })`.
  const filters = extra.filter((variant) => variant.label.endsWith(".ids"));
  const orders = extra.filter((variant) => !variant.label.endsWith(".ids"));
  for (const filter of filters) {
    for (const order of orders) {
      variants.push({ label: `${filter.label}, ${order.label}`, args: { ...base, ...filter.args, ...order.args }, depth: VARIANT_DEPTH, sent: new Set() });
    }
  }
  variants.push(...extra.map((variant) => ({ ...variant, args: { ...base, ...variant.args } })));
  for (const variant of variants) {
    for (const value of Object.values(variant.args)) {
      if (typeof value === "string") variant.sent.add(value);
    }
  }
  return variants;
}

/** The server's estimate of each field of a selection, by the printed path to it (memoised). */
const prefixCosts = new Map<string, number>();
function prefixCost(prefix: Leaf): number {
  if (prefix.length === 0) return 0;
  const key = printLeaves([prefix]);
  let cost = prefixCosts.get(key);
  if (cost === undefined) {
    const operation = parse(`{ ${key} }`).definitions[0] as OperationDefinitionNode;
    cost = queryCost(schema, operation, new Map());
    prefixCosts.set(key, cost);
  }
  return cost;
}

/**
 * A leaf whose own estimate is over the cost limit, with its largest list size halved until it is
 * not: what the server's refusals would lead to, without a refused request per leaf. A leaf that
 * cannot be made smaller is left as it is (the server refuses it, and the refusal is noted).
 */
function fitUnderCost(leaf: Leaf, maxCost: number): Leaf {
  let fitted = leaf;
  while (prefixCost(fitted) > maxCost) {
    const smaller = halveLargestSize(fitted);
    if (!smaller) break;
    fitted = smaller;
  }
  return fitted;
}

/** The response key of each step of a leaf, joined: two fields at one key must take the same arguments. */
const keyPath = (leaf: Leaf): string => leaf.map((step) => `${step.on ?? ""}|${step.alias ?? step.field}`).join("/");

/**
 * Leaves packed into requests that stay under the server's cost, depth and alias limits, counted
 * with the server's own estimate (each field once, as merged); leaves deeper than the depth limit
 * cannot be asked from this root and are noted. A leaf over the cost limit on its own is asked with
 * smaller lists; it shares a request only with leaves that ask each field with the same arguments.
 */
function pack(scan: RoleScan, leaves: readonly Leaf[], label: string): Leaf[][] {
  const { maxCost, maxDepth, maxAliases } = api.config.limits;
  const deep = leaves.filter((leaf) => leafDepth(leaf) > maxDepth);
  if (deep.length > 0) scan.notes.push(`${label}: ${deep.length} leaves deeper than ${maxDepth} cannot be asked from this root`);
  const shallow = leaves.filter((leaf) => leafDepth(leaf) <= maxDepth);
  const fitted = shallow.map((leaf) => fitUnderCost(leaf, maxCost));
  const halved = fitted.filter((leaf, index) => leaf !== shallow[index]).length;
  if (halved > 0) scan.notes.push(`${label}: ${halved} leaves over the cost limit alone, asked with their largest lists halved until under it`);
  const chunks: Leaf[][] = [];
  let chunk: Leaf[] = [];
  let seen = new Set<string>();
  let argumentsAt = new Map<string, string>();
  let cost = 0;
  let aliases = 0;
  for (const leaf of fitted) {
    let added = 0;
    let addedAliases = 0;
    let conflict = false;
    const fresh: string[] = [];
    for (let length = 1; length <= leaf.length; length++) {
      const key = printLeaves([leaf.slice(0, length)]);
      const asked = argumentsAt.get(keyPath(leaf.slice(0, length)));
      if (asked !== undefined && asked !== argumentText(leaf[length - 1].args)) conflict = true;
      if (seen.has(key)) continue;
      fresh.push(key);
      added += prefixCost(leaf.slice(0, length)) - prefixCost(leaf.slice(0, length - 1));
      if (leaf[length - 1].alias) addedAliases += 1;
    }
    if (chunk.length > 0 && (conflict || cost + added > maxCost || aliases + addedAliases > maxAliases)) {
      chunks.push(chunk);
      [chunk, seen, argumentsAt, cost, aliases] = [[], new Set(), new Map(), 0, 0];
      for (let length = 1; length <= leaf.length; length++) {
        seen.add(printLeaves([leaf.slice(0, length)]));
        cost += prefixCost(leaf.slice(0, length)) - prefixCost(leaf.slice(0, length - 1));
        if (leaf[length - 1].alias) aliases += 1;
      }
    } else {
      fresh.forEach((key) => seen.add(key));
      cost += added;
      aliases += addedAliases;
    }
    for (let length = 1; length <= leaf.length; length++) argumentsAt.set(keyPath(leaf.slice(0, length)), argumentText(leaf[length - 1].args));
    chunk.push(leaf);
  }
  if (chunk.length > 0) chunks.push(chunk);
  if (chunks.length > 1) scan.notes.push(`${label}: ${shallow.length} leaves in ${chunks.length} requests (estimated cost over ${maxCost}, aliases over ${maxAliases} or differing list sizes in one)`);
  return chunks;
}

/** Sends leaves packed under the limits; a request the server still refuses is split further. */
async function send(scan: RoleScan, leaves: readonly Leaf[], label: string): Promise<GraphQLResponse[]> {
  const answers: GraphQLResponse[] = [];
  for (const chunk of pack(scan, leaves, label)) answers.push(...(await sendSplitting(scan, chunk, label)));
  return answers;
}

/** Sends the leaves as one query, or, when a limit refuses it, as smaller ones; returns every answer. */
async function sendSplitting(scan: RoleScan, leaves: readonly Leaf[], label: string, retried = false): Promise<GraphQLResponse[]> {
  if (leaves.length === 0) return [];
  scan.requests += 1;
  let response: GraphQLResponse;
  try {
    response = await api.post(`{ ${printLeaves(leaves)} }`, undefined, scan.role);
  } catch (error) {
    // The connection closed under a very large answer: asked again in halves, and noted. One leaf
    // is asked once more (a kept-alive connection the server had just closed fails so too).
    scan.notes.push(`${label}: ${leaves.length} leaves, request failed (${(error as Error).message})${leaves.length > 1 ? "; asked again in halves" : retried ? "" : "; asked again"}`);
    if (leaves.length === 1) return retried ? [] : sendSplitting(scan, leaves, label, true);
    const answers: GraphQLResponse[] = [];
    for (const half of splitLeaves(leaves, 2)) answers.push(...(await sendSplitting(scan, half, label)));
    return answers;
  }
  const refusal = response.errors?.find((error) => LIMIT_CODES.has(error.extensions?.code ?? ""));
  if (!refusal || response.data != null) return [response];
  const extensions = refusal.extensions as { code: string; max?: number; found?: number };
  if (extensions.code === "QUERY_TOO_DEEP" && extensions.max !== undefined) {
    const kept = leaves.filter((leaf) => leafDepth(leaf) <= extensions.max!);
    scan.notes.push(`${label}: ${leaves.length - kept.length} leaves deeper than ${extensions.max} cannot be asked from this root (QUERY_TOO_DEEP)`);
    return kept.length < leaves.length ? [response, ...(await sendSplitting(scan, kept, label))] : [response];
  }
  if (leaves.length === 1) {
    const smaller = halveLargestSize(leaves[0]);
    scan.notes.push(`${label}: one leaf refused (${extensions.code}); ${smaller ? "list size halved" : "cannot be made smaller, left out"}: ${printLeaves(leaves).slice(0, 120)}`);
    return smaller ? [response, ...(await sendSplitting(scan, [smaller], label))] : [response];
  }
  const ratio = extensions.max && extensions.found ? extensions.found / extensions.max : 2;
  const parts = Math.min(leaves.length, Math.max(2, Math.ceil(ratio * 1.3)));
  scan.notes.push(`${label}: ${leaves.length} leaves split into ${parts} requests (${extensions.code}${extensions.found ? ` ${extensions.found} > ${extensions.max}` : ""})`);
  const answers: GraphQLResponse[] = [response];
  for (const group of splitLeaves(leaves, parts)) answers.push(...(await sendSplitting(scan, group, label)));
  return answers;
}

/** Leaves without those the answers said FORBIDDEN for (learnt for the role when the field is unambiguous). */
function prune(scan: RoleScan, leaves: readonly Leaf[], answers: readonly GraphQLResponse[]): Leaf[] {
  let kept = leaves.filter((leaf) => !leaf.some((step) => scan.forbidden.has(step.coordinate)));
  for (const error of answers.flatMap((answer) => answer.errors ?? [])) {
    if (error.extensions?.code !== "FORBIDDEN" || !error.path) continue;
    const keys = error.path.filter((part) => typeof part === "string").length;
    const matched = leavesAt(kept, error.path);
    const coordinates = new Set(matched.map((leaf) => leaf[keys - 1].coordinate));
    // A root field refused for its arguments (persons ordered by NAME) is refused for this variant only.
    if (coordinates.size === 1 && keys > 1) scan.forbidden.add([...coordinates][0]);
    const dropped = new Set(matched);
    kept = kept.filter((leaf) => !dropped.has(leaf) && !leaf.some((step) => scan.forbidden.has(step.coordinate)));
  }
  return kept;
}

/** The leaves with every `first` at 1: a cheap request that meets the same FORBIDDEN fields where data exists. */
function probeOf(leaves: readonly Leaf[]): Leaf[] {
  return leaves.map((leaf) => leaf.map((step) => (typeof step.args.first === "number" ? { ...step, args: { ...step.args, first: 1 } } : step)));
}

/** Answers that are not a limit's refusal of the whole request (whose leaves were asked again in parts). */
const answered = (answers: readonly GraphQLResponse[]): GraphQLResponse[] =>
  answers.filter((answer) => answer.data != null || !answer.errors?.some((error) => LIMIT_CODES.has(error.extensions?.code ?? "")));

/**
 * Asks one variant of a root field: first with lists of one item until no FORBIDDEN field is left
 * (cheap rounds that find what the role may not read), then at full size; scans every answer.
 * After a round that met FORBIDDEN fields, the next asks, without them, only the leaves whose
 * values an error's null hid (hiddenLeaves): every other leaf's value was in an answer already and
 * scanned, so asking it again would only show the same. The first full round asks every leaf.
 */
async function scanVariant(scan: RoleScan, root: GraphQLField<unknown, unknown>, variant: Variant): Promise<GraphQLResponse[]> {
  const label = `${root.name}(${variant.label})`;
  let leaves = prune(scan, leavesOf(schema, root, variant.args, variant.depth, nestedArguments), []);
  let asked = leaves;
  for (let round = 0; round < 8 && asked.length > 0; round++) {
    const probes = await send(scan, probeOf(asked), `${label}, lists of one`);
    for (const answer of probes) scan.record(answer, label, variant.sent);
    const kept = prune(scan, leaves, probes);
    if (kept.length === leaves.length) break;
    // Probes and leaves differ only in list sizes, so an error's path names the same leaves in both.
    const hidden = new Set(hiddenLeaves(leaves, answered(probes)));
    asked = kept.filter((leaf) => hidden.has(leaf));
    leaves = kept;
  }
  const answers: GraphQLResponse[] = [];
  asked = leaves;
  for (let round = 0; round < 4 && asked.length > 0; round++) {
    const roundAnswers = await send(scan, asked, label);
    for (const answer of roundAnswers) scan.record(answer, label, variant.sent);
    answers.push(...roundAnswers);
    const kept = prune(scan, leaves, roundAnswers);
    if (kept.length === leaves.length) break;
    const hidden = new Set(hiddenLeaves(leaves, answered(roundAnswers)));
    asked = kept.filter((leaf) => hidden.has(leaf));
    leaves = kept;
  }
  const codes = new Set(answers.flatMap((answer) => (answer.errors ?? []).map((error) => error.extensions?.code ?? "none")));
  if (!scan.outcome.has(root.name) || variant.depth === DEPTH) {
    scan.outcome.set(root.name, leaves.length === 0 ? "FORBIDDEN" : codes.size === 0 ? "answered" : `answered with ${[...codes].join(", ")}`);
  }
  // Further pages: the next two, from the end cursor of each page.
  if (root.args.some((argument) => argument.name === "after") && leaves.length > 0) {
    let page = [...answers].reverse().find((answer) => answer.data?.[root.name]?.pageInfo)?.data?.[root.name]?.pageInfo as
      | { hasNextPage: boolean; endCursor: string | null }
      | undefined;
    const pageLeaves = leavesOf(schema, root, variant.args, VARIANT_DEPTH, nestedArguments);
    for (let turn = 0; turn < PAGES_FOLLOWED && page?.hasNextPage && page.endCursor; turn++) {
      const args = { ...variant.args, after: page.endCursor };
      const next = prune(scan, pageLeaves.map((leaf) => [{ ...leaf[0], args }, ...leaf.slice(1)]), []);
      const pageAnswers = await send(scan, next, `${label}, page ${turn + 2}`);
      for (const answer of pageAnswers) scan.record(answer, `${label}, page ${turn + 2}`, variant.sent);
      page = pageAnswers.find((answer) => answer.data?.[root.name]?.pageInfo)?.data?.[root.name]?.pageInfo;
    }
  }
  return answers;
}

/** Root fields in the order that lets later ones use what earlier ones showed: no ids, lists of ids, single ids. */
function rootFields(): GraphQLField<unknown, unknown>[] {
  const takesIds = (argument: GraphQLArgument) => getNamedType(argument.type).name === "ID" && isRequired(argument);
  const phase = (field: GraphQLField<unknown, unknown>) =>
    !field.args.some(takesIds) ? 0 : field.args.some((argument) => takesIds(argument) && isListType(getNullableType(argument.type))) ? 1 : 2;
  const fields = Object.values(schema.getQueryType()!.getFields());
  return [...fields].sort((a, b) => phase(a) - phase(b));
}

async function scanRole(role: Role): Promise<RoleScan> {
  const scan = new RoleScan(role);
  const started = Date.now();
  for (const root of rootFields()) {
    const before = scan.requests;
    const at = Date.now();
    const variants = variantsOf(scan, root);
    // A root field the role may not read: one request says so (and is scanned).
    const [first] = await send(scan, leavesOf(schema, root, variants[0].args, 0, nestedArguments).slice(0, 1), root.name);
    scan.record(first, root.name, variants[0].sent);
    if (prune(scan, [[{ field: root.name, args: {}, coordinate: `Query.${root.name}` }]], [first]).length === 0) {
      scan.outcome.set(root.name, "FORBIDDEN");
      continue;
    }
    for (const variant of variants) await scanVariant(scan, root, variant);
    console.log(`${role} ${root.name}: ${scan.requests - before} requests, ${Date.now() - at} ms`);
  }
  console.log(
    [
      `${role}: ${scan.requests} requests in ${Math.round((Date.now() - started) / 1000)} s; ${secretsFor(role).length} secret values`,
      ...[...scan.outcome].map(([field, outcome]) => `  ${field}: ${outcome}`),
      `  fields FORBIDDEN for ${role}: ${[...scan.forbidden].sort().join(", ")}`,
      ...scan.notes.map((note) => `  split: ${note}`),
    ].join("\n"),
  );
  return scan;
}

describe("the scanner itself", () => {
  it("finds a value through base64, URL encoding, JSON and case and diacritics", () => {
    const index = new SecretIndex([{ kind: "Person.name", value: "Nguyễn Văn Đức" }]);
    const cursor = Buffer.from(`sorted:${JSON.stringify(["persons:NAME:ASC", "Nguyễn Văn Đức", "p-1"])}`).toString("base64url");
    expect(findLeaks({ data: { a: { cursor } } }, index)).toEqual([{ kind: "Person.name", path: "data.a.cursor", reading: "base64-decoded" }]);
    expect(findLeaks({ errors: [{ extensions: { hint: encodeURIComponent("x NGUYEN VAN DUC") } }] }, index).map((leak) => leak.path)).toEqual([
      "errors[].extensions.hint",
    ]);
    expect(findLeaks({ data: { csv: `"{""n"":""nguyen van duc""}"` } }, index)).not.toEqual([]);
    expect(findLeaks({ data: { id: `anon_${Buffer.from("xx Nguyễn Văn Đức").toString("base64url")}` } }, index)).not.toEqual([]);
    expect(findLeaks({ data: { ok: "Nguyen Van" } }, index)).toEqual([]);
    expect(readings("plain").map((reading) => reading.how)).toEqual(["as is"]);
  });

  it("asks again only the leaves whose values an error's null hid", () => {
    const leaf = (...fields: string[]): Leaf => fields.map((field) => ({ field, args: {}, coordinate: `T.${field}` }));
    const leaves = [leaf("companies", "edges", "node", "name"), leaf("companies", "edges", "node", "officers", "id"), leaf("companies", "totalCount")];
    // A nullable field refused: only what was under it is hidden.
    const nullable = { data: { companies: { edges: [{ node: { name: "a", officers: null } }], totalCount: 1 } }, errors: [{ path: ["companies", "edges", 0, "node", "officers"] }] };
    expect(hiddenLeaves(leaves, [nullable])).toEqual([leaves[1]]);
    // A non-null field refused: its null lands on the nearest nullable parent (here an edge), and hides its siblings too.
    const bubbled = {
      data: { companies: { edges: [{ node: { name: "a", officers: [] } }, null], totalCount: 2 } },
      errors: [{ path: ["companies", "edges", 1, "node", "officers"] }],
    };
    expect(hiddenLeaves(leaves, [bubbled])).toEqual([leaves[0], leaves[1]]);
    // No data, or an error without a path: every leaf.
    expect(hiddenLeaves(leaves, [{ data: null, errors: [{ path: ["companies"] }] }])).toEqual(leaves);
    expect(hiddenLeaves(leaves, [{ data: { companies: null }, errors: [{}] }])).toEqual(leaves);
    expect(hiddenLeaves(leaves, [{ data: nullable.data }])).toEqual([]);
  });

  it("is not blind: an INVESTIGATOR's answer about a person shows the values the scan looks for", async () => {
    const scan = new RoleScan(Role.INVESTIGATOR);
    const index = new SecretIndex(secretsFor(Role.PUBLIC));
    const person = seeds.get("Person")![0];
    const response = await api.post(`query($id: ID!) { person(id: $id) { id name identifiers { id value } } }`, { id: person }, scan.role);
    expect(response.errors).toBeUndefined();
    const kinds = new Set(findLeaks(response, index).map((leak) => leak.kind));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["Person id", "Person.name"]));
  });
});

// The roles are scanned at once: each scan mostly waits for the server's answers, and shares
// nothing with the other but the API and the world, which it only reads.
describe.concurrent("nothing a role may not see, in any answer to any root field", () => {
  for (const role of SCANNED_ROLES) {
    it(`${role}`, async () => {
      const scan = await scanRole(role);
      // Every root field of the schema was asked.
      expect([...scan.outcome.keys()].sort()).toEqual(Object.keys(schema.getQueryType()!.getFields()).sort());
      // The scan reached pseudonyms of every hidden kind, so that it fed them back.
      for (const kind of scan.hidden) {
        expect(scan.ids(kind, 1).every((id) => id.startsWith(PSEUDONYM_PREFIX)), kind).toBe(true);
      }
      const report = scan.report();
      if (report.length > 0) console.log(`${role} leaks (value kinds, where, how read):\n${report.join("\n")}`);
      expect(report).toEqual([]);
      // An internal error is a defect of its own, and it hides the rest of the answer from the scan.
      expect([...scan.internalErrors]).toEqual([]);
    }, 600_000);
  }
});
