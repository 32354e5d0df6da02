/**
 * The one JSON text of a value that hashes are computed over: object keys sorted, no spaces,
 * `undefined` properties left out (as JSON.stringify does; `undefined` in an array is `null`). Two
 * parties that agree on a record's fields agree on its hash, whatever order the fields were
 * written in.
 *
 * Written with a stack of its own rather than by recursion: an undeclared variable is hashed
 * whole, and its value may nest as deeply as a JSON parser allows (10,000 levels overflowed the
 * call stack of the recursive version, and the audit write failed).
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  // Each entry is a value still to write, or a piece of punctuation (a string written as is).
  const pending: ({ value: unknown } | string)[] = [{ value }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next === "string") {
      out.push(next);
      continue;
    }
    const current = next.value;
    if (current === null || typeof current !== "object") {
      out.push(JSON.stringify(current) ?? "null");
      continue;
    }
    // Pushed in reverse, so that they come off the stack in order.
    const parts: ({ value: unknown } | string)[] = [];
    if (Array.isArray(current)) {
      parts.push("[");
      current.forEach((item: unknown, index) => {
        if (index > 0) parts.push(",");
        parts.push({ value: item === undefined ? null : item });
      });
      parts.push("]");
    } else {
      const object = current as Record<string, unknown>;
      const keys = Object.keys(object)
        .filter((key) => object[key] !== undefined)
        .sort();
      parts.push("{");
      keys.forEach((key, index) => {
        parts.push(`${index > 0 ? "," : ""}${JSON.stringify(key)}:`, { value: object[key] });
      });
      parts.push("}");
    }
    for (let index = parts.length - 1; index >= 0; index--) pending.push(parts[index]);
  }
  return out.join("");
}
