// The candidates of one search, best first by Lucene's score, for the repository to rank.
// Parameters: $lucene (a Lucene query built by src/domain/search-text.ts from folded, escaped words
// and quoted phrases: never the user's text as syntax), $kinds (list of labels to keep),
// $phone (digits of an international phone number, or null), $nationalPhone (the digits after a
// trunk 0, or null), $phoneKind (the IdentifierKind of phone numbers), $limit (integer: most
// candidates), $resolved (each person or company hit comes with the other members of its resolved
// cluster: those joined to it by SAME_AS, live SAME decisions, at most 20; false: none).
// Columns: total (how many nodes match, before the limit), hits (list of {node: properties with
// synthetic, labels, score: Lucene's score, 0 for phone matches, phone: 1 when the node is a
// phone number that matches digit for digit, members: list of {id, name, aliases}}).
// @param lucene: string
// @param kinds: string[]
// @param phone: string | null
// @param nationalPhone: string | null
// @param phoneKind: string
// @param limit: integer
// @param resolved: boolean
// @column total: integer
// @column hits: SearchHitMap[]
CALL {
  CALL db.index.fulltext.queryNodes("entity_search", $lucene) YIELD node, score
  RETURN node, score, 0 AS phone
  UNION
  // Phone numbers written in national form (0912...) cannot be found by a Lucene term: compared
  // here digit for digit against the end of the E.164 value, after a 1- to 3-digit country code.
  MATCH (node:Identifier)
  WHERE ($phone IS NOT NULL OR $nationalPhone IS NOT NULL) AND node.kind = $phoneKind
    AND (node.value = "+" + $phone
      OR (node.value ENDS WITH $nationalPhone AND size(node.value) - size($nationalPhone) IN [2, 3, 4]))
  RETURN node, 0.0 AS score, 1 AS phone
}
WITH node, max(score) AS score, max(phone) AS phone
WHERE any(label IN labels(node) WHERE label IN $kinds)
WITH node, score, phone
ORDER BY phone DESC, score DESC, node.id
WITH collect({node: node, score: score, phone: phone}) AS found
CALL (found) {
  UNWIND range(0, size(found[0..$limit]) - 1) AS index
  WITH index, found[index] AS hit
  WITH index, hit, hit.node AS node
  ORDER BY index
  RETURN collect({
    node: node {.*, synthetic: node:Synthetic}, labels: labels(node), score: hit.score, phone: hit.phone,
    members: CASE WHEN $resolved AND (node:Person OR node:Company) THEN COLLECT {
      MATCH (node)-[:SAME_AS]-{1,20}(sibling) WHERE sibling <> node
      RETURN DISTINCT {id: sibling.id, name: sibling.name, aliases: coalesce(sibling.aliases, [])}
    } ELSE [] END
  }) AS hits
}
RETURN size(found) AS total, hits
