import { validate } from "class-validator";
import type { ValidatorFn } from "type-graphql";

import type { Context } from "../../context.js";
import type { Parameters } from "../../db/cypher-executor.js";
import { dateParameter } from "../../db/values.js";
import { BadInputError } from "../../domain/errors.js";
import { OrderDirection, type ListOrder } from "../../domain/paging.js";
import type { ListName, PartyListName } from "../../repositories/list.repository.js";
import type { PageArgs } from "../inputs/page.args.js";
import type { ConnectionShape } from "../types/connection.js";
import { listScope, pageRequest, sortedPageRequest, toConnection } from "./paging.js";

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

/** A root list as a Relay connection; its total is counted only when asked for. */
export async function listConnection<T extends { id: string }>(
  ctx: Context,
  list: ListName,
  parameters: Parameters,
  args: PageArgs,
): Promise<ConnectionShape<T>> {
  const scope = listScope(list, DEFAULT_ORDER_FIELD, parameters);
  const page = await ctx.lists.page(list, parameters, pageRequest(ctx, scope, args));
  return toConnection(ctx, scope, page as { items: T[]; hasNextPage: boolean }, () => ctx.lists.count(list, parameters));
}

/**
 * A list of persons or companies as a Relay connection, in the order asked for. Without an order,
 * or in id ascending order, it is `listConnection` with its id cursors; in another order the cursors
 * carry the order and the sort value, and a cursor of one order is refused by another.
 */
export async function partyListConnection<T extends { id: string }>(
  ctx: Context,
  list: PartyListName,
  parameters: Parameters,
  order: ListOrder | null | undefined,
  args: PageArgs,
): Promise<ConnectionShape<T>> {
  if (!order || (order.field === DEFAULT_ORDER_FIELD && order.direction === OrderDirection.ASC)) {
    return listConnection(ctx, list, parameters, args);
  }
  const scope = listScope(list, `${order.field}:${order.direction}`, parameters);
  const page = await ctx.lists.sortedPage(list, parameters, order, sortedPageRequest(ctx, scope, args));
  return toConnection(
    ctx,
    scope,
    page as { items: T[]; hasNextPage: boolean },
    () => ctx.lists.count(list, parameters),
    (index) => page.sortValues[index],
  );
}

/**
 * One relationship count of a person or a company (`field` is a column of person/counts.cypher or
 * company/counts.cypher), through the request's loader: one query for all the items of a page.
 */
export async function partyCount(ctx: Context, list: PartyListName, id: string, field: string): Promise<number> {
  const counts = await ctx.loaders.partyCounts(list, ctx.lists).load(id);
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
