import type { Context } from "../../context.js";
import { NotFoundError } from "../../domain/errors.js";
import { NodeLabel } from "../../domain/graph-schema.js";

/**
 * Refuses a source filter that names no Source. An analyst who compares one dataset's picture with
 * another's and mistypes the id would otherwise read "no seizures" as a finding; a source that
 * exists and reports nothing that matches still gives empty figures. One lookup through the
 * request's loader, and none when no source is given.
 */
export async function assertKnownSource(ctx: Context, source: string | null | undefined): Promise<void> {
  if (source === null || source === undefined) return;
  if ((await ctx.loaders.node(NodeLabel.Source).load(source)) === null) throw new NotFoundError("filter.source", "source");
}
