// How many seizures match a filter.
// Parameters: $dateFrom, $dateTo (Date or null), $country (ISO code or null), $place (place id
// or null), $species (species id or null), $product (Product or null), $mode (TransportMode or null), $source (Source id or null: only
// seizures it reports),
// $flowFrom, $flowTo (Country codes, both or neither: only seizures that intercepted a shipment the
// country-level flow from one to the other counts, as `flows(level: COUNTRY)` counts it: the
// shipment is COUNTED_IN the trade entity `LINK|COUNTRY|<from>><to>`, see model.md; with $mode,
// that shipment has the mode).
// Columns: count (integer).
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
// @column count: integer
MATCH (node:Seizure)
WHERE ($dateFrom IS NULL OR node.date >= $dateFrom)
  AND ($dateTo IS NULL OR node.date <= $dateTo)
  AND ($country IS NULL OR EXISTS { (node)-[:SEIZED_IN]->(:Country {id: $country}) })
  AND ($place IS NULL OR EXISTS { (node)-[:SEIZED_AT]->(:Place {id: $place}) })
  AND ($species IS NULL OR EXISTS { (node)-[:RECOVERED]->(:CommodityLine)-[:OF_SPECIES]->(:Species {id: $species}) })
  AND ($product IS NULL OR EXISTS { (node)-[:RECOVERED]->(:CommodityLine {product: $product}) })
  AND ($mode IS NULL OR EXISTS { (node)-[:INTERCEPTED]->(:Shipment {mode: $mode}) })
  AND ($source IS NULL OR EXISTS { (node)-[:SOURCED_FROM]->(:Source {id: $source}) })
  AND ($flowFrom IS NULL OR EXISTS {
        MATCH (node)-[:INTERCEPTED]->(shipment:Shipment)-[:COUNTED_IN]->(:TradeEntity {id: 'LINK|COUNTRY|' + $flowFrom + '>' + $flowTo})
        WHERE $mode IS NULL OR shipment.mode = $mode
      })
RETURN count(node) AS count
