// One page of seizures matching a filter, sorted by a chosen value (keyset pagination on the
// value, ties broken by id ascending). The default order (id ascending) is seizure/list.cypher.
// Parameters: the filters of seizure/list.cypher ($dateFrom, $dateTo, $country, $place, $species,
// $product, $mode, $source, $flowFrom, $flowTo); $orderField (a SeizureOrderField name: ID, DATE);
// $descending (boolean).
// Also: $afterValue, $afterId (the sort value and id of the last item of the previous page, both
// null for the first page), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it), sortValue (the value sorted on: the id, or the date as `YYYY-MM-DD`).
// Undated seizures come last in either direction: their sort value is '' when descending and '~'
// (after every digit) when ascending. Cypher takes neither a sort key nor a direction as a
// parameter: the key is chosen by CASE on $orderField, the direction by two sort keys of which one
// is always null.
// @param dateFrom: date | null
// @param dateTo: date | null
// @param country: string | null
// @param place: string | null
// @param species: string | null
// @param product: string | null
// @param mode: string | null
// @param source: string | null
// @param flowFrom: string | null
// @param flowTo: string | null
// @param orderField: string
// @param descending: boolean
// @param afterValue: string | integer | null
// @param afterId: string | null
// @param limit: integer
// @column id: string
// @column sortValue: string | integer
// Where the seizures are found from: the place, else the country, else the species when one is
// given (through its index and relationships), else every seizure. Each branch after the first
// runs only when the filters before it are null, so exactly one finds them; UNION lists each once.
CALL () {
  MATCH (:Place {id: $place})<-[:SEIZED_AT]-(node:Seizure) RETURN node
  UNION
  MATCH (:Country {id: $country})<-[:SEIZED_IN]-(node:Seizure) WHERE $place IS NULL RETURN node
  UNION
  MATCH (:Species {id: $species})<-[:OF_SPECIES]-(:CommodityLine)<-[:RECOVERED]-(node:Seizure)
  WHERE $place IS NULL AND $country IS NULL
  RETURN node
  UNION
  // Filtered first, then matched: with the condition on the MATCH, the planner scanned every
  // seizure before it read the parameters (PROFILE of a country's count on the 20,000-shipment
  // network: 1,391 → 91 db hits).
  WITH 1 AS everySeizure WHERE $place IS NULL AND $country IS NULL AND $species IS NULL
  MATCH (node:Seizure) RETURN node
}
WITH node
WHERE ($dateFrom IS NULL OR node.date >= $dateFrom)
  AND ($dateTo IS NULL OR node.date <= $dateTo)
  // The filter the seizures were found from holds for each of them: it is not checked again.
  AND ($country IS NULL OR $place IS NULL OR EXISTS { (node)-[:SEIZED_IN]->(:Country {id: $country}) })
  AND ($species IS NULL OR ($place IS NULL AND $country IS NULL)
       OR EXISTS { (node)-[:RECOVERED]->(:CommodityLine)-[:OF_SPECIES]->(:Species {id: $species}) })
  AND ($product IS NULL OR EXISTS { (node)-[:RECOVERED]->(:CommodityLine {product: $product}) })
  AND ($mode IS NULL OR EXISTS { (node)-[:INTERCEPTED]->(:Shipment {mode: $mode}) })
  AND ($source IS NULL OR EXISTS { (node)-[:SOURCED_FROM]->(:Source {id: $source}) })
  AND ($flowFrom IS NULL OR EXISTS {
        MATCH (node)-[:INTERCEPTED]->(shipment:Shipment)-[:COUNTED_IN]->(:TradeEntity {id: 'LINK|COUNTRY|' + $flowFrom + '>' + $flowTo})
        WHERE $mode IS NULL OR shipment.mode = $mode
      })
WITH node, CASE $orderField
    WHEN "DATE" THEN coalesce(toString(node.date), CASE WHEN $descending THEN "" ELSE "~" END)
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
