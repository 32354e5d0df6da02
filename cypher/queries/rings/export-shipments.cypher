// Ring analysis, export: the parties of one page of shipments, in id order (the party graph links
// the parties of a shipment, whatever their roles: shipper, consignee, forwarder, courier, ...).
// Paged on the shipment key index, so that the export streams whatever the size of the graph.
// Parameters: $after (the last shipment id of the previous page, or '' for the first),
//   $limit (integer: shipments per page), $scope (only parties whose id starts with it; '' for all).
// Columns: key (shipment id, one row per shipment of the page, in id order), parties (list of
//   {id, kind: 'Person' or 'Company'}; a party in two roles comes twice).
// @param after: string
// @param limit: integer
// @param scope: string
// @column key: string
// @column parties: RingPartyMap[]
MATCH (shipment:Shipment)
WHERE shipment.id > $after
WITH shipment
ORDER BY shipment.id
LIMIT $limit
// The parties are read from the shipment's own relationships (a pattern comprehension), and the
// scope is tested with left() rather than STARTS WITH, so that the planner cannot turn it into a
// seek over every party of the scope for each shipment.
RETURN shipment.id AS key,
  [(shipment)<-[:PARTY_TO]-(party:Person|Company) WHERE left(party.id, size($scope)) = $scope
    | {id: party.id, kind: CASE WHEN party:Person THEN 'Person' ELSE 'Company' END}] AS parties
