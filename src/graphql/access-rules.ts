import {
  defaultFieldResolver,
  getNamedType,
  isObjectType,
  isScalarType,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLSchema,
} from "graphql";

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
  // Sentences of a source's own text: they give the age and sex of those arrested, and a text may
  // name a person, which only roles cleared for names may read.
  "Seizure.citedSentences": Role.INVESTIGATOR,
  "Shipment.sources": Role.ANALYST,
  "ObservedRoute.evidence": Role.ANALYST,
  // Watches and alerts name who is watched: for roles cleared for names only.
  "Mutation.watch": Role.INVESTIGATOR,
  "Mutation.unwatch": Role.INVESTIGATOR,
  "Query.watches": Role.INVESTIGATOR,
  "Query.alerts": Role.INVESTIGATOR,
  "Subscription.alerts": Role.INVESTIGATOR,
  // Resolution candidates pair persons and quote their names in the evidence.
  "Query.resolutionCandidates": Role.INVESTIGATOR,
  // Decisions name two persons and change what every query shows of them.
  "Query.resolutionDecisions": Role.INVESTIGATOR,
  "Mutation.confirmMatch": Role.INVESTIGATOR,
  "Mutation.rejectMatch": Role.INVESTIGATOR,
  "Mutation.linkEntities": Role.INVESTIGATOR,
  "Mutation.undoDecision": Role.INVESTIGATOR,
};

/** The least role that may read any field of a type. */
export const TYPE_RULES: Readonly<Record<string, Role>> = {
  Watch: Role.INVESTIGATOR,
  Alert: Role.INVESTIGATOR,
  AlertPage: Role.INVESTIGATOR,
  MatchCandidateConnection: Role.INVESTIGATOR,
  MatchCandidateEdge: Role.INVESTIGATOR,
  MatchCandidate: Role.INVESTIGATOR,
  MatchFeature: Role.INVESTIGATOR,
  ResolutionDecisionConnection: Role.INVESTIGATOR,
  ResolutionDecisionEdge: Role.INVESTIGATOR,
  ResolutionDecision: Role.INVESTIGATOR,
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

/**
 * How every field of type ID (or a list of IDs) shows the ids it holds. A field missing here stops
 * the schema from being built, so a new field cannot hand out ids without passing the viewer's
 * access (src/auth/access.ts), the one place that decides what a viewer sees in clear:
 * - ENTITY: the id of the entity the field's object is (`kind` from its type, or from its `kind`
 *   field for search hits), shown by this module through the viewer's access;
 * - VIEW: ids of view nodes, edges and paths, already shown through the access by `Access.view`
 *   and `Access.path` in the resolver that made them;
 * - OPEN: ids of kinds every role sees in clear (seizures, shipments, places, species, sources, ...).
 */
export const ID_FIELDS: Readonly<Record<string, "ENTITY" | "VIEW" | "OPEN">> = {
  "Person.id": "ENTITY",
  "Company.id": "ENTITY",
  "Identifier.id": "ENTITY",
  "SearchHit.id": "ENTITY",
  "GraphNode.id": "VIEW",
  "GraphEdge.id": "VIEW",
  "GraphEdge.source": "VIEW",
  "GraphEdge.target": "VIEW",
  "Hop.from": "VIEW",
  "Hop.to": "VIEW",
  "Network.collapsedHubs": "VIEW",
  "Seizure.id": "OPEN",
  "Shipment.id": "OPEN",
  "CommodityLine.id": "OPEN",
  "Carrier.id": "OPEN",
  "Place.id": "OPEN",
  "Species.id": "OPEN",
  "Source.id": "OPEN",
  "Ring.id": "OPEN",
  "FlowNode.id": "OPEN",
  "FlowLink.source": "OPEN",
  "FlowLink.target": "OPEN",
  // The viewer's own records: only INVESTIGATOR and above read them (TYPE_RULES).
  "Watch.id": "OPEN",
  "Alert.id": "OPEN",
  // Names two persons or companies by id; only INVESTIGATOR and above read it, who see them in clear.
  "MatchCandidate.id": "OPEN",
  "ResolutionDecision.id": "OPEN",
  "ResolutionDecision.candidateId": "OPEN",
};

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
      const shown = showsIds(field.type) ? idResolver(type.name, name, resolve) : resolve;
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

function showsIds(type: GraphQLOutputType): boolean {
  const named = getNamedType(type);
  return isScalarType(named) && named.name === "ID";
}

function idResolver(typeName: string, field: string, resolve: GraphQLFieldResolver<unknown, Context>): GraphQLFieldResolver<unknown, Context> {
  const shown = ID_FIELDS[field];
  if (shown === undefined) {
    throw new Error(`${field} holds ids: say in ID_FIELDS (src/graphql/access-rules.ts) how the viewer's access shows them`);
  }
  if (shown !== "ENTITY") return resolve;
  return (root, _args, context) => {
    const { id, kind } = root as { id: string; kind?: string };
    return context.access.entityId(typeName === "SearchHit" ? kind! : typeName, id);
  };
}
