import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import {
  buildSchema,
  getNamedType,
  isEnumType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
} from "graphql";
import { beforeAll, describe, expect, test } from "vitest";

import { projectRoot } from "../../src/config.js";
import { NodeLabel, RelType } from "../../src/domain/graph-schema.js";
import {
  dataLabels,
  dataRelationshipTypes,
  expandPropertyName,
  labels,
  otherLabels,
  relationshipProperties,
  relationshipTypes,
  type FieldModel,
  type ModelRelationshipType,
  type PropertyModel,
  type PropertyType,
  type RelationshipEnds,
} from "../../src/domain/model.js";
import { factProperties } from "../../src/domain/relation-facts.js";
import { relations, type Relation, type RelationName } from "../../src/domain/relations.js";
import { layout, type TableName } from "../../src/generate/layout.js";
import type { CompiledMapping } from "../../src/import/mapping/compiled-mapping.js";
import { IMPORT_ONLY_RELATIONSHIPS } from "../../src/import/mapping/import-only-relations.js";
import { loadMapping } from "../../src/import/mapping/load-mapping.js";
import { mappingSchema } from "../../src/import/mapping/mapping-schema.js";
import { REQUIRED_PROPERTIES } from "../../src/import/mapping/required-properties.js";

/**
 * The places the model used to be written again, checked against src/domain/model.ts: the
 * relationship fields of relations.ts, the GraphQL types (the committed schema, which a drift test
 * keeps equal to the code's), the import's required properties and mappings, and the generator's
 * layout. Labels and types of graph-schema.ts key the model's records, so the compiler checks those.
 */

const { Seizure, Shipment, CommodityLine, Species, Person, Company, Identifier, Carrier, Place, Country, Source } = NodeLabel;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

function fieldNames(list: readonly FieldModel[]): string[] {
  return list.map((field) => field.name);
}

/** Every end of every relationship type, with its type. */
const allEnds = Object.entries(relationshipTypes).flatMap(([type, model]) =>
  model.ends.map((ends) => ({ type: type as ModelRelationshipType, model, ends })),
);

describe("the model", () => {
  test("names its labels and types once, apart from the marker label", () => {
    const names = [...Object.keys(labels), ...Object.keys(relationshipTypes)];
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toStrictEqual([]);
    expect(Object.keys(dataLabels).sort()).toStrictEqual(Object.values(NodeLabel).sort());
    expect(Object.keys(dataRelationshipTypes).sort()).toStrictEqual(Object.values(RelType).sort());
  });

  test("keeps the analysis' and the API keys' labels out of the enums the views read", () => {
    const enumLabels = new Set<string>(Object.values(NodeLabel));
    expect(Object.keys(otherLabels).filter((label) => enumLabels.has(label))).toStrictEqual([]);
    expect(Object.values(otherLabels).map((model) => model.part)).not.toContain("data");
  });

  test("gives every label an id, required, first", () => {
    for (const [label, model] of Object.entries(labels)) {
      expect(Object.keys(model.properties)[0], label).toBe("id");
      expect(model.properties.id.required, label).toBe(true);
    }
  });

  test("joins data labels only by data relationships", () => {
    for (const { type, model, ends } of allEnds) {
      const parts = [...ends.from, ...ends.to].map((label) => labels[label].part);
      if (model.part === "data") expect(parts.filter((part) => part !== "data"), type).toStrictEqual([]);
    }
  });

  test("names each GraphQL field of a relationship once", () => {
    const names = allEnds.flatMap(({ ends }) => [...fieldNames(ends.forward), ...fieldNames(ends.backward)]);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toStrictEqual([]);
  });

  test("puts each field on a label at the end it starts from", () => {
    for (const { type, ends } of allEnds) {
      for (const field of ends.forward) expect(ends.from, `${type} ${field.name}`).toContain(field.name.split(".")[0]);
      for (const field of ends.backward) expect(ends.to, `${type} ${field.name}`).toContain(field.name.split(".")[0]);
    }
  });
});

