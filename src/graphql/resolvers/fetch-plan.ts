import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from "graphql";

import type { Context } from "../../context.js";
import { emptyPlan, mergePlan, ownPropertiesOnly, pageKey, type FetchPlan } from "../../domain/fetch-plan.js";
import { dataLabels } from "../../domain/model.js";
import { MAX_PAGE_SIZE } from "../../domain/paging.js";
import type { RelationName } from "../../domain/relations.js";
import { FIELD_RULES, TYPE_RULES } from "../access-rules.js";

/**
 * How a field's answer can be read ahead by the query of its root field (src/domain/fetch-plan.ts):
 * - RELATED: a relationship field read whole. Its type is the related node's, or a small type around
 *   it (a route stop, a party, an arrest, an office), whose `nodeFields` name the fields that are the
 *   related node. `alsoFollow` names a field whose selection is also read through a relation of the
 *   related node (a route stop's `country`, for a stop at a place, is the place's country).
 * - PAGE: a paged relationship field (a connection), read ahead from its first page only.
 * - COUNTS: a relationship count of a person or a company.
 * A field left out of this table is resolved as before, through the request's loaders: citations'
 * sources, shared identifiers, rings, and every paged field given `after` (its cursor is bound to
 * one parent).
 */
type Fold =
  | {
      kind: "RELATED";
      relation: RelationName;
      nodeFields?: readonly string[];
      alsoFollow?: { field: string; relation: RelationName };
      /** The small type's field that is the parent node itself (an office's company, under a company's officers). */
      backField?: string;
    }
  | { kind: "PAGE"; relation: RelationName }
  | { kind: "COUNTS" };

const related = (relation: RelationName, nodeFields?: readonly string[], backField?: string): Fold => ({
  kind: "RELATED",
  relation,
  nodeFields,
  backField,
});
const page = (relation: RelationName): Fold => ({ kind: "PAGE", relation });
const COUNTS: Fold = { kind: "COUNTS" };

export const FOLDS: Readonly<Record<string, Fold>> = {
  "Seizure.country": related("Seizure.country"),
  "Seizure.place": related("Seizure.place"),
  "Seizure.shipments": related("Seizure.shipments"),
  "Seizure.commodities": related("Seizure.commodities"),
  "Seizure.arrests": related("Seizure.arrests", ["person"], "seizure"),
  "Seizure.sources": related("Seizure.sources"),
  "Shipment.route": {
    kind: "RELATED",
    relation: "Shipment.route",
    nodeFields: ["place", "country"],
    alsoFollow: { field: "country", relation: "Place.country" },
  },
  "Shipment.commodities": related("Shipment.commodities"),
  "Shipment.seizures": related("Shipment.seizures"),
  "Shipment.carrier": related("Shipment.carrier"),
  "Shipment.parties": related("Shipment.parties", ["party"]),
  "Shipment.sources": related("Shipment.sources"),
  "CommodityLine.species": related("CommodityLine.species"),
  "CommodityLine.seizure": related("CommodityLine.seizure"),
  "CommodityLine.shipment": related("CommodityLine.shipment"),
  "Species.commodityLines": page("Species.commodityLines"),
  "Person.identifiers": related("Person.identifiers"),
  "Person.shipments": related("Person.shipments", ["shipment"]),
  "Person.arrests": related("Person.arrests", ["seizure"], "person"),
  "Person.offices": related("Person.offices", ["company"], "person"),
  "Person.nationalities": related("Person.nationalities"),
  "Person.sources": related("Person.sources"),
  "Person.seizureCount": COUNTS,
  "Person.shipmentCount": COUNTS,
  "Person.identifierCount": COUNTS,
  "Person.companyCount": COUNTS,
  "Company.identifiers": related("Company.identifiers"),
  "Company.shipments": related("Company.shipments", ["shipment"]),
  "Company.officers": related("Company.officers", ["person"], "company"),
  "Company.country": related("Company.country"),
  "Company.sources": related("Company.sources"),
  "Company.shipmentCount": COUNTS,
  "Company.seizureCount": COUNTS,
  "Company.officerCount": COUNTS,
  "Company.identifierCount": COUNTS,
  "Identifier.holders": related("Identifier.holders"),
  "Carrier.shipments": page("Carrier.shipments"),
  "Place.country": related("Place.country"),
  "Place.seizures": page("Place.seizures"),
  "Place.shipments": page("Place.shipments"),
  "Country.neighbours": related("Country.neighbours"),
  "Country.places": page("Country.places"),
  "Country.seizures": page("Country.seizures"),
  "Country.shipments": page("Country.shipments"),
  "Country.companies": page("Country.companies"),
};

