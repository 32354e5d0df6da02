// One page of Person nodes matching a filter, in id order (keyset pagination).
// Parameters: $nationality (ISO code or null), $ids (list of person ids or null),
// $minSeizures, $minShipments, $minIdentifiers (integers or null; the counts are those of
// person/counts.cypher, whose definitions these predicates repeat).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it).
// Each count predicate sits in a CASE so that it is evaluated only when its parameter is set:
// written as `$min IS NULL OR COUNT {...} >= $min`, the planner counted for every person even with
// the parameter null (seen with PROFILE), which made the default list several times dearer. The
// degree checks (COUNT of a bare pattern, answered from the degree store) reject most persons
// before their distinct neighbours are counted: fewer relationships than the minimum cannot
// reach enough distinct neighbours.
// @param nationality: string | null
// @param ids: string[] | null
// @param minSeizures: integer | null
// @param minShipments: integer | null
// @param minIdentifiers: integer | null
// @param after: string | null
// @param limit: integer
// @column id: string
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
  AND ($after IS NULL OR node.id > $after)
// The page is cut before anything more of its nodes is read.
WITH node ORDER BY node.id LIMIT $limit
RETURN node.id AS id
