import neo4j, { type Integer } from "neo4j-driver";

import { dateParameter } from "../../db/values.js";
import { isProblem, type NormaliseContext, type Outcome, type ValueType } from "../normalise/normaliser.js";
import { normalisers } from "../normalise/registry.js";
import { collapseSpace } from "../normalise/text.js";
import type { ColumnRef, CompiledValue, Evaluated, PropertyValue, Scope } from "./compiled-mapping.js";
import { VALUE_SPEC_KEYS, type ValueSpecInput } from "./mapping-schema.js";

/** What compiling a value needs to know about where it stands in the mapping. */
export interface ValueEnvironment {
  /** Resolves a column as the mapping writes it (`Date`, `transit.Seizure Country`), or says why not. */
  column(name: string): ColumnRef | string;
  /** The slots of the group the value is evaluated in (empty outside groups). */
  readonly slots: ReadonlySet<string>;
  /** Whether that group is a list, whose instances share the row's totals. */
  readonly inListGroup: boolean;
  readonly context: NormaliseContext;
  /** Collects `entry: message` problems of the mapping. */
  error(entry: string, message: string): void;
}

/** Built-in slots of every group instance. */
export const INSTANCE_SLOTS = ["index", "count"] as const;

const NOTHING: Evaluated = { value: null, raw: null };

const PLACEHOLDER = /\{([^{}]+)\}/g;

/**
 * Compiles one value specification of a mapping. `defaultNormaliser` applies when the spec names
 * none (the `country` of a reference is always a country). Problems of the mapping go to
 * `env.error`; what is returned is then never run.
 */
export function compileValue(
  spec: ValueSpecInput | string,
  entry: string,
  env: ValueEnvironment,
  defaultNormaliser = "text",
): CompiledValue {
  if (typeof spec === "string") return compileTemplate(spec, entry, env);
  const compiled = compileWhen(spec, entry, env, compileOffset(spec, entry, env, compileSpec(spec, entry, env, defaultNormaliser)));
  if (spec.ifPresent === undefined) return compiled;
  // The value exists only when another column (or slot) has something: a unit only beside a count.
  const condition = spec.ifPresent;
  const ref = env.slots.has(condition) ? null : env.column(condition);
  if (typeof ref === "string") env.error(`${entry}.ifPresent`, ref);
  return {
    ...compiled,
    evaluate: (scope) => {
      const present = ref === null ? scope.slot(condition) : typeof ref === "string" ? null : scope.cell(ref);
      return present === null || present === "" ? NOTHING : compiled.evaluate(scope);
    },
  };
}

/**
 * The value exists only on rows whose columns (or slots) hold one of the listed values, compared
 * trimmed and exactly, as `input.where` compares: a node made only for some rows (a Seizure for the
 * confiscations among trade records) has an id `when` they hold.
 */
function compileWhen(spec: ValueSpecInput, entry: string, env: ValueEnvironment, compiled: CompiledValue): CompiledValue {
  if (spec.when === undefined) return compiled;
  const conditions = Object.entries(spec.when).map(([name, values]) => {
    const ref = env.slots.has(name) ? null : env.column(name);
    if (typeof ref === "string") env.error(`${entry}.when.${name}`, ref);
    return { name, ref, values: new Set(values) };
  });
  return {
    ...compiled,
    evaluate: (scope) => {
      for (const { name, ref, values } of conditions) {
        const cell = ref === null ? scope.slot(name) : typeof ref === "string" ? null : scope.cell(ref);
        if (!values.has(String(cell ?? "").trim())) return NOTHING;
      }
      return compiled.evaluate(scope);
    },
  };
}

/**
 * `offset`: a whole number added to a whole-number value, giving an integer (`{ slot: index,
 * offset: 1 }` numbers stops from 1). A value that is not a whole number is a problem of its cell.
 */
function compileOffset(spec: ValueSpecInput, entry: string, env: ValueEnvironment, compiled: CompiledValue): CompiledValue {
  if (spec.offset === undefined) return compiled;
  if (spec.column === undefined && spec.slot === undefined && spec.value === undefined) {
    env.error(`${entry}.offset`, "offset applies to a column, a slot or a value");
  }
  if (spec.value !== undefined && wholeNumber(spec.value) === null) env.error(`${entry}.offset`, "offset needs a whole-number value");
  const offset = spec.offset;
  return {
    ...compiled,
    evaluate: (scope) => {
      const result = compiled.evaluate(scope);
      if (result.value === null) return result;
      const whole = wholeNumber(result.value);
      if (whole === null) {
        const reason = "not a whole number, so the offset cannot be added";
        scope.report({ kind: "number", entry, column: compiled.describe(scope), value: result.raw ?? String(result.value), reason }, spec.required ?? false);
        return { value: null, raw: result.raw };
      }
      return { value: whole.add(offset), raw: result.raw };
    },
  };
}

