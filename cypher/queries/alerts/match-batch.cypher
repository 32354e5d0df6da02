// The alerts of one import batch, run last in its transaction: the batch's seizures and shipments
// (written, or at the end of a written relationship) against the live watches. A person or company
// touches a fact as a party to its shipment or as arrested; an identifier through a party or an
// arrested person holding it; a place as a stop of its shipment or where it was seized; a route by
// its shipment's origin and destination countries. One Alert per watch and fact (MERGE on their
// ids), so a batch written again makes none. New alerts are numbered through the one AlertCounter,
// whose lock is held until commit: numbers follow commit order, so a cursor never skips one.
// Without a live watch, the statement stops after counting them.
// Parameters: $shipments, $seizures (ids)
// Columns: id, owner, seq (the new alerts only)
// @param shipments: string[]
// @param seizures: string[]
// @column id: string
// @column owner: string
// @column seq: integer
MATCH (live:Watch)
WHERE live.removedAt IS NULL
WITH count(live) AS watching
WHERE watching > 0
CALL () {
  UNWIND $shipments AS id
  MATCH (fact:Shipment {id: id})
  RETURN fact
  UNION
  UNWIND $seizures AS id
  MATCH (fact:Seizure {id: id})
  RETURN fact
}
CALL (fact) {
  MATCH (fact)-[:INTERCEPTED*0..1]->(:Shipment)<-[:PARTY_TO]-(party)
  RETURN party.id AS target, CASE WHEN party:Person THEN 'PERSON' ELSE 'COMPANY' END AS kind, 'PARTY' AS via
  UNION
  MATCH (fact)-[:ARRESTED]->(person:Person)
  RETURN person.id AS target, 'PERSON' AS kind, 'ARRESTED' AS via
  UNION
  MATCH (fact)-[:INTERCEPTED*0..1]->(:Shipment)<-[:PARTY_TO]-()-[:HAS_IDENTIFIER]->(identifier:Identifier)
  RETURN identifier.id AS target, 'IDENTIFIER' AS kind, 'PARTY_IDENTIFIER' AS via
  UNION
  MATCH (fact)-[:ARRESTED]->(:Person)-[:HAS_IDENTIFIER]->(identifier:Identifier)
  RETURN identifier.id AS target, 'IDENTIFIER' AS kind, 'ARRESTED_IDENTIFIER' AS via
  UNION
  MATCH (fact)-[:INTERCEPTED*0..1]->(:Shipment)-[:STOPS_AT]->(place:Place)
  RETURN place.id AS target, 'PLACE' AS kind, 'ROUTE_STOP' AS via
  UNION
  MATCH (fact)-[:SEIZED_AT]->(place:Place)
  RETURN place.id AS target, 'PLACE' AS kind, 'SEIZURE_PLACE' AS via
  UNION
  MATCH (fact)-[:INTERCEPTED*0..1]->(shipment:Shipment)-[origin:STOPS_AT]->()-[:IN_COUNTRY*0..1]->(from:Country)
  WHERE origin.role = 'ORIGIN'
  MATCH (shipment)-[destination:STOPS_AT]->()-[:IN_COUNTRY*0..1]->(to:Country)
  WHERE destination.role = 'DESTINATION'
  RETURN from.id + '>' + to.id AS target, 'ROUTE' AS kind, 'ROUTE' AS via
}
MATCH (watch:Watch {targetId: target})
WHERE watch.kind = kind AND watch.removedAt IS NULL
WITH watch, fact, min(via) AS via
MERGE (alert:Alert {id: watch.id + '|' + fact.id})
  ON CREATE SET alert.owner = watch.owner, alert.watchId = watch.id, alert.kind = watch.kind, alert.via = via,
    alert.factLabel = CASE WHEN fact:Seizure THEN 'Seizure' ELSE 'Shipment' END, alert.factId = fact.id,
    alert.createdAt = datetime.transaction()
WITH alert
WHERE alert.seq IS NULL
WITH collect(alert) AS fresh
WHERE size(fresh) > 0
MERGE (counter:AlertCounter {id: 'alerts'})
  ON CREATE SET counter.last = 0
SET counter.last = counter.last + size(fresh)
WITH fresh, counter.last - size(fresh) AS base
UNWIND range(0, size(fresh) - 1) AS index
WITH fresh[index] AS alert, base + index + 1 AS seq
SET alert.seq = seq
RETURN alert.id AS id, alert.owner AS owner, seq
