/**
 * The database time one request may spend: the sum of the times of its Cypher queries (queries
 * that run at once each count in full). The request's context reaches the database through an
 * executor made for it (`CypherExecutor.withBudget`), which gives each query the time left as its
 * timeout and refuses queries once none is left. It is passed, not held in AsyncLocalStorage: on
 * Node 20 that turns on promise hooks for the whole process, a cost on every promise of every
 * request.
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
