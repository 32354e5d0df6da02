import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";

/** The persons and companies that share identifiers with a party (sharedIdentifiers). */
export class SharedIdentifierRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly registry: CypherRegistry,
  ) {}
}
