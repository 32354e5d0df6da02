import { parseArgs } from "node:util";

import type { AuthSettings } from "../config.js";
import type { ApiKeyRepository } from "../repositories/api-key.repository.js";
import { API_KEY_CACHE_MS, cacheTimeText, newApiKey } from "./api-keys.js";
import { isRole, ROLES } from "./role.js";
import { signToken } from "./tokens.js";

export const KEYS_USAGE = `Usage:
  npm run keys -- create --role ROLE --name NAME [--origin https://app.example.org ...]
  npm run keys -- revoke KEY_ID
  npm run keys -- list
  npm run keys -- token --role ROLE --subject NAME [--expires 12h]   (needs AUTH_JWT_SECRET)
Roles: ${ROLES.join(", ")}. A key is shown once, when it is made; only its hash is kept.
A key works in a browser only from the origins given with --origin (and the API's own pages): browsers
send the page's origin, and the API refuses the key from any other. Without --origin, it is for
servers and scripts, which send no origin.
Beside a running \`npm start\`, the command uses its database (see README, "Commands beside a running server").`;

/**
 * How a key made without --origin behaves (src/auth/authenticate.ts): a request with no Origin
 * header (a server, a script, curl) and the API's own pages may use it; a browser always names the
 * page's origin, so every other site's page is refused, and CORS does not let it call either.
 */
export const NO_ORIGINS =
  "none: usable without a browser (servers, scripts) and from the API's own pages; a page of any other origin is refused " +
  "(add --origin https://site.example.org for each site that embeds the views)";

export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Runs one `keys` command and returns what to print. `announce` tells the running servers that a
 * key was revoked (through Redis, when REDIS_URL is set) and resolves to how many heard it.
 */
export async function runKeysCommand(
  argv: readonly string[],
  keys: Pick<ApiKeyRepository, "create" | "revoke" | "list">,
  auth: Pick<AuthSettings, "jwtSecret" | "issuer" | "audience" | "apiKeyCacheMs">,
  announce?: (id: string) => Promise<number>,
): Promise<string[]> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseCommand(rest);
  switch (command) {
    case "create": {
      const role = requireRole(values.role);
      const name = values.name?.trim();
      if (!name) throw new UsageError("--name is required: say which app the key is for");
      const origins = values.origin ?? [];
      for (const origin of origins) {
        if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new UsageError(`--origin must be an origin like https://app.example.org`);
      }
      const { key, id, hash } = newApiKey();
      await keys.create({ id, hash, role, origins, name });
      return [`created API key ${id} (${role}) for ${name}`, `origins: ${origins.length ? origins.join(", ") : NO_ORIGINS}`, key];
    }
    case "revoke": {
      const id = positionals[0];
      if (!id) throw new UsageError("name the id of the key to revoke");
      if (!(await keys.revoke(id))) throw new UsageError(`no API key has the id ${id}`);
      if (announce === undefined) return [`revoked API key ${id}`];
      return [`revoked API key ${id}`, await announced(id, announce, auth.apiKeyCacheMs ?? API_KEY_CACHE_MS)];
    }
    case "list":
      return (await keys.list()).map(
        (key) =>
          `${key.id}  ${key.role.padEnd(12)}  ${key.revokedAt ? `revoked ${key.revokedAt}` : "active"}  ${key.name}  ` +
          `[${key.origins.length ? key.origins.join(", ") : "no browser origin"}]`,
      );
    case "token": {
      const role = requireRole(values.role);
      const subject = values.subject?.trim();
      if (!subject) throw new UsageError("--subject is required: who the token is for");
      if (!auth.jwtSecret) throw new UsageError("AUTH_JWT_SECRET is not set: tokens from a JWKS issuer are made by that issuer");
      return [await signToken(auth, { subject, role, expiresIn: values.expires ?? "12h" })];
    }
    default:
      throw new UsageError(KEYS_USAGE);
  }
}

/** Says when the running servers refuse a revoked key: at once where they heard of it, else when their memory of it expires. */
async function announced(id: string, announce: (id: string) => Promise<number>, cacheMs: number): Promise<string> {
  try {
    const heard = await announce(id);
    return `told the running servers through Redis (${heard} listening): they refuse it at once`;
  } catch {
    return `Redis could not be reached to tell the running servers: they refuse it within ${cacheTimeText(cacheMs)}`;
  }
}

function parseCommand(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        role: { type: "string" },
        name: { type: "string" },
        origin: { type: "string", multiple: true },
        subject: { type: "string" },
        expires: { type: "string" },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${KEYS_USAGE}`);
  }
}

function requireRole(value: string | undefined) {
  const role = value?.toUpperCase();
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
  return role;
}
