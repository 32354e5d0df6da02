// The persons and companies sharing identifiers with one person, by hand (as
// shared-identifiers/of-parties.cypher ranks them): most shared first, then by id, each with the
// ids of the identifiers shared, by id.
// Parameters: $id (a person id), $first (how many sharers).
// Columns: sharedCount, party (id), identifiers (ids).
MATCH (person:Person {id: $id})-[:HAS_IDENTIFIER]->(identifier:Identifier)<-[:HAS_IDENTIFIER]-(other:Person|Company)
WHERE other <> person
WITH DISTINCT other, identifier
ORDER BY identifier.id
WITH other, collect(identifier.id) AS identifiers
ORDER BY size(identifiers) DESC, other.id
LIMIT $first
RETURN size(identifiers) AS sharedCount, other.id AS party, identifiers
