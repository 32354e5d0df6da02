// How many Person nodes match a filter.
// Parameters: $nationality (ISO code or null).
// Columns: count (integer).
MATCH (node:Person)
WHERE ($nationality IS NULL OR EXISTS { (node)-[:NATIONAL_OF]->(:Country {id: $nationality}) })
RETURN count(node) AS count
