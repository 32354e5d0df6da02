import type { SharedAuditSettings } from "../config.js";
import type { CypherExecutor } from "../db/cypher-executor.js";
import {
  auditAppend,
  auditHead,
  auditLines,
  auditLockHead,
  auditOpenHead,
  auditPage,
  auditPageOfEntity,
  auditPageOfSubject,
  auditRemoveBefore,
  auditSchemaEntityKey,
  auditSchemaHeadKey,
  auditSchemaRecordKey,
  auditSchemaRecordSeq,
  auditSchemaRecordSubject,
} from "../db/queries.generated.js";
import { integerParameter } from "../db/values.js";
import { DatabaseUnavailableError, DomainError } from "../domain/errors.js";
import { recordFields, removableCount, retentionCutoff, type AuditEntryInput } from "./audit-entry.js";
import { keyedHasher } from "./audit-key.js";
import { GENESIS_HASH, sealAnchor, sealBatch, type AuditAnchor, type AuditFields, type AuditRecord, type ChainHead } from "./audit-record.js";
import {
  PRUNE_EVERY_MS,
  type AuditListQuery,
  type AuditPage,
  type AuditTrail,
  type AuditTrailOptions,
  type PendingRecord,
} from "./audit-trail.js";
import { AuditUnavailableError } from "./audit-unavailable.error.js";
import type { ValueHasher } from "./redact-variables.js";
import { ChainVerifier, type ChainReport } from "./verify.js";

/**
 * At most this many records in one append transaction, so that the head's lock is held briefly
 * even after a burst.
 */
const MAX_BATCH = 500;
/** Lines read per round trip by verification and retention. */
const PAGE_LINES = 5_000;

export interface Neo4jAuditSettings {
  shared: SharedAuditSettings;
  retentionDays: number;
  /** The same on every replica (AUDIT_HMAC_KEY). */
  hmacKey: Buffer;
}

/**
 * The trail in Neo4j, one chain for every replica of the API (AUDIT_STORE=neo4j). Nothing is read
 * or written before the first use, so the API starts while the database is away; records older
 * than the retention period are removed soon after, and daily.
 */
export function openNeo4jAuditTrail(settings: Neo4jAuditSettings, executor: CypherExecutor, options: AuditTrailOptions = {}): Neo4jAuditTrail {
  const trail = new Neo4jAuditTrail(settings.shared.chain, settings.retentionDays, keyedHasher(settings.hmacKey), executor, options.now ?? (() => new Date()));
  trail.pruneEvery(options.pruneEveryMs ?? PRUNE_EVERY_MS);
  trail.pruneSoon();
  return trail;
}

/**
 * A chain of AuditRecord nodes behind an AuditHead node. Each append transaction locks the head,
 * continues the chain from its seq and hash, stores each record's JSON line as it is (the line a
 * trail file would hold) and moves the head on: replicas take turns at the lock, so their records
 * form one chain, seq 1, 2, 3, ... without gaps. Records that arrive while this process's write is
 * under way share its next transaction.
 */
export class Neo4jAuditTrail implements AuditTrail {
  private pending: PendingRecord[] = [];
  private writing = false;
  /** Schema and head made once per process, at the first use; tried again after a failure. */
  private ready: Promise<void> | null = null;
  /** Where this process's last append left the chain: a chain that later ends before it was cut. */
  private written: ChainHead | null = null;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  /** Writes and retention passes under way, which `close` waits for. */
  private readonly tasks = new Set<Promise<unknown>>();

