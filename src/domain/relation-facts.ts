import type { RelationName } from "./relations.js";

/**
 * What makes two facts of one relationship field different. The import writes a relationship once per
 * source row that states it (its `sourceId` and `sourceRow`), so two nodes are often joined by parallel
 * relationships saying the same thing; the API lists each fact once, with the citations of all of them.
 *
 * A fact is the related node, and, for the fields named here, also the values of these properties of
 * the relationship. Citations (`sourceId`, `sourceRow`) never tell facts apart, nor does text as a
 * source wrote it (`placeText`, `countryText`): two sources spelling a port two ways state one stop.
 * Every field not named here lists each related node once: a seizure's country, a person's
 * identifiers, an identifier's holders, a country's seizures and every other paged field.
 *
 * Only the fields named here show a relationship's properties or citations: the query that reads a
 * root field's selection ahead returns relationships' properties for them alone
 * (src/repositories/nested-read.ts), so a field that comes to show them must be named here.
 */
export const factProperties: Partial<Record<RelationName, readonly string[]>> = {
  // A route A;B;A stops at A twice: a stop is a position in the route and its role there.
  "Shipment.route": ["seq", "role"],
  // A party may be both shipper and consignee of one shipment: each role is a fact of its own.
  "Shipment.parties": ["role"],
  "Person.shipments": ["role"],
  "Company.shipments": ["role"],
  // A director who is also an owner holds two offices.
  "Person.offices": ["role"],
  "Company.officers": ["role"],
  // An arrest as reported: sources that differ on the charge or the outcome (a press release at the
  // arrest, a judgement later) are listed apart, each with its own sources, rather than merged into an
  // account no source gives.
  "Seizure.arrests": ["charge", "convicted", "sentence"],
  "Person.arrests": ["charge", "convicted", "sentence"],
  // The related node is the source itself: a citation is a source and a row, each pair listed once.
  "Seizure.sources": ["row"],
  "Shipment.sources": ["row"],
  "Person.sources": ["row"],
  "Company.sources": ["row"],
};
