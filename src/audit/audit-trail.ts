import { constants, fstatSync, statSync } from "node:fs";
import { mkdir, open, readFile, rename, truncate, type FileHandle } from "node:fs/promises";
import path from "node:path";

import type { AuditSettings } from "../config.js";
import { recordFields, removableCount, retentionCutoff, type AuditEntryInput } from "./audit-entry.js";
import { GENESIS_HASH, sealAnchor, sealBatch, splitLines, type AuditFields, type AuditLine, type AuditRecord } from "./audit-record.js";
import { keyedHasher, keyPathOf, loadOrCreateKey } from "./audit-key.js";
import { AuditUnavailableError } from "./audit-unavailable.error.js";
import type { ValueHasher } from "./redact-variables.js";
import { verifyChain, type ChainHead, type ChainReport } from "./verify.js";

export type { AuditEntryInput } from "./audit-entry.js";

export interface AuditListQuery {
  first: number;
  /** Only records older than this seq (the page after a record already seen). */
  beforeSeq?: number | null;
  subject?: string | null;
  /** Only records that disclosed this entity (`Person:<id>` or `Company:<id>`). */
  entity?: string | null;
}

export interface AuditPage {
  /** Newest first. */
  records: AuditRecord[];
  hasMore: boolean;
  /** Records that match the query's filters, over all pages. */
  totalCount: number;
}

/**
 * The append-only, hash-chained record of every GraphQL operation: a file of one process
 * (AuditLogFile, below), or a chain in Neo4j shared by every replica (neo4j-audit-trail.ts).
 */
export interface AuditTrail {
  /**
   * Resolves once the record is stored (on disk, or committed); rejects with AUDIT_UNAVAILABLE when
   * it cannot be written, or DATABASE_UNAVAILABLE when the store is the database and it is away.
   */
  record(entry: AuditEntryInput): Promise<void>;
  list(query: AuditListQuery): Promise<AuditPage>;
  /** Verifies the whole chain, including that it still ends with the last record written. */
  verify(): Promise<ChainReport>;
  close(): Promise<void>;
}

export interface AuditTrailOptions {
  /** The clock (tests move it to check retention). */
  now?: () => Date;
  /** How often old records are removed while the trail is open (default: daily); at opening they always are. */
  pruneEveryMs?: number;
}

/** How often old records are removed while a trail is open. */
export const PRUNE_EVERY_MS = 86_400_000;

/**
 * The trail is opened for appending with O_DSYNC where the system has it: each write returns once
 * its data is on disk, as a write followed by `fdatasync` would (Linux runs the same sync for it),
 * in one call instead of two, so one trip to the thread pool per batch instead of two. Elsewhere
 * (Windows) the flush calls `datasync` itself.
 */
const SYNCED_APPEND =
  constants.O_DSYNC === undefined ? undefined : constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_DSYNC;

function openForAppend(file: string): Promise<FileHandle> {
  return open(file, SYNCED_APPEND ?? "a", 0o600);
}

/** A record waiting for the next write, and the request waiting for it. */
export interface PendingRecord {
  fields: AuditFields;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Opens (or creates) the trail file of `settings.path` and removes records older than
 * `settings.retentionDays`. One process writes one file: the last record's hash is kept in memory.
 * The hashes' key is `settings.hmacKey`, or else the key file beside the trail.
 */
export async function openAuditTrail(
  settings: Pick<AuditSettings, "path" | "retentionDays" | "hmacKey">,
  options: AuditTrailOptions = {},
): Promise<AuditLogFile> {
  await mkdir(path.dirname(settings.path), { recursive: true, mode: 0o700 });
  const key = settings.hmacKey ?? (await loadOrCreateKey(keyPathOf(settings.path)));
  const trail = new AuditLogFile(settings, keyedHasher(key), options.now ?? (() => new Date()));
  await trail.open();
  await trail.prune();
  trail.pruneEvery(options.pruneEveryMs ?? PRUNE_EVERY_MS);
  return trail;
}

/**
 * The trail as a JSON-lines file: an anchor line, then one record per line, each carrying the
 * previous line's hash and its own. Appends, retention and reads go one after another through one
 * promise chain; records that arrive while a write is under way are written together with one
 * fsync, in the order they arrived.
 */
export class AuditLogFile implements AuditTrail {
  private handle: FileHandle | null = null;
  private head: ChainHead = { seq: 0, hash: GENESIS_HASH };
  private pending: PendingRecord[] = [];
  private flushQueued = false;
  /** After a failed write the file may end with a torn line; it is repaired before the next write. */
  private damaged = false;
  private closed = false;
  /** Set once the file has been opened: from then on a missing or rewound file is refused, not recreated. */
  private opened = false;
  /** When the oldest record was written, so that retention reads the file only when there is work. */
  private oldestAt: number | null = null;
  /** The file's length after the last write: another length means someone else wrote or cut it. */
  private size = 0;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly settings: Pick<AuditSettings, "path" | "retentionDays">,
    /** Stands in for values that may be personal: `hmac:<hex>`, equal for equal values. */
    readonly hashValue: ValueHasher,
    private readonly now: () => Date,
  ) {}

