// The inputs the peer benchmark draws its questions from, read once from the loaded network.
// Parameters: none.
// Columns: seizureIds (every seizure, by id); seizureCountries (countries with seizures, most
// first); origins (countries named as an origin, most shipments first); destinations (countries
// named as a destination, most shipments first); sharers (persons holding an identifier that
// another party also holds, by id).
RETURN
  COLLECT { MATCH (seizure:Seizure) RETURN seizure.id ORDER BY seizure.id } AS seizureIds,
  COLLECT {
    MATCH (country:Country)<-[:SEIZED_IN]-(:Seizure)
    WITH country, count(*) AS seizures
    ORDER BY seizures DESC, country.id
    RETURN country.id
  } AS seizureCountries,
  COLLECT {
    MATCH (shipment:Shipment)-[:STOPS_AT {role: "ORIGIN"}]->(stop)
    UNWIND [stop.id] + COLLECT { MATCH (stop)-[:IN_COUNTRY]->(country:Country) RETURN country.id } AS code
    WITH code, count(DISTINCT shipment) AS shipments
    WHERE EXISTS { (:Country {id: code}) }
    ORDER BY shipments DESC, code
    RETURN code
  } AS origins,
  COLLECT {
    MATCH (shipment:Shipment)-[:STOPS_AT {role: "DESTINATION"}]->(stop)
    UNWIND [stop.id] + COLLECT { MATCH (stop)-[:IN_COUNTRY]->(country:Country) RETURN country.id } AS code
    WITH code, count(DISTINCT shipment) AS shipments
    WHERE EXISTS { (:Country {id: code}) }
    ORDER BY shipments DESC, code
    RETURN code
  } AS destinations,
  COLLECT {
    MATCH (person:Person)-[:HAS_IDENTIFIER]->(:Identifier)<-[:HAS_IDENTIFIER]-(other:Person|Company)
    WHERE other <> person
    RETURN DISTINCT person.id AS id ORDER BY id
  } AS sharers
