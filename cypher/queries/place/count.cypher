// How many Place nodes match a filter.
// Parameters: $country (ISO code or null), $kind (PlaceKind or null).
// Columns: count (integer).
// @param country: string | null
// @param kind: string | null
// @column count: integer
MATCH (node:Place)
WHERE ($country IS NULL OR EXISTS { (node)-[:IN_COUNTRY]->(:Country {id: $country}) })
  AND ($kind IS NULL OR node.kind = $kind)
RETURN count(node) AS count