describe("src/domain/relations.ts agrees with the model", () => {
  /** The ends of the model that a relation follows, and the fields the model names for that direction. */
  function modelFieldsOf(relation: Relation): { ends: RelationshipEnds; fields: string[] } | undefined {
    const model = relationshipTypes[relation.type];
    for (const ends of model.ends) {
      if (relation.direction === "OUT" && ends.from.includes(relation.from) && sameSet(relation.to, ends.to)) {
        return { ends, fields: fieldNames(ends.forward) };
      }
      if (relation.direction === "IN" && ends.to.includes(relation.from) && sameSet(relation.to, ends.from)) {
        return { ends, fields: fieldNames(ends.backward) };
      }
      if (relation.direction === "BOTH" && model.symmetric && ends.from.includes(relation.from) && sameSet(relation.to, ends.to)) {
        return { ends, fields: fieldNames(ends.forward) };
      }
    }
    return undefined;
  }

  test.each(Object.entries(relations) as [RelationName, Relation][])("%s", (name, relation) => {
    const found = modelFieldsOf(relation);
    expect(found, `the model has no (${relation.from}) ${relation.direction} [:${relation.type}] (${relation.to.join("|")})`).toBeDefined();
    expect(found!.fields, "the fields the model names for this direction").toContain(name);
  });

  test("every field of a data relationship in the model is an entry ", () => {
    const fields = allEnds
      .filter(({ model }) => model.part === "data")
      .flatMap(({ ends }) => [...fieldNames(ends.forward), ...fieldNames(ends.backward)]);
    expect(fields.filter((field) => !Object.hasOwn(relations, field))).toStrictEqual([]);
  });

  test("what tells two facts apart (relation-facts.ts) are properties of the relationship", () => {
    for (const [name, properties] of Object.entries(factProperties)) {
      const own = relationshipProperties(relations[name as RelationName].type);
      expect(properties!.filter((property) => !Object.hasOwn(own, property)), name).toStrictEqual([]);
    }
  });

  test("the relationships only the import writes are the model's relationships no field follows", () => {
    const unserved = allEnds
      .filter(({ model, ends }) => model.part === "data" && ends.forward.length === 0 && ends.backward.length === 0)
      .flatMap(({ type, ends }) => ends.from.flatMap((from) => ends.to.map((to) => `${from}-${type}->${to}`)));
    expect(IMPORT_ONLY_RELATIONSHIPS.map(({ from, type, to }) => `${from}-${type}->${to}`).sort()).toStrictEqual(unserved.sort());
  });
});

