// How many Country nodes match a filter.
// Parameters: $borders (ISO code or null: only the countries that border it).
// Columns: count (integer).
// @param borders: string | null
// @column count: integer
MATCH (node:Country)
WHERE ($borders IS NULL OR EXISTS { (node)-[:BORDERS]-(:Country {id: $borders}) })
RETURN count(node) AS count
