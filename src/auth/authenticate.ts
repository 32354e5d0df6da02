import { createHash } from "node:crypto";

import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";

import type { AuthSettings } from "../config.js";
import { UnauthenticatedError } from "../domain/errors.js";
import { API_KEY_PREFIX, type ApiKeyVerifier } from "./api-keys.js";
import { ExpiringCache } from "./expiring-cache.js";
import { isRole, Role } from "./role.js";
import type { Viewer } from "./viewer.js";

/** What a request brings that says who it is. */
export interface Credentials {
  /** The Authorization header, if any. */
  authorization: string | undefined;
  /** The Origin header, if any (browsers send it on cross-origin and POST requests). */
  origin: string | undefined;
  /**
   * The port the server listens on. The API's own pages are at PUBLIC_URL's origin; without it, at
   * the loopback addresses on this port (never at what the Host header claims: any client sets it).
   */
  port: number;
  /** The caller's address: the identity of demo visitors for rate limits. */
  address: string;
}

/** The names of this machine a browser on it may use for the API when PUBLIC_URL is unset. */
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/** Clock tolerance for `exp` and `nbf`. */
const CLOCK_TOLERANCE_S = 30;

/**
 * How long the viewer of a verified token is kept, so that a client sending the same token again
 * and again is not verified each time (an HMAC or signature check and a key import, about a fifth
 * of a millisecond of CPU, the largest part of a small request's own cost before this). Never past
 * the token's `exp`: a token is refused from then on exactly as without the cache. Tokens cannot be
 * revoked (only API keys can), and a JWKS's keys are already kept for minutes by jose, so keeping a
 * verification for this long changes what is accepted in no case.
 */
export const TOKEN_CACHE_MS = 30_000;

/** Verified tokens kept (by their SHA-256, so neither a token's size nor its text is kept). */
export const MAX_CACHED_TOKENS = 10_000;

/**
 * Turns credentials into a viewer: a bearer JWT (HS256 with a secret, or keys from a JWKS URL;
 * issuer, audience and expiry required) or an API key, scoped to a role and to origins. Without
 * credentials: the PUBLIC role in demo mode, else UNAUTHENTICATED. Messages never repeat what
 * was presented.
 */
export class Authenticator {
  private readonly jwtKey: Uint8Array | JWTVerifyGetKey | undefined;
  private readonly verifiedTokens = new ExpiringCache<Viewer>(MAX_CACHED_TOKENS);

  constructor(
    private readonly settings: AuthSettings,
    private readonly apiKeys: ApiKeyVerifier,
    private readonly now: () => number = Date.now,
  ) {
    if (settings.jwtSecret) this.jwtKey = new TextEncoder().encode(settings.jwtSecret);
    else if (settings.jwksUrl) this.jwtKey = createRemoteJWKSet(new URL(settings.jwksUrl));
  }

  async authenticate(credentials: Credentials): Promise<Viewer> {
    const header = credentials.authorization?.trim();
    if (!header) {
      if (this.settings.publicDemo) return { subject: `demo:${credentials.address}`, role: Role.PUBLIC, method: "demo" };
      throw new UnauthenticatedError();
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthenticatedError("The Authorization header must be: Bearer <token or API key>");
    const credential = match[1];
    return credential.startsWith(API_KEY_PREFIX) ? this.apiKey(credential, credentials) : this.token(credential);
  }

  private async apiKey(key: string, credentials: Credentials): Promise<Viewer> {
    const grant = await this.apiKeys.verify(key);
    if (!grant) throw new UnauthenticatedError("The API key is unknown or revoked");
    const { origin } = credentials;
    // A browser always names the page's origin; a key only works on the pages it was made for
    // (and on the API's own pages, such as the embeddable views).
    if (origin !== undefined && !this.ownOrigins(credentials.port).includes(origin) && !grant.origins.includes(origin)) {
      throw new UnauthenticatedError("The API key is not valid for this origin");
    }
    return { subject: `key:${grant.id}`, role: grant.role, method: "api-key" };
  }

  /** Where the API's own pages are: PUBLIC_URL's origin, or else this machine on the server's port. */
  private ownOrigins(port: number): string[] {
    if (this.settings.publicOrigin !== undefined) return [this.settings.publicOrigin];
    return LOOPBACK_HOSTS.map((host) => `http://${host}:${port}`);
  }

  private async token(token: string): Promise<Viewer> {
    if (!this.jwtKey) throw new UnauthenticatedError("This API accepts no bearer tokens (none are configured); use an API key");
    const at = this.now();
    const digest = createHash("sha256").update(token).digest("base64url");
    const known = this.verifiedTokens.get(digest, at);
    if (known) return { ...known };
    const verified = await this.verify(token, this.jwtKey);
    const until = Math.min(at + TOKEN_CACHE_MS, verified.expiresAt);
    if (until > at) this.verifiedTokens.set(digest, verified.viewer, until);
    return { ...verified.viewer };
  }

  /** The token's viewer and when the token expires (ms); refused tokens are not kept, so each costs a verification. */
  private async verify(token: string, key: Uint8Array | JWTVerifyGetKey): Promise<{ viewer: Viewer; expiresAt: number }> {
    let payload;
    try {
      const options = {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ["exp", "sub"],
        clockTolerance: CLOCK_TOLERANCE_S,
      };
      ({ payload } =
        key instanceof Uint8Array
          ? await jwtVerify(token, key, { ...options, algorithms: ["HS256"] })
          : await jwtVerify(token, key, options));
    } catch {
      throw new UnauthenticatedError("The bearer token is invalid or expired");
    }
    if (!isRole(payload.role)) throw new UnauthenticatedError("The bearer token has no valid role claim");
    // `exp` is a required claim, so jose has checked that it is a number.
    return { viewer: { subject: `token:${payload.sub}`, role: payload.role, method: "token" }, expiresAt: payload.exp! * 1000 };
  }
}
