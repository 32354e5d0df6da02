/**
 * The one JSON text of a value that hashes are computed over: object keys sorted, no spaces,
 * `undefined` properties left out (as JSON.stringify does; `undefined` in an array is `null`). Two
 * parties that agree on a record's fields agree on its hash, whatever order the fields were
 * written in.
 *
 * Every record and every hashed variable goes through here, so the usual value (a few levels deep)
 * is written by plain recursion, which builds no stack of pending pieces. A value nested deeper
 * than RECURSION_LIMIT is written again with a stack of its own instead: an undeclared variable is
 * hashed whole, and its value may nest as deeply as a JSON parser allows (10,000 levels overflowed
 * the call stack of a recursive version, and the audit write failed). Both give the same text.
 */
export function canonicalJson(value: unknown): string {
  return recursiveJson(value, 0) ?? stackJson(value);
}

/** Levels the recursive writer goes down before it hands the value to the stack-based one. */
export const RECURSION_LIMIT = 64;

/** The canonical JSON of `value`, or undefined when it nests deeper than RECURSION_LIMIT. */
function recursiveJson(value: unknown, depth: number): string | undefined {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (depth >= RECURSION_LIMIT) return undefined;
  if (Array.isArray(value)) {
    let text = "[";
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const written = recursiveJson(item === undefined ? null : item, depth + 1);
      if (written === undefined) return undefined;
      text += index > 0 ? `,${written}` : written;
    }
    return `${text}]`;
  }
  const object = value as Record<string, unknown>;
  let text = "{";
  let first = true;
  for (const key of Object.keys(object).sort()) {
    const item = object[key];
    if (item === undefined) continue;
    const written = recursiveJson(item, depth + 1);
    if (written === undefined) return undefined;
    text += `${first ? "" : ","}${JSON.stringify(key)}:${written}`;
    first = false;
  }
  return `${text}}`;
}

/** The same text, written with a stack of its own rather than by recursion: no depth overflows it. */
function stackJson(value: unknown): string {
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
