import { createHmac, randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";

import { canonicalJson } from "./canonical-json.js";
import type { ValueHasher } from "./redact-variables.js";

/**
 * The key of the `hmac:` hashes that stand in for personal values, kept beside the trail file
 * (`<trail>.key`, readable by its owner only). Without it a hash cannot be tested against guesses
 * (phone numbers are few enough to try them all); with it, an administrator can look a value up.
 */
export function keyPathOf(trailPath: string): string {
  return `${trailPath}.key`;
}

/** Reads the key, or makes it once: 32 random bytes. */
export async function loadOrCreateKey(keyPath: string): Promise<Buffer> {
  try {
    await writeFile(keyPath, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readKey(keyPath);
}

export async function readKey(keyPath: string): Promise<Buffer> {
  const hex = (await readFile(keyPath, "utf8")).trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`The audit key file ${keyPath} does not hold 64 hex digits`);
  return Buffer.from(hex, "hex");
}

/** `hmac:<hex>`: HMAC-SHA256 under `key` of the value's canonical JSON (so "7" and 7 differ). */
export function keyedHasher(key: Buffer): ValueHasher {
  return (value) => `hmac:${createHmac("sha256", key).update(canonicalJson(value)).digest("hex")}`;
}
