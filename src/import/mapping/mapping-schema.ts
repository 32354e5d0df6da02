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
  "default", "ifPresent", "when",
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

const inputSchema = z
  .object({
    file: z.string().min(1),
    // One column, or several that identify a row together (UN/LOCODE: country and location).
    key: z.union([z.string().min(1), z.array(z.string().min(1)).min(2)]),
    delimiter: z.string().length(1).default(","),
    columns: z.array(z.string().min(1)).min(1),
    // Cells that mean "no value" in this source (OpenFlights writes \N): read as empty, in every file.
    nulls: z.array(z.string().min(1)).default([]),
    // Only rows whose column holds one of the values (trimmed, exact) are planned; others are skipped.
    where: z.record(z.string().min(1), z.array(z.string()).min(1)).default({}),
    joins: z.record(name("a join name"), joinSchema).default({}),
  })
  .strict();

const instancesGroupSchema = z
  .object({
    instances: z
      .array(
        z
          .object({
            columns: z.record(name("a slot name"), z.string().min(1)).default({}),
            values: z.record(name("a slot name"), constant).default({}),
          })
          .strict(),
      )
      .min(1),
    skipEmpty: z.array(z.string()).optional(),
  })
  .strict();

const listGroupSchema = z
  .object({
    list: z
      .object({
        column: z.string().min(1),
        separator: z.string().min(1).optional(),
        pattern: z.string().min(1).optional(),
        // Repeated items are kept by default: a route "A; B; A" returns to A. `unique: true` keeps
        // the first of each (a set, such as a country's neighbours).
        unique: z.boolean().default(false),
      })
      .strict()
      .refine((list) => (list.separator === undefined) !== (list.pattern === undefined), { message: "give either separator or pattern" }),
    keepEmpty: z.boolean().default(false),
  })
  .strict();

const groupSchema = z.union([instancesGroupSchema, listGroupSchema], {
  error: "a group has either instances (column groups) or list (a column holding several values)",
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
  })
  .strict()
  .refine((reference) => ["country", "place", "species", "node"].filter((key) => key in reference).length === 1, {
    message: "give exactly one of country, place, species, node",
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
