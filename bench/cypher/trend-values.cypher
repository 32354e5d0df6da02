// The values the analyst benchmark asks `trends` with (bench/analyst/shapes.ts): the source that
// reports the most dated seizures, and the country where the most were made.
// Parameters: none.
// Columns: source (a Source id), country (a Country id).
CALL () {
  MATCH (seizure:Seizure)-[:SOURCED_FROM]->(source:Source)
  WHERE seizure.date IS NOT NULL
  WITH source.id AS source, count(*) AS seizures
  RETURN source ORDER BY seizures DESC, source LIMIT 1
}
CALL () {
  MATCH (seizure:Seizure)-[:SEIZED_IN]->(country:Country)
  WHERE seizure.date IS NOT NULL
  WITH country.id AS country, count(*) AS seizures
  RETURN country ORDER BY seizures DESC, country LIMIT 1
}
RETURN source, country
