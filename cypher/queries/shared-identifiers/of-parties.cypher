// The other persons and companies that share identifiers with each party of a batch (the
// sharedIdentifiers root field and the Person/Company fields, through a DataLoader).
// Ids are unique per label only: each id is looked up as a Person and as a Company, by index,
// as far as $labels allows.
// Parameters: $ids (list of ids), $labels (which of "Person" and "Company" to look them up as),
// $kinds (IdentifierKinds to consider, or null for all), $first (sharers per party), $resolved (a
// party stands for its resolved cluster: the identifiers of every person or company joined to it
// by SAME_AS, live SAME decisions, at most 20, are its own, and the members share nothing with
// themselves; false: the record alone), $partyProperties (read every property of a sharer; false:
// its id only), $identifierValues (read an identifier's value and rawValue; false: they are null).
// The two flags say what the request asks: what it does not ask, personal values among it, is not
// read at all.
// Columns: key (an id found as a party; one row per party found), sharers (list, ranked by
// sharedCount descending, then id: {party (properties, or the id alone, and synthetic), labels,
// sharedCount, identifiers (list of {id, kind, value, rawValue}, by id)}). Unknown ids give no row.
// @param ids: string[]
// @param labels: string[]
// @param kinds: string[] | null
// @param first: integer
// @param resolved: boolean
// @param partyProperties: boolean
// @param identifierValues: boolean
// @column key: string
// @column sharers: SharerMap[]
UNWIND $ids AS key
CALL (key) {
  MATCH (party:Person {id: key}) WHERE "Person" IN $labels RETURN party
  UNION
  MATCH (party:Company {id: key}) WHERE "Company" IN $labels RETURN party
}
RETURN key, COLLECT {
  MATCH (party)-[:SAME_AS]-{0,20}(self)
  WHERE $resolved OR self = party
  WITH collect(DISTINCT self) AS selves
  UNWIND selves AS self
  MATCH (self)-[:HAS_IDENTIFIER]->(identifier:Identifier)<-[:HAS_IDENTIFIER]-(other:Person|Company)
  WHERE NOT other IN selves AND ($kinds IS NULL OR identifier.kind IN $kinds)
  WITH DISTINCT other, identifier
  ORDER BY identifier.id
  WITH other, collect(CASE WHEN $identifierValues THEN identifier {.id, .kind, .value, .rawValue}
    ELSE identifier {.id, .kind, value: null, rawValue: null} END) AS identifiers
  ORDER BY size(identifiers) DESC, other.id
  LIMIT $first
  RETURN {
    party: CASE WHEN $partyProperties THEN other {.*, synthetic: other:Synthetic} ELSE other {.id, synthetic: other:Synthetic} END,
    labels: labels(other),
    sharedCount: size(identifiers), identifiers: identifiers
  } AS sharer
} AS sharers
