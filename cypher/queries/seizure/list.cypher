// One page of seizures matching a filter, in id order (keyset pagination).
// Parameters: $dateFrom, $dateTo (Date or null), $country (ISO code or null), $place (place id
// or null), $species (species id or null), $product (Product or null), $mode (TransportMode or null), $source (Source id or null: only
// seizures it reports),
// $flowFrom, $flowTo (Country codes, both or neither: only seizures that intercepted a shipment the
// country-level flow from one to the other counts, as `flows(level: COUNTRY)` counts it: the
// shipment is COUNTED_IN the trade entity `LINK|COUNTRY|<from>><to>`, see model.md; with $mode,
// that shipment has the mode).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it).
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
// @param after: string | null
// @param limit: integer
// @column id: string
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
  AND ($after IS NULL OR node.id > $after)
// The page is cut before anything more of its nodes is read.
WITH node ORDER BY node.id LIMIT $limit
RETURN node.id AS id
