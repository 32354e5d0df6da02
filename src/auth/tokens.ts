import { SignJWT } from "jose";

import type { AuthSettings } from "../config.js";
import type { Role } from "./role.js";

/** A bearer token signed with the configured HS256 secret, for development, tests and the CLI. */
export async function signToken(
  settings: Pick<AuthSettings, "jwtSecret" | "issuer" | "audience">,
  claims: { subject: string; role: Role; expiresIn?: string },
): Promise<string> {
  if (!settings.jwtSecret) throw new Error("AUTH_JWT_SECRET is not set, so no token can be signed here");
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.subject)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? "12h")
    .sign(new TextEncoder().encode(settings.jwtSecret));
}
