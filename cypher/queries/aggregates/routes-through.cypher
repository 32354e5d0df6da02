// The route entities at a level that pass $from and later $to: every route an observed record
// describes with a stop in $from before a stop in $to (aggregates/touch-shipments.cypher), with
// its stops, whether it awaits a recount, and whether its shipments span months.
// Parameters: $from, $to (country ids), $level ('COUNTRY' or 'PLACE').
// Columns: id, keys, countries, places ('' where a stop has none), dirty, spansMonths.
// @param from: string
// @param to: string
// @param level: string
// @column id: string
// @column keys: string[]
// @column countries: string[]
// @column places: string[]
// @column dirty: boolean
// @column spansMonths: boolean
MATCH (:Country {id: $from})<-[start:PASSES]-(route:TradeEntity {kind: 'ROUTE', level: $level})-[end:PASSES]->(:Country {id: $to})
WHERE start.first < end.last
RETURN route.id AS id, route.keys AS keys, route.countries AS countries, route.places AS places,
  route.dirty AS dirty, route.spansMonths AS spansMonths
