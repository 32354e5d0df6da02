import { SignJWT } from "jose";
import { describe, expect, test, vi } from "vitest";

import { ApiKeyVerifier } from "../../src/auth/api-keys.js";
import { Authenticator, TOKEN_CACHE_MS } from "../../src/auth/authenticate.js";
import type { AuthSettings } from "../../src/config.js";

/**
 * A verified bearer token is kept in memory for a short time, never past its `exp`, so that a
 * client sending the same token again is not verified each time. What is accepted does not change,
 * so what these tests count is the verifications.
 */
const SETTINGS: AuthSettings = {
  jwtSecret: "a-secret-of-at-least-32-characters-for-tests",
  jwksUrl: undefined,
  issuer: "issuer",
  audience: "audience",
  publicDemo: false,
  pseudonymSecret: undefined,
  corsOrigins: [],
  publicOrigin: undefined,
};

function sign(claims: { sub: string; role: string }, expiresAt: number, secret = SETTINGS.jwtSecret!): Promise<string> {
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.sub)
    .setIssuer(SETTINGS.issuer)
    .setAudience(SETTINGS.audience)
    .setExpirationTime(Math.floor(expiresAt / 1000))
    .sign(new TextEncoder().encode(secret));
}

/** An authenticator on a clock the test moves, and a count of the tokens it verified. */
function authenticator(start = Date.now()) {
  const clock = { now: start };
  const subject = new Authenticator(SETTINGS, new ApiKeyVerifier({ find: async () => null }), () => clock.now);
  const verify = vi.spyOn(subject as unknown as { verify: (...args: unknown[]) => Promise<unknown> }, "verify");
  const authenticate = (token: string) => subject.authenticate({ authorization: `Bearer ${token}`, origin: undefined, port: 4000, address: "127.0.0.1" });
  return { clock, verify, authenticate };
}

describe("verified tokens kept in memory", () => {
  test("the same token within TOKEN_CACHE_MS is verified once; after it, again", async () => {
    const { clock, verify, authenticate } = authenticator();
    const token = await sign({ sub: "analyst-7", role: "ANALYST" }, Date.now() + 3_600_000);
    for (let i = 0; i < 3; i++) expect(await authenticate(token)).toEqual({ subject: "token:analyst-7", role: "ANALYST", method: "token" });
    clock.now += TOKEN_CACHE_MS - 1;
    await authenticate(token);
    expect(verify).toHaveBeenCalledTimes(1);
    clock.now += 1;
    await authenticate(token);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  test("a token is kept no longer than its exp", async () => {
    const expiresAt = Date.now() + 10_000;
    const { clock, verify, authenticate } = authenticator();
    const token = await sign({ sub: "a", role: "PUBLIC" }, expiresAt);
    await authenticate(token);
    clock.now = Math.floor(expiresAt / 1000) * 1000 - 1;
    await authenticate(token);
    expect(verify).toHaveBeenCalledTimes(1);
    clock.now += 1;
    // Verified again (jose, on the real clock, still accepts it), not answered from memory.
    await authenticate(token);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  test("a refused token is verified, and refused, every time", async () => {
    const { verify, authenticate } = authenticator();
    const forged = await sign({ sub: "a", role: "ADMIN" }, Date.now() + 3_600_000, "another-secret-of-at-least-32-characters");
    for (let i = 0; i < 3; i++) await expect(authenticate(forged)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(verify).toHaveBeenCalledTimes(3);
  });

  test("each token is kept apart, and a viewer changed by its caller does not change the one kept", async () => {
    const { verify, authenticate } = authenticator();
    const analyst = await sign({ sub: "a", role: "ANALYST" }, Date.now() + 3_600_000);
    const investigator = await sign({ sub: "b", role: "INVESTIGATOR" }, Date.now() + 3_600_000);
    const first = await authenticate(analyst);
    first.role = "ADMIN" as never;
    expect(await authenticate(investigator)).toMatchObject({ subject: "token:b", role: "INVESTIGATOR" });
    expect(await authenticate(analyst)).toMatchObject({ subject: "token:a", role: "ANALYST" });
    expect(verify).toHaveBeenCalledTimes(2);
  });
});
