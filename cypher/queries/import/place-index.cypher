// Every place an import may refer to by name, with its country, to build a lookup in memory.
// Parameters: $synthetic (boolean: whether synthetic places count), $prefix (only ids that start
// with it: "" for all; see the import's idPrefix).
// Columns: id, name, kind, iataCode, country (the country's id, or null).
// @param synthetic: boolean
// @param prefix: string
// @column id: string
// @column name: string | null
// @column kind: string | null
// @column iataCode: string | null
// @column country: string | null
MATCH (place:Place)
WHERE ($synthetic OR NOT place:Synthetic) AND place.id STARTS WITH $prefix
OPTIONAL MATCH (place)-[:IN_COUNTRY]->(country:Country)
RETURN place.id AS id, place.name AS name, place.kind AS kind, place.iataCode AS iataCode, min(country.id) AS country
