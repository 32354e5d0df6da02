// One page of Company nodes matching a filter, sorted by a chosen value (keyset pagination on the
// value, ties broken by id ascending). The default order (id ascending) is company/list.cypher.
// Parameters: the filters of company/list.cypher ($country, $kind, $ids, $minShipments,
// $minSeizures, $minOfficers); $orderField (a CompanyOrderField name: ID, NAME, SHIPMENT_COUNT,
// SEIZURE_COUNT, OFFICER_COUNT, IDENTIFIER_COUNT); $descending (boolean).
// Also: $afterValue, $afterId (the sort value and id of the last item of the previous page, both
// null for the first page), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it), sortValue (the value sorted on: a string or an integer).
// Cypher takes neither a sort key nor a direction as a parameter. The key is chosen by CASE on
// $orderField (only the chosen branch is evaluated); the direction by two sort keys of which one is
// always null. The counts are those of company/counts.cypher.
// The count predicates are written as in company/list.cypher, which says why.
// @param country: string | null
// @param kind: string | null
// @param ids: string[] | null
// @param minShipments: integer | null
// @param minSeizures: integer | null
// @param minOfficers: integer | null
// @param orderField: string
// @param descending: boolean
// @param afterValue: string | integer | null
// @param afterId: string | null
// @param limit: integer
// @column id: string
// @column sortValue: string | integer
// Sorting the whole list by seizures, each company's seizures are counted from the seizures' side,
// as person/list-ordered.cypher counts persons' and says why: every seizure's shipment parties, then
// the companies resolved with them, grouped by company; a company no seizure reaches counts 0. A
// list cut down by ids or country is counted company by company below, as the other orders are.
WITH $orderField = "SEIZURE_COUNT" AND $ids IS NULL AND $country IS NULL AS wholeList
CALL (wholeList) {
  CALL (wholeList) {
    MATCH (seizure:Seizure)-[:INTERCEPTED]->(:Shipment)<-[:PARTY_TO]-(holder) WHERE wholeList
    // Each holder's cluster is walked once, not once per seizure.
    WITH holder, collect(DISTINCT seizure) AS seizures
    MATCH (holder)-[:SAME_AS]-{0,20}(node:Company)
    UNWIND seizures AS seizure
    RETURN node, count(DISTINCT seizure) AS seizureCount
    UNION ALL
    MATCH (node:Company) RETURN node, 0 AS seizureCount
  }
  RETURN node, max(seizureCount) AS seizureCount
}
WITH node, seizureCount, wholeList
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
WITH node, CASE $orderField
    WHEN "NAME" THEN coalesce(node.name, "")
    WHEN "SHIPMENT_COUNT" THEN COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment }
    WHEN "SEIZURE_COUNT" THEN CASE WHEN wholeList THEN seizureCount
      ELSE COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN DISTINCT seizure } END
    WHEN "OFFICER_COUNT" THEN COUNT { MATCH (node)-[:SAME_AS]-{0,20}()<-[:OFFICER_OF]-(officer:Person) RETURN DISTINCT officer }
    WHEN "IDENTIFIER_COUNT" THEN COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier }
    ELSE node.id
  END AS sortValue
WHERE $afterId IS NULL
   OR (sortValue = $afterValue AND node.id > $afterId)
   OR (CASE WHEN $descending THEN sortValue < $afterValue ELSE sortValue > $afterValue END)
// The page is cut before anything more of its nodes is read.
WITH node, sortValue
ORDER BY CASE WHEN $descending THEN sortValue END DESC, CASE WHEN $descending THEN null ELSE sortValue END ASC, node.id
LIMIT $limit
RETURN node.id AS id, sortValue
