// Resolution, export: the records of one page of persons, in id order, as the resolver reads them
// (src/resolution/resolution-record.ts): the name then the aliases, the birth year, nationalities,
// identifiers as `KIND:value` (built from the identifier's kind and value, so that a world's id
// prefix does not hide the kind the weights go by), and the shipments it is party to. Paged on the
// person key index, so that the export streams whatever the size of the graph; the caller starts
// at its scope and stops at the first id outside it (ids of a prefix sort together).
// Parameters: $after (the last person id of the previous page; the scope, or '' for all, first),
//   $limit (integer: persons per page).
// Columns: key (person id), names, birthYear (null when unknown), nationalities (country ids),
//   identifiers, shipments (shipment ids).
// @param after: string
// @param limit: integer
// @column key: string
// @column names: string[]
// @column birthYear: integer | null
// @column nationalities: string[]
// @column identifiers: string[]
// @column shipments: string[]
MATCH (person:Person)
WHERE person.id > $after
WITH person
ORDER BY person.id
LIMIT $limit
RETURN person.id AS key, [person.name] + coalesce(person.aliases, []) AS names, person.birthYear AS birthYear,
  [(person)-[:NATIONAL_OF]->(country:Country) | country.id] AS nationalities,
  [(person)-[:HAS_IDENTIFIER]->(identifier:Identifier) | identifier.kind + ':' + identifier.value] AS identifiers,
  [(person)-[:PARTY_TO]->(shipment:Shipment) | shipment.id] AS shipments
