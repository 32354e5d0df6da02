import type { Role } from "./role.js";

/** Who is asking: set once per request from the credentials, before any GraphQL work. */
export interface Viewer {
  /** Stable identity for audit and rate limits: `token:<sub>`, `key:<key id>` or `demo:<address>`. */
  subject: string;
  role: Role;
  method: "token" | "api-key" | "demo";
}
