// The persons with the most seizures by hand, counted as person/counts.cypher defines seizureCount:
// distinct seizures in which the person was arrested or that intercepted a shipment they were a
// party to. Ties by id.
// Parameters: $ids (person ids to rank, or null for every person), $first (how many).
// Columns: id, name, seizureCount, most seizures first.
MATCH (person:Person)
WHERE $ids IS NULL OR person.id IN $ids
WITH person, COUNT {
    MATCH (person)<-[:ARRESTED]-(seizure:Seizure) RETURN seizure
    UNION
    MATCH (person)-[:PARTY_TO]->(:Shipment)<-[:INTERCEPTED]-(seizure:Seizure) RETURN seizure
  } AS seizureCount
ORDER BY seizureCount DESC, person.id
LIMIT $first
RETURN person.id AS id, person.name AS name, seizureCount