describe("the GraphQL types agree with the model", () => {
  let schema: ReturnType<typeof buildSchema>;
  beforeAll(async () => {
    schema = buildSchema(await readFile(path.join(projectRoot, "schema", "schema.graphql"), "utf8"));
  });

  function objectType(name: string): GraphQLObjectType {
    const type = schema.getType(name);
    expect(type && isObjectType(type), `${name} is an object type of the schema`).toBe(true);
    return type as GraphQLObjectType;
  }

  /** Leaf fields without arguments: those that can show a stored property. */
  function leafFields(type: GraphQLObjectType): GraphQLField<unknown, unknown>[] {
    return Object.values(type.getFields()).filter((field) => field.args.length === 0 && isLeafType(getNamedType(field.type)));
  }

  /** Leaf fields computed by the API rather than read from a property, by type. */
  const COMPUTED_FIELDS: Readonly<Record<string, readonly string[]>> = {
    Seizure: ["synthetic"],
    // An alert's place in the order of alerts (its seq), sealed as a page cursor.
    Alert: ["cursor"],
    // Stored on higher taxa only: a species node has none and shows SPECIES.
    Species: ["rank"],
    Shipment: ["synthetic"],
    Person: ["synthetic", "seizureCount", "shipmentCount", "identifierCount", "companyCount"],
    Company: ["synthetic", "shipmentCount", "seizureCount", "officerCount", "identifierCount"],
  };

  /** The GraphQL scalars that can show a property of each type. */
  const SCALARS: Readonly<Record<PropertyType, readonly string[]>> = {
    string: ["String", "ID", "CountryCode"],
    "string list": ["String"],
    integer: ["Int"],
    "integer list": ["Int"],
    float: ["Float"],
    "float list": ["Float"],
    boolean: ["Boolean"],
    Date: ["LocalDate"],
    DateTime: ["String"],
  };

  /** The property a field shows, by the field's name. */
  function shownProperty(properties: Readonly<Record<string, PropertyModel>>, fieldName: string): [string, PropertyModel] | undefined {
    return Object.entries(properties).find(([name, property]) => (property.graphqlField ?? name) === fieldName);
  }

  function checkField(where: string, field: GraphQLField<unknown, unknown>, property: PropertyModel): void {
    const named = getNamedType(field.type);
    if (property.vocabulary !== undefined) {
      expect(isEnumType(named) && named.name, `${where} is the enum ${property.vocabulary}`).toBe(property.vocabulary);
    } else {
      expect(SCALARS[property.type], `${where}: ${String(field.type)} shows a ${property.type}`).toContain(named.name);
    }
    const nullable = isNonNullType(field.type) ? field.type.ofType : field.type;
    expect(isListType(nullable), `${where} is a list as the property is`).toBe(property.type.endsWith(" list"));
    if (isNonNullType(field.type) && !isListType(nullable)) {
      expect(property.required, `${where} is non-null: the property must be required`).toBe(true);
    }
  }

  test.each(Object.entries(labels).filter(([, model]) => model.graphqlType !== null))(
    "%s: every leaf field shows a property or is computed, non-null as it is required",
    (label, model) => {
      const type = objectType(model.graphqlType!);
      const computed = COMPUTED_FIELDS[type.name] ?? [];
      for (const field of leafFields(type)) {
        if (computed.includes(field.name)) continue;
        const shown = shownProperty(model.properties, field.name);
        expect(shown, `${type.name}.${field.name}: a property of ${label}, or a field to name in COMPUTED_FIELDS`).toBeDefined();
        checkField(`${type.name}.${field.name}`, field, shown![1]);
      }
      // A required property the type shows is non-null (lists default to empty, and so are non-null anyway).
      for (const [name, property] of Object.entries(model.properties)) {
        const field = type.getFields()[property.graphqlField ?? name];
        if (field !== undefined && property.required) expect(isNonNullType(field.type), `${type.name}.${field.name}`).toBe(true);
      }
    },
  );

  test.each(Object.entries(relationshipTypes).filter(([, model]) => model.graphqlTypes.length > 0))(
    "%s: every leaf field of its GraphQL types shows one of its properties",
    (relationshipType, model) => {
      const properties = relationshipProperties(relationshipType as ModelRelationshipType);
      for (const typeName of model.graphqlTypes) {
        for (const field of leafFields(objectType(typeName))) {
          const shown = shownProperty(properties, field.name);
          expect(shown, `${typeName}.${field.name}: a property of ${relationshipType}`).toBeDefined();
          checkField(`${typeName}.${field.name}`, field, shown![1]);
        }
      }
    },
  );

  test.each(allEnds.flatMap(({ type, ends }) => [...ends.forward, ...ends.backward].map((field) => [field.name, type, field] as const)))(
    "%s (%s) is a field of the schema, paged as the model says",
    (name, _type, field) => {
      const [typeName, fieldName] = name.split(".") as [string, string];
      const served = objectType(typeName).getFields()[fieldName];
      expect(served, `${name} is served`).toBeDefined();
      expect(getNamedType(served!.type).name.endsWith("Connection"), `${name} is a connection`).toBe(field.paged);
    },
  );
});

