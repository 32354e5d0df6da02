// The link entities at a level (hops from one stop to the next layer's, see
// aggregates/touch-shipments.cypher), and the level's total: all of them, or those leaving
// $sources and, if given, reaching $targets (routes' legs).
// Parameters: $level ('COUNTRY' or 'PLACE'), $sources, $targets (Country or Place ids, or null).
// Columns: id, kind ('LINK' or 'TOTAL'), source, target (null for the total), targetIsCountry,
// dirty, spansMonths.
// @param level: string
// @param sources: string[] | null
// @param targets: string[] | null
// @column id: string
// @column kind: string
// @column source: string | null
// @column target: string | null
// @column targetIsCountry: boolean
// @column dirty: boolean
// @column spansMonths: boolean
MATCH (link:TradeEntity {level: $level})
WHERE link.kind IN ['LINK', 'TOTAL']
  AND ($sources IS NULL OR link.source IN $sources)
  AND ($targets IS NULL OR link.target IN $targets)
RETURN link.id AS id, link.kind AS kind, link.source AS source, link.target AS target,
  EXISTS { (:Country {id: link.target}) } AS targetIsCountry,
  link.dirty AS dirty, link.spansMonths AS spansMonths
