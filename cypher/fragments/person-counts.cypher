// The relationship counts of one person, bound to `node`: the Person count fields of the API, read
// inside a query that answers a whole selection (src/repositories/nested-read.ts).
// Columns: counts (a map of integers). Definitions as in queries/person/counts.cypher, which
// says what each count is.
RETURN {
  seizureCount: COUNT {
    MATCH (node)-[:SAME_AS]-{0,20}()<-[:ARRESTED]-(seizure:Seizure) RETURN seizure
    UNION
    MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN seizure
  },
  shipmentCount: COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment },
  identifierCount: COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier },
  companyCount: COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:OFFICER_OF]->(company:Company) RETURN DISTINCT company }
} AS counts
