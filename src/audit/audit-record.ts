import { createHash } from "node:crypto";

import { canonicalJson } from "./canonical-json.js";

/** The `previousHash` of the first record of a new trail. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * The first line of every trail file: where its chain starts. A new file's anchor names seq 1 and
 * the genesis hash; after retention removes old records, a new anchor names the first kept
 * record's seq and the hash of the last removed one, so the rest still verifies.
 */
export interface AuditAnchor {
  kind: "anchor";
  /** When this anchor was written (ISO 8601). */
  at: string;
  firstSeq: number;
  /** The `previousHash` the record `firstSeq` must carry. */
  previousHash: string;
  hash: string;
}

/** One GraphQL operation, as recorded before its response was sent. */
export interface AuditRecord {
  kind: "operation";
  /** 1, 2, 3, ... over the trail's whole life (retention does not renumber). */
  seq: number;
  /** When the operation was recorded (ISO 8601, UTC). */
  at: string;
  /** Who asked: the viewer's subject (`token:<sub>`, `key:<key id>`, `demo:<address>`). */
  subject: string;
  role: string;
  /** How the viewer authenticated: token, api-key or demo. */
  method: string;
  operationName: string | null;
  /** SHA-256 (hex) of the query text; the text itself is never stored. */
  queryHash: string | null;
  /** The variables, values that may be personal replaced by `hmac:<hex>`. */
  variables: Record<string, unknown>;
  /** `Person:<id>` / `Company:<id>` of every person and company the response showed in clear. */
  disclosed: string[];
  /** `extensions.code` of each error of the response, in order. */
  errorCodes: string[];
  previousHash: string;
  hash: string;
}

export type AuditLine = AuditAnchor | AuditRecord;

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The hash of a line: SHA-256 of the canonical JSON of all its fields but `hash`. */
export function lineHash(line: object): string {
  const { hash: _hash, ...fields } = line as { hash?: unknown };
  return sha256Hex(canonicalJson(fields));
}

export function sealAnchor(fields: Omit<AuditAnchor, "kind" | "hash">): AuditAnchor {
  const anchor = { kind: "anchor" as const, at: fields.at, firstSeq: fields.firstSeq, previousHash: fields.previousHash };
  return { ...anchor, hash: lineHash(anchor) };
}

export function sealRecord(fields: Omit<AuditRecord, "kind" | "hash">): AuditRecord {
  // Written in this order for people reading the file; the hash does not depend on it.
  const record = {
    seq: fields.seq,
    kind: "operation" as const,
    at: fields.at,
    subject: fields.subject,
    role: fields.role,
    method: fields.method,
    operationName: fields.operationName,
    queryHash: fields.queryHash,
    variables: fields.variables,
    disclosed: fields.disclosed,
    errorCodes: fields.errorCodes,
    previousHash: fields.previousHash,
  };
  return { ...record, hash: lineHash(record) };
}

/** What a record says of its operation: everything but its place in the chain. */
export type AuditFields = Omit<AuditRecord, "kind" | "seq" | "previousHash" | "hash">;

/** Where a chain ends: its last record's seq and hash (the anchor's, before any record). */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** Seals records in the order given, continuing the chain from `head`; returns them and the new head. */
export function sealBatch(batch: readonly AuditFields[], head: ChainHead): { records: AuditRecord[]; head: ChainHead } {
  let { seq, hash } = head;
  const records = batch.map((fields) => {
    const record = sealRecord({ ...fields, seq: ++seq, previousHash: hash });
    hash = record.hash;
    return record;
  });
  return { records, head: { seq, hash } };
}

/** The lines of a trail file's text; the newline that ends the last line does not start another. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
