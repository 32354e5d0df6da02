// The relationship counts of a batch of persons (the Person count fields of the API).
// Parameters: $ids (list of person ids).
// Columns: key (the id asked for), seizureCount, shipmentCount, identifierCount, companyCount
// (integers). Unknown ids give no row.
// Counts are of the person's resolved cluster: its facts and those of every person joined to it by
// SAME_AS (live SAME decisions; at most 20, so 20 steps reach all), each fact once.
// Each count is of distinct nodes, so a fact stated by two sources (two relationships between the
// same ends) counts once:
//   seizureCount: seizures in which the person was arrested, or that intercepted a shipment the
//     person was a party to;
//   shipmentCount: shipments the person was a party to (in any role);
//   identifierCount: identifiers the person used;
//   companyCount: companies in which the person holds an office.
// person/list.cypher, person/count.cypher and person/list-ordered.cypher repeat these definitions.
// @param ids: string[]
// @column key: string
// @column seizureCount: integer
// @column shipmentCount: integer
// @column identifierCount: integer
// @column companyCount: integer
UNWIND $ids AS key
MATCH (node:Person {id: key})
RETURN key,
  COUNT {
    MATCH (node)-[:SAME_AS]-{0,20}()<-[:ARRESTED]-(seizure:Seizure) RETURN seizure
    UNION
    MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN seizure
  } AS seizureCount,
  COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment } AS shipmentCount,
  COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier } AS identifierCount,
  COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:OFFICER_OF]->(company:Company) RETURN DISTINCT company } AS companyCount
