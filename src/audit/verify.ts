import { readFile } from "node:fs/promises";

import { lineHash, splitLines, type AuditAnchor, type AuditRecord } from "./audit-record.js";

/** The last record of a chain: the seq and hash the next record continues from. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export interface ChainReport {
  valid: boolean;
  /** Operation records that verified (before the first bad one, if any). */
  records: number;
  /** 0-based line index of the first line that does not verify (0 is the anchor); null when valid. */
  firstBadIndex: number | null;
  /** Why that line does not verify; null when valid. */
  reason: string | null;
  /** Where the verified part of the chain ends. */
  head: ChainHead | null;
}

/**
 * Checks a trail file's text line by line: the first line is an anchor whose hash matches its
 * fields; every following line is a record whose hash matches its fields, whose seq is one more
 * than the line before, and whose `previousHash` is the hash of the line before (for the first
 * record, the anchor's `previousHash`). An edited, removed, inserted or moved line breaks one of
 * these at that line or the next. `expectedHead`, when known (the writer keeps it), also catches
 * records cut off the end.
 */
export function verifyChain(text: string, expectedHead?: ChainHead): ChainReport {
  const lines = splitLines(text);
  const broken = (index: number, reason: string, records: number, head: ChainHead | null): ChainReport => ({
    valid: false,
    records,
    firstBadIndex: index,
    reason,
    head,
  });
  if (lines.length === 0) return broken(0, "the file is empty: it has no anchor", 0, null);

  const anchor = parseLine(lines[0]) as Partial<AuditAnchor> | null;
  if (anchor?.kind !== "anchor" || !Number.isSafeInteger(anchor.firstSeq) || typeof anchor.previousHash !== "string") {
    return broken(0, "the first line is not an anchor", 0, null);
  }
  if (anchor.hash !== lineHash(anchor)) return broken(0, "the anchor's hash does not match its fields", 0, null);

  let expected: ChainHead = { seq: (anchor.firstSeq as number) - 1, hash: anchor.previousHash };
  for (let index = 1; index < lines.length; index++) {
    const records = index - 1;
    const record = parseLine(lines[index]) as Partial<AuditRecord> | null;
    if (record === null) return broken(index, "the line is not a JSON object", records, expected);
    if (record.kind !== "operation") return broken(index, "the line is not an operation record", records, expected);
    if (record.hash !== lineHash(record)) return broken(index, "the record's hash does not match its fields", records, expected);
    if (record.previousHash !== expected.hash) {
      return broken(index, "the record's previousHash is not the hash of the record before it", records, expected);
    }
    if (record.seq !== expected.seq + 1) return broken(index, `the record's seq is not ${expected.seq + 1}`, records, expected);
    expected = { seq: record.seq, hash: record.hash };
  }
  const records = lines.length - 1;
  if (expectedHead && (expectedHead.seq !== expected.seq || expectedHead.hash !== expected.hash)) {
    return broken(lines.length, `the file ends at seq ${expected.seq}, but seq ${expectedHead.seq} was written`, records, expected);
  }
  return { valid: true, records, firstBadIndex: null, reason: null, head: expected };
}

/** Verifies the trail file at `path`. */
export async function verifyFile(path: string, expectedHead?: ChainHead): Promise<ChainReport> {
  return verifyChain(await readFile(path, "utf8"), expectedHead);
}

function parseLine(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
