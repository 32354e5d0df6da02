import neo4j, { Neo4jError, type Driver, type RecordShape } from "neo4j-driver";

import { DatabaseUnavailableError, QueryTimeoutError } from "../domain/errors.js";
import { toPlain } from "./values.js";

export type Row = Record<string, unknown>;
export type Parameters = Record<string, unknown>;

export interface ExecutorOptions {
  database: string;
  /** Server-side limit for one transaction. */
  timeoutMs: number;
  /** Called once per round trip to the database, before it is sent. */
  onQuery?: (query: string) => void;
}

/**
 * The only code that runs Cypher. Reads are routed to readers, writes to the leader; results come
 * back as plain rows; driver errors come back as the project's errors.
 */
export class CypherExecutor {
  constructor(
    private readonly driver: Driver,
    private readonly options: ExecutorOptions,
  ) {}

  /**
   * Reads run as auto-commit queries in a read session: one network round trip instead of the
   * managed transaction's two (measured in bench/REPORT.md), still routed to readers in a cluster.
   * They are not retried: a client would rather hear at once that the database is away.
   */
  async read(query: string, parameters: Parameters = {}): Promise<Row[]> {
    this.options.onQuery?.(query);
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(query, parameters, { timeout: this.options.timeoutMs });
      return plainRows(result.records);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** Writes run in a managed transaction on the leader, retried by the driver on transient errors. */
  async write(query: string, parameters: Parameters = {}): Promise<Row[]> {
    this.options.onQuery?.(query);
    try {
      const result = await this.driver.executeQuery<{ records: { toObject(): RecordShape }[] }>(query, parameters, {
        database: this.options.database,
        routing: neo4j.routing.WRITE,
        transactionConfig: { timeout: this.options.timeoutMs },
      });
      return plainRows(result.records);
    } catch (error) {
      throw mapDriverError(error);
    }
  }

  /** Several write statements in one transaction: all of them take effect, or none. */
  async writeAll(statements: readonly { query: string; parameters?: Parameters }[]): Promise<void> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite(
        async (tx) => {
          for (const { query, parameters } of statements) {
            this.options.onQuery?.(query);
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
  withListener(onQuery: (query: string) => void): CypherExecutor {
    return new CypherExecutor(this.driver, { ...this.options, onQuery });
  }
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
