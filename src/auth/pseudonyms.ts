import { createCipheriv, createDecipheriv, createHash, createHmac } from "node:crypto";

/** Pseudonymous ids start so; no id of the graph does. */
export const PSEUDONYM_PREFIX = "anon_";

/**
 * Stable pseudonyms for entities a viewer may not see in clear. The same entity always gets the
 * same pseudonym (under one secret), so a network drawn twice joins up; the pseudonym reveals
 * nothing without the secret, and the server alone can turn it back into the entity, so a viewer
 * can expand a pseudonymous node without learning who it is. Deterministic encryption:
 * AES-256-GCM with the nonce taken from an HMAC of the plaintext (a synthetic IV).
 */
export class Pseudonyms {
  private readonly macKey: Buffer;
  private readonly encryptionKey: Buffer;

  constructor(secret: string) {
    this.macKey = derive(secret, "pseudonym-mac");
    this.encryptionKey = derive(secret, "pseudonym-encryption");
  }

  /** The pseudonymous id of entity `id` with label `label`. */
  id(label: string, id: string): string {
    const plain = Buffer.from(`${label}\u0000${id}`, "utf8");
    const nonce = createHmac("sha256", this.macKey).update(plain).digest().subarray(0, 12);
    const cipher = createCipheriv("aes-256-gcm", this.encryptionKey, nonce);
    const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
    return PSEUDONYM_PREFIX + Buffer.concat([nonce, sealed, cipher.getAuthTag()]).toString("base64url");
  }

  /** A short name to print, such as "Person 7F3A2C": stable, and the same for the same entity. */
  label(label: string, id: string): string {
    const tag = createHmac("sha256", this.macKey).update(`label\u0000${label}\u0000${id}`).digest("hex").slice(0, 6).toUpperCase();
    return `${label} ${tag}`;
  }

  /** The entity behind a pseudonym, or null for anything that is not one of this secret's. */
  reveal(pseudonym: string): { label: string; id: string } | null {
    if (!pseudonym.startsWith(PSEUDONYM_PREFIX)) return null;
    const bytes = Buffer.from(pseudonym.slice(PSEUDONYM_PREFIX.length), "base64url");
    if (bytes.length < 12 + 16 + 3) return null;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.encryptionKey, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      const plain = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString("utf8");
      const cut = plain.indexOf("\u0000");
      return cut < 0 ? null : { label: plain.slice(0, cut), id: plain.slice(cut + 1) };
    } catch {
      return null;
    }
  }
}

function derive(secret: string, purpose: string): Buffer {
  return createHash("sha256").update(`${purpose}\u0000${secret}`).digest();
}
