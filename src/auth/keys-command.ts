import { parseArgs } from "node:util";

import type { AuthSettings } from "../config.js";
import type { ApiKeyRepository } from "../repositories/api-key.repository.js";
import { newApiKey } from "./api-keys.js";
import { isRole, ROLES } from "./role.js";
import { signToken } from "./tokens.js";

export const KEYS_USAGE = `Usage:
  npm run keys -- create --role ROLE --name NAME [--origin https://app.example.org ...]
  npm run keys -- revoke KEY_ID
  npm run keys -- list
  npm run keys -- token --role ROLE --subject NAME [--expires 12h]   (needs AUTH_JWT_SECRET)
Roles: ${ROLES.join(", ")}. A key is shown once, when it is made; only its hash is kept.`;

export class UsageError extends Error {
  override name = "UsageError";
}

/** Runs one `keys` command and returns what to print. */
export async function runKeysCommand(
  argv: readonly string[],
  keys: Pick<ApiKeyRepository, "create" | "revoke" | "list">,
  auth: Pick<AuthSettings, "jwtSecret" | "issuer" | "audience">,
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
      return [`created API key ${id} (${role}) for ${name}`, `origins: ${origins.length ? origins.join(", ") : "any (no browser origin check)"}`, key];
    }
    case "revoke": {
      const id = positionals[0];
      if (!id) throw new UsageError("name the id of the key to revoke");
      if (!(await keys.revoke(id))) throw new UsageError(`no API key has the id ${id}`);
      return [`revoked API key ${id}`];
    }
    case "list":
      return (await keys.list()).map(
        (key) =>
          `${key.id}  ${key.role.padEnd(12)}  ${key.revokedAt ? `revoked ${key.revokedAt}` : "active"}  ${key.name}  ` +
          `[${key.origins.join(", ")}]`,
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
