import { readFile } from "node:fs/promises";

import { lineHash, splitLines, type AuditAnchor, type AuditRecord, type ChainHead } from "./audit-record.js";

export type { ChainHead } from "./audit-record.js";

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
 * Checks a chain line by line, as its lines come (a file's text, or a database's pages): the first
 * line is an anchor whose hash matches its fields; every following line is a record whose hash
 * matches its fields, whose seq is one more than the line before, and whose `previousHash` is the
 * hash of the line before (for the first record, the anchor's `previousHash`). An edited, removed,
 * inserted or moved line breaks one of these at that line or the next. `expectedHead`, when known
 * (the writer keeps it), also catches records cut off the end.
 */
export class ChainVerifier {
  private lines = 0;
  private expected: ChainHead | null = null;
  private broken: ChainReport | null = null;

  /** Takes the next line; false once the chain is broken (later lines are not looked at). */
  add(line: string): boolean {
    if (this.broken) return false;
    const index = this.lines++;
    if (index === 0) {
      const anchor = parseLine(line) as Partial<AuditAnchor> | null;
      if (anchor?.kind !== "anchor" || !Number.isSafeInteger(anchor.firstSeq) || typeof anchor.previousHash !== "string") {
        return this.fail(0, "the first line is not an anchor", null);
      }
      if (anchor.hash !== lineHash(anchor)) return this.fail(0, "the anchor's hash does not match its fields", null);
      this.expected = { seq: (anchor.firstSeq as number) - 1, hash: anchor.previousHash };
      return true;
    }
    const expected = this.expected!;
    const record = parseLine(line) as Partial<AuditRecord> | null;
    if (record === null) return this.fail(index, "the line is not a JSON object", expected);
    if (record.kind !== "operation") return this.fail(index, "the line is not an operation record", expected);
    if (record.hash !== lineHash(record)) return this.fail(index, "the record's hash does not match its fields", expected);
    if (record.previousHash !== expected.hash) {
      return this.fail(index, "the record's previousHash is not the hash of the record before it", expected);
    }
    if (record.seq !== expected.seq + 1) return this.fail(index, `the record's seq is not ${expected.seq + 1}`, expected);
    this.expected = { seq: record.seq, hash: record.hash as string };
    return true;
  }

  /** The report once every line was added. */
  finish(expectedHead?: ChainHead): ChainReport {
    if (this.broken) return this.broken;
    if (this.lines === 0) return report(0, "the file is empty: it has no anchor", 0, null);
    const records = this.lines - 1;
    const end = this.expected!;
    if (expectedHead && (expectedHead.seq !== end.seq || expectedHead.hash !== end.hash)) {
      return report(this.lines, `the file ends at seq ${end.seq}, but seq ${expectedHead.seq} was written`, records, end);
    }
    return { valid: true, records, firstBadIndex: null, reason: null, head: end };
  }

  private fail(index: number, reason: string, head: ChainHead | null): false {
    this.broken = report(index, reason, Math.max(0, index - 1), head);
    return false;
  }
}

/** Checks a trail file's text (see ChainVerifier). */
export function verifyChain(text: string, expectedHead?: ChainHead): ChainReport {
  const verifier = new ChainVerifier();
  for (const line of splitLines(text)) if (!verifier.add(line)) break;
  return verifier.finish(expectedHead);
}

/** Verifies the trail file at `path`. */
export async function verifyFile(path: string, expectedHead?: ChainHead): Promise<ChainReport> {
  return verifyChain(await readFile(path, "utf8"), expectedHead);
}

function report(index: number, reason: string, records: number, head: ChainHead | null): ChainReport {
  return { valid: false, records, firstBadIndex: index, reason, head };
}

function parseLine(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