describe("the import agrees with the model", () => {
  test("a property the import requires of every node is the model's required property, and no other", () => {
    for (const label of Object.values(NodeLabel)) {
      const required = Object.entries(dataLabels[label].properties)
        .filter(([name, property]) => property.required && name !== "id")
        .map(([name]) => name);
      // A Source is made from a mapping's `source` block, never from rows: the block's schema requires those.
      if (label === Source) continue;
      expect([...(REQUIRED_PROPERTIES[label] ?? [])].sort(), label).toStrictEqual(required.sort());
    }
  });

  test("a mapping's source block requires what the model requires of a Source", () => {
    const source = mappingSchema.shape.source.shape as Record<string, { safeParse(value: unknown): { success: boolean } }>;
    const required = Object.entries(dataLabels[Source].properties).filter(([, property]) => property.required);
    for (const [name] of required) {
      expect(source[name], `source.${name} in mapping-schema.ts`).toBeDefined();
      expect(source[name]!.safeParse(undefined).success, `source.${name} may not be left out`).toBe(false);
    }
    const stored = new Set(Object.keys(dataLabels[Source].properties));
    // `synthetic` says whether the nodes the mapping makes carry the Synthetic label; it is not stored.
    expect(Object.keys(source).filter((name) => name !== "synthetic" && !stored.has(name))).toStrictEqual([]);
  });

  describe("every mapping file writes only what the model has", () => {
    let mappings: CompiledMapping[];
    beforeAll(async () => {
      const folders = [path.join(projectRoot, "mappings"), path.join(projectRoot, "mappings", "generated")];
      const files = (
        await Promise.all(
          folders.map(async (folder) => (await readdir(folder)).filter((file) => file.endsWith(".yaml")).map((file) => path.join(folder, file))),
        )
      ).flat();
      mappings = await Promise.all(files.sort().map((file) => loadMapping(file)));
    });

    test("mappings were found", () => {
      expect(mappings.length).toBeGreaterThanOrEqual(10);
    });

    test("node properties, raw texts included", () => {
      const unknown = mappings.flatMap((mapping) =>
        mapping.nodes.flatMap((node) => {
          const properties = new Set(Object.keys(dataLabels[node.label].properties));
          const written = node.properties.flatMap(([name, value]) => [name, ...(value.rawProperty ? [value.rawProperty] : [])]);
          return written.filter((name) => !properties.has(name)).map((name) => `${path.basename(mapping.file)}: ${node.label}.${name}`);
        }),
      );
      expect(unknown).toStrictEqual([]);
    });

    test("relationships, their ends and their properties", () => {
      const problems = mappings.flatMap((mapping) => {
        const endLabels = new Map<string, readonly string[]>([
          ...mapping.nodes.map((node) => [node.alias, [node.label]] as const),
          ...mapping.references.map((reference) => [reference.alias, reference.labels] as const),
        ]);
        return mapping.relationships.flatMap((relationship) => {
          const where = `${path.basename(mapping.file)}: relationships.${relationship.name}`;
          const properties = relationshipProperties(relationship.type);
          const problems = relationship.properties
            .flatMap(([name, value]) => [name, ...(value.rawProperty ? [value.rawProperty] : [])])
            .filter((name) => !Object.hasOwn(properties, name))
            .map((name) => `${where}: ${relationship.type}.${name} is no property of the model`);
          for (const from of endLabels.get(relationship.from) ?? []) {
            for (const to of endLabels.get(relationship.to) ?? []) {
              const modelled = relationshipTypes[relationship.type].ends.some(
                (ends) => ends.from.includes(from as NodeLabel) && ends.to.includes(to as NodeLabel),
              );
              if (!modelled) problems.push(`${where}: the model has no (${from})-[:${relationship.type}]->(${to})`);
            }
          }
          return problems;
        });
      });
      expect(problems).toStrictEqual([]);
    });
  });
});

