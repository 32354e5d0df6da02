import neo4j, { Neo4jError, type Driver, type RecordShape, type Result } from "neo4j-driver";

import { DatabaseBudgetExhaustedError, DatabaseUnavailableError, QueryTimeoutError } from "../domain/errors.js";
import { checkedRows, parameterMap, renderQuery, type CypherQuery, type SlotArguments } from "./cypher-query.js";
import type { DatabaseBudget } from "./database-budget.js";
import { toPlain } from "./values.js";

/** A row of a query run as text: untyped. Generated queries (cypher-query.ts) give typed rows. */
export type Row = Record<string, unknown>;
export type Parameters = Record<string, unknown>;

/** The statements of one `writeTransaction`: each sees what those before it wrote. */
export interface WriteTransaction {
  run(query: string, parameters?: Parameters): Promise<Row[]>;
  /** A generated query, its rows typed and checked as with `CypherExecutor.readQuery`. */
  runQuery<P extends object, R, S>(query: CypherQuery<P, R, S>, parameters: NoInfer<P>, ...slots: SlotArguments<S>): Promise<R[]>;
}

export interface ExecutorOptions {
  database: string;
  /** Server-side limit for one transaction. */
  timeoutMs: number;
  /** Called once per round trip to the database, before it is sent (the cost calibration re-runs them with PROFILE). */
  onQuery?: (query: string, parameters: Parameters) => void;
}

/**
 * The only code that runs Cypher. Reads are routed to readers, writes to the leader; results come
 * back as plain rows; driver errors come back as the project's errors. A copy made for a request
 * with its database budget (`withBudget`, database-budget.ts) charges each read and write its time,
 * runs it with the time left as its timeout when that is less than the configured one, and refuses
 * it once the budget is spent.
 */
export class CypherExecutor {
  constructor(
    private readonly driver: Driver,
    private readonly options: ExecutorOptions,
    private readonly budget?: DatabaseBudget,
  ) {}

  /**
   * A generated query (src/db/queries.generated.ts) read with its declared parameters and, for a
   * template, its slots: its rows come back typed, checked against its header (cypher-query.ts:
   * columns, scalar types, nulls). It goes through `read`, so what watches `read` sees it too.
   */
  async readQuery<P extends object, R, S>(query: CypherQuery<P, R, S, "read">, parameters: NoInfer<P>, ...slots: SlotArguments<S>): Promise<R[]> {
    return checkedRows(query, await this.read(renderQuery(query, ...slots), parameterMap(parameters)));
  }

  /** A generated query run as a write (`write`), its rows typed and checked as with `readQuery`. */
  async writeQuery<P extends object, R, S>(query: CypherQuery<P, R, S>, parameters: NoInfer<P>, ...slots: SlotArguments<S>): Promise<R[]> {
    return checkedRows(query, await this.write(renderQuery(query, ...slots), parameterMap(parameters)));
  }

  /**
   * A generated read whose rows are handed to `onRow` one at a time as they arrive (checked as with
   * `readQuery`), none kept: for reads of more rows than should sit in memory together. Resolves to
   * the number of rows.
   */
  async readEach<P extends object, R, S>(
    query: CypherQuery<P, R, S, "read">,
    parameters: NoInfer<P>,
    onRow: (row: R) => void,
    ...slots: SlotArguments<S>
  ): Promise<number> {
    return this.inReadSession(renderQuery(query, ...slots), parameterMap(parameters), (result) => {
      let count = 0;
      return new Promise<number>((resolve, reject) => {
        let failed = false;
        result.subscribe({
          onNext: (record) => {
            if (failed) return;
            try {
              onRow(checkedRows(query, plainRows([record]))[0]!);
              count += 1;
            } catch (error) {
              failed = true;
              reject(error);
            }
          },
          onCompleted: () => resolve(count),
          onError: reject,
        });
      });
    });
  }

  /**
   * Reads run as auto-commit queries in a read session: one network round trip instead of the
   * managed transaction's two (measured in bench/REPORT.md), still routed to readers in a cluster.
   * They are not retried: a client would rather hear at once that the database is away.
   */
  async read(query: string, parameters: Parameters = {}): Promise<Row[]> {
    return this.inReadSession(query, parameters, async (result) => plainRows((await result).records));
  }

  /** Runs a read in a read session within the budget, and hands its result to `consume`, driver errors mapped. */
  private async inReadSession<T>(query: string, parameters: Parameters, consume: (result: Result) => Promise<T>): Promise<T> {
    const budget = this.budget;
    const timeout = this.timeoutWithin(budget);
    this.options.onQuery?.(query, parameters);
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    const started = performance.now();
    try {
      return await consume(session.run(query, parameters, { timeout: timeout.ms }));
    } catch (error) {
      throw mapBudgetedError(error, budget, timeout.byBudget);
    } finally {
      budget?.spend(performance.now() - started);
      await session.close();
    }
  }

