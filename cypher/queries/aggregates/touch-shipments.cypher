// Keeps the trade entities' members true after facts changed, in the transaction that changed
// them. What a node is a member of depends on a few facts only: a shipment's stops (and their
// places' countries) and whether a seizure intercepted it, and a seizure's date. So:
// - the given shipments, and those stopping at the given places, leave every entity they were
//   counted in, and those a seizure intercepted join the entities their stops give again;
// - the given seizures leave their month and join the one their date gives again;
// - every other entity these facts count in is only marked: those of the given shipments'
//   seizures, of the given seizures' shipments, and of the given lines' seizures and their
//   shipments (a line's product, weight and species, a seizure's country and sources, a shipment's
//   mode change what an entity counts, never what it holds).
// Every entity a node leaves, joins or counts differently in is marked for a recount (`dirty`, with
// a new `version`), which aggregates/write-tallies does later; until then a query counts it from
// its members (see src/domain/trade-tallies.ts). A relationship that changes membership
// (STOPS_AT, INTERCEPTED, a place's IN_COUNTRY) must come with its shipment, seizure or place.
// The entities of a shipment, at each level (COUNTRY: stops by country; PLACE: by place where the
// record names one, else by country):
// - ROUTE: each route its record describes (an origin, the transits in order, a destination;
//   several origins or destinations are alternatives), consecutive stops with the same key made
//   one, as routes/observed.cypher groups them. Only routes of two stops or more.
// - LINK: each hop from a stop to a stop of the next layer of the record, as flows/links.cypher
//   and routes/legs.cypher read them (hops inside one key are left out).
// - TOTAL: one per level, for every shipment with at least one hop.
// - HUB: each stop the record names as a transit (its country at COUNTRY level; the stop, place or
//   country, at PLACE level), as routes/transit-hubs.cypher reads them.
// - TRANSITS: one per level, for every shipment with at least one transit (hubs' shares).
// - MONTH (trends, level TREND): each seizure with a date is a member of its month, with or without
//   a shipment (a shipment's mode, a line's product, weight and species are what trends filter and
//   split by, so the months of the given shipments' and lines' seizures are marked). A month whose
//   record of its species' genus and order (`taxonSpecies`, ...) no longer matches the Species
//   nodes is marked when species were written (aggregates/mark-stale-taxa does the same for all).
// Parameters: $shipments, $seizures, $lines, $places, $species (ids of nodes whose facts changed; a
// removed node's id is simply not found, so pass the shipments and seizures it touched as well,
// and the shipment at the other end of a removed INTERCEPTED).
// Columns: shipments (how many shipments were looked at).
// @param shipments: string[]
// @param seizures: string[]
// @param lines: string[]
// @param places: string[]
// @param species: string[]
// @column shipments: integer
CALL () {
  UNWIND $seizures AS id
  MATCH (seizure:Seizure {id: id})
  WITH DISTINCT seizure
  CALL (seizure) {
    MATCH (seizure)-[old:COUNTED_IN]->(month:TradeEntity)
    SET month.dirty = true, month.version = month.version + 1
    DELETE old
  }
  CALL (seizure) {
    WITH seizure, substring(toString(seizure.date), 0, 7) AS key
    WHERE key IS NOT NULL
    MERGE (month:TradeEntity {id: 'MONTH|' + key})
    ON CREATE SET month.kind = 'MONTH', month.level = 'TREND', month.month = key, month.version = 0, month.spansMonths = false
    SET month.dirty = true, month.version = month.version + 1
    MERGE (seizure)-[:COUNTED_IN]->(month)
  }
  RETURN count(seizure) AS seizures
}
CALL () {
  CALL () {
    UNWIND $shipments AS id
    MATCH (:Shipment {id: id})<-[:INTERCEPTED]-(:Seizure)-[:COUNTED_IN]->(entity:TradeEntity)
    RETURN entity
    UNION
    UNWIND $seizures AS id
    MATCH (:Seizure {id: id})-[:INTERCEPTED]->(:Shipment)-[:COUNTED_IN]->(entity:TradeEntity)
    RETURN entity
    UNION
    UNWIND $lines AS id
    MATCH (:CommodityLine {id: id})<-[:RECOVERED]-(:Seizure)-[:COUNTED_IN]->(entity:TradeEntity)
    RETURN entity
    UNION
    UNWIND $lines AS id
    MATCH (:CommodityLine {id: id})<-[:RECOVERED]-(:Seizure)-[:INTERCEPTED]->(:Shipment)-[:COUNTED_IN]->(entity:TradeEntity)
    RETURN entity
  }
  SET entity.dirty = true, entity.version = entity.version + 1
  RETURN count(entity) AS marked
}
CALL () {
  WITH $species AS species
  WHERE size(species) > 0
  MATCH (month:TradeEntity {level: 'TREND', kind: 'MONTH'})
  WHERE NOT all(i IN range(0, size(coalesce(month.taxonSpecies, [])) - 1) WHERE EXISTS {
    MATCH (known:Species {id: month.taxonSpecies[i]})
    WHERE coalesce(known.genus, '') = month.taxonGenera[i] AND coalesce(known.order, '') = month.taxonOrders[i]
  })
  SET month.dirty = true, month.version = month.version + 1
  RETURN count(month) AS staleMonths
}
CALL () {
  UNWIND $shipments AS id
  MATCH (shipment:Shipment {id: id})
  RETURN shipment
  UNION
  UNWIND $places AS id
  MATCH (:Place {id: id})<-[:STOPS_AT]-(shipment:Shipment)
  RETURN shipment
}
WITH DISTINCT shipment
CALL (shipment) {
  MATCH (shipment)-[old:COUNTED_IN]->(entity:TradeEntity)
  SET entity.dirty = true, entity.version = entity.version + 1
  DELETE old
}
CALL (shipment) {
  WITH shipment
  WHERE EXISTS { (shipment)<-[:INTERCEPTED]-(:Seizure) }
  CALL (shipment) {
    MATCH (shipment)-[stopsAt:STOPS_AT]->(stop)
    OPTIONAL MATCH (stop:Place)-[:IN_COUNTRY]->(placeCountry:Country)
    WITH stopsAt, stop, placeCountry
    ORDER BY stopsAt.seq
    RETURN collect({
      seq: stopsAt.seq,
      role: stopsAt.role,
      node: stop.id,
      country: CASE WHEN stop:Country THEN stop.id ELSE placeCountry.id END,
      place: CASE WHEN stop:Place THEN stop.id END
    }) AS stops
  }
  UNWIND ['COUNTRY', 'PLACE'] AS level
  CALL (shipment, stops, level) {
    WITH shipment, level,
      [stop IN stops WHERE stop.role = 'ORIGIN'] AS origins,
      [stop IN stops WHERE stop.role = 'TRANSIT'] AS transits,
      [stop IN stops WHERE stop.role = 'DESTINATION'] AS destinations
    UNWIND CASE WHEN origins = [] THEN [null] ELSE origins END AS origin
    UNWIND CASE WHEN destinations = [] THEN [null] ELSE destinations END AS destination
    WITH shipment, level, [stop IN [origin] + transits + [destination] WHERE stop IS NOT NULL | {
      key: CASE WHEN level = 'PLACE' THEN coalesce(stop.place, stop.country) ELSE stop.country END,
      country: stop.country,
      place: CASE WHEN level = 'PLACE' THEN stop.place END
    }] AS hops
    WITH DISTINCT shipment, level, [i IN range(0, size(hops) - 1) WHERE i = 0 OR hops[i].key <> hops[i - 1].key | hops[i]] AS route
    WHERE size(route) >= 2
    MERGE (entity:TradeEntity {id: 'ROUTE|' + level + '|' + reduce(path = '', hop IN route | path + '>' + hop.key)})
    ON CREATE SET entity.kind = 'ROUTE', entity.level = level, entity.version = 0, entity.spansMonths = false,
      entity.keys = [hop IN route | hop.key],
      entity.countries = [hop IN route | coalesce(hop.country, '')],
      entity.places = [hop IN route | coalesce(hop.place, '')]
    SET entity.dirty = true, entity.version = entity.version + 1
    MERGE (shipment)-[:COUNTED_IN]->(entity)
    WITH entity, route
    UNWIND range(0, size(route) - 1) AS position
    WITH entity, route[position].country AS country, position
    WHERE country IS NOT NULL
    WITH entity, country, min(position) AS first, max(position) AS last
    MATCH (passed:Country {id: country})
    MERGE (entity)-[passes:PASSES]->(passed)
    SET passes.first = first, passes.last = last
    RETURN count(*) AS routes
  }
  CALL (shipment, stops, level) {
    UNWIND stops AS here
    WITH shipment, level, stops, here
    WHERE here.role <> 'DESTINATION'
    UNWIND [next IN stops WHERE next.seq > here.seq AND next.role <> 'ORIGIN'
      AND none(between IN stops WHERE between.role = 'TRANSIT' AND here.seq < between.seq < next.seq)] AS next
    WITH DISTINCT shipment, level,
      CASE WHEN level = 'PLACE' THEN here.node ELSE coalesce(here.country, here.node) END AS source,
      CASE WHEN level = 'PLACE' THEN next.node ELSE coalesce(next.country, next.node) END AS target
    WHERE source <> target
    MERGE (link:TradeEntity {id: 'LINK|' + level + '|' + source + '>' + target})
    ON CREATE SET link.kind = 'LINK', link.level = level, link.version = 0, link.spansMonths = false,
      link.source = source, link.target = target
    SET link.dirty = true, link.version = link.version + 1
    MERGE (shipment)-[:COUNTED_IN]->(link)
    WITH DISTINCT shipment, level
    MERGE (total:TradeEntity {id: 'TOTAL|' + level})
    ON CREATE SET total.kind = 'TOTAL', total.level = level, total.version = 0, total.spansMonths = false
    SET total.dirty = true, total.version = total.version + 1
    MERGE (shipment)-[:COUNTED_IN]->(total)
    RETURN count(*) AS links
  }
  CALL (shipment, stops, level) {
    UNWIND [stop IN stops WHERE stop.role = 'TRANSIT'] AS transit
    WITH DISTINCT shipment, level, CASE WHEN level = 'PLACE' THEN transit.node ELSE coalesce(transit.country, transit.node) END AS key
    MERGE (hub:TradeEntity {id: 'HUB|' + level + '|' + key})
    ON CREATE SET hub.kind = 'HUB', hub.level = level, hub.version = 0, hub.spansMonths = false, hub.hub = key
    SET hub.dirty = true, hub.version = hub.version + 1
    MERGE (shipment)-[:COUNTED_IN]->(hub)
    WITH DISTINCT shipment, level
    MERGE (transits:TradeEntity {id: 'TRANSITS|' + level})
    ON CREATE SET transits.kind = 'TRANSITS', transits.level = level, transits.version = 0, transits.spansMonths = false
    SET transits.dirty = true, transits.version = transits.version + 1
    MERGE (shipment)-[:COUNTED_IN]->(transits)
    RETURN count(*) AS hubs
  }
  RETURN count(*) AS levels
}
RETURN count(shipment) AS shipments
