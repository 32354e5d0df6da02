import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "../../src/db/embedded-neo4j.js";
import type { TestRedis } from "./redis-server.js";
import type { ReplicaSet } from "./replica-set.js";

/**
 * The faults made under load: something the API depends on taken away, then given back, while the
 * load runs through the balancer. Each says what it does, in the words the report uses.
 */
export interface Fault {
  key: "replica" | "redis" | "neo4j";
  title: string;
  /** What is done, for the report. */
  action: string;
  inject(): Promise<void>;
  /** How long the fault lasts before it is undone. */
  downMs: number;
  restore(): Promise<void>;
}

/** The harness's own Neo4j, which it stops and starts again on the same folder and Bolt port. */
export class OwnNeo4j {
  private current: EmbeddedNeo4j | undefined;

  constructor(
    private readonly home: string,
    private readonly log: (line: string) => void,
  ) {}

  async start(port?: number): Promise<EmbeddedNeo4j> {
    this.current = await startEmbeddedNeo4j({ home: this.home, port, log: this.log });
    return this.current;
  }

  get running(): EmbeddedNeo4j {
    if (this.current === undefined) throw new Error("Neo4j is not running");
    return this.current;
  }

  async stop(): Promise<void> {
    const stopping = this.current;
    this.current = undefined;
    await stopping?.stop();
  }
}

export function faults(options: { set: ReplicaSet; redis: TestRedis; neo4j: OwnNeo4j }): Fault[] {
  const { set, redis, neo4j } = options;
  const boltPort = () => Number(new URL(neo4j.running.uri).port);
  let port = 0;
  return [
    {
      key: "redis",
      title: "Redis stopped",
      action: "redis-server stopped (SIGTERM) for 8 s, then started again on its port, empty",
      inject: () => redis.stop(),
      downMs: 8_000,
      restore: () => redis.start(),
    },
    {
      key: "replica",
      title: "a replica killed",
      action: "replica 2 of 2 killed with SIGKILL, started again 4 s later (the time until its /ready answers counts as down)",
      inject: () => set.kill(1, "SIGKILL"),
      downMs: 4_000,
      restore: () => set.start(1),
    },
    {
      key: "neo4j",
      title: "Neo4j stopped",
      action: "Neo4j stopped (a clean shutdown), started again 5 s later on the same folder and Bolt port (the JVM's start counts as down)",
      inject: async () => {
        port = boltPort();
        await neo4j.stop();
      },
      downMs: 5_000,
      restore: async () => {
        await neo4j.start(port);
      },
    },
  ];
}
