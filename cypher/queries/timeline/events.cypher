// The dated events of an entity (the timeline root field), each once, in order: date, then the kind's
// rank, then the related entity's id, then the detail. Events without a date are left out.
// Ids are unique per label only: the id is looked up once per label, by index, and every entity
// found gets its own row (with no events for kinds that have no timeline).
// Per kind: a person or company: shipments it was party to (SHIPMENT_DEPARTED, with its roles),
// seizures of them (SEIZURE, with its roles in the shipment); a person: its arrests (ARREST, the
// seizure's date) and convictions (CONVICTION, where convicted is true; dated by the seizure, the
// judgement's date being unrecorded), companies it is an officer of (COMPANY_INCORPORATED, with its
// offices); a company: its incorporation; a shipment: its departure, its seizures, arrests in them;
// a seizure: itself, the shipments it intercepted, its arrests.
// Each event once: the import writes a relationship once per source row, and a person's seizure is
// reached once per pair of a party relationship and an interception. An event is its kind, date,
// related entity and detail (an arrest's charge, a conviction's sentence: sources that differ on
// them give events of their own); the entity's roles in it (shipper and consignee of one shipment)
// are gathered on the one event, and so are the citations of every relationship that ties the event
// to the entity (party, interception, arrest, office), or the entity's own source rows.
// With $resolved, a person or company stands for its resolved cluster: the events of every person
// or company joined to it by SAME_AS (live SAME decisions, at most 20) are its own.
// Parameters: $id, $from, $to (Dates, inclusive, or null), $first (events per entity), $resolved.
// Columns: labels (of an entity that has the id), events (list of {date, kind, related
// ({id, labels, properties}), roles (distinct, sorted), detail (a charge or sentence), citations
// (list of {sourceId, sourceRow}, distinct, by sourceId then sourceRow)}).
// @param id: string
// @param from: date | null
// @param to: date | null
// @param first: integer
// @param resolved: boolean
// @column labels: string[]
// @column events: TimelineEventMap[]
CALL () {
  MATCH (n:Seizure {id: $id}) RETURN n
  UNION MATCH (n:Shipment {id: $id}) RETURN n
  UNION MATCH (n:CommodityLine {id: $id}) RETURN n
  UNION MATCH (n:Species {id: $id}) RETURN n
  UNION MATCH (n:Person {id: $id}) RETURN n
  UNION MATCH (n:Company {id: $id}) RETURN n
  UNION MATCH (n:Identifier {id: $id}) RETURN n
  UNION MATCH (n:Carrier {id: $id}) RETURN n
  UNION MATCH (n:Place {id: $id}) RETURN n
  UNION MATCH (n:Country {id: $id}) RETURN n
  UNION MATCH (n:Source {id: $id}) RETURN n
}
WITH n, COLLECT { MATCH (n)-[cited:SOURCED_FROM]->(source:Source) RETURN {sourceId: source.id, sourceRow: cited.row} } AS own
OPTIONAL CALL (n, own) {
  MATCH (n:Person|Company)-[:SAME_AS]-{0,20}(self)-[link:PARTY_TO]->(related:Shipment)
  WHERE $resolved OR self = n
  RETURN "SHIPMENT_DEPARTED" AS kind, 1 AS rank, related.departedOn AS date, related, link.role AS role, null AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Person|Company)-[:SAME_AS]-{0,20}(self)-[party:PARTY_TO]->(:Shipment)<-[link:INTERCEPTED]-(related:Seizure)
  WHERE $resolved OR self = n
  RETURN "SEIZURE" AS kind, 2 AS rank, related.date AS date, related, party.role AS role, null AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Person)-[:SAME_AS]-{0,20}(self)<-[link:ARRESTED]-(related:Seizure)
  WHERE $resolved OR self = n
  RETURN "ARREST" AS kind, 3 AS rank, related.date AS date, related, null AS role, link.charge AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Person)-[:SAME_AS]-{0,20}(self)<-[link:ARRESTED {convicted: true}]-(related:Seizure)
  WHERE $resolved OR self = n
  RETURN "CONVICTION" AS kind, 4 AS rank, related.date AS date, related, null AS role, link.sentence AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Person)-[:SAME_AS]-{0,20}(self)-[link:OFFICER_OF]->(related:Company)
  WHERE $resolved OR self = n
  RETURN "COMPANY_INCORPORATED" AS kind, 0 AS rank, related.incorporatedOn AS date, related, link.role AS role, null AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Company)
  RETURN "COMPANY_INCORPORATED" AS kind, 0 AS rank, n.incorporatedOn AS date, n AS related, null AS role, null AS detail, own AS citations
  UNION ALL
  MATCH (n:Shipment)
  RETURN "SHIPMENT_DEPARTED" AS kind, 1 AS rank, n.departedOn AS date, n AS related, null AS role, null AS detail, own AS citations
  UNION ALL
  MATCH (n:Shipment)<-[link:INTERCEPTED]-(related:Seizure)
  RETURN "SEIZURE" AS kind, 2 AS rank, related.date AS date, related, null AS role, null AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Shipment)<-[:INTERCEPTED]-(seizure:Seizure)-[link:ARRESTED]->(related:Person)
  RETURN "ARREST" AS kind, 3 AS rank, seizure.date AS date, related, null AS role, link.charge AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Shipment)<-[:INTERCEPTED]-(seizure:Seizure)-[link:ARRESTED {convicted: true}]->(related:Person)
  RETURN "CONVICTION" AS kind, 4 AS rank, seizure.date AS date, related, null AS role, link.sentence AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Seizure)
  RETURN "SEIZURE" AS kind, 2 AS rank, n.date AS date, n AS related, null AS role, null AS detail, own AS citations
  UNION ALL
  MATCH (n:Seizure)-[link:INTERCEPTED]->(related:Shipment)
  RETURN "SHIPMENT_DEPARTED" AS kind, 1 AS rank, related.departedOn AS date, related, null AS role, null AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Seizure)-[link:ARRESTED]->(related:Person)
  RETURN "ARREST" AS kind, 3 AS rank, n.date AS date, related, null AS role, link.charge AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
  UNION ALL
  MATCH (n:Seizure)-[link:ARRESTED {convicted: true}]->(related:Person)
  RETURN "CONVICTION" AS kind, 4 AS rank, n.date AS date, related, null AS role, link.sentence AS detail,
    [{sourceId: link.sourceId, sourceRow: link.sourceRow}] AS citations
}
WITH n, kind, rank, date, related, detail, collect(role) AS roles, collect(citations) AS cited
WITH n, kind, rank, date, related, detail,
  COLLECT { UNWIND roles AS role RETURN DISTINCT role ORDER BY role } AS roles,
  COLLECT {
    UNWIND cited AS list
    UNWIND list AS citation
    WITH DISTINCT citation
    WHERE citation.sourceId IS NOT NULL
    RETURN citation ORDER BY citation.sourceId, citation.sourceRow
  } AS citations
ORDER BY date, rank, related.id, coalesce(detail, "")
WITH n, collect(
  CASE WHEN date IS NOT NULL AND ($from IS NULL OR date >= $from) AND ($to IS NULL OR date <= $to) THEN {
    date: date, kind: kind,
    related: {id: related.id, labels: labels(related), properties: properties(related)},
    roles: roles, detail: detail, citations: citations
  } END
) AS events
RETURN labels(n) AS labels, events[..$first] AS events