  constructor(
    readonly chain: string,
    private readonly retentionDays: number,
    /** Stands in for values that may be personal: `hmac:<hex>`, equal for equal values on every replica. */
    readonly hashValue: ValueHasher,
    private readonly executor: CypherExecutor,
    private readonly now: () => Date,
  ) {}

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
      // After this tick, so that the records of requests answered together share a transaction.
      if (!this.writing) {
        this.writing = true;
        this.track(Promise.resolve().then(() => this.writePending()));
      }
    });
  }

  async list(query: AuditListQuery): Promise<AuditPage> {
    const beforeSeq = integerParameter(query.beforeSeq ?? Number.MAX_SAFE_INTEGER);
    const limit = integerParameter(query.first + 1);
    const chain = this.chain;
    const [row] = await this.guarded(async () => {
      if (query.entity != null) {
        return this.executor.readQuery(auditPageOfEntity, { chain, entity: query.entity, subject: query.subject ?? null, beforeSeq, limit });
      }
      if (query.subject != null) return this.executor.readQuery(auditPageOfSubject, { chain, subject: query.subject, beforeSeq, limit });
      return this.executor.readQuery(auditPage, { chain, beforeSeq, limit });
    });
    const records = row.lines.map((line) => JSON.parse(line) as AuditRecord);
    return { records: records.slice(0, query.first), hasMore: records.length > query.first, totalCount: row.total };
  }

  /**
   * Verifies the chain from its anchor to where the head says it ends, and that it does not end
   * before the last record this process wrote. Records appended meanwhile are left for the next
   * check; a retention pass that moved the anchor meanwhile makes it start again.
   */
  async verify(): Promise<ChainReport> {
    return this.guarded(async () => {
      await this.setUp();
      for (let attempt = 1; ; attempt++) {
        const head = await this.head();
        const report = await this.verifyUpTo(head);
        if (!report.valid && attempt < 3 && (await this.head()).anchor !== head.anchor) continue;
        if (report.valid && this.written && head.seq < this.written.seq) {
          return { ...report, valid: false, reason: `the chain ends at seq ${head.seq}, but seq ${this.written.seq} was written` };
        }
        return report;
      }
    });
  }

  /**
   * Removes the records older than the retention period, oldest first, and rewrites the anchor to
   * name the first kept record's seq and the hash of the last removed one, so the rest still
   * verifies. A chain that does not verify is left whole: its damage stays there to be found.
   */
  async prune(): Promise<{ removed: number }> {
    if (this.closed) throw new AuditUnavailableError();
    const cutoff = retentionCutoff(this.now(), this.retentionDays);
    return this.guarded(async () => {
      await this.setUp();
      const head = await this.head();
      const [oldest] = await this.linesFrom(anchorOf(head.anchor).firstSeq, head.seq, 1);
      if (oldest === undefined || Date.parse((JSON.parse(oldest) as AuditRecord).at) >= cutoff) return { removed: 0 };
      if (!(await this.verify()).valid) return { removed: 0 };
      let removed = 0;
      for (let pass = PAGE_LINES; pass === PAGE_LINES; ) {
        pass = await this.executor.writeTransaction(async (tx) => {
          const [locked] = await tx.runQuery(auditLockHead, { chain: this.chain });
          const rows = await tx.runQuery(auditLines, {
            chain: this.chain,
            fromSeq: integerParameter(anchorOf(locked.anchor).firstSeq),
            toSeq: integerParameter(locked.seq),
            limit: integerParameter(PAGE_LINES),
          });
          const records = rows.map((row) => JSON.parse(row.line) as AuditRecord);
          const count = removableCount(records.map((record) => record.at), cutoff);
          if (count === 0) return 0;
          const last = records[count - 1];
          const anchor = sealAnchor({ at: this.now().toISOString(), firstSeq: last.seq + 1, previousHash: last.hash });
          await tx.runQuery(auditRemoveBefore, { chain: this.chain, keepFrom: integerParameter(last.seq + 1), anchor: JSON.stringify(anchor) });
          return count;
        });
        removed += pass;
      }
      return { removed };
    });
  }

  pruneEvery(ms: number): void {
    clearInterval(this.timer);
    // A failed pass is tried again at the next one; appends do not depend on it.
    this.timer = setInterval(() => this.pruneSoon(), ms);
    this.timer.unref();
  }

  /** A retention pass in the background (at opening, then daily). */
  pruneSoon(): void {
    if (!this.closed) this.track(this.prune().catch(() => {}));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await Promise.all([...this.tasks]);
  }

  private track(task: Promise<unknown>): void {
    this.tasks.add(task);
    void task.finally(() => this.tasks.delete(task));
  }

  private async writePending(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, MAX_BATCH);
        try {
          await this.append(batch.map((entry) => entry.fields));
          for (const entry of batch) entry.resolve();
        } catch (error) {
          // The store is the database: when it is away, so is the answer (DATABASE_UNAVAILABLE).
          const failure = error instanceof DatabaseUnavailableError ? error : new AuditUnavailableError({ cause: error });
          for (const entry of batch) entry.reject(failure);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private async append(batch: AuditFields[]): Promise<void> {
    await this.setUp();
    this.written = await this.executor.writeTransaction(async (tx) => {
      const [head] = await tx.runQuery(auditLockHead, { chain: this.chain });
      if (head === undefined) throw new Error(`the head of the audit chain ${this.chain} is gone`);
      if (this.written && head.seq < this.written.seq) throw new Error(`the audit chain ${this.chain} ends before the last record written`);
      const sealed = sealBatch(batch, head);
      await tx.runQuery(auditAppend, {
        chain: this.chain,
        firstSeq: integerParameter(head.seq + 1),
        hash: sealed.head.hash,
        lines: sealed.records.map((record) => JSON.stringify(record)),
        ats: sealed.records.map((record) => record.at),
        subjects: sealed.records.map((record) => record.subject),
        disclosed: sealed.records.map((record) => record.disclosed),
      });
      return sealed.head;
    });
  }

  /**
   * The constraints and indexes of the store, then the chain's head (a new chain's anchor names
   * seq 1). Each schema statement is a transaction of its own, outside any request's database budget.
   */
  private setUp(): Promise<void> {
    this.ready ??= (async () => {
      for (const statement of [auditSchemaHeadKey, auditSchemaRecordKey, auditSchemaRecordSeq, auditSchemaRecordSubject, auditSchemaEntityKey]) {
        await this.executor.writeTransaction((tx) => tx.runQuery(statement, {}));
      }
      const anchor = sealAnchor({ at: this.now().toISOString(), firstSeq: 1, previousHash: GENESIS_HASH });
      await this.executor.writeTransaction((tx) => tx.runQuery(auditOpenHead, { chain: this.chain, anchor: JSON.stringify(anchor), hash: GENESIS_HASH }));
    })().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  private async head(): Promise<{ seq: number; hash: string; anchor: string }> {
    const [head] = await this.executor.readQuery(auditHead, { chain: this.chain });
    if (head === undefined) throw new Error(`the head of the audit chain ${this.chain} is gone`);
    return head;
  }

  private async linesFrom(fromSeq: number, toSeq: number, limit: number): Promise<string[]> {
    const rows = await this.executor.readQuery(auditLines, {
      chain: this.chain,
      fromSeq: integerParameter(fromSeq),
      toSeq: integerParameter(toSeq),
      limit: integerParameter(limit),
    });
    return rows.map((row) => row.line);
  }

  private async verifyUpTo(head: { seq: number; hash: string; anchor: string }): Promise<ChainReport> {
    const verifier = new ChainVerifier();
    if (!verifier.add(head.anchor)) return verifier.finish();
    for (let from = anchorOf(head.anchor).firstSeq; from <= head.seq; ) {
      const lines = await this.linesFrom(from, head.seq, PAGE_LINES);
      for (const line of lines) if (!verifier.add(line)) return verifier.finish();
      if (lines.length < PAGE_LINES) break;
      from = (JSON.parse(lines.at(-1)!) as AuditRecord).seq + 1;
    }
    return verifier.finish({ seq: head.seq, hash: head.hash });
  }

  /** Database errors as they are (DATABASE_UNAVAILABLE, QUERY_TIMEOUT); anything else as AUDIT_UNAVAILABLE. */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw error instanceof DomainError ? error : new AuditUnavailableError({ cause: error });
    }
  }
}

function anchorOf(line: string): AuditAnchor {
  return JSON.parse(line) as AuditAnchor;
}
