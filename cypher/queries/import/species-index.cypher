// Every species and higher taxon an import may refer to by name, to build a lookup in memory.
// Parameters: $synthetic (boolean: whether synthetic species count), $prefix (only ids that start
// with it: "" for all; see the import's idPrefix).
// Columns: id, scientificName, commonNames (English common names, a list or null), rank (GENUS,
// FAMILY or ORDER for a higher taxon's node, else SPECIES or null), genus, family, taxonOrder (its
// higher taxonomy), synonyms (the CITES index's synonyms, as written, or null).
// @param synthetic: boolean
// @param prefix: string
// @column id: string
// @column scientificName: string | null
// @column commonNames: string[] | null
// @column rank: string | null
// @column genus: string | null
// @column family: string | null
// @column taxonOrder: string | null
// @column synonyms: string[] | null
MATCH (species:Species)
WHERE ($synthetic OR NOT species:Synthetic) AND species.id STARTS WITH $prefix
RETURN species.id AS id, species.scientificName AS scientificName, species.commonNamesEn AS commonNames,
       species.rank AS rank, species.genus AS genus, species.family AS family, species.`order` AS taxonOrder,
       species.synonyms AS synonyms
