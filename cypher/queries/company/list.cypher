// One page of Company nodes matching a filter, in id order (keyset pagination).
// Parameters: $country (ISO code of registration, or null), $kind (CompanyKind or null), $ids (list
// of company ids or null), $minShipments, $minSeizures, $minOfficers (integers or null; the counts
// are those of company/counts.cypher, whose definitions these predicates repeat).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it).
// Each count predicate sits in a CASE so that it is evaluated only when its parameter is set:
// written as `$min IS NULL OR COUNT {...} >= $min`, the planner counted for every company even with
// the parameter null (seen with PROFILE), which made the default list several times dearer. The
// degree checks (COUNT of a bare pattern, answered from the degree store) reject most companies
// before their distinct neighbours are counted: fewer relationships than the minimum cannot
// reach enough distinct neighbours.
// @param country: string | null
// @param kind: string | null
// @param ids: string[] | null
// @param minShipments: integer | null
// @param minSeizures: integer | null
// @param minOfficers: integer | null
// @param after: string | null
// @param limit: integer
// @column id: string
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
  AND ($after IS NULL OR node.id > $after)
// The page is cut before anything more of its nodes is read.
WITH node ORDER BY node.id LIMIT $limit
RETURN node.id AS id
