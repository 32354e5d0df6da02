// The relationship counts of a batch of companies (the Company count fields of the API).
// Parameters: $ids (list of company ids).
// Columns: key (the id asked for), shipmentCount, seizureCount, officerCount, identifierCount
// (integers). Unknown ids give no row.
// Counts are of the company's resolved cluster: its facts and those of every company joined to it by
// SAME_AS (live SAME decisions; at most 20, so 20 steps reach all), each fact once.
// Each count is of distinct nodes, so a fact stated by two sources (two relationships between the
// same ends) counts once:
//   shipmentCount: shipments the company was a party to (in any role);
//   seizureCount: seizures that intercepted a shipment the company was a party to;
//   officerCount: persons who hold an office in the company;
//   identifierCount: identifiers the company used.
// company/list.cypher, company/count.cypher and company/list-ordered.cypher repeat these definitions.
// @param ids: string[]
// @column key: string
// @column shipmentCount: integer
// @column seizureCount: integer
// @column officerCount: integer
// @column identifierCount: integer
UNWIND $ids AS key
MATCH (node:Company {id: key})
RETURN key,
  COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment } AS shipmentCount,
  COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN DISTINCT seizure } AS seizureCount,
  COUNT { MATCH (node)-[:SAME_AS]-{0,20}()<-[:OFFICER_OF]-(officer:Person) RETURN DISTINCT officer } AS officerCount,
  COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier } AS identifierCount
