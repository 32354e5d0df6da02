import { Args, Ctx, Query, Resolver } from "type-graphql";

import type { AuditRecord as StoredRecord } from "../../audit/audit-record.js";
import { Role } from "../../auth/role.js";
import type { Context } from "../../context.js";
import { BadInputError } from "../../domain/errors.js";
import { AuditLogArgs } from "../inputs/audit-log.args.js";
import { AuditRecordConnection, type AuditRecord } from "../types/audit-record.type.js";

/** The `auditLog` root field: the audit trail, newest first, for ADMIN only. */
@Resolver()
export class AuditLogResolver {
  @Query(() => AuditRecordConnection, {
    description:
      "The audit trail of GraphQL operations, newest first: who asked, with which role, when, a hash of the query, the " +
      "variables with personal values hashed, and the persons and companies shown. ADMIN only.",
  })
  async auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: Context): Promise<InstanceType<typeof AuditRecordConnection>> {
    ctx.access.require(Role.ADMIN, "auditLog");
    const beforeSeq = args.after == null ? null : decodeCursor(args.after);
    const page = await ctx.audit.list({ first: args.first, beforeSeq, subject: args.subject, entity: args.disclosed });
    const edges = page.records.map((record) => ({ node: toGraphQL(record), cursor: encodeCursor(record.seq) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasMore,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: page.totalCount,
    };
  }
}

function toGraphQL(record: StoredRecord): AuditRecord {
  return { ...record, variables: JSON.stringify(record.variables) };
}

const CURSOR_PREFIX = "audit:";

function encodeCursor(seq: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${seq}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): number {
  const match = /^audit:([1-9]\d{0,14})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match || encodeCursor(Number(match[1])) !== cursor) throw new BadInputError("after", "is not a cursor given by this API");
  return Number(match[1]);
}
