// How many Company nodes match a filter.
// Parameters: $country (ISO code of registration, or null), $kind (CompanyKind or null), $ids (list
// of company ids or null), $minShipments, $minSeizures, $minOfficers (integers or null), as in
// company/list.cypher.
// Columns: count (integer).
// The count predicates are written as in company/list.cypher, which says why.
// @param country: string | null
// @param kind: string | null
// @param ids: string[] | null
// @param minShipments: integer | null
// @param minSeizures: integer | null
// @param minOfficers: integer | null
// @column count: integer
MATCH (node:Company)
WHERE ($country IS NULL OR EXISTS { (node)-[:REGISTERED_IN]->(:Country {id: $country}) })
  AND ($kind IS NULL OR node.kind = $kind)
  AND ($ids IS NULL OR node.id IN $ids)
  AND CASE WHEN $minShipments IS NULL THEN true ELSE (COUNT { (node)-[:PARTY_TO]->() } >= $minShipments OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment } >= $minShipments END
  AND CASE WHEN $minSeizures IS NULL THEN true ELSE COUNT {
        MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN DISTINCT seizure
      } >= $minSeizures END
  AND CASE WHEN $minOfficers IS NULL THEN true ELSE (COUNT { (node)<-[:OFFICER_OF]-() } >= $minOfficers OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()<-[:OFFICER_OF]-(officer:Person) RETURN DISTINCT officer } >= $minOfficers END
RETURN count(node) AS count