  get path(): string {
    return this.settings.path;
  }

  async open(): Promise<void> {
    await this.exclusive(() => this.reopen());
    this.opened = true;
  }

  record(entry: AuditEntryInput): Promise<void> {
    if (this.closed) return Promise.reject(new AuditUnavailableError());
    let fields: AuditFields;
    try {
      fields = recordFields(entry, this.now(), this.hashValue);
    } catch (error) {
      return Promise.reject(new AuditUnavailableError({ cause: error }));
    }
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ fields, resolve, reject });
      if (!this.flushQueued) {
        this.flushQueued = true;
        void this.exclusive(() => this.flush());
      }
    });
  }

  async list(query: AuditListQuery): Promise<AuditPage> {
    const lines = await this.exclusive(() => this.readLines());
    const matching = lines
      .filter((line): line is AuditRecord => line.kind === "operation")
      .filter((record) => query.subject == null || record.subject === query.subject)
      .filter((record) => query.entity == null || record.disclosed.includes(query.entity))
      .reverse();
    const start = query.beforeSeq == null ? 0 : matching.findIndex((record) => record.seq < (query.beforeSeq as number));
    const from = start === -1 ? matching.length : start;
    return {
      records: matching.slice(from, from + query.first),
      hasMore: from + query.first < matching.length,
      totalCount: matching.length,
    };
  }

  verify(): Promise<ChainReport> {
    return this.exclusive(async () => verifyChain(await readFile(this.settings.path, "utf8"), this.head));
  }

  /**
   * Removes records older than the retention period and writes a new anchor naming the first kept
   * record's seq and the hash of the last removed one. A file that does not verify is left whole:
   * its damage stays there to be found.
   */
  prune(): Promise<{ removed: number }> {
    return this.exclusive(async () => {
      if (this.closed) throw new AuditUnavailableError();
      const cutoff = retentionCutoff(this.now(), this.settings.retentionDays);
      if (this.oldestAt === null || this.oldestAt >= cutoff) return { removed: 0 };
      const text = await readFile(this.settings.path, "utf8");
      if (!verifyChain(text, this.head).valid) return { removed: 0 };
      const lines = splitLines(text);
      const records = lines.slice(1).map((line) => JSON.parse(line) as AuditRecord);
      const removed = removableCount(records.map((record) => record.at), cutoff);
      if (removed === 0) return { removed: 0 };
      const lastRemoved = records[removed - 1];
      const anchor = sealAnchor({ at: this.now().toISOString(), firstSeq: lastRemoved.seq + 1, previousHash: lastRemoved.hash });
      await this.replaceFile([JSON.stringify(anchor), ...lines.slice(1 + removed)]);
      return { removed };
    });
  }

  pruneEvery(ms: number): void {
    clearInterval(this.timer);
    // A failed pass is tried again at the next one; appends do not depend on it.
    this.timer = setInterval(() => void this.prune().catch(() => {}), ms);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    await this.chain;
    await this.handle?.close().catch(() => {});
    this.handle = null;
  }

  /** Runs `task` after everything queued before it; a failure is passed to the caller only. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.chain.then(task);
    this.chain = result.catch(() => {});
    return result;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.flushQueued = false;
    try {
      if (this.closed) throw new Error("the audit trail is closed");
      if (this.damaged || this.handle === null) await this.reopen();
      await this.checkSameFile();
      const sealed = sealBatch(batch.map((entry) => entry.fields), this.head);
      const data = Buffer.from(sealed.records.map((record) => `${JSON.stringify(record)}\n`).join(""), "utf8");
      // On disk before any of the batch's responses is sent (see SYNCED_APPEND).
      await writeAll(this.handle!, data);
      if (SYNCED_APPEND === undefined) await this.handle!.datasync();
      this.size += data.length;
      this.head = sealed.head;
      this.oldestAt ??= Date.parse(batch[0].fields.at);
      for (const entry of batch) entry.resolve();
    } catch (error) {
      this.damaged = true;
      for (const entry of batch) entry.reject(new AuditUnavailableError({ cause: error }));
    }
  }

  /**
   * Appends go to the file at the trail's path, not to one deleted or moved away since it was
   * opened (where records would be lost without an error).
   */
  private async checkSameFile(): Promise<void> {
    // Asked synchronously: the inode of an open file and a path in a folder used at every batch are
    // answered from the kernel's caches in microseconds, where a trip to the thread pool and back
    // costs tens of them (measured with bench/overhead). A file system that hangs would hang the
    // write that follows all the same.
    const atPath = statSync(this.settings.path);
    const appended = fstatSync(this.handle!.fd);
    if (atPath.ino !== appended.ino || atPath.dev !== appended.dev) throw new Error("the audit trail file was moved or replaced");
    if (appended.size !== this.size) throw new Error("the audit trail file was changed by another writer");
  }

  /**
   * (Re)opens the file for appending and reads where its chain ends. At start, a new or empty file
   * gets an anchor; a torn last line (a write cut short by a crash or a full disk) is cut off. After
   * a failed write, the file must still hold the last record written: one that has gone, or ends
   * before it, is refused until the server restarts (it then starts a new chain, or continues the
   * file it finds).
   */
  private async reopen(): Promise<void> {
    await this.handle?.close().catch(() => {});
    this.handle = null;
    const file = this.settings.path;
    let content = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" && !this.opened) return Buffer.alloc(0);
      throw error;
    });
    const complete = content.lastIndexOf(0x0a) + 1;
    if (complete < content.length) {
      await truncate(file, complete);
      content = content.subarray(0, complete);
    }
    if (content.length === 0) {
      if (this.opened) throw new Error("the audit trail file was emptied");
      const anchor = sealAnchor({ at: this.now().toISOString(), firstSeq: 1, previousHash: GENESIS_HASH });
      await this.replaceFile([JSON.stringify(anchor)]);
      this.damaged = false;
      return;
    }
    const text = content.toString("utf8");
    const head = headOf(text, file);
    // Records written but not confirmed (fsync failed) may be there too: the file may be ahead.
    if (this.opened && (head.seq < this.head.seq || (head.seq === this.head.seq && head.hash !== this.head.hash))) {
      throw new Error("the audit trail file no longer ends with the last record written");
    }
    this.head = head;
    this.oldestAt = oldestOf(text);
    this.size = content.length;
    this.handle = await openForAppend(file);
    this.damaged = false;
  }

  /** Writes `lines` to a new file and moves it over the trail, then appends to the new file. */
  private async replaceFile(lines: string[]): Promise<void> {
    const file = this.settings.path;
    const temporary = `${file}.tmp`;
    const handle = await open(temporary, "w", 0o600);
    const text = `${lines.join("\n")}\n`;
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await this.handle?.close().catch(() => {});
    this.handle = null;
    await rename(temporary, file);
    await syncFolder(path.dirname(file));
    this.head = headOf(text, file);
    this.oldestAt = oldestOf(text);
    this.size = Buffer.byteLength(text, "utf8");
    this.handle = await openForAppend(file);
  }

  private async readLines(): Promise<AuditLine[]> {
    const text = await readFile(this.settings.path, "utf8").catch((error: unknown) => {
      throw new AuditUnavailableError({ cause: error });
    });
    const lines: AuditLine[] = [];
    for (const line of splitLines(text)) {
      try {
        lines.push(JSON.parse(line) as AuditLine);
      } catch {
        // A line that is not JSON is shown by verification, not by the list.
      }
    }
    return lines;
  }
}

