import "reflect-metadata";

import {
  getNamedType,
  isAbstractType,
  isObjectType,
  isScalarType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { beforeAll, describe, expect, test } from "vitest";

import { Role, ROLES } from "../../src/auth/role.js";
import { labels, relationshipTypes } from "../../src/domain/model.js";
import { FIELD_RULES, ID_FIELDS, TYPE_RULES } from "../../src/graphql/access-rules.js";
import { buildGraphQLSchema } from "../../src/graphql/build-schema.js";

/**
 * The access rules are keyed by strings: each must name a real type or field of the schema the
 * server builds (build-schema.ts applies them by name, and a name that matches nothing guards
 * nothing). And no personal property of the model reaches a role that sees persons only under
 * pseudonyms, whatever path leads to the field that shows it.
 */
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphQLSchema();
});

function objectType(name: string): GraphQLObjectType | undefined {
  const type = schema.getType(name);
  return type !== undefined && isObjectType(type) ? type : undefined;
}

function fieldOf(name: string) {
  const [typeName, fieldName] = name.split(".") as [string, string];
  return objectType(typeName)?.getFields()[fieldName];
}

const rank = (role: Role) => ROLES.indexOf(role);

/**
 * The least role that can read each object type, over every path from the root: a field needs the
 * role its rule and its parent's reach ask for, whichever is higher.
 */
function reachOfTypes(): Map<string, number> {
  const reach = new Map<string, number>([["Query", rank(Role.PUBLIC)]]);
  const queue = ["Query"];
  while (queue.length > 0) {
    const name = queue.shift()!;
    const type = objectType(name)!;
    for (const field of Object.values(type.getFields())) {
      const needed = fieldRole(reach, type.name, field.name);
      const named = getNamedType(field.type);
      const targets = isObjectType(named) ? [named] : isAbstractType(named) ? schema.getPossibleTypes(named) : [];
      for (const target of targets) {
        if (needed < (reach.get(target.name) ?? Infinity)) {
          reach.set(target.name, needed);
          queue.push(target.name);
        }
      }
    }
  }
  return reach;
}

/** As applyAccessRules reads the rules: a field's own rule, else its type's. */
function fieldRole(reach: ReadonlyMap<string, number>, typeName: string, fieldName: string): number {
  const rule = FIELD_RULES[`${typeName}.${fieldName}`] ?? TYPE_RULES[typeName];
  return Math.max(reach.get(typeName) ?? Infinity, rule === undefined ? 0 : rank(rule));
}

describe("the access rules name the schema the server builds", () => {
  test.each(Object.keys(FIELD_RULES))("FIELD_RULES %s is a field", (name) => {
    expect(fieldOf(name), `${name} in src/graphql/access-rules.ts names no field of the schema`).toBeDefined();
  });

  test.each(Object.keys(TYPE_RULES))("TYPE_RULES %s is an object type", (name) => {
    expect(objectType(name), `${name} in src/graphql/access-rules.ts names no object type of the schema`).toBeDefined();
  });

  test.each(Object.keys(ID_FIELDS))("ID_FIELDS %s is a field of ids", (name) => {
    const field = fieldOf(name);
    expect(field, `${name} in src/graphql/access-rules.ts names no field of the schema`).toBeDefined();
    const named = getNamedType(field!.type);
    expect(isScalarType(named) && named.name, `${name} holds ids`).toBe("ID");
  });

  test("a field's rule never asks for less than its type's (it would take the place of the stricter one)", () => {
    const weaker = Object.entries(FIELD_RULES).filter(([name, role]) => {
      const typeRule = TYPE_RULES[name.split(".")[0]!];
      return typeRule !== undefined && rank(role) <= rank(typeRule);
    });
    expect(weaker).toStrictEqual([]);
  });
});

describe("personal data of the model is read only by roles that see persons in clear", () => {
  const shown = [
    ...Object.entries(labels).flatMap(([, model]) =>
      model.graphqlType === null
        ? []
        : Object.entries(model.properties)
            .filter(([, property]) => property.personal)
            .map(([name, property]) => `${model.graphqlType}.${property.graphqlField ?? name}`),
    ),
    ...Object.values(relationshipTypes).flatMap((model) =>
      model.graphqlTypes.flatMap((typeName) =>
        Object.entries(model.properties)
          .filter(([, property]) => property.personal)
          .map(([name, property]) => `${typeName}.${property.graphqlField ?? name}`),
      ),
    ),
  ];

  test("the model has personal properties the API shows", () => {
    expect(shown).toContain("Person.name");
    expect(shown).toContain("Identifier.value");
  });

  test.each(shown)("%s", (name) => {
    const [typeName, fieldName] = name.split(".") as [string, string];
    if (fieldOf(name) === undefined) return; // not shown by the API: nothing to guard
    // An id that holds personal data is shown through the viewer's pseudonyms.
    if (ID_FIELDS[name] === "ENTITY") return;
    const role = ROLES[fieldRole(reachOfTypes(), typeName, fieldName)];
    expect(role, `${name} is personal data (src/domain/model.ts): give it a rule in src/graphql/access-rules.ts`).toSatisfy(
      (least: Role | undefined) => least === undefined || rank(least) >= rank(Role.INVESTIGATOR),
    );
  });
});
