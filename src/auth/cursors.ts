import { createHash } from "node:crypto";

import { BadInputError } from "../domain/errors.js";
import type { Role } from "./role.js";
import { Sealer } from "./sealing.js";

/** Sealed cursors are padded to a multiple of this many bytes, so their length tells next to nothing. */
const PAD_BYTES = 128;

/**
 * Opaque page cursors. A cursor holds where a page ends (an id, or a sort value and an id), sealed
 * with the list it belongs to (`scope`: the list, its order, its filter and, for a relationship
 * field, its parent) and the role it was given to. Nothing can be read from it, a cursor made or
 * changed by hand does not open, and one of another list, order, filter or role is refused.
 */
export class Cursors {
  private readonly sealer: Sealer;

  constructor(secret: string) {
    this.sealer = new Sealer(secret, "cursor");
  }

  seal(scope: string, role: Role, position: readonly unknown[]): string {
    const text = JSON.stringify([scopeDigest(scope), role, ...position]);
    const padded = Buffer.alloc(Math.ceil((Buffer.byteLength(text) + 1) / PAD_BYTES) * PAD_BYTES, " ");
    padded.write(text, "utf8");
    return this.sealer.seal(padded).toString("base64url");
  }

  /** The position sealed in `cursor`; BAD_USER_INPUT on `argument` for anything else. */
  open(scope: string, role: Role, cursor: string, argument = "after"): unknown[] {
    const plain = this.sealer.open(Buffer.from(cursor, "base64url"));
    const content = plain === null ? null : parse(plain.toString("utf8"));
    if (content === null || Buffer.from(cursor, "base64url").toString("base64url") !== cursor) {
      throw new BadInputError(argument, "is not a cursor given by this API");
    }
    const [digest, sealedRole, ...position] = content;
    if (digest !== scopeDigest(scope) || sealedRole !== role) {
      throw new BadInputError(argument, "is a cursor of another list, order, filter or role; start again without it");
    }
    return position;
  }
}

function parse(text: string): unknown[] | null {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.length >= 2 ? value : null;
  } catch {
    return null;
  }
}

function scopeDigest(scope: string): string {
  return createHash("sha256").update(scope).digest("base64url").slice(0, 22);
}
