import { z } from "zod";

import { NodeLabel, RelType } from "../../domain/graph-schema.js";
import { PlaceKind, Reliability, SourceKind } from "../../domain/vocabulary.js";

/**
 * The shape of a mapping file (YAML), checked with zod before anything else reads it. The meaning
 * of each entry is in `mappings/README.md`; `compile-mapping.ts` checks what a shape cannot (that
 * columns exist, that relationships follow the model, that normaliser options are right).
 */

/** Property names become map keys sent as parameters, never Cypher text; they still follow the model's style. */
export const PROPERTY_NAME = /^[a-z][A-Za-z0-9]*$/;
/** Aliases, group and relationship names, slot names. */
const NAME = /^[a-z][A-Za-z0-9_]*$/;

const name = (what: string) => z.string().regex(NAME, `${what} must start with a lower-case letter and hold only letters, digits and _`);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD");
const constant = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** The keys a value specification may have besides its normaliser's options. */
export const VALUE_SPEC_KEYS = [
  "column", "slot", "template", "value", "firstOf", "concat", "joinWith", "normalise", "raw", "required", "rowTotal",
  "default", "ifPresent", "when", "offset",
] as const;

export interface ValueSpecInput {
  column?: string;
  slot?: string;
  template?: string;
  value?: string | number | boolean | null;
  firstOf?: ValueSpecInput[];
  concat?: ValueSpecInput[];
  joinWith?: string;
  normalise?: string;
  raw?: string;
  required?: boolean;
  rowTotal?: boolean;
  default?: string | number | boolean;
  ifPresent?: string;
  /** Column (or slot) → values: the value exists only when each holds (trimmed) one of its values. */
  when?: Record<string, string[]>;
  /** A whole number added to a whole-number value (`{ slot: index, offset: 1 }` counts from 1): an integer. */
  offset?: number;
  /** Any other key is an option of the normaliser, checked by it. */
  [option: string]: unknown;
}

export const valueSpecSchema: z.ZodType<ValueSpecInput> = z.lazy(() =>
  z
    .object({
      column: z.string().min(1).optional(),
      slot: z.string().min(1).optional(),
      template: z.string().min(1).optional(),
      value: constant.optional(),
      firstOf: z.array(valueSpecSchema).min(1).optional(),
      concat: z.array(valueSpecSchema).min(1).optional(),
      joinWith: z.string().optional(),
      normalise: z.string().min(1).optional(),
      raw: z.string().regex(PROPERTY_NAME, "must be a property name such as dateText").optional(),
      required: z.boolean().optional(),
      rowTotal: z.boolean().optional(),
      default: z.union([z.string(), z.number(), z.boolean()]).optional(),
      ifPresent: z.string().min(1).optional(),
      when: z
        .record(z.string().min(1), z.array(z.string()).min(1))
        .refine((when) => Object.keys(when).length > 0, { message: "name at least one column" })
        .optional(),
      offset: z.number().int("must be a whole number").optional(),
    })
    .catchall(z.unknown())
    .superRefine((spec, context) => {
      const kinds = (["column", "slot", "template", "value", "firstOf", "concat"] as const).filter((key) => key in spec);
      if (kinds.length !== 1) {
        context.addIssue({
          code: "custom",
          message: `give exactly one of column, slot, template, value, firstOf, concat (found ${kinds.length ? kinds.join(", ") : "none"})`,
        });
      }
    }),
);

const properties = z.record(z.string().regex(PROPERTY_NAME, "must be a property name such as dateText"), valueSpecSchema).default({});

const sourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must hold only lower-case letters, digits and -"),
    title: z.string().min(1),
    publisher: z.string().min(1),
    url: z.url().optional(),
    licence: z.string().min(1),
    retrievedOn: isoDate,
    reliability: z.enum(Reliability),
    kind: z.enum(SourceKind),
    synthetic: z.boolean(),
  })
  .strict();

const joinSchema = z
  .object({
    file: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    key: z.string().min(1),
    on: z.string().min(1).optional(),
    match: z.enum(["exact", "folded"]).default("exact"),
    columns: z.array(z.string().min(1)).min(1),
    required: z.boolean().default(false),
    flagUnmatched: z.boolean().default(true),
  })
  .strict()
  .refine((join) => (join.file === undefined) !== (join.path === undefined), { message: "give either file or path" });

/**
 * A column the mapping reads: a header name, or a name of the mapping's own for a column found by
 * header text (`header`, and `occurrence` when the header repeats it) or by 1-based `position`.
 */
const inputColumnSchema = z.union([
  z.string().min(1),
  z
    .object({
      name: z.string().min(1),
      header: z.string().trim().min(1).optional(),
      position: z.number().int().min(1).optional(),
      occurrence: z.number().int().min(1).optional(),
    })
    .strict()
    .refine((column) => !(column.position !== undefined && column.occurrence !== undefined), {
      message: "give position or occurrence, not both: a position names one column already",
    })
    .refine((column) => column.occurrence === undefined || column.header !== undefined, {
      message: "occurrence counts columns of one header: give header as well",
    }),
]);

export type InputColumnInput = z.infer<typeof inputColumnSchema>;

const inputSchema = z
  .object({
    file: z.string().min(1),
    // One column, or several that identify a row together (UN/LOCODE: country and location).
    key: z.union([z.string().min(1), z.array(z.string().min(1)).min(2)]),
    delimiter: z.string().length(1).default(","),
    columns: z.array(inputColumnSchema).min(1),
    // A column of this name holds the data row's number (1 = the first row after the header): a key
    // for files without one, the same on every import of the same file.
    rowNumber: z.string().min(1).optional(),
    // Cells that mean "no value" in this source (OpenFlights writes \N): read as empty, in every file.
    nulls: z.array(z.string().min(1)).default([]),
    // Only rows whose column holds one of the values (trimmed, exact) are planned; others are skipped.
    where: z.record(z.string().min(1), z.array(z.string()).min(1)).default({}),
    joins: z.record(name("a join name"), joinSchema).default({}),
    // Rows sharing this column's value form one record (a case of a case file): a `record`
    // reference finds what another row of the same record made, whatever the rows' order.
    record: z.string().min(1).optional(),
  })
  .strict();

