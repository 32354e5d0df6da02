// Full-text search over entities and identifiers (the search root field). `searchText` holds every
// other name of an entity (aliases, common names in several languages) as one string; `nameZh`
// the Chinese names (countries, species); `value` and `rawValue` an identifier's normalised and
// written forms. The analyzer lower-cases, drops English stop words and folds diacritics
// (`Nguyễn` is indexed as `nguyen`); its tokenizer makes each Han character a token of its own.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Person|Company|Place|Country|Species|Identifier)
ON EACH [n.name, n.searchText, n.nameZh, n.value, n.rawValue]
OPTIONS {indexConfig: {`fulltext.analyzer`: "standard-folding"}}
