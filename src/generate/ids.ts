import type { Rng } from "./prng.js";

/**
 * Ids of generated entities: `gen-<seed>-<kind>-<n>`. Persons and companies are numbered through a
 * seeded permutation of their index, and their files are written in id order, so neither the
 * number nor the row position gives away whether an entity belongs to a planted ring.
 */
export function idPrefix(seed: string): string {
  return `gen-${seed}-`;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function modularInverse(a: number, modulus: number): number {
  let [oldR, r] = [a, modulus];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % modulus) + modulus) % modulus;
}

/** A bijection of [0, size): index ↦ (a · index + c) mod size, with its inverse. */
export class IdSpace {
  private readonly a: number;
  private readonly c: number;
  private readonly inverseA: number;

  constructor(
    private readonly prefix: string,
    readonly size: number,
    rng: Rng,
  ) {
    if (size < 1) throw new Error("an id space needs at least one id");
    if (size * size >= Number.MAX_SAFE_INTEGER) throw new Error(`id space of ${size} is too large`);
    let a = size === 1 ? 1 : rng.int(Math.floor(size / 3), Math.max(Math.floor(size / 3), Math.floor((2 * size) / 3)));
    while (gcd(a, size) !== 1) a++;
    this.a = a % size || 1;
    this.c = rng.int(0, size - 1);
    this.inverseA = modularInverse(this.a, size);
  }

  slotOf(index: number): number {
    return (this.a * index + this.c) % this.size;
  }

  indexOf(slot: number): number {
    return (this.inverseA * (((slot - this.c) % this.size) + this.size)) % this.size;
  }

  id(index: number): string {
    return `${this.prefix}${this.slotOf(index) + 1}`;
  }
}
