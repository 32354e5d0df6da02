import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The database time one request may spend: the sum of the times of its Cypher queries (queries
 * that run at once each count in full). The executor gives each query the time left as its
 * timeout and refuses queries once none is left.
 */
export class DatabaseBudget {
  private spent = 0;

  constructor(readonly totalMs: number) {}

  /** Milliseconds left; 0 or less when the budget is spent. */
  get remainingMs(): number {
    return this.totalMs - this.spent;
  }

  get spentMs(): number {
    return this.spent;
  }

  spend(ms: number): void {
    this.spent += ms;
  }
}

const budgets = new AsyncLocalStorage<DatabaseBudget>();

/**
 * Makes `budget` the one every Cypher query started from here on (in this asynchronous context:
 * resolvers and the loader batches they start) is charged to. Apollo has no hook that wraps a
 * request's execution, so the limits plugin enters the budget when execution starts instead of
 * running the execution inside it.
 */
export function enterDatabaseBudget(budget: DatabaseBudget): void {
  budgets.enterWith(budget);
}

/** Runs `work` with its queries charged to `budget`. */
export function withDatabaseBudget<T>(budget: DatabaseBudget, work: () => T): T {
  return budgets.run(budget, work);
}

/** The budget of the request being served, if any (start-up work and commands have none). */
export function currentDatabaseBudget(): DatabaseBudget | undefined {
  return budgets.getStore();
}
