import type { Driver } from "neo4j-driver";

/** How many Cypher statements a driver has sent since it was wrapped. */
export interface QueryCounter {
  readonly count: number;
}

/**
 * A driver that counts every statement sent through it, however it is sent: `session.run`, or
 * `tx.run` inside `executeRead`, `executeWrite` or `beginTransaction` (which @neo4j/graphql uses).
 * It is the peer's equivalent of the API executor's `onQuery`: the library takes a driver and
 * nothing else, so the count has to sit between the two.
 */
export function countingDriver(driver: Driver): { driver: Driver; counter: QueryCounter } {
  const state = { count: 0 };
  const counter: QueryCounter = {
    get count() {
      return state.count;
    },
  };
  const countRuns = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver) as unknown;
        if (typeof value !== "function") return value;
        if (property === "run") {
          return (...args: unknown[]) => {
            state.count++;
            return (value as (...a: unknown[]) => unknown).apply(object, args);
          };
        }
        if (property === "executeRead" || property === "executeWrite") {
          return (work: (tx: object) => unknown, ...rest: unknown[]) =>
            (value as (...a: unknown[]) => unknown).call(object, (tx: object) => work(countRuns(tx)), ...rest);
        }
        if (property === "beginTransaction") {
          return (...args: unknown[]) => countRuns((value as (...a: unknown[]) => object).apply(object, args));
        }
        return (value as (...a: unknown[]) => unknown).bind(object);
      },
    });
  const wrapped = new Proxy(driver, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (property === "session") {
        return (...args: unknown[]) => countRuns((value as (...a: unknown[]) => object).apply(object, args));
      }
      if (property === "executeQuery") {
        return (...args: unknown[]) => {
          state.count++;
          return (value as (...a: unknown[]) => unknown).apply(object, args);
        };
      }
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(object) : value;
    },
  });
  return { driver: wrapped, counter };
}
