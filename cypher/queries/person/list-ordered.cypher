// One page of Person nodes matching a filter, sorted by a chosen value (keyset pagination on the
// value, ties broken by id ascending). The default order (id ascending) is person/list.cypher.
// Parameters: the filters of person/list.cypher ($nationality, $ids, $minSeizures, $minShipments,
// $minIdentifiers); $orderField (a PersonOrderField name: ID, NAME, SEIZURE_COUNT, SHIPMENT_COUNT,
// IDENTIFIER_COUNT, COMPANY_COUNT); $descending (boolean).
// Also: $afterValue, $afterId (the sort value and id of the last item of the previous page, both
// null for the first page), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it), sortValue (the value sorted on: a string or an integer).
// Cypher takes neither a sort key nor a direction as a parameter. The key is chosen by CASE on
// $orderField (only the chosen branch is evaluated); the direction by two sort keys of which one is
// always null. The counts are those of person/counts.cypher.
// The count predicates are written as in person/list.cypher, which says why.
// @param nationality: string | null
// @param ids: string[] | null
// @param minSeizures: integer | null
// @param minShipments: integer | null
// @param minIdentifiers: integer | null
// @param orderField: string
// @param descending: boolean
// @param afterValue: string | integer | null
// @param afterId: string | null
// @param limit: integer
// @column id: string
// @column sortValue: string | integer
// Sorting the whole list by seizures, each person's seizures are counted from the seizures' side:
// every seizure's arrested persons and shipment parties, then the persons resolved with them (the
// SAME_AS cluster, as the count defines it), grouped by person; a person no seizure reaches counts 0.
// That reads each seizure once instead of every shipment of every person (the 20,000-shipment
// network, PROFILE: 362,477 → 53,012 db hits). Only for that order over every person: a list cut
// down by ids or nationality is counted person by person below, as the other orders are.
WITH $orderField = "SEIZURE_COUNT" AND $ids IS NULL AND $nationality IS NULL AS wholeList
CALL (wholeList) {
  CALL (wholeList) {
    CALL (wholeList) {
      MATCH (seizure:Seizure)-[:ARRESTED]->(holder) WHERE wholeList
      RETURN holder, seizure
      UNION
      MATCH (seizure:Seizure)-[:INTERCEPTED]->(:Shipment)<-[:PARTY_TO]-(holder) WHERE wholeList
      RETURN holder, seizure
    }
    // Each holder's cluster is walked once, not once per seizure.
    WITH holder, collect(seizure) AS seizures
    MATCH (holder)-[:SAME_AS]-{0,20}(node:Person)
    UNWIND seizures AS seizure
    RETURN node, count(DISTINCT seizure) AS seizureCount
    UNION ALL
    MATCH (node:Person) RETURN node, 0 AS seizureCount
  }
  RETURN node, max(seizureCount) AS seizureCount
}
WITH node, seizureCount, wholeList
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
// A person resolved to no other (no SAME_AS) is counted without the quantified path: the same
// count, and the sort reads every person's (about an eighth of its time on a 20,000-shipment network).
WITH node, CASE $orderField
    WHEN "NAME" THEN coalesce(node.name, "")
    WHEN "SEIZURE_COUNT" THEN CASE WHEN wholeList THEN seizureCount WHEN EXISTS { (node)-[:SAME_AS]-() } THEN COUNT {
        MATCH (node)-[:SAME_AS]-{0,20}()<-[:ARRESTED]-(seizure:Seizure) RETURN seizure
        UNION
        MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN seizure
      } ELSE COUNT {
        MATCH (node)<-[:ARRESTED]-(seizure:Seizure) RETURN seizure
        UNION
        MATCH (node)-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN seizure
      } END
    WHEN "SHIPMENT_COUNT" THEN CASE WHEN EXISTS { (node)-[:SAME_AS]-() }
      THEN COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment }
      ELSE COUNT { MATCH (node)-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment } END
    WHEN "IDENTIFIER_COUNT" THEN CASE WHEN EXISTS { (node)-[:SAME_AS]-() }
      THEN COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier }
      ELSE COUNT { MATCH (node)-[:HAS_IDENTIFIER]->(identifier:Identifier) RETURN DISTINCT identifier } END
    WHEN "COMPANY_COUNT" THEN CASE WHEN EXISTS { (node)-[:SAME_AS]-() }
      THEN COUNT { MATCH (node)-[:SAME_AS]-{0,20}()-[:OFFICER_OF]->(company:Company) RETURN DISTINCT company }
      ELSE COUNT { MATCH (node)-[:OFFICER_OF]->(company:Company) RETURN DISTINCT company } END
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
