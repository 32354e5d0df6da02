// The shortest paths between two entities (the connections root field), as distinct node paths in
// a stated order, never from an exhaustive search: SHORTEST ... GROUPS with an upper bound between
// two bound nodes, planned as StatefulShortestPath.
// Cypher wants literals for k and the bound, so they are template slots, filled only with whole
// numbers the API has checked: {{PATHS}} (1 to 10: how many path lengths, each the group of every
// path of that length, to take) and {{MAX_HOPS}} (1 to 6): the search stops once it has that many
// lengths, and never looks further than asked.
// Whole groups, not SHORTEST k: when paths tie on length, SHORTEST k keeps an arbitrary k of them,
// so the head of 10 paths need not be the one path asked for alone. Every path of a length is
// taken, then ordered. The caller asks for one more group until it has $limit paths or no more exist.
// A fact is stored once per source row, so two nodes can be joined by parallel relationships: the
// search's trails are reduced to distinct node paths, and each hop then carries every relationship
// of the followed types between its two nodes (each with its citation).
// SOURCED_FROM is never followed: through a Source every node reaches every other in two hops; the
// caller leaves it out of $types.
// Ids are unique per label only, so each end is found by one index lookup per label.
// Parameters: $from, $to (ids), $fromKind, $toKind (a label to narrow an end, or null),
// $types (relationship types that may be followed), $limit (paths wanted, an integer).
// Columns: groups (how many path lengths the search found, at most {{PATHS}}: fewer means there are
// no more), nodes (list of {id, labels, properties}), hops (one list per hop, in path order, of
// {type, source, target, properties, sourceTitle}). Rows are ordered by length, then by the
// sequence of node ids; at most $limit rows, none when the ends are not connected.
// @slot PATHS: Count
// @slot MAX_HOPS: Count
// @param from: string
// @param to: string
// @param fromKind: string | null
// @param toKind: string | null
// @param types: string[]
// @param limit: integer
// @column groups: integer
// @column nodes: NodeMap[]
// @column hops: CitedRelationshipMap[][]
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
MATCH p = SHORTEST {{PATHS}} GROUPS (a)(()-[r]-() WHERE type(r) IN $types){1,{{MAX_HOPS}}}(b)
WITH length(p) AS length, nodes(p) AS ns
// A trail may pass a node twice (over two relationships between the same pair); a path may not.
WITH length, ns, size(ns) = size(COLLECT { UNWIND ns AS x RETURN DISTINCT x }) AS simple
WITH count(DISTINCT length) AS groups, collect(DISTINCT CASE WHEN simple THEN ns END) AS paths
UNWIND paths AS ns
WITH groups, ns, [x IN ns | x.id] AS ids
ORDER BY size(ns), ids
LIMIT $limit
CALL (ns) {
  UNWIND range(0, size(ns) - 2) AS i
  WITH i, ns[i] AS x, ns[i + 1] AS y
  CALL (x, y) {
    MATCH (x)-[r]-(y) WHERE type(r) IN $types
    RETURN collect({
      type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r),
      sourceTitle: COLLECT { MATCH (s:Source {id: r.sourceId}) RETURN s.title }[0]
    }) AS rels
  }
  WITH i, rels ORDER BY i
  RETURN collect(rels) AS hops
}
RETURN groups, [x IN ns | {id: x.id, labels: labels(x), properties: properties(x)}] AS nodes, hops
ORDER BY size(ns), ids
