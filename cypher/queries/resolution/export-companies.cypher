// Resolution, export: the records of one page of companies, in id order, as the resolver reads
// them (src/resolution/resolution-record.ts): the name, the date of incorporation, the
// registration country, identifiers as `KIND:value` (see export-persons), and the shipments it is
// party to. Paged on the company key
// index; the caller starts at its scope and stops at the first id outside it.
// Parameters: $after (the last company id of the previous page; the scope, or '' for all, first),
//   $limit (integer: companies per page).
// Columns: key (company id), names (the name), incorporatedOn (YYYY-MM-DD, null when unknown),
//   countries (the registration country's id, or none), identifiers, shipments (shipment ids).
// @param after: string
// @param limit: integer
// @column key: string
// @column names: string[]
// @column incorporatedOn: string | null
// @column countries: string[]
// @column identifiers: string[]
// @column shipments: string[]
MATCH (company:Company)
WHERE company.id > $after
WITH company
ORDER BY company.id
LIMIT $limit
RETURN company.id AS key, [company.name] AS names, toString(company.incorporatedOn) AS incorporatedOn,
  [(company)-[:REGISTERED_IN]->(country:Country) | country.id] AS countries,
  [(company)-[:HAS_IDENTIFIER]->(identifier:Identifier) | identifier.kind + ':' + identifier.value] AS identifiers,
  [(company)-[:PARTY_TO]->(shipment:Shipment) | shipment.id] AS shipments
