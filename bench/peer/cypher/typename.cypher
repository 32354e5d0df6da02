// `{ __typename }` by hand: the cheapest statement there is, so the column gives the floor of one
// round trip through neo4j-driver (the GraphQL servers answer this without the database).
// Parameters: none. Columns: __typename.
RETURN "Query" AS __typename
