// Ring analysis, store: the rings of a run, each linked to its members, with what the ring
// touches: the seizures of the shipments its members were parties to and of their arrests, the
// known weight of the goods those seizures recovered, and the number of shipments.
// Parameters: $runId, $scope ('' for the whole graph), $rings (list of {id, rank (1 = largest),
//   members: list of {id, kind: 'Person' or 'Company', brokerRank (null when no broker),
//   brokerScore, cohesion}}).
// Columns: id (one row per ring written).
// @param runId: string
// @param scope: string
// @param rings: RingInput[]
// @column id: string
MATCH (run:AnalysisRun {id: $runId})
UNWIND $rings AS entry
CREATE (ring:Ring {id: entry.id, runId: $runId, scope: $scope, rank: entry.rank, size: size(entry.members), computedAt: run.computedAt})
CREATE (run)-[:FOUND]->(ring)
WITH ring, entry
CALL (ring, entry) {
  UNWIND entry.members AS member
  CALL (member) {
    MATCH (party:Person {id: member.id}) WHERE member.kind = 'Person' RETURN party
    UNION
    MATCH (party:Company {id: member.id}) WHERE member.kind = 'Company' RETURN party
  }
  CREATE (ring)-[:RING_MEMBER {brokerRank: member.brokerRank, brokerScore: member.brokerScore, cohesion: member.cohesion}]->(party)
  RETURN collect(party) AS parties
}
CALL (parties) {
  UNWIND parties AS party
  CALL (party) {
    MATCH (party)-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN seizure
    UNION
    MATCH (seizure:Seizure)-[:ARRESTED]->(party) RETURN seizure
  }
  WITH DISTINCT seizure
  ORDER BY seizure.date DESC, seizure.id
  RETURN collect(seizure) AS seizures
}
WITH ring, parties, seizures,
  COLLECT {
    UNWIND seizures AS seizure
    MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
    WHERE line.weightKg IS NOT NULL
    RETURN line.weightKg
  } AS weights
SET ring.seizureIds = [seizure IN seizures | seizure.id],
  ring.seizureCount = size(seizures),
  ring.totalWeightKg = CASE WHEN size(weights) = 0 THEN null ELSE reduce(total = 0.0, weight IN weights | total + weight) END,
  ring.shipmentCount = size(COLLECT { UNWIND parties AS party MATCH (party)-[:PARTY_TO]->(shipment:Shipment) RETURN DISTINCT shipment })
RETURN ring.id AS id
