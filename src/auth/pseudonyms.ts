import { NodeLabel } from "../domain/graph-schema.js";
import { Cursors } from "./cursors.js";
import { Sealer } from "./sealing.js";

/** Pseudonymous ids start so; no id of the graph does. */
export const PSEUDONYM_PREFIX = "anon_";

/** Kinds that can be shown under a pseudonym; the index + 1 is the kind's byte in the sealed form. */
const KINDS: readonly string[] = [NodeLabel.Person, NodeLabel.Company, NodeLabel.Identifier];

/** Bytes of an id kept whole inside a pseudonym; a longer id keeps a prefix and a digest. */
const WHOLE_ID_BYTES = 48;
const PREFIX_BYTES = 31;
const DIGEST_BYTES = 16;
const LONG_ID = 0xff;
/** Kind, length, and the id area: every pseudonym seals exactly this many bytes. */
const PLAIN_BYTES = 2 + WHOLE_ID_BYTES;

/**
 * What a pseudonym names: an entity of `label`, with its whole id, or, for ids longer than a
 * pseudonym holds, the id's first characters and a test that tells the id among those that start so.
 */
export type Revealed =
  | { label: string; id: string }
  | { label: string; id: null; idPrefix: string; isId(id: string): boolean };

/**
 * Stable pseudonyms for entities a viewer may not see in clear. The same entity always gets the
 * same pseudonym (under one secret), so a network drawn twice joins up; the pseudonym reveals
 * nothing without the secret, not even the length of the id, since every pseudonym is as long as
 * every other; the server alone can turn it back into the entity, so a viewer can expand a
 * pseudonymous node without learning who it is. An id longer than WHOLE_ID_BYTES is sealed as its
 * first characters and a keyed digest, and found again among the ids that start so. The page
 * cursors given to viewers are sealed under the same secret (with keys of their own).
 */
export class Pseudonyms {
  private readonly sealer: Sealer;
  readonly cursors: Cursors;

  constructor(secret: string) {
    this.sealer = new Sealer(secret, "pseudonym");
    this.cursors = new Cursors(secret);
  }

  /** The pseudonymous id of entity `id` with label `label`. */
  id(label: string, id: string): string {
    const kind = KINDS.indexOf(label);
    if (kind < 0) throw new Error(`no pseudonyms for ${label}`);
    const plain = Buffer.alloc(PLAIN_BYTES);
    plain[0] = kind + 1;
    const bytes = Buffer.from(id, "utf8");
    if (bytes.length <= WHOLE_ID_BYTES) {
      plain[1] = bytes.length;
      bytes.copy(plain, 2);
    } else {
      const prefix = Buffer.from(prefixOf(id), "utf8");
      plain[1] = LONG_ID;
      plain[2] = prefix.length;
      prefix.copy(plain, 3);
      this.sealer.digest(`${label}\u0000${id}`, DIGEST_BYTES).copy(plain, PLAIN_BYTES - DIGEST_BYTES);
    }
    return PSEUDONYM_PREFIX + this.sealer.seal(plain).toString("base64url");
  }

  /** A short name to print, such as "Person 7F3A2C": stable, and the same for the same entity. */
  label(label: string, id: string): string {
    return `${label} ${this.sealer.digest(`label\u0000${label}\u0000${id}`, 3).toString("hex").toUpperCase()}`;
  }

  /** What a pseudonym names, or null for anything that is not one of this secret's. */
  reveal(pseudonym: string): Revealed | null {
    if (!pseudonym.startsWith(PSEUDONYM_PREFIX)) return null;
    const plain = this.sealer.open(Buffer.from(pseudonym.slice(PSEUDONYM_PREFIX.length), "base64url"));
    if (plain === null || plain.length !== PLAIN_BYTES) return null;
    const label = KINDS[plain[0] - 1];
    if (label === undefined) return null;
    if (plain[1] !== LONG_ID) return { label, id: plain.subarray(2, 2 + plain[1]).toString("utf8") };
    const idPrefix = plain.subarray(3, 3 + plain[2]).toString("utf8");
    const digest = plain.subarray(PLAIN_BYTES - DIGEST_BYTES);
    return {
      label,
      id: null,
      idPrefix,
      isId: (id) => id.startsWith(idPrefix) && this.sealer.digest(`${label}\u0000${id}`, DIGEST_BYTES).equals(digest),
    };
  }
}

/** The longest start of `id` that fits PREFIX_BYTES without cutting a character. */
function prefixOf(id: string): string {
  let prefix = "";
  for (const character of id) {
    if (Buffer.byteLength(prefix + character, "utf8") > PREFIX_BYTES) break;
    prefix += character;
  }
  return prefix;
}
