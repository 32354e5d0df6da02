// The ringOf root field: the ring each party belongs to in its scope's latest analysis.
// Ids are unique per label only: each id is looked up as a Person and as a Company, by index.
// Parameters: $ids (list of party ids), $scope ('' for the whole graph).
// Columns: key (a party id in a ring; parties in no ring give no row), ringId.
// @param ids: string[]
// @param scope: string
// @column key: string
// @column ringId: string
UNWIND $ids AS key
CALL (key) {
  MATCH (party:Person {id: key}) RETURN party
  UNION
  MATCH (party:Company {id: key}) RETURN party
}
MATCH (ring:Ring)-[:RING_MEMBER]->(party)
WHERE ring.scope = $scope
RETURN DISTINCT key, ring.id AS ringId
