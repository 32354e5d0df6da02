// The rings root field: the rings of a run, largest first, with their members, brokers first.
// Parameters: $runId, $minSize (integer: only rings of at least this many members), $limit
//   (integer: at most this many rings).
// Columns: ring ({id, rank, size, seizureIds, seizureCount, totalWeightKg, shipmentCount,
//   computedAtMs}), members (list of {id, kind, brokerRank, brokerScore, cohesion}: brokers by
//   rank, then by cohesion), one row per ring, in rank order; density, closure, meanCohesion,
//   stability (the ring's quality; null for rings stored before it was kept).
// @param runId: string
// @param minSize: integer
// @param limit: integer
// @column ring: RingMap
// @column members: RingMemberMap[]
// @column density: float | null
// @column closure: float | null
// @column meanCohesion: float | null
// @column stability: float | null
MATCH (:AnalysisRun {id: $runId})-[:FOUND]->(ring:Ring)
WHERE ring.size >= $minSize
WITH ring
ORDER BY ring.rank
LIMIT $limit
RETURN ring {.id, .rank, .size, .seizureIds, .seizureCount, .totalWeightKg, .shipmentCount,
  computedAtMs: ring.computedAt.epochMillis} AS ring,
  COLLECT {
    MATCH (ring)-[member:RING_MEMBER]->(party:Person|Company)
    WITH member, party ORDER BY coalesce(member.brokerRank, 1000000000), member.cohesion DESC, party.id
    RETURN {id: party.id, kind: CASE WHEN party:Person THEN 'Person' ELSE 'Company' END,
      brokerRank: member.brokerRank, brokerScore: member.brokerScore, cohesion: member.cohesion}
  } AS members,
  ring.density AS density, ring.closure AS closure, ring.meanCohesion AS meanCohesion, ring.stability AS stability
