// One level of a network: each frontier node with its relationships of the followed types and the
// neighbours at their other ends, each neighbour with how many distinct nodes it neighbours over those
// types when it may be a hub (to tell hubs).
// Ids are unique per label only, so a node is found by its kind's index; a seed, whose kind is not
// known yet, is looked up under every label but Source (Sources are never part of a network).
// One text serves every request, and the repository passes every parameter with the same type
// each time (dates and grade never null), so Neo4j plans it once: planning it takes far longer
// than running it. The followed types are therefore a parameter. A hub is told by its neighbours, not
// its relationships (a fact is stored once per source row, so a phone stated in five rows has five
// relationships to its one holder): the degree, a sum of one count per type answered from the degree
// store, bounds the neighbours from above, so only a node whose degree passes $hubThreshold has its
// relationships walked to count distinct neighbours.
// Parameters: $frontier (list of {id, kind}: kind a NodeLabel, or null for a seed),
//   $types (list of RelType values, never SOURCED_FROM),
//   $dateFrom, $dateTo (Dates: seizures and shipments dated outside are left out; undated kept),
//   $minReliability ('A'..'F', or '' for none: relationships whose Source is graded worse are left
//   out, and so are those without a known Source), $limit (integer: at most this many neighbours
//   per frontier node, the first by (kind, id)), $hubThreshold (integer: a neighbour with more
//   relationships than this has its distinct neighbours counted), $resolved (boolean).
// With $resolved, a frontier person or company stands for its resolved cluster (the persons or
// companies joined to it by SAME_AS, the live SAME decisions; at most 20, so 20 steps reach all):
// the relationships of every member are followed, each still naming the member it belongs to, and
// each person or company comes with its cluster's other members, which the repository shows as one
// node. Without it, every record is its own node.
// Columns: node ({id, labels, properties}), members (the frontier node's other cluster members, as
//   {id, name, aliases}; [] without $resolved) and neighbours (list of {node, members (as for the
//   frontier node), neighbourCount (distinct nodes it neighbours over the followed types, in the
//   whole graph, before the time and reliability filters; null when its degree is at most
//   $hubThreshold, so that it is no hub), relationships: list of {key (element id), type, source,
//   target, properties}}), one row per frontier node found.
// @param frontier: FrontierInput[]
// @param types: string[]
// @param dateFrom: date | null
// @param dateTo: date | null
// @param minReliability: string | null
// @param limit: integer
// @param hubThreshold: integer
// @param resolved: boolean
// @column node: NodeMap
// @column members: ClusterMemberMap[]
// @column neighbours: NeighbourMap[]
UNWIND $frontier AS entry
CALL (entry) {
  MATCH (node:Seizure {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Seizure' RETURN node
  UNION
  MATCH (node:Shipment {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Shipment' RETURN node
  UNION
  MATCH (node:CommodityLine {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'CommodityLine' RETURN node
  UNION
  MATCH (node:Species {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Species' RETURN node
  UNION
  MATCH (node:Person {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Person' RETURN node
  UNION
  MATCH (node:Company {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Company' RETURN node
  UNION
  MATCH (node:Identifier {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Identifier' RETURN node
  UNION
  MATCH (node:Carrier {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Carrier' RETURN node
  UNION
  MATCH (node:Place {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Place' RETURN node
  UNION
  MATCH (node:Country {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'Country' RETURN node
  UNION
  MATCH (node:TradeRecord {id: entry.id}) WHERE entry.kind IS NULL OR entry.kind = 'TradeRecord' RETURN node
}
CALL (node) {
  MATCH (node)-[:SAME_AS]-{0,20}(member)
  WHERE $resolved OR member = node
  WITH DISTINCT member
  MATCH (member)-[rel]-(other)
  WHERE type(rel) IN $types
    AND NOT other:Source
    AND ($minReliability IS NULL OR $minReliability = ''
         OR EXISTS { MATCH (source:Source {id: rel.sourceId}) WHERE source.reliability <= $minReliability })
  WITH rel, other, CASE WHEN other:Seizure THEN other.date WHEN other:Shipment THEN other.departedOn END AS eventDate
  WHERE eventDate IS NULL OR (($dateFrom IS NULL OR eventDate >= $dateFrom) AND ($dateTo IS NULL OR eventDate <= $dateTo))
  WITH other, collect({
    key: elementId(rel), type: type(rel), source: startNode(rel).id, target: endNode(rel).id, properties: properties(rel)
  }) AS relationships
  WITH other, relationships, [label IN labels(other) WHERE label <> 'Synthetic'][0] AS kind
  ORDER BY kind, other.id
  LIMIT $limit
  WITH other, relationships,
      CASE WHEN 'SEIZED_IN' IN $types THEN COUNT { (other)-[:SEIZED_IN]-() } ELSE 0 END
      + CASE WHEN 'SEIZED_AT' IN $types THEN COUNT { (other)-[:SEIZED_AT]-() } ELSE 0 END
      + CASE WHEN 'INTERCEPTED' IN $types THEN COUNT { (other)-[:INTERCEPTED]-() } ELSE 0 END
      + CASE WHEN 'RECOVERED' IN $types THEN COUNT { (other)-[:RECOVERED]-() } ELSE 0 END
      + CASE WHEN 'CARRIED' IN $types THEN COUNT { (other)-[:CARRIED]-() } ELSE 0 END
      + CASE WHEN 'OF_SPECIES' IN $types THEN COUNT { (other)-[:OF_SPECIES]-() } ELSE 0 END
      + CASE WHEN 'STOPS_AT' IN $types THEN COUNT { (other)-[:STOPS_AT]-() } ELSE 0 END
      + CASE WHEN 'CARRIED_BY' IN $types THEN COUNT { (other)-[:CARRIED_BY]-() } ELSE 0 END
      + CASE WHEN 'PARTY_TO' IN $types THEN COUNT { (other)-[:PARTY_TO]-() } ELSE 0 END
      + CASE WHEN 'ARRESTED' IN $types THEN COUNT { (other)-[:ARRESTED]-() } ELSE 0 END
      + CASE WHEN 'HAS_IDENTIFIER' IN $types THEN COUNT { (other)-[:HAS_IDENTIFIER]-() } ELSE 0 END
      + CASE WHEN 'OFFICER_OF' IN $types THEN COUNT { (other)-[:OFFICER_OF]-() } ELSE 0 END
      + CASE WHEN 'NATIONAL_OF' IN $types THEN COUNT { (other)-[:NATIONAL_OF]-() } ELSE 0 END
      + CASE WHEN 'REGISTERED_IN' IN $types THEN COUNT { (other)-[:REGISTERED_IN]-() } ELSE 0 END
      + CASE WHEN 'IN_COUNTRY' IN $types THEN COUNT { (other)-[:IN_COUNTRY]-() } ELSE 0 END
      + CASE WHEN 'BORDERS' IN $types THEN COUNT { (other)-[:BORDERS]-() } ELSE 0 END
      + CASE WHEN 'IMPORTED_BY' IN $types THEN COUNT { (other)-[:IMPORTED_BY]-() } ELSE 0 END
      + CASE WHEN 'EXPORTED_BY' IN $types THEN COUNT { (other)-[:EXPORTED_BY]-() } ELSE 0 END
      + CASE WHEN 'ORIGINATED_IN' IN $types THEN COUNT { (other)-[:ORIGINATED_IN]-() } ELSE 0 END
      + CASE WHEN 'RECORDS' IN $types THEN COUNT { (other)-[:RECORDS]-() } ELSE 0 END AS degree
  RETURN collect({
    node: {id: other.id, labels: labels(other), properties: properties(other)},
    members: CASE WHEN $resolved AND (other:Person OR other:Company) THEN COLLECT {
      MATCH (other)-[:SAME_AS]-{1,20}(sibling) WHERE sibling <> other
      RETURN DISTINCT {id: sibling.id, name: sibling.name, aliases: coalesce(sibling.aliases, [])}
    } ELSE [] END,
    neighbourCount: CASE WHEN degree > $hubThreshold
      THEN COUNT { MATCH (other)-[followed]-(neighbour) WHERE type(followed) IN $types RETURN DISTINCT neighbour }
    END,
    relationships: relationships
  }) AS neighbours
}
RETURN {id: node.id, labels: labels(node), properties: properties(node)} AS node,
  CASE WHEN $resolved AND (node:Person OR node:Company) THEN COLLECT {
    MATCH (node)-[:SAME_AS]-{1,20}(sibling) WHERE sibling <> node
    RETURN DISTINCT {id: sibling.id, name: sibling.name, aliases: coalesce(sibling.aliases, [])}
  } ELSE [] END AS members,
  neighbours
