import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";

import { Role } from "../auth/role.js";
import type { Context } from "../context.js";

/**
 * The least role that may read each field, by `Type.field`. Asking for a field the role may not
 * read gives FORBIDDEN on that field. Lists of other kinds leave such entities out or show them
 * under pseudonyms instead (see src/auth/access.ts); this table is about asking directly.
 */
export const FIELD_RULES: Readonly<Record<string, Role>> = {
  // Entities that name people and companies, and what ties them together.
  "Query.person": Role.ANALYST,
  "Query.persons": Role.ANALYST,
  "Query.company": Role.ANALYST,
  "Query.companies": Role.ANALYST,
  "Query.identifier": Role.INVESTIGATOR,
  "Query.connections": Role.ANALYST,
  "Query.timeline": Role.ANALYST,
  "Query.sharedIdentifiers": Role.INVESTIGATOR,
  "Query.rings": Role.ANALYST,
  "Query.ring": Role.ANALYST,
  "Query.ringOf": Role.ANALYST,
  "Person.name": Role.INVESTIGATOR,
  "Person.aliases": Role.INVESTIGATOR,
  "Person.birthYear": Role.INVESTIGATOR,
  "Person.sharedIdentifiers": Role.INVESTIGATOR,
  "Company.sharedIdentifiers": Role.INVESTIGATOR,
  "Identifier.value": Role.INVESTIGATOR,
  "Identifier.rawValue": Role.INVESTIGATOR,
  "Country.companies": Role.ANALYST,
  "Seizure.arrests": Role.ANALYST,
  "Shipment.parties": Role.ANALYST,
  // Evidence: which source, which row.
  "Seizure.sources": Role.ANALYST,
  "Shipment.sources": Role.ANALYST,
  "ObservedRoute.evidence": Role.ANALYST,
};

/** The least role that may read any field of a type. */
export const TYPE_RULES: Readonly<Record<string, Role>> = {
  Person: Role.ANALYST,
  Company: Role.ANALYST,
  Identifier: Role.ANALYST,
  IdentifierSharer: Role.INVESTIGATOR,
  Arrest: Role.ANALYST,
  Office: Role.ANALYST,
  Participation: Role.ANALYST,
  ShipmentParty: Role.ANALYST,
  Citation: Role.ANALYST,
  Source: Role.ANALYST,
};

/** Types whose `id` is shown through the viewer's access (in clear, or as a pseudonym). */
const ENTITY_TYPES = new Set(["Person", "Company", "Identifier"]);

/** Types whose every field notes, for the audit trail, that the entity was shown in clear. */
const DISCLOSED_TYPES = new Set(["Person", "Company"]);

/**
 * Wraps the resolvers of the schema's ruled fields with the role check, and the `id` of persons,
 * companies and identifiers with the viewer's pseudonyms. The schema's shape does not change.
 */
export function applyAccessRules(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const name = `${type.name}.${field.name}`;
      const needed = FIELD_RULES[name] ?? TYPE_RULES[type.name];
      const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      const shown = ENTITY_TYPES.has(type.name) && field.name === "id" ? entityId(type.name) : resolve;
      const disclosed = DISCLOSED_TYPES.has(type.name) ? type.name : undefined;
      if (needed === undefined && shown === resolve && disclosed === undefined) continue;
      field.resolve = (root, args, context: Context, info) => {
        if (needed !== undefined) context.access.require(needed, name);
        if (disclosed !== undefined && context.access.seesInClear(disclosed)) {
          context.access.disclose(disclosed, (root as { id: string }).id);
        }
        return shown(root, args, context, info);
      };
    }
  }
  return schema;
}

function entityId(kind: string): GraphQLFieldResolver<unknown, Context> {
  return (root, _args, context) => context.access.entityId(kind, (root as { id: string }).id);
}
