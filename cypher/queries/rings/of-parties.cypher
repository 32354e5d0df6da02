// The ringOf root field: the ring each party belongs to in its scope's latest analysis.
// Ids are unique per label only: each id is looked up as a Person and as a Company, by index.
// Parameters: $ids (list of party ids), $scope ('' for the whole graph).
// Columns: key (a party id in a ring; parties in no ring give no row), ringId. A party in two rings
//   (a broker who works for both) gives a row for each: the ring it is most tied to first, then the
//   larger ring.
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
MATCH (ring:Ring)-[member:RING_MEMBER]->(party)
WHERE ring.scope = $scope
WITH DISTINCT key, ring, member
ORDER BY key, member.cohesion DESC, ring.rank
RETURN key, ring.id AS ringId
