// How many Person nodes match a filter.
// Parameters: $nationality (ISO code or null), $ids (list of person ids or null),
// $minSeizures, $minShipments, $minIdentifiers (integers or null), as in person/list.cypher.
// Columns: count (integer).
// The count predicates are written as in person/list.cypher, which says why.
// @param nationality: string | null
// @param ids: string[] | null
// @param minSeizures: integer | null
// @param minShipments: integer | null
// @param minIdentifiers: integer | null
// @column count: integer
MATCH (node:Person)
WHERE ($nationality IS NULL OR EXISTS { (node)-[:NATIONAL_OF]->(:Country {id: $nationality}) })
  AND ($ids IS NULL OR node.id IN $ids)
  AND CASE WHEN $minSeizures IS NULL THEN true ELSE COUNT {
        MATCH (node)-[:SAME_AS]-{0,20}()<-[:ARRESTED]-(seizure:Seizure) RETURN seizure
        UNION
        MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN seizure
      } >= $minSeizures END
  AND CASE WHEN $minShipments IS NULL THEN true ELSE (COUNT { (node)-[:PARTY_TO]->() } >= $minShipments OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment } >= $minShipments END
  AND CASE WHEN $minIdentifiers IS NULL THEN true ELSE (COUNT { (node)-[:HAS_IDENTIFIER]->() } >= $minIdentifiers OR EXISTS { (node)-[:SAME_AS]-() })
        AND COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier } >= $minIdentifiers END
RETURN count(node) AS count
