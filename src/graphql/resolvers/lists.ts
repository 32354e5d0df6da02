import { validate } from "class-validator";
import type { GraphQLResolveInfo } from "graphql";
import type { ValidatorFn } from "type-graphql";

import type { Context } from "../../context.js";
import type { Parameters } from "../../db/cypher-executor.js";
import { dateParameter } from "../../db/values.js";
import { BadInputError } from "../../domain/errors.js";
import { OrderDirection, type ListOrder } from "../../domain/paging.js";
import type { NodeLabel } from "../../domain/graph-schema.js";
import { isEmptyPlan } from "../../domain/fetch-plan.js";
import type { ListName, OrderedListName, PartyListName } from "../../repositories/list.repository.js";
import { PREFETCHED } from "../../repositories/nested-read.js";
import type { PageArgs } from "../inputs/page.args.js";
import type { ConnectionShape } from "../types/connection.js";
import { planOfConnection, planOfField } from "./fetch-plan.js";
import { listScope, pageRequest, sortedPageRequest, toConnection } from "./paging.js";
import type { Parent } from "./relation-fields.js";

/** The order field every list is in by default, ascending. */
const DEFAULT_ORDER_FIELD = "ID";

/**
 * The parameters of a list query: every filter key present (null when unused), dates as Neo4j
 * dates, and `dateFrom` not after `dateTo`.
 */
export function filterParameters(filter: object | null | undefined, keys: readonly string[]): Parameters {
  const given = (filter ?? {}) as Record<string, unknown>;
  const { dateFrom, dateTo } = given as { dateFrom?: string | null; dateTo?: string | null };
  if (dateFrom && dateTo && dateFrom > dateTo) {
    throw new BadInputError("filter.dateTo", "must not be before filter.dateFrom");
  }
  return Object.fromEntries(
    keys.map((key) => {
      const value = given[key] ?? null;
      return [key, key === "dateFrom" || key === "dateTo" ? dateParameter(value as string | null) : value];
    }),
  );
}

/**
 * A node by id for a root field, read in one query with what the selection asks below it
 * (fetch-plan.ts); through the request's loader when it asks nothing below it, so that several
 * such fields of one request share one query.
 */
export async function lookup<T>(ctx: Context, info: GraphQLResolveInfo, label: NodeLabel, id: string): Promise<T | null> {
  const plan = planOfField(ctx, info);
  const found = isEmptyPlan(plan) ? await ctx.loaders.node(label).load(id) : await ctx.nested.byId(label, id, plan);
  return found as T | null;
}

/**
 * A root list as a Relay connection, read in one query with what the selection asks below its items
 * (fetch-plan.ts): its page, its total only when asked for, and the page only when edges or page
 * info are asked for.
 */
export async function listConnection<T extends { id: string }>(
  ctx: Context,
  info: GraphQLResolveInfo,
  list: ListName,
  parameters: Parameters,
  args: PageArgs,
): Promise<ConnectionShape<T>> {
  const scope = listScope(list, DEFAULT_ORDER_FIELD, parameters);
  const asked = planOfConnection(ctx, info, args.first);
  const page = await ctx.nested.listPage(list, parameters, pageRequest(ctx, scope, args), asked.plan, asked);
  return toConnection(ctx, scope, page as unknown as { items: T[]; hasNextPage: boolean }, async () => page.total ?? ctx.lists.count(list, parameters));
}

/**
 * A list of persons, companies or seizures as a Relay connection, in the order asked for. Without an order,
 * or in id ascending order, it is `listConnection` with its id cursors; in another order the cursors
 * carry the order and the sort value, and a cursor of one order is refused by another.
 */
export async function orderedListConnection<T extends { id: string }>(
  ctx: Context,
  info: GraphQLResolveInfo,
  list: OrderedListName,
  parameters: Parameters,
  order: ListOrder | null | undefined,
  args: PageArgs,
): Promise<ConnectionShape<T>> {
  if (!order || (order.field === DEFAULT_ORDER_FIELD && order.direction === OrderDirection.ASC)) {
    return listConnection(ctx, info, list, parameters, args);
  }
  const scope = listScope(list, `${order.field}:${order.direction}`, parameters);
  const asked = planOfConnection(ctx, info, args.first);
  const page = await ctx.nested.sortedListPage(list, parameters, order, sortedPageRequest(ctx, scope, args), asked.plan, asked);
  return toConnection(
    ctx,
    scope,
    page as unknown as { items: T[]; hasNextPage: boolean },
    async () => page.total ?? ctx.lists.count(list, parameters),
    (index) => page.sortValues[index],
  );
}

/**
 * One relationship count of a person or a company (`field` is a column of person/counts.cypher or
 * company/counts.cypher): read ahead with the root field's query, or through the request's loader,
 * one query for all the items of a page.
 */
export async function partyCount(ctx: Context, list: PartyListName, parent: Parent, field: string): Promise<number> {
  const counts = parent[PREFETCHED]?.counts ?? (await ctx.loaders.partyCounts(list, ctx.lists).load(parent.id));
  return (counts?.[field] as number | undefined) ?? 0;
}

/**
 * Validates an input object argument with its class-validator rules, naming the argument and the
 * field in the error (`filter.minSeizures`); type-graphql's own validation names only the field.
 */
export function validatedAs(argument: string): ValidatorFn {
  return async (value) => {
    if (value === null || typeof value !== "object") return;
    const [first] = await validate(value, { skipMissingProperties: true, forbidUnknownValues: false });
    if (!first) return;
    // class-validator starts each message with the property name: "minSeizures must not be less than 0".
    const message = Object.values(first.constraints ?? {})[0] ?? "is not valid";
    const reason = message.startsWith(`${first.property} `) ? message.slice(first.property.length + 1) : message;
    throw new BadInputError(`${argument}.${first.property}`, reason);
  };
}