/**
 * A sequence number as one integer type whatever gave it: a slot (`index`), a constant, a column
 * read as a number or as text. Anything that is not a whole number is a problem of its cell; a
 * constant that is not is a problem of the mapping.
 */
export function integerValue(spec: ValueSpecInput | string, compiled: CompiledValue, env: ValueEnvironment): CompiledValue {
  if (typeof spec === "object" && spec.value !== undefined && spec.value !== null && wholeNumber(spec.value) === null) {
    env.error(compiled.entry, "must be a whole number");
  }
  return {
    ...compiled,
    evaluate: (scope) => {
      const result = compiled.evaluate(scope);
      if (result.value === null) return result;
      const whole = wholeNumber(result.value);
      if (whole !== null) return { value: whole, raw: result.raw };
      const required = typeof spec === "object" && (spec.required ?? false);
      scope.report(
        { kind: "number", entry: compiled.entry, column: compiled.describe(scope), value: result.raw ?? String(result.value), reason: "not a whole number" },
        required,
      );
      return { value: null, raw: result.raw };
    },
  };
}

/** A value as a Neo4j integer when it is a whole number (an integer, a whole float, digits as text), else null. */
function wholeNumber(value: unknown): Integer | null {
  if (neo4j.isInt(value)) return value as Integer;
  if (typeof value === "number") return Number.isSafeInteger(value) ? neo4j.int(value) : null;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) {
    const number = Number(value.trim());
    return Number.isSafeInteger(number) ? neo4j.int(number) : null;
  }
  return null;
}

