// Shipments per destination country for one origin country, by hand and in one pass: the
// shipments whose origin stop is the country or a place in it, grouped by the countries of their
// destination stops (a stop's own id, or its place's country), as the API's shipment filter
// (origin, destination) defines them. Destinations without shipments give no row.
// Parameters: $origin (ISO code), $destinations (ISO codes to count).
// Columns: destination, shipments (distinct shipments).
MATCH (origin:Country {id: $origin})
CALL (origin) {
  MATCH (origin)<-[:STOPS_AT {role: "ORIGIN"}]-(shipment:Shipment) RETURN shipment
  UNION
  MATCH (origin)<-[:IN_COUNTRY]-(:Place)<-[:STOPS_AT {role: "ORIGIN"}]-(shipment:Shipment) RETURN shipment
}
MATCH (shipment)-[:STOPS_AT {role: "DESTINATION"}]->(stop)
UNWIND [stop.id] + COLLECT { MATCH (stop)-[:IN_COUNTRY]->(country:Country) RETURN country.id } AS destination
WITH destination, shipment
WHERE destination IN $destinations
RETURN destination, count(DISTINCT shipment) AS shipments