/**
 * One column of a list group: its items split by `separator` or `pattern`, or found by the gazetteer
 * (`find: countries` or `places`); `values` are constant slots of its items (a stop's role per column).
 */
const listPartSchema = z
  .object({
    column: z.string().min(1),
    separator: z.string().min(1).optional(),
    pattern: z.string().min(1).optional(),
    find: z.enum(["countries", "places"]).optional(),
    // Repeated items are kept by default: a route "A; B; A" returns to A. `unique: true` keeps
    // the first of each (a set, such as a country's neighbours).
    unique: z.boolean().default(false),
    values: z.record(name("a slot name"), constant).default({}),
  })
  .strict()
  .refine((list) => [list.separator, list.pattern, list.find].filter((way) => way !== undefined).length === 1, {
    message: "give one of separator, pattern or find",
  });

export type ListPartInput = z.infer<typeof listPartSchema>;

const instanceSchema = z
  .object({
    columns: z.record(name("a slot name"), z.string().min(1)).default({}),
    values: z.record(name("a slot name"), constant).default({}),
  })
  .strict();

/**
 * A group is either column groups (`instances`, `skipEmpty`) or a list (`list`: one column, or
 * several chained into one ordered list such as origins, then transits, then destinations;
 * `keepEmpty`). One object rather than a union, so a mistake is reported at its own entry.
 */
const groupSchema = z
  .object({
    instances: z.array(instanceSchema).min(1).optional(),
    skipEmpty: z.array(z.string()).optional(),
    list: z.union([listPartSchema, z.array(listPartSchema).min(1)]).optional(),
    keepEmpty: z.boolean().optional(),
  })
  .strict()
  .superRefine((group, context) => {
    if ((group.instances === undefined) === (group.list === undefined)) {
      context.addIssue({ code: "custom", message: "a group has either instances (column groups) or list (a column, or columns chained, holding several values)" });
    }
    if (group.skipEmpty !== undefined && group.instances === undefined) {
      context.addIssue({ code: "custom", path: ["skipEmpty"], message: "skipEmpty applies to instances only" });
    }
    if (group.keepEmpty !== undefined && group.list === undefined) {
      context.addIssue({ code: "custom", path: ["keepEmpty"], message: "keepEmpty applies to a list only" });
    }
  });

const nodeSchema = z
  .object({
    label: z.enum(NodeLabel).refine((label) => label !== NodeLabel.Source, { message: "the Source node is declared under source" }),
    group: z.string().optional(),
    id: z.union([z.string().min(1), valueSpecSchema]),
    mention: z.boolean().default(false),
    properties,
  })
  .strict()
  .refine((node) => !node.mention || Object.keys(node.properties).length === 0, {
    message: "a mentioned node has no properties: the row that describes it gives them",
    path: ["properties"],
  });

const referenceSchema = z
  .object({
    group: z.string().optional(),
    required: z.boolean().default(false),
    country: valueSpecSchema.optional(),
    place: z
      .object({
        name: valueSpecSchema,
        country: valueSpecSchema.optional(),
        kinds: z.array(z.enum(PlaceKind)).min(1),
        fallbackToCountry: z.boolean().default(false),
      })
      .strict()
      .optional(),
    species: z.object({ name: valueSpecSchema }).strict().optional(),
    node: z.object({ label: z.enum(NodeLabel), id: z.union([z.string().min(1), valueSpecSchema]) }).strict().optional(),
    // The node `node` (an alias of this mapping) made by the row of the same record (input.record)
    // whose columns hold the `where` values; looked for only on rows whose columns hold `when`'s.
    record: z
      .object({
        node: name("a node alias"),
        where: z.record(z.string().min(1), z.array(z.string()).min(1)).default({}),
        when: z.record(z.string().min(1), z.array(z.string()).min(1)).default({}),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((reference) => ["country", "place", "species", "node", "record"].filter((key) => key in reference).length === 1, {
    message: "give exactly one of country, place, species, node, record",
  });

const relationshipSchema = z
  .object({
    type: z.enum(RelType).refine((type) => type !== RelType.SourcedFrom, { message: "SOURCED_FROM is made by the import itself" }),
    from: z.string(),
    to: z.string(),
    group: z.string().optional(),
    symmetric: z.boolean().default(false),
    sequenced: z.boolean().default(false),
    properties,
  })
  .strict();

export const mappingSchema = z
  .object({
    version: z.literal(1),
    source: sourceSchema,
    input: inputSchema,
    groups: z.record(name("a group name"), groupSchema).default({}),
    nodes: z.record(name("a node alias"), nodeSchema).default({}),
    references: z.record(name("a reference alias"), referenceSchema).default({}),
    relationships: z.record(name("a relationship name"), relationshipSchema).default({}),
  })
  .strict();

export type MappingInput = z.infer<typeof mappingSchema>;
export type SourceInput = MappingInput["source"];
export type JoinInput = MappingInput["input"]["joins"][string];
export type GroupInput = MappingInput["groups"][string];
export type NodeInput = MappingInput["nodes"][string];
export type ReferenceInput = MappingInput["references"][string];
export type RelationshipInput = MappingInput["relationships"][string];