/**
 * The stored property each GraphQL field of a node type shows (from the model), by type and field:
 * a field found here reads that property alone, so the query need not return the others.
 */
const PROPERTY_OF_FIELD: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(
  Object.values(dataLabels)
    .filter((label) => label.graphqlType !== null)
    .map((label) => [
      label.graphqlType!,
      new Map(Object.entries(label.properties).map(([property, model]) => [model.graphqlField ?? property, property])),
    ]),
);

/** A field as asked for of one object type: its definition's name, its arguments, its selections. */
interface AskedField {
  name: string;
  args: Record<string, unknown>;
  type: GraphQLNamedType;
  /** Whether the field gives a list (of nodes, or of small types around them). */
  list: boolean;
  selections: SelectionSetNode[];
}

/**
 * How many nodes one query may be planned to read, estimated as the cost model does
 * (src/graphql/limits/field-cost.ts): a page its `first`, a list of related nodes 10 per parent, a
 * single related node 1. One query reads a node again for every path that reaches it, where the
 * loaders read it once per level; so below this bound a deep selection of large pages is left to
 * the loaders (a page of 100 shipments, their stops' ports and the first 100 seizures of each
 * would be 100,000 nodes in one query). Measured in test/api/leak-scan.test.ts, whose requests are
 * the largest the limits let through.
 */
export const MAX_PLANNED_NODES = 10_000;
const NODES_PER_LIST = 10;

/**
 * How many relationship fields one query may fold in; a selection with more is read through the
 * loaders, as it was before queries were folded. Neo4j plans a query afresh for every new text
 * (values are parameters, so a client's repeated request is planned once), and planning grows with
 * the subqueries: a lookup folding 60 fields, 15,000 characters of Cypher, took 0.75 to 1.5 s to
 * plan on a busy 2-core machine, against 0.1 s to run once planned. The selections of the largest
 * requests the limits allow (test/api/leak-scan.test.ts sends thousands, each new) would each pay
 * that; the shapes of bench/peer fold 3 to 10 fields.
 */
export const MAX_FOLDED_FIELDS = 12;

/** What a planning walk has to hand: the request, and how many nodes and fields its plan reads so far. */
interface Planning {
  ctx: Context;
  info: GraphQLResolveInfo;
  planned: number;
  folded: number;
}

/** What the root field being resolved asks below the node it returns (its type is a node type). */
export function planOfField(ctx: Context, info: GraphQLResolveInfo): FetchPlan {
  const planning = { ctx, info, planned: 1, folded: 0 };
  const plan = planBelow(planning, selectionsOf(info.fieldNodes), getNamedType(info.returnType), 1);
  // Over the bound, the node's own properties are still read here; what lies below, by the loaders.
  return planning.folded > MAX_FOLDED_FIELDS ? ownPropertiesOnly(plan) : plan;
}

/**
 * What a root connection of `first` items asks: below its edges' nodes, whether it asks for items
 * at all (edges or page info), and whether it asks for its total.
 */
export function planOfConnection(
  ctx: Context,
  info: GraphQLResolveInfo,
  first: number,
): { plan: FetchPlan; items: boolean; total: boolean } {
  const planning = { ctx, info, planned: first, folded: 0 };
  const asked = connectionParts(planning, selectionsOf(info.fieldNodes), getNamedType(info.returnType), first);
  return planning.folded > MAX_FOLDED_FIELDS ? { ...asked, plan: ownPropertiesOnly(asked.plan) } : asked;
}

