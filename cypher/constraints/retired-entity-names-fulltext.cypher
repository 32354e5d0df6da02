// The first full-text index, `entity_names` (names of persons, companies, places, countries and
// species, without folding of diacritics), gave way to `entity_search` (entity-search-fulltext.cypher),
// which a database that already has `entity_names` would otherwise never get rid of.
DROP INDEX entity_names IF EXISTS
