// Ring analysis, export: the holders of one page of identifiers, in id order (the party graph links
// parties that share an identifier). Paged on the identifier key index, so that the export streams
// whatever the size of the graph. Identifiers with more than $maxHolders holders (a formation
// agent's address behind dozens of shells) give an empty list: they say nothing about who works
// with whom, and would add a clique of holders² links.
// Parameters: $after (the last identifier id of the previous page, or '' for the first),
//   $limit (integer: identifiers per page), $scope (only parties whose id starts with it; '' for
//   all), $maxHolders (integer).
// Columns: key (identifier id, one row per identifier of the page, in id order), holders (list of
//   {id, kind: 'Person' or 'Company'}; empty when fewer than 2 or more than $maxHolders).
// @param after: string
// @param limit: integer
// @param scope: string
// @param maxHolders: integer
// @column key: string
// @column holders: RingPartyMap[]
MATCH (identifier:Identifier)
WHERE identifier.id > $after
WITH identifier
ORDER BY identifier.id
LIMIT $limit
WITH identifier, COUNT { (identifier)<-[:HAS_IDENTIFIER]-() } AS degree
// Holders are read from the identifier's own relationships (see export-shipments for why left()).
RETURN identifier.id AS key,
  CASE WHEN degree < 2 OR degree > $maxHolders THEN [] ELSE
    [(identifier)<-[:HAS_IDENTIFIER]-(holder:Person|Company) WHERE left(holder.id, size($scope)) = $scope
      | {id: holder.id, kind: CASE WHEN holder:Person THEN 'Person' ELSE 'Company' END}]
  END AS holders