function compileSpec(spec: ValueSpecInput, entry: string, env: ValueEnvironment, defaultNormaliser: string): CompiledValue {
  const options = Object.fromEntries(Object.entries(spec).filter(([key]) => !(VALUE_SPEC_KEYS as readonly string[]).includes(key)));
  const hasOptions = Object.keys(options).length > 0;
  const reads = spec.column !== undefined || spec.slot !== undefined;

  if (spec.raw !== undefined && !reads) env.error(entry, "raw applies to a column or a slot only");
  if (spec.rowTotal && !env.inListGroup) env.error(entry, "rowTotal applies inside a list group only");
  if (spec.rowTotal && spec.required) env.error(entry, "a rowTotal value cannot be required");
  if (spec.joinWith !== undefined && spec.concat === undefined) env.error(entry, "joinWith applies to concat only");
  if (spec.default !== undefined && !reads) env.error(entry, "default applies to a column or a slot only");
  if (spec.default !== undefined && spec.required) env.error(entry, "a value with a default cannot be required");
  if (!reads && (spec.normalise !== undefined || hasOptions)) {
    env.error(entry, `normalise and its options apply to a column or a slot only`);
  }

  if (spec.template !== undefined) return compileTemplate(spec.template, entry, env, spec.required ?? false);
  if (spec.value !== undefined) {
    const value = spec.value;
    return { entry, describe: () => "", evaluate: () => ({ value, raw: null }) };
  }
  if (spec.firstOf !== undefined) {
    const choices = spec.firstOf.map((inner, index) => compileValue(inner, `${entry}.firstOf.${index}`, env, defaultNormaliser));
    return {
      entry,
      describe: (scope) => choices.map((choice) => choice.describe(scope)).filter(Boolean).join(" or "),
      evaluate: (scope) => {
        for (const choice of choices) {
          const result = choice.evaluate(scope);
          if (result.value !== null) return result;
        }
        if (spec.required) {
          scope.report({ kind: "missing", entry, column: choices[0].describe(scope), value: "", reason: "no value" }, true);
        }
        return NOTHING;
      },
    };
  }
  if (spec.concat !== undefined) {
    const parts = spec.concat.map((inner, index) => compileValue(inner, `${entry}.concat.${index}`, env, defaultNormaliser));
    return {
      entry,
      describe: (scope) => parts.map((part) => part.describe(scope)).filter(Boolean).join(" + "),
      evaluate: (scope) => {
        const texts = parts.flatMap((part) => {
          const { value } = part.evaluate(scope);
          if (value === null) return [];
          return Array.isArray(value) ? value.map(String) : [String(value)];
        });
        const unique = [...new Set(texts)];
        if (unique.length === 0) return NOTHING;
        return { value: spec.joinWith === undefined ? unique : unique.join(spec.joinWith), raw: null };
      },
    };
  }

  // A column or a slot, normalised.
  const normaliserName = spec.normalise ?? defaultNormaliser;
  const definition = normalisers.get(normaliserName);
  let normalise: (raw: string) => Outcome<unknown> = (raw) => ({ value: collapseSpace(raw) });
  let valueType: ValueType = "string";
  if (!definition) {
    env.error(`${entry}`, `unknown normaliser "${normaliserName}" (known: ${[...normalisers.keys()].join(", ")})`);
  } else {
    const parsed = definition.options.safeParse(options);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = issue.path.length ? `${entry}.${issue.path.join(".")}` : entry;
        env.error(where, `${issue.message} (normaliser ${normaliserName})`);
      }
    } else {
      normalise = definition.create(parsed.data, env.context);
      valueType = definition.valueType(parsed.data);
    }
  }

  let read: (scope: Scope) => string | number | boolean | null;
  let describe: (scope: Scope) => string;
  if (spec.column !== undefined) {
    const ref = env.column(spec.column);
    if (typeof ref === "string") env.error(`${entry}.column`, ref);
    const resolved = typeof ref === "string" ? null : ref;
    read = (scope) => (resolved ? scope.cell(resolved) : null);
    describe = () => spec.column!;
  } else {
    const slot = spec.slot!;
    if (!env.slots.has(slot)) {
      env.error(`${entry}.slot`, env.slots.size ? `unknown slot "${slot}" (this group has ${[...env.slots].join(", ")})` : `slot "${slot}" used outside a group`);
    }
    read = (scope) => scope.slot(slot);
    describe = (scope) => scope.columnOf(slot);
  }

  const required = spec.required ?? false;
  // The default is checked like a cell, so a default outside a vocabulary is a mapping error.
  let fallback: Evaluated = NOTHING;
  if (spec.default !== undefined) {
    const outcome = normalise(String(spec.default));
    if (isProblem(outcome)) env.error(`${entry}.default`, `${outcome.problem} (normaliser ${normaliserName})`);
    else fallback = { value: toProperty(outcome.value, valueType), raw: null };
  }
  return {
    entry,
    rawProperty: spec.raw,
    describe,
    evaluate: (scope) => {
      const column = describe(scope);
      const cell = read(scope);
      if (typeof cell === "number" || typeof cell === "boolean") {
        return { value: typeof cell === "number" && Number.isInteger(cell) ? neo4j.int(cell) : cell, raw: String(cell) };
      }
      const raw = cell === null ? null : cell.trim() || null;
      if (raw === null) {
        if (required) scope.report({ kind: "missing", entry, column, value: "", reason: "no value" }, true);
        return fallback;
      }
      const outcome = normalise(raw);
      if (isProblem(outcome)) {
        scope.report({ kind: normaliserName, entry, column, value: raw, reason: outcome.problem }, required);
        return { value: null, raw };
      }
      if (spec.rowTotal && scope.count > 1) {
        if (scope.index === 0) {
          scope.report(
            { kind: "shared-total", entry, column, value: raw, reason: `a total for ${scope.count} items, left off each of them` },
            false,
          );
        }
        return { value: null, raw };
      }
      return { value: toProperty(outcome.value, valueType), raw };
    },
  };
}

function compileTemplate(template: string, entry: string, env: ValueEnvironment, required = false): CompiledValue {
  const parts: ((scope: Scope) => string | null)[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const literal = template.slice(last, match.index);
    parts.push(() => literal);
    const name = match[1];
    if (env.slots.has(name)) {
      parts.push((scope) => {
        const value = scope.slot(name);
        return value === null || value === "" ? null : String(value).trim() || null;
      });
    } else {
      const ref = env.column(name);
      if (typeof ref === "string") {
        env.error(entry, `template placeholder {${name}}: ${ref}${env.slots.size ? ` and not a slot (${[...env.slots].join(", ")})` : ""}`);
      } else {
        parts.push((scope) => scope.cell(ref)?.trim() || null);
      }
    }
    last = match.index + match[0].length;
  }
  const tail = template.slice(last);
  if (/[{}]/.test(template.replace(PLACEHOLDER, ""))) env.error(entry, `unbalanced braces in template "${template}"`);
  parts.push(() => tail);
  return {
    entry,
    describe: () => template,
    evaluate: (scope) => {
      let text = "";
      for (const part of parts) {
        const piece = part(scope);
        if (piece === null) {
          if (required) scope.report({ kind: "missing", entry, column: template, value: "", reason: "no value" }, true);
          return NOTHING;
        }
        text += piece;
      }
      return { value: text, raw: null };
    },
  };
}

function toProperty(value: unknown, type: ValueType): PropertyValue | null {
  if (value === null || value === undefined) return null;
  if (type === "date") return dateParameter(value as string);
  if (type === "integer") return neo4j.int(value as number);
  return value as PropertyValue;
}