function connectionParts(
  planning: Planning,
  selections: SelectionSetNode[],
  type: GraphQLNamedType,
  reach: number,
): { plan: FetchPlan; items: boolean; total: boolean } {
  const { info } = planning;
  const plan = emptyPlan();
  let items = false;
  let total = false;
  for (const field of askedFields(info, selections, type)) {
    if (field.name === "totalCount") total = true;
    if (field.name === "pageInfo") items = true;
    if (field.name !== "edges") continue;
    items = true;
    for (const edgeField of askedFields(info, field.selections, field.type)) {
      if (edgeField.name === "node") mergePlan(plan, planBelow(planning, edgeField.selections, edgeField.type, reach));
    }
  }
  return { plan, items, total };
}

/** What is read below `reach` nodes of `type` (estimated) for the selections asked of them. */
function planBelow(planning: Planning, selections: SelectionSetNode[], type: GraphQLNamedType, reach: number): FetchPlan {
  const { ctx, info } = planning;
  const plan = emptyPlan();
  for (const objectType of possibleTypes(info, type)) {
    for (const field of askedFields(info, selections, objectType)) {
      const fold = FOLDS[`${objectType.name}.${field.name}`];
      if (!fold) {
        readsProperty(plan, objectType.name, field.name);
        continue;
      }
      if (!readable(ctx, objectType.name, field.name)) continue;
      // The parent as its small type shows it again (an office's company, under a company's
      // officers) is the same object: what is asked of it is read with the parent, folded or not.
      if (fold.kind === "RELATED" && fold.backField !== undefined) mergePlan(plan, backPlan(planning, field, fold.backField, reach));
      if (fold.kind === "COUNTS") {
        plan.counts = true;
        continue;
      }
      const first = field.args.first;
      if (fold.kind === "PAGE") {
        // A page after a cursor, or of a size the resolver will refuse, is left to the resolver.
        if (field.args.after != null || typeof first !== "number" || first < 1 || first > MAX_PAGE_SIZE) continue;
      }
      const below = reach * (fold.kind === "PAGE" ? (first as number) : field.list ? NODES_PER_LIST : 1);
      // A field mentioned again (in a fragment, say) reads the nodes its first mention counted,
      // and its resolver finds what that mention read: what it asks below is read with them.
      const key = fold.kind === "PAGE" ? pageKey(fold.relation, first as number) : fold.relation;
      const planned = fold.kind === "PAGE" ? plan.pages.has(key) : plan.related.has(fold.relation);
      if (!planned) {
        if (planning.planned + below > MAX_PLANNED_NODES) {
          mergePlan(plan, { ...emptyPlan(), unfolded: new Set([key]) });
          continue;
        }
        planning.planned += below;
        planning.folded += 1;
      }
      if (fold.kind === "PAGE") {
        const parts = connectionParts(planning, field.selections, field.type, below);
        const page = { relation: fold.relation, first: first as number, ...parts, below: parts.plan };
        mergePlan(plan, { ...emptyPlan(), pages: new Map([[pageKey(fold.relation, page.first), page]]) });
      } else {
        mergePlan(plan, { ...emptyPlan(), related: new Map([[fold.relation, relatedPlan(planning, field, fold, below)]]) });
      }
    }
  }
  return plan;
}

/** Notes the property a field reads; a field that is no stored property may read any (properties: null). */
function readsProperty(plan: FetchPlan, typeName: string, fieldName: string): void {
  if (fieldName === "__typename" || plan.properties === null) return;
  const property = PROPERTY_OF_FIELD.get(typeName)?.get(fieldName);
  if (property === undefined) plan.properties = null;
  else plan.properties.add(property);
}

/** What is read below the related nodes of a RELATED field: its own selection, or its node fields'. */
function relatedPlan(planning: Planning, field: AskedField, fold: Extract<Fold, { kind: "RELATED" }>, reach: number): FetchPlan {
  const { ctx, info } = planning;
  if (!fold.nodeFields) return planBelow(planning, field.selections, field.type, reach);
  const plan = emptyPlan();
  for (const wrapperType of possibleTypes(info, field.type)) {
    for (const inner of askedFields(info, field.selections, wrapperType)) {
      if (!fold.nodeFields.includes(inner.name) || !readable(ctx, wrapperType.name, inner.name)) continue;
      mergePlan(plan, planBelow(planning, inner.selections, inner.type, reach));
      if (fold.alsoFollow?.field !== inner.name) continue;
      const followed = fold.alsoFollow.relation;
      if (!plan.related.has(followed)) {
        if (planning.planned + reach > MAX_PLANNED_NODES) {
          mergePlan(plan, { ...emptyPlan(), unfolded: new Set([followed]) });
          continue;
        }
        planning.planned += reach;
        planning.folded += 1;
      }
      mergePlan(plan, { ...emptyPlan(), related: new Map([[followed, planBelow(planning, inner.selections, inner.type, reach)]]) });
    }
  }
  return plan;
}

