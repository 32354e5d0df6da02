// Ring analysis, export: the companies one page of persons are officers of, in person id order
// (the party graph links an officer to the company). Paged on the person key index.
// Parameters: $after (the last person id of the previous page, or '' for the first),
//   $limit (integer: persons per page), $scope (only parties whose id starts with it; '' for all).
// Columns: key (person id, one row per person of the page, in id order), companies (list of
//   company ids, possibly empty).
// @param after: string
// @param limit: integer
// @param scope: string
// @column key: string
// @column companies: string[]
MATCH (person:Person)
WHERE person.id > $after
WITH person
ORDER BY person.id
LIMIT $limit
// Companies are read from the person's own relationships (see export-shipments for why left()).
RETURN person.id AS key, CASE WHEN left(person.id, size($scope)) = $scope THEN
  [(person)-[:OFFICER_OF]->(company:Company) WHERE left(company.id, size($scope)) = $scope | company.id]
  ELSE [] END AS companies