  /** Writes run in a managed transaction on the leader, retried by the driver on transient errors. */
  async write(query: string, parameters: Parameters = {}): Promise<Row[]> {
    const budget = this.budget;
    const timeout = this.timeoutWithin(budget);
    this.options.onQuery?.(query, parameters);
    const started = performance.now();
    try {
      const result = await this.driver.executeQuery<{ records: { toObject(): RecordShape }[] }>(query, parameters, {
        database: this.options.database,
        routing: neo4j.routing.WRITE,
        transactionConfig: { timeout: timeout.ms },
      });
      return plainRows(result.records);
    } catch (error) {
      throw mapBudgetedError(error, budget, timeout.byBudget);
    } finally {
      budget?.spend(performance.now() - started);
    }
  }

  /** Several write statements in one transaction: all of them take effect, or none. */
  async writeAll(statements: readonly { query: string; parameters?: Parameters }[]): Promise<void> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite(
        async (tx) => {
          for (const { query, parameters } of statements) {
            this.options.onQuery?.(query, parameters ?? {});
            await tx.run(query, parameters ?? {});
          }
        },
        { timeout: this.options.timeoutMs },
      );
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Statements that depend on one another's rows, in one transaction: `work` runs them in turn and
   * builds the later ones from the earlier ones' rows; all of them take effect, or none. The driver
   * runs `work` again on a transient error, so it must read what it needs inside the transaction.
   */
  async writeTransaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx) => {
          const run = async (query: string, parameters: Parameters = {}): Promise<Row[]> => {
            this.options.onQuery?.(query, parameters);
            return plainRows((await tx.run(query, parameters)).records);
          };
          return work({
            run,
            runQuery: async (query, parameters, ...slots) => checkedRows(query, await run(renderQuery(query, ...slots), parameterMap(parameters))),
          });
        },
        { timeout: this.options.timeoutMs },
      );
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** Whether the database answers at all. */
  async isReachable(): Promise<boolean> {
    try {
      await this.read("RETURN 1");
      return true;
    } catch {
      return false;
    }
  }

  /** A copy that reports each round trip to `onQuery` (used to count them). */
  withListener(onQuery: (query: string, parameters: Parameters) => void): CypherExecutor {
    return new CypherExecutor(this.driver, { ...this.options, onQuery }, this.budget);
  }

  /** A copy whose transactions may each run for `timeoutMs` (the work done outside requests: config.ts, `batchTimeoutMs`). */
  withTimeout(timeoutMs: number): CypherExecutor {
    return new CypherExecutor(this.driver, { ...this.options, timeoutMs }, this.budget);
  }

  /** A copy whose reads and writes are charged to `budget` (one request's: the context makes it). */
  withBudget(budget: DatabaseBudget): CypherExecutor {
    return new CypherExecutor(this.driver, this.options, budget);
  }

  /**
   * The timeout of a query: the configured one, or the budget's time left when that is shorter
   * (at least 1 ms: the driver reads 0 as no timeout at all). Nothing is sent once it is spent.
   */
  private timeoutWithin(budget: DatabaseBudget | undefined): { ms: number; byBudget: boolean } {
    if (!budget) return { ms: this.options.timeoutMs, byBudget: false };
    const left = budget.remainingMs;
    if (left <= 0) throw new DatabaseBudgetExhaustedError(budget.totalMs);
    if (left >= this.options.timeoutMs) return { ms: this.options.timeoutMs, byBudget: false };
    return { ms: Math.max(1, Math.ceil(left)), byBudget: true };
  }
}

/** A timeout set by the request's budget is the budget's error, not the query's. */
function mapBudgetedError(error: unknown, budget: DatabaseBudget | undefined, byBudget: boolean): unknown {
  const mapped = mapDriverError(error);
  if (budget && byBudget && mapped instanceof QueryTimeoutError) return new DatabaseBudgetExhaustedError(budget.totalMs, { cause: error });
  return mapped;
}

function plainRows(records: readonly { toObject(): RecordShape }[]): Row[] {
  return records.map((record) => toPlain(record.toObject()) as Row);
}

const UNAVAILABLE_CODES = new Set([
  neo4j.error.SERVICE_UNAVAILABLE,
  neo4j.error.SESSION_EXPIRED,
  "Neo.ClientError.Database.DatabaseNotFound",
  "Neo.TransientError.General.DatabaseUnavailable",
]);

const TIMEOUT_CODES = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
]);

/** Maps what the driver throws to the project's errors; anything unforeseen passes through. */
export function mapDriverError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE_CODES.has(error.code) || error.message.startsWith("Connection acquisition timed out")) {
    return new DatabaseUnavailableError({ cause: error });
  }
  if (TIMEOUT_CODES.has(error.code)) return new QueryTimeoutError({ cause: error });
  return error;
}