/** When the first record after the anchor was written; null when there is none. */
function oldestOf(text: string): number | null {
  const start = text.indexOf("\n") + 1;
  if (start === 0 || start >= text.length) return null;
  const end = text.indexOf("\n", start);
  const line = text.slice(start, end === -1 ? undefined : end);
  try {
    const at = Date.parse((JSON.parse(line) as { at?: string }).at ?? "");
    return Number.isNaN(at) ? null : at;
  } catch {
    return null;
  }
}

/** Where the chain of a file's text ends: its last record, or what its anchor names. */
function headOf(text: string, file: string): ChainHead {
  const last = splitLines(text).at(-1);
  try {
    const line = JSON.parse(last ?? "") as Partial<AuditLine>;
    if (line.kind === "anchor" && typeof line.firstSeq === "number" && typeof line.previousHash === "string") {
      return { seq: line.firstSeq - 1, hash: line.previousHash };
    }
    if (line.kind === "operation" && typeof line.seq === "number" && typeof line.hash === "string") {
      return { seq: line.seq, hash: line.hash };
    }
  } catch {
    // Reported below.
  }
  throw new Error(`The last line of the audit trail ${file} is not a record; check it with \`npm run audit -- verify\``);
}

/**
 * Writes all of `data` at the end of the file (opened for appending): one `write` in practice, more
 * only if the system writes part of it. Lighter than `FileHandle.appendFile`, which goes through
 * `writeFile`'s general path for every batch.
 */
async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  for (let offset = 0; offset < data.length; ) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