/** What is asked of the parent through the small type's field that is the parent itself. */
function backPlan(planning: Planning, field: AskedField, backField: string, reach: number): FetchPlan {
  const { ctx, info } = planning;
  const plan = emptyPlan();
  for (const wrapperType of possibleTypes(info, field.type)) {
    for (const inner of askedFields(info, field.selections, wrapperType)) {
      if (inner.name === backField && readable(ctx, wrapperType.name, inner.name)) mergePlan(plan, planBelow(planning, inner.selections, inner.type, reach));
    }
  }
  return plan;
}

/**
 * The names of the fields asked below the value the resolver returns, along `path` (a field name
 * per level, on any of the level's possible types): `["party"]` under `sharedIdentifiers` gives
 * what is asked of each sharer's party, fragments and `@skip`/`@include` applied. For queries that
 * read less of what is not asked.
 */
export function fieldsAskedBelow(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let levels: { selections: SelectionSetNode[]; type: GraphQLNamedType }[] = [{ selections: selectionsOf(info.fieldNodes), type: getNamedType(info.returnType) }];
  for (const name of path) {
    levels = levels.flatMap(({ selections, type }) =>
      possibleTypes(info, type).flatMap((objectType) =>
        askedFields(info, selections, objectType)
          .filter((field) => field.name === name)
          .map((field) => ({ selections: field.selections, type: field.type })),
      ),
    );
  }
  const names = new Set<string>();
  for (const { selections, type } of levels) {
    for (const objectType of possibleTypes(info, type)) {
      for (const field of askedFields(info, selections, objectType)) names.add(field.name);
    }
  }
  return names;
}

/** Whether the viewer may read a field; a field it may not read is not read ahead (its resolver refuses it). */
function readable(ctx: Context, typeName: string, fieldName: string): boolean {
  const needed = FIELD_RULES[`${typeName}.${fieldName}`] ?? TYPE_RULES[typeName];
  return needed === undefined || ctx.access.cleared(needed);
}

function possibleTypes(info: GraphQLResolveInfo, type: GraphQLNamedType): readonly GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  if (isAbstractType(type)) return info.schema.getPossibleTypes(type);
  return [];
}

function selectionsOf(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

/**
 * The fields asked of one object type by selection sets, as graphql-js collects them: fragments
 * whose type condition the object type meets, without fields skipped by `@skip` or `@include`,
 * with their arguments' values (defaults and variables applied).
 */
function askedFields(info: GraphQLResolveInfo, selections: readonly SelectionSetNode[], type: GraphQLNamedType): AskedField[] {
  if (!isObjectType(type)) return [];
  const found: AskedField[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (!included(info, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const definition = type.getFields()[selection.name.value];
        if (!definition) continue;
        found.push({
          name: definition.name,
          args: getArgumentValues(definition, selection, info.variableValues),
          type: getNamedType(definition.type),
          list: isListType(getNullableType(definition.type)),
          selections: selection.selectionSet ? [selection.selectionSet] : [],
        });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || applies(info, selection.typeCondition.name.value, type)) visit(selection.selectionSet);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && applies(info, fragment.typeCondition.name.value, type)) visit(fragment.selectionSet);
      }
    }
  };
  for (const set of selections) visit(set);
  return found;
}

function applies(info: GraphQLResolveInfo, condition: string, type: GraphQLObjectType): boolean {
  const conditionType = info.schema.getType(condition);
  if (!conditionType) return false;
  if (conditionType === type) return true;
  return isAbstractType(conditionType) && info.schema.isSubType(conditionType, type);
}

function included(info: GraphQLResolveInfo, selection: SelectionSetNode["selections"][number]): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, selection, info.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, selection, info.variableValues);
  return include?.if !== false;
}
