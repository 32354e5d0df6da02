import neo4j, { type Driver } from "neo4j-driver";

export interface DriverSettings {
  uri: string;
  user: string;
  password: string;
  connectionTimeoutMs: number;
}

/**
 * The one driver of the process. Timeouts are short on purpose: the driver's defaults wait up to a
 * minute for an unreachable server, and a client would rather hear at once that it is down.
 */
export function createDriver(settings: DriverSettings): Driver {
  // The harness gives the password of the databases it starts (kept with their data); a server
  // without authentication takes none.
  const auth = settings.password ? neo4j.auth.basic(settings.user, settings.password) : undefined;
  return neo4j.driver(settings.uri, auth, {
    connectionTimeout: settings.connectionTimeoutMs,
    connectionAcquisitionTimeout: settings.connectionTimeoutMs,
    maxTransactionRetryTime: Math.min(1_000, settings.connectionTimeoutMs),
    disableLosslessIntegers: false,
    userAgent: "mekong-trafficking-graph",
  });
}
