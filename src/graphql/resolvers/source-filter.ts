import { Role } from "../../auth/role.js";
import type { Context } from "../../context.js";
import { BadInputError, NotFoundError } from "../../domain/errors.js";
import { NodeLabel } from "../../domain/graph-schema.js";

/**
 * Checks a source filter before it narrows any figure.
 * - An empty id is bad input on `filter.source`.
 * - Only roles that may read sources may filter by one: a lower role comparing a source's figures
 *   with the rest would learn which seizures it reports, which it may not read (FORBIDDEN). The
 *   role is checked before the id, so a lower role cannot probe which source ids exist either.
 * - An id that names no Source is refused (NOT_FOUND on `filter.source`): an analyst comparing one
 *   dataset's picture with another's who mistypes the id would otherwise read "no seizures" as a
 *   finding. A source that exists and reports nothing that matches still gives empty figures.
 * One lookup through the request's loader, and none when no source is given.
 */
export async function checkSourceFilter(ctx: Context, source: string | null | undefined): Promise<void> {
  if (source === null || source === undefined) return;
  if (source === "") throw new BadInputError("filter.source", "must not be empty");
  ctx.access.require(Role.ANALYST, "filter.source");
  if ((await ctx.loaders.node(NodeLabel.Source).load(source)) === null) throw new NotFoundError("filter.source", "source");
}
