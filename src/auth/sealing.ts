import { createCipheriv, createHash, createHmac, timingSafeEqual } from "node:crypto";

/** Bytes of the synthetic IV at the head of every sealed value; it is also its authentication tag. */
const IV_BYTES = 16;

/**
 * Deterministic authenticated encryption (SIV: the IV is an HMAC of the plaintext, the plaintext is
 * AES-256-CTR under that IV). The same plaintext always seals to the same bytes, so a pseudonym or a
 * cursor is stable; without the secret nothing can be read from it, and nothing made without it
 * opens. Each purpose has keys of its own, so a pseudonym never opens as a cursor.
 */
export class Sealer {
  private readonly macKey: Buffer;
  private readonly encryptionKey: Buffer;

  constructor(secret: string, purpose: string) {
    this.macKey = derive(secret, `${purpose}-mac`);
    this.encryptionKey = derive(secret, `${purpose}-encryption`);
  }

  seal(plain: Buffer): Buffer {
    const iv = this.tag(plain);
    const cipher = createCipheriv("aes-256-ctr", this.encryptionKey, iv);
    return Buffer.concat([iv, cipher.update(plain), cipher.final()]);
  }

  /** The plaintext, or null when the bytes were not sealed by this sealer or were changed. */
  open(sealed: Buffer): Buffer | null {
    if (sealed.length <= IV_BYTES) return null;
    const iv = sealed.subarray(0, IV_BYTES);
    const decipher = createCipheriv("aes-256-ctr", this.encryptionKey, iv);
    const plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES)), decipher.final()]);
    return timingSafeEqual(this.tag(plain), iv) ? plain : null;
  }

  /** A keyed digest of `text` under this sealer's MAC key, `bytes` long. */
  digest(text: string, bytes: number): Buffer {
    return createHmac("sha256", this.macKey).update(`digest\u0000${text}`).digest().subarray(0, bytes);
  }

  private tag(plain: Buffer): Buffer {
    return createHmac("sha256", this.macKey).update(plain).digest().subarray(0, IV_BYTES);
  }
}

function derive(secret: string, purpose: string): Buffer {
  return createHash("sha256").update(`${purpose}\u0000${secret}`).digest();
}
