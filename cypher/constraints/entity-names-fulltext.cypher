// Full-text search over the names of entities. `searchText` holds every other name of the
// entity (aliases, common names in several languages) as one string.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Person|Company|Place|Country|Species)
ON EACH [n.name, n.searchText]
