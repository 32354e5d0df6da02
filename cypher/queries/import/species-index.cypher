// Every species an import may refer to by name, to build a lookup in memory.
// Parameters: $synthetic (boolean: whether synthetic species count), $prefix (only ids that start
// with it: "" for all; see the import's idPrefix).
// Columns: id, scientificName, commonNames (English common names, a list or null).
// @param synthetic: boolean
// @param prefix: string
// @column id: string
// @column scientificName: string | null
// @column commonNames: string[] | null
MATCH (species:Species)
WHERE ($synthetic OR NOT species:Synthetic) AND species.id STARTS WITH $prefix
RETURN species.id AS id, species.scientificName AS scientificName, species.commonNamesEn AS commonNames
