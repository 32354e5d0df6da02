import type { Context } from "../../context.js";
import type { Row } from "../../db/cypher-executor.js";
import type { RelationName } from "../../domain/relations.js";
import type { PartyRole } from "../../domain/vocabulary.js";
import type { Related } from "../../repositories/graph.repository.js";
import { PREFETCHED, type FetchedNode } from "../../repositories/nested-read.js";
import { pageKey } from "../../domain/fetch-plan.js";
import type { PageArgs } from "../inputs/page.args.js";
import type { ConnectionShape } from "../types/connection.js";
import type { Arrest, Office, Participation } from "../types/links.type.js";
import type { Citation } from "../types/source.type.js";
import { listScope, pageRequest, toConnection } from "./paging.js";

/**
 * Helpers shared by field resolvers. A relationship field's facts were usually read ahead by the
 * query of the root field (fetch-plan.ts, src/repositories/nested-read.ts) and hang on the parent
 * node; otherwise they come through the request's loaders. Either way each fact comes once
 * (src/domain/relation-facts.ts says what a fact is per field), with every source that states it.
 */

/** The node a relationship field starts from: its id, and what was read ahead below it, if anything. */
export type Parent = { id: string } & Pick<FetchedNode, typeof PREFETCHED>;

/**
 * A value read ahead, or a promise of one read through the loaders. Field resolvers hand read-ahead
 * facts back as they are: graphql-js completes a value at once, where a promise costs it a
 * microtask and an object of pending fields at every level.
 */
export type Awaitable<T> = T | Promise<T>;

export function links(ctx: Context, name: RelationName, parent: Parent): Awaitable<Related[]> {
  return parent[PREFETCHED]?.related.get(name) ?? ctx.loaders.related(name).load(parent.id);
}

export function nodes<T>(ctx: Context, name: RelationName, parent: Parent): Awaitable<T[]> {
  return whenRead(links(ctx, name, parent), (found) => found.map((link) => withLabels(link) as T));
}

export function node<T>(ctx: Context, name: RelationName, parent: Parent): Awaitable<T | null> {
  return whenRead(links(ctx, name, parent), ([first]) => (first ? (withLabels(first) as T) : null));
}

/** A relationship field that may reach thousands of nodes, paged like a root list. */
export function nodeConnection<T extends { id: string }>(
  ctx: Context,
  name: RelationName,
  parent: Parent,
  args: PageArgs,
): Awaitable<ConnectionShape<T>> {
  const scope = listScope(name, "ID", parent.id);
  const page = pageRequest(ctx, scope, args);
  const ahead = page.after === null ? parent[PREFETCHED]?.pages.get(pageKey(name, page.first)) : undefined;
  const countAll = async () => ahead?.total ?? ctx.loaders.relatedCount(name).load(parent.id);
  if (ahead) {
    return toConnection(ctx, scope, { items: ahead.items.map((link) => withLabels(link) as T), hasNextPage: ahead.hasNextPage }, countAll);
  }
  return ctx.loaders
    .relatedPage({ name, after: page.after, limit: page.first + 1 })
    .load(parent.id)
    .then((found) => {
      const items = found.slice(0, page.first).map((link) => withLabels(link) as T);
      return toConnection(ctx, scope, { items, hasNextPage: found.length > page.first }, countAll);
    });
}

/** `then` on a value read ahead, at once; on a promise, when it is fulfilled. */
function whenRead<T, R>(value: Awaitable<T>, then: (value: T) => R): Awaitable<R> {
  return value instanceof Promise ? value.then(then) : then(value);
}

/**
 * Every source of a fact reached through a relationship (from the `sourceId` and `sourceRow` of each
 * relationship stating it), and the first of them for the deprecated single `citation` field.
 */
export function citationsOf(link: Related): Pick<Arrest, "citations" | "citation"> {
  const citations = link.citations.map(({ sourceId, row }) => ({ sourceId, row }) as Citation);
  return { citations, citation: citations[0] ?? null };
}

/** The `sources` field of an entity: each source with the dataset row the entity came from, each pair once. */
export async function citations(ctx: Context, name: RelationName, parent: Parent): Promise<Citation[]> {
  return (await links(ctx, name, parent)).map(({ node: source, rel }) => ({
    source: source as unknown as Citation["source"],
    sourceId: source.id as string,
    row: (rel.row as number | undefined) ?? null,
  }));
}

/** Shipments a party took part in, with its role. */
export async function participations(ctx: Context, name: RelationName, parent: Parent): Promise<Participation[]> {
  return (await links(ctx, name, parent)).map((link) => ({
    role: link.rel.role as PartyRole,
    roleText: roleTextOf(link),
    shipment: link.node as unknown as Participation["shipment"],
    ...citationsOf(link),
  }));
}

/** Arrests seen from one side; `known` is that side (the seizure or the person). */
export async function arrestsOf(
  ctx: Context,
  name: RelationName,
  parent: Parent,
  known: Partial<Pick<Arrest, "person" | "seizure">>,
): Promise<Arrest[]> {
  return (await links(ctx, name, parent)).map((link) => ({
    person: (known.person ?? link.node) as Arrest["person"],
    seizure: (known.seizure ?? link.node) as Arrest["seizure"],
    charge: optional<string>(link.rel.charge),
    convicted: optional<boolean>(link.rel.convicted),
    sentence: optional<string>(link.rel.sentence),
    ...citationsOf(link),
  }));
}

/** Offices seen from one side; `known` is that side (the person or the company). */
export async function offices(
  ctx: Context,
  name: RelationName,
  parent: Parent,
  known: Partial<Pick<Office, "person" | "company">>,
): Promise<Office[]> {
  return (await links(ctx, name, parent)).map((link) => ({
    person: (known.person ?? link.node) as Office["person"],
    company: (known.company ?? link.node) as Office["company"],
    role: optional<string>(link.rel.role),
    roleText: roleTextOf(link),
    ...citationsOf(link),
  }));
}

/** The role as the source wrote it (`roleText` of PARTY_TO or OFFICER_OF), beside the model's role. */
export function roleTextOf(link: Related): string | null {
  return typeof link.rel.roleText === "string" ? link.rel.roleText : null;
}

function optional<T>(value: unknown): T | null {
  return value === undefined || value === null ? null : (value as T);
}

/**
 * The related node with its labels, which the unions tell their kinds apart by (party.type.ts).
 * Set on the node itself rather than on a copy of it: the node was read for this request, and its
 * labels are the same whichever fact reached it.
 */
function withLabels(link: Related): Row {
  const node: Row = link.node;
  node.labels = link.labels;
  return node;
}
