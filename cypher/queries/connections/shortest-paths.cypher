// The shortest paths between two entities (the connections root field), never an exhaustive
// search: SHORTEST with an upper bound between two bound nodes, planned as StatefulShortestPath.
// Cypher wants literals for k and the bound, so they are template slots, filled only with whole
// numbers the API has checked: {{PATHS}} (1 to 10, the paths asked for) and {{MAX_HOPS}} (1 to 6):
// the search stops as soon as it has them, and never looks further than asked. SOURCED_FROM is never followed: through a Source every node
// reaches every other in two hops; the caller leaves it out of $types.
// Ids are unique per label only, so each end is found by one index lookup per label.
// Parameters: $from, $to (ids), $fromKind, $toKind (a label to narrow an end, or null),
// $types (relationship types that may be followed).
// Columns: nodes (list of {id, labels, properties}), rels (list of {type, source, target,
// properties, sourceTitle}: the relationships in path order). Ordered by length, then by the
// sequence of node ids.
CALL () {
  MATCH (n:Seizure {id: $from}) RETURN n
  UNION MATCH (n:Shipment {id: $from}) RETURN n
  UNION MATCH (n:CommodityLine {id: $from}) RETURN n
  UNION MATCH (n:Species {id: $from}) RETURN n
  UNION MATCH (n:Person {id: $from}) RETURN n
  UNION MATCH (n:Company {id: $from}) RETURN n
  UNION MATCH (n:Identifier {id: $from}) RETURN n
  UNION MATCH (n:Carrier {id: $from}) RETURN n
  UNION MATCH (n:Place {id: $from}) RETURN n
  UNION MATCH (n:Country {id: $from}) RETURN n
}
WITH n AS a WHERE $fromKind IS NULL OR $fromKind IN labels(a)
CALL () {
  MATCH (n:Seizure {id: $to}) RETURN n
  UNION MATCH (n:Shipment {id: $to}) RETURN n
  UNION MATCH (n:CommodityLine {id: $to}) RETURN n
  UNION MATCH (n:Species {id: $to}) RETURN n
  UNION MATCH (n:Person {id: $to}) RETURN n
  UNION MATCH (n:Company {id: $to}) RETURN n
  UNION MATCH (n:Identifier {id: $to}) RETURN n
  UNION MATCH (n:Carrier {id: $to}) RETURN n
  UNION MATCH (n:Place {id: $to}) RETURN n
  UNION MATCH (n:Country {id: $to}) RETURN n
}
WITH a, n AS b WHERE ($toKind IS NULL OR $toKind IN labels(b)) AND a <> b
MATCH p = SHORTEST {{PATHS}} (a)(()-[r]-() WHERE type(r) IN $types){1,{{MAX_HOPS}}}(b)
// A trail may pass a node twice (over two relationships between the same pair); a path may not.
WITH p WHERE size(nodes(p)) = size(COLLECT { UNWIND nodes(p) AS x RETURN DISTINCT x })
WITH p, [x IN nodes(p) | x.id] AS ids
ORDER BY length(p), ids
RETURN [x IN nodes(p) | {id: x.id, labels: labels(x), properties: properties(x)}] AS nodes,
  [r IN relationships(p) | {
    type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r),
    sourceTitle: COLLECT { MATCH (s:Source {id: r.sourceId}) RETURN s.title }[0]
  }] AS rels
