// The relationship counts of one company, bound to `node`: the Company count fields of the API,
// read inside a query that answers a whole selection (src/repositories/nested-read.ts).
// Columns: counts (a map of integers). Definitions as in queries/company/counts.cypher, which
// says what each count is.
RETURN {
  shipmentCount: COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment },
  seizureCount: COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN DISTINCT seizure },
  officerCount: COUNT { MATCH (node)-[:SAME_AS]-{0,20}()<-[:OFFICER_OF]-(officer:Person) RETURN DISTINCT officer },
  identifierCount: COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier }
} AS counts
