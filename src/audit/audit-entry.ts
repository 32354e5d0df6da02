import type { GraphQLInputType } from "graphql";

import type { Role } from "../auth/role.js";
import { sha256Hex, type AuditFields } from "./audit-record.js";
import { redactVariables, type ValueHasher } from "./redact-variables.js";

/** What the server knows of one operation when its response is ready. */
export interface AuditEntryInput {
  subject: string;
  role: Role;
  /** How the viewer authenticated (token, api-key, demo). */
  method?: string;
  operationName: string | null;
  /** The query text: only its SHA-256 is kept (inline literals may be personal). */
  query: string | null;
  variables: Record<string, unknown> | null | undefined;
  /** The types the operation declares for its variables; without them every variable is hashed. */
  variableTypes?: ReadonlyMap<string, GraphQLInputType>;
  /** `Person:<id>` / `Company:<id>` of the persons and companies the response holds. */
  disclosed: Iterable<string>;
  /** `extensions.code` of each error of the response. */
  errorCodes?: string[];
}

/** What every store records of an entry at `at`: the query as its hash, personal variables as `hashValue`'s. */
export function recordFields(entry: AuditEntryInput, at: Date, hashValue: ValueHasher): AuditFields {
  return {
    at: at.toISOString(),
    subject: entry.subject,
    role: entry.role,
    method: entry.method ?? "unknown",
    operationName: entry.operationName,
    queryHash: entry.query === null ? null : sha256Hex(entry.query),
    variables: redactVariables(entry.variables, entry.variableTypes, hashValue),
    disclosed: [...new Set(entry.disclosed)].sort(),
    errorCodes: entry.errorCodes ?? [],
  };
}

const DAY_MS = 86_400_000;

/** Records written before this time are past retention. */
export function retentionCutoff(now: Date, retentionDays: number): number {
  return now.getTime() - retentionDays * DAY_MS;
}

/**
 * How many of the oldest records (in chain order) retention removes: those before the first one
 * written at or after the cutoff. A record out of time order (another replica's clock) ends the cut,
 * so that what is kept is always a whole tail of the chain.
 */
export function removableCount(ats: readonly string[], cutoff: number): number {
  const firstKept = ats.findIndex((at) => Date.parse(at) >= cutoff);
  return firstKept === -1 ? ats.length : firstKept;
}
