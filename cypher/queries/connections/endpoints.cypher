// Which ends of a connections request exist (asked only when no path was found, to tell an
// unknown id from entities that are not connected). One index lookup per label.
// Parameters: $from, $to (ids), $fromKind, $toKind (a label to narrow an end, or null).
// Columns: fromFound, toFound (booleans).
// @param from: string
// @param to: string
// @param fromKind: string | null
// @param toKind: string | null
// @column fromFound: boolean
// @column toFound: boolean
OPTIONAL CALL () {
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
WITH count(CASE WHEN n IS NOT NULL AND ($fromKind IS NULL OR $fromKind IN labels(n) ) THEN 1 END) > 0 AS fromFound
OPTIONAL CALL () {
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
RETURN fromFound, count(CASE WHEN n IS NOT NULL AND ($toKind IS NULL OR $toKind IN labels(n)) THEN 1 END) > 0 AS toFound