describe("the generator's layout agrees with the model", () => {
  type Reference = readonly [type: RelType, label: NodeLabel, direction: "out" | "in"];
  /** Node files: the label of each row, and the columns that name a related node instead of a property. */
  const NODE_FILES: Partial<Record<TableName, { label: NodeLabel; references?: Readonly<Record<string, Reference>> }>> = {
    sources: { label: Source },
    countries: { label: Country },
    places: { label: Place, references: { countryId: [RelType.InCountry, Country, "out"] } },
    species: { label: Species },
    persons: { label: Person, references: { nationalityId: [RelType.NationalOf, Country, "out"] } },
    companies: { label: Company, references: { countryId: [RelType.RegisteredIn, Country, "out"] } },
    identifiers: { label: Identifier },
    carriers: { label: Carrier },
    shipments: { label: Shipment, references: { carrierId: [RelType.CarriedBy, Carrier, "out"] } },
    commodityLines: {
      label: CommodityLine,
      references: {
        shipmentId: [RelType.Carried, Shipment, "in"],
        seizureId: [RelType.Recovered, Seizure, "in"],
        speciesId: [RelType.OfSpecies, Species, "out"],
      },
    },
    seizures: {
      label: Seizure,
      references: {
        shipmentId: [RelType.Intercepted, Shipment, "out"],
        countryId: [RelType.SeizedIn, Country, "out"],
        placeId: [RelType.SeizedAt, Place, "out"],
      },
    },
  };
  /** Relationship files: the type of each row, and the columns that name its ends (ids, and labels of ids). */
  const RELATIONSHIP_FILES: Partial<Record<TableName, { type: RelType; from: readonly string[]; to: readonly string[] }>> = {
    identifierHolders: { type: RelType.HasIdentifier, from: ["holderId", "holderKind"], to: ["identifierId"] },
    officers: { type: RelType.OfficerOf, from: ["personId"], to: ["companyId"] },
    routeStops: { type: RelType.StopsAt, from: ["shipmentId"], to: ["placeId", "countryId"] },
    parties: { type: RelType.PartyTo, from: ["partyId", "partyKind"], to: ["shipmentId"] },
    arrests: { type: RelType.Arrested, from: ["seizureId"], to: ["personId"] },
  };

  test("every file is a label's or a relationship type's", () => {
    const files = Object.keys(layout) as TableName[];
    expect(files.filter((file) => !(file in NODE_FILES) && !(file in RELATIONSHIP_FILES))).toStrictEqual([]);
  });

  test.each(Object.entries(NODE_FILES))("%s: each column is a property, a related node of the model, or the synthetic flag", (file, spec) => {
    const properties = dataLabels[spec!.label].properties;
    for (const column of layout[file as TableName].columns) {
      if (column === "synthetic" || Object.hasOwn(properties, column)) continue;
      const reference = spec!.references?.[column];
      expect(reference, `${file}.${column}: no property of ${spec!.label}`).toBeDefined();
      const [type, other, direction] = reference!;
      const [from, to] = direction === "out" ? [spec!.label, other] : [other, spec!.label];
      const modelled = relationshipTypes[type].ends.some((ends) => ends.from.includes(from) && ends.to.includes(to));
      expect(modelled, `${file}.${column}: the model has no (${from})-[:${type}]->(${to})`).toBe(true);
    }
  });

  test.each(Object.entries(RELATIONSHIP_FILES))("%s: each column is an end or a property of the relationship", (file, spec) => {
    const properties = relationshipProperties(spec!.type);
    const ends = new Set([...spec!.from, ...spec!.to]);
    const columns = layout[file as TableName].columns as readonly string[];
    expect(columns.filter((column) => !ends.has(column) && !Object.hasOwn(properties, column)), file).toStrictEqual([]);
  });

  test("templated property names stand for one property per label or type", () => {
    expect(expandPropertyName("nodes.<Label>")).toContain("nodes.Seizure");
    expect(expandPropertyName("relationships.<TYPE>")).toContain("relationships.SOURCED_FROM");
    expect(expandPropertyName("name")).toStrictEqual(["name"]);
  });
});
