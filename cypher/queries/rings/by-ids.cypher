// The ring and ringOf root fields: stored rings by id.
// Parameters: $ids (list of ring ids).
// Columns: key (an id that is a ring's; unknown ids give no row), ring ({id, rank, size, scope,
//   seizureIds, seizureCount, totalWeightKg, shipmentCount, computedAtMs}), members (as in
//   rings/list), density, closure, meanCohesion, stability (as in rings/list).
// @param ids: string[]
// @column key: string
// @column ring: ScopedRingMap
// @column members: RingMemberMap[]
// @column density: float | null
// @column closure: float | null
// @column meanCohesion: float | null
// @column stability: float | null
UNWIND $ids AS key
MATCH (ring:Ring {id: key})
RETURN key, ring {.id, .rank, .size, .scope, .seizureIds, .seizureCount, .totalWeightKg, .shipmentCount,
  computedAtMs: ring.computedAt.epochMillis} AS ring,
  COLLECT {
    MATCH (ring)-[member:RING_MEMBER]->(party:Person|Company)
    WITH member, party ORDER BY coalesce(member.brokerRank, 1000000000), member.cohesion DESC, party.id
    RETURN {id: party.id, kind: CASE WHEN party:Person THEN 'Person' ELSE 'Company' END,
      brokerRank: member.brokerRank, brokerScore: member.brokerScore, cohesion: member.cohesion}
  } AS members,
  ring.density AS density, ring.closure AS closure, ring.meanCohesion AS meanCohesion, ring.stability AS stability
