import type { Context } from "../../context.js";
import type { Parameters } from "../../db/cypher-executor.js";
import { dateParameter } from "../../db/values.js";
import { BadInputError } from "../../domain/errors.js";
import type { ListName } from "../../repositories/list.repository.js";
import type { PageArgs } from "../inputs/page.args.js";
import type { ConnectionShape } from "../types/connection.js";
import { pageRequest, toConnection } from "./paging.js";

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
  const page = await ctx.lists.page(list, parameters, pageRequest(args));
  return toConnection(page as { items: T[]; hasNextPage: boolean }, () => ctx.lists.count(list, parameters));
}
