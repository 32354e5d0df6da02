// A small, hand-made demonstration network along the Mekong, for tests and for a first `npm start`.
// Countries, places and species are real; every person, company, identifier, shipment, seizure and
// carrier is INVENTED and carries the label :Synthetic (and `synthetic: true` in the API).
// Every node records its source with SOURCED_FROM; every relationship with sourceId and sourceRow.
// Statements run in one transaction; each MERGEs, so loading twice changes nothing.

MERGE (s:Source {id: "fixture"})
SET s.title = "Hand-made demonstration network (invented people, companies, shipments and seizures)",
    s.publisher = "mekong-trafficking-graph", s.kind = "SYNTHETIC", s.reliability = "F",
    s.licence = "MIT", s.retrievedOn = date("2026-11-29");

UNWIND [
  {id: "VN", iso3: "VNM", name: "Viet Nam", nameZh: "越南", alternativeNames: ["Vietnam", "Viet Nam"], latitude: 16.17, longitude: 107.83},
  {id: "CN", iso3: "CHN", name: "China", nameZh: "中国", alternativeNames: ["PRC", "People's Republic of China"], latitude: 35.86, longitude: 104.20},
  {id: "LA", iso3: "LAO", name: "Lao People's Democratic Republic", nameZh: "老挝", alternativeNames: ["Laos", "Lao PDR"], latitude: 19.86, longitude: 102.50},
  {id: "TH", iso3: "THA", name: "Thailand", nameZh: "泰国", alternativeNames: [], latitude: 15.87, longitude: 100.99},
  {id: "MM", iso3: "MMR", name: "Myanmar", nameZh: "缅甸", alternativeNames: ["Burma"], latitude: 21.91, longitude: 95.96},
  {id: "KH", iso3: "KHM", name: "Cambodia", nameZh: "柬埔寨", alternativeNames: [], latitude: 12.57, longitude: 104.99},
  {id: "HK", iso3: "HKG", name: "Hong Kong", nameZh: "香港", alternativeNames: ["China - Hong Kong", "Hong Kong SAR"], latitude: 22.32, longitude: 114.17},
  {id: "MY", iso3: "MYS", name: "Malaysia", nameZh: "马来西亚", alternativeNames: [], latitude: 4.21, longitude: 101.98},
  {id: "SG", iso3: "SGP", name: "Singapore", nameZh: "新加坡", alternativeNames: [], latitude: 1.35, longitude: 103.82},
  {id: "AE", iso3: "ARE", name: "United Arab Emirates", nameZh: "阿拉伯联合酋长国", alternativeNames: ["UAE"], latitude: 23.42, longitude: 53.85},
  {id: "NG", iso3: "NGA", name: "Nigeria", nameZh: "尼日利亚", alternativeNames: [], latitude: 9.08, longitude: 8.68},
  {id: "CM", iso3: "CMR", name: "Cameroon", nameZh: "喀麦隆", alternativeNames: [], latitude: 7.37, longitude: 12.35},
  {id: "KE", iso3: "KEN", name: "Kenya", nameZh: "肯尼亚", alternativeNames: [], latitude: -0.02, longitude: 37.91}
] AS row
MERGE (c:Country {id: row.id})
SET c += row, c.searchText = reduce(text = row.nameZh, name IN row.alternativeNames | text + " " + name)
WITH c
MATCH (s:Source {id: "fixture"})
MERGE (c)-[:SOURCED_FROM {row: 0}]->(s);

UNWIND [["CN", "VN"], ["CN", "LA"], ["CN", "MM"], ["LA", "VN"], ["LA", "TH"], ["LA", "KH"], ["LA", "MM"], ["TH", "MM"], ["TH", "KH"], ["KH", "VN"], ["TH", "MY"], ["NG", "CM"]] AS pair
MATCH (a:Country {id: pair[0]}), (b:Country {id: pair[1]})
MERGE (a)-[r:BORDERS]->(b)
SET r.sourceId = "fixture", r.sourceRow = 0;

UNWIND [
  {id: "locode:VNHPH", name: "Hai Phong", kind: "SEAPORT", locode: "VNHPH", country: "VN", latitude: 20.86, longitude: 106.68},
  {id: "iata:HAN", name: "Noi Bai International Airport", kind: "AIRPORT", iataCode: "HAN", country: "VN", latitude: 21.22, longitude: 105.81},
  {id: "locode:VNLCA", name: "Lao Cai", kind: "BORDER_CROSSING", locode: "VNLCA", country: "VN", latitude: 22.50, longitude: 103.97},
  {id: "locode:VNMOC", name: "Mong Cai", kind: "BORDER_CROSSING", locode: "VNMOC", country: "VN", latitude: 21.53, longitude: 107.97},
  {id: "locode:CNMHN", name: "Mohan", kind: "BORDER_CROSSING", locode: "CNMHN", country: "CN", latitude: 21.18, longitude: 101.69},
  {id: "locode:CNJOG", name: "Jinghong", kind: "RIVER_PORT", locode: "CNJOG", country: "CN", latitude: 22.01, longitude: 100.80},
  {id: "locode:LABTN", name: "Boten", kind: "BORDER_CROSSING", locode: "LABTN", country: "LA", latitude: 21.19, longitude: 101.67},
  {id: "locode:LAHOE", name: "Houayxay", kind: "RIVER_PORT", locode: "LAHOE", country: "LA", latitude: 20.28, longitude: 100.41},
  {id: "iata:BKK", name: "Suvarnabhumi Airport", kind: "AIRPORT", iataCode: "BKK", country: "TH", latitude: 13.69, longitude: 100.75},
  {id: "locode:HKKWN", name: "Kwai Chung", kind: "SEAPORT", locode: "HKKWN", country: "HK", latitude: 22.35, longitude: 114.12},
  {id: "locode:MYPKG", name: "Port Klang", kind: "SEAPORT", locode: "MYPKG", country: "MY", latitude: 3.00, longitude: 101.39},
  {id: "locode:SGSIN", name: "Singapore", kind: "SEAPORT", locode: "SGSIN", country: "SG", latitude: 1.26, longitude: 103.84},
  {id: "iata:DXB", name: "Dubai International Airport", kind: "AIRPORT", iataCode: "DXB", country: "AE", latitude: 25.25, longitude: 55.36},
  {id: "locode:NGAPP", name: "Apapa", kind: "SEAPORT", locode: "NGAPP", country: "NG", latitude: 6.45, longitude: 3.36},
  {id: "iata:LOS", name: "Murtala Muhammed International Airport", kind: "AIRPORT", iataCode: "LOS", country: "NG", latitude: 6.58, longitude: 3.32},
  {id: "locode:CMDLA", name: "Douala", kind: "SEAPORT", locode: "CMDLA", country: "CM", latitude: 4.05, longitude: 9.70},
  {id: "iata:NBO", name: "Jomo Kenyatta International Airport", kind: "AIRPORT", iataCode: "NBO", country: "KE", latitude: -1.32, longitude: 36.93}
] AS row
MERGE (p:Place {id: row.id})
SET p += row {.name, .kind, .locode, .iataCode, .latitude, .longitude}
WITH p, row
MATCH (c:Country {id: row.country}), (s:Source {id: "fixture"})
MERGE (p)-[r:IN_COUNTRY]->(c)
SET r.sourceId = "fixture", r.sourceRow = 0
MERGE (p)-[:SOURCED_FROM {row: 0}]->(s);

UNWIND [
  {id: "manis-tricuspis", scientificName: "Manis tricuspis", citesAppendix: "I", taxonClass: "Mammalia", order: "Pholidota", family: "Manidae", genus: "Manis", en: ["White-bellied pangolin", "Tree pangolin"], fr: ["Pangolin à écailles tricuspides"], zh: ["白腹长尾穿山甲"]},
  {id: "manis-javanica", scientificName: "Manis javanica", citesAppendix: "I", taxonClass: "Mammalia", order: "Pholidota", family: "Manidae", genus: "Manis", en: ["Sunda pangolin"], fr: ["Pangolin javanais"], zh: ["马来穿山甲"]},
  {id: "loxodonta-africana", scientificName: "Loxodonta africana", citesAppendix: "I", taxonClass: "Mammalia", order: "Proboscidea", family: "Elephantidae", genus: "Loxodonta", en: ["African elephant"], fr: ["Éléphant d'Afrique"], zh: ["非洲象"]},
  {id: "ceratotherium-simum", scientificName: "Ceratotherium simum", citesAppendix: "I", taxonClass: "Mammalia", order: "Perissodactyla", family: "Rhinocerotidae", genus: "Ceratotherium", en: ["White rhinoceros"], fr: ["Rhinocéros blanc"], zh: ["白犀"]},
  {id: "panthera-tigris", scientificName: "Panthera tigris", citesAppendix: "I", taxonClass: "Mammalia", order: "Carnivora", family: "Felidae", genus: "Panthera", en: ["Tiger"], fr: ["Tigre"], zh: ["虎"]}
] AS row
MERGE (sp:Species {id: row.id})
SET sp.scientificName = row.scientificName, sp.name = row.scientificName, sp.citesAppendix = row.citesAppendix,
    sp.kingdom = "Animalia", sp.phylum = "Chordata", sp.taxonClass = row.taxonClass, sp.order = row.order,
    sp.family = row.family, sp.genus = row.genus,
    sp.commonNamesEn = row.en, sp.commonNamesFr = row.fr, sp.commonNamesZh = row.zh,
    sp.searchText = reduce(text = "", name IN row.en + row.fr + row.zh | text + " " + name)
WITH sp
MATCH (s:Source {id: "fixture"})
MERGE (sp)-[:SOURCED_FROM {row: 0}]->(s);

UNWIND [
  {id: "fixture-person-1", name: "Nguyễn Văn An", aliases: ["Nguyen Van An", "Anh Ba"], birthYear: 1978, nationality: "VN"},
  {id: "fixture-person-2", name: "Trần Thị Bích", aliases: ["Tran Thi Bich"], birthYear: 1985, nationality: "VN"},
  {id: "fixture-person-3", name: "Li Wei", aliases: ["李伟", "Lee Wai"], birthYear: 1971, nationality: "CN"},
  {id: "fixture-person-4", name: "Chukwuemeka Obi", aliases: ["Emeka Obi"], birthYear: 1983, nationality: "NG"},
  {id: "fixture-person-5", name: "Bounmy Keomany", aliases: [], birthYear: 1990, nationality: "LA"},
  {id: "fixture-person-6", name: "Somchai Rattanakorn", aliases: [], birthYear: 1975, nationality: "TH"}
] AS row
MERGE (p:Person:Synthetic {id: row.id})
SET p.name = row.name, p.aliases = row.aliases, p.birthYear = row.birthYear,
    p.searchText = reduce(text = "", name IN row.aliases | text + " " + name)
WITH p, row
MATCH (c:Country {id: row.nationality}), (s:Source {id: "fixture"})
MERGE (p)-[r:NATIONAL_OF]->(c)
SET r.sourceId = "fixture", r.sourceRow = 0
MERGE (p)-[:SOURCED_FROM {row: 0}]->(s);

UNWIND [
  {id: "fixture-company-1", name: "Sea Star Logistics Co., Ltd", kind: "FREIGHT_FORWARDER", country: "VN", incorporatedOn: "2014-03-12"},
  {id: "fixture-company-2", name: "Golden Delta Trading Limited", kind: "SHELL", country: "HK", incorporatedOn: "2017-09-01"},
  {id: "fixture-company-3", name: "Apapa Agro Export Ltd", kind: "TRADER", country: "NG", incorporatedOn: "2012-06-20"},
  {id: "fixture-company-4", name: "Mekong Bridge Import-Export Sole Co.", kind: "TRADER", country: "LA", incorporatedOn: "2016-11-05"}
] AS row
MERGE (co:Company:Synthetic {id: row.id})
SET co.name = row.name, co.kind = row.kind, co.incorporatedOn = date(row.incorporatedOn)
WITH co, row
MATCH (c:Country {id: row.country}), (s:Source {id: "fixture"})
MERGE (co)-[r:REGISTERED_IN]->(c)
SET r.sourceId = "fixture", r.sourceRow = 0
MERGE (co)-[:SOURCED_FROM {row: 0}]->(s);

UNWIND [
  {person: "fixture-person-1", company: "fixture-company-1", role: "director"},
  {person: "fixture-person-3", company: "fixture-company-2", role: "owner"},
  {person: "fixture-person-4", company: "fixture-company-3", role: "director"}
] AS row
MATCH (p:Person {id: row.person}), (co:Company {id: row.company})
MERGE (p)-[r:OFFICER_OF]->(co)
SET r.role = row.role, r.sourceId = "fixture", r.sourceRow = 0;

UNWIND [
  {id: "PHONE:+84912000111", kind: "PHONE", value: "+84912000111", rawValue: "0912 000 111", holders: ["fixture-person-1", "fixture-company-1"]},
  {id: "EMAIL:golden.delta.trading@example.com", kind: "EMAIL", value: "golden.delta.trading@example.com", rawValue: "Golden.Delta.Trading@example.com", holders: ["fixture-person-3", "fixture-company-2"]},
  {id: "ADDRESS:12 wharf road apapa lagos", kind: "ADDRESS", value: "12 wharf road apapa lagos", rawValue: "12 Wharf Road, Apapa, Lagos", holders: ["fixture-person-4", "fixture-company-3"]},
  {id: "BANK_ACCOUNT:HK000111222333", kind: "BANK_ACCOUNT", value: "HK000111222333", rawValue: "000-111222-333", holders: ["fixture-person-2", "fixture-company-2"]},
  {id: "DOCUMENT:VN-C0000001", kind: "DOCUMENT", value: "VN-C0000001", rawValue: "C0000001", holders: ["fixture-person-1"]},
  {id: "PHONE:+8562055500011", kind: "PHONE", value: "+8562055500011", rawValue: "+856 20 555 000 11", holders: ["fixture-person-5", "fixture-company-4"]}
] AS row
MERGE (i:Identifier:Synthetic {id: row.id})
SET i.kind = row.kind, i.value = row.value, i.rawValue = row.rawValue
WITH i, row
MATCH (s:Source {id: "fixture"})
MERGE (i)-[:SOURCED_FROM {row: 0}]->(s)
WITH i, row
UNWIND row.holders AS holderId
OPTIONAL MATCH (person:Person {id: holderId})
OPTIONAL MATCH (company:Company {id: holderId})
WITH i, coalesce(person, company) AS h
MERGE (h)-[r:HAS_IDENTIFIER]->(i)
SET r.sourceId = "fixture", r.sourceRow = 0;

MERGE (v:Carrier:Synthetic {id: "fixture-carrier-1"})
SET v.name = "MV Lotus Star", v.kind = "VESSEL", v.imoNumber = "9312341"
WITH v
MATCH (s:Source {id: "fixture"})
MERGE (v)-[:SOURCED_FROM {row: 0}]->(s);

UNWIND [
  {id: "fixture-shipment-1", mode: "SEA", declaredContents: "cashew nuts", containerNumber: "LOTU1234565", billOfLading: "LTS-APP-0419-77", departedOn: "2019-03-02", carrier: "fixture-carrier-1",
   stops: [{at: "locode:NGAPP", role: "ORIGIN"}, {at: "locode:MYPKG", role: "TRANSIT"}, {at: "locode:VNHPH", role: "DESTINATION"}],
   parties: [{id: "fixture-company-3", role: "SHIPPER"}, {id: "fixture-company-1", role: "CONSIGNEE"}, {id: "fixture-person-1", role: "ORGANISER"}]},
  {id: "fixture-shipment-2", mode: "PASSENGER_LUGGAGE", declaredContents: "personal effects", airWaybill: null, departedOn: "2018-11-19",
   stops: [{at: "iata:LOS", role: "ORIGIN"}, {at: "iata:DXB", role: "TRANSIT"}, {at: "iata:HAN", role: "DESTINATION"}],
   parties: [{id: "fixture-person-4", role: "COURIER"}, {id: "fixture-person-1", role: "CONSIGNEE"}]},
  {id: "fixture-shipment-3", mode: "ROAD", declaredContents: "bananas", departedOn: "2020-06-14",
   stops: [{at: "locode:LABTN", role: "ORIGIN"}, {at: "locode:CNMHN", role: "DESTINATION"}],
   parties: [{id: "fixture-company-4", role: "SHIPPER"}, {id: "fixture-person-5", role: "COURIER"}]},
  {id: "fixture-shipment-4", mode: "SEA", declaredContents: "sawn timber", containerNumber: "LOTU7654320", departedOn: "2018-12-10", carrier: "fixture-carrier-1",
   stops: [{at: "locode:CMDLA", role: "ORIGIN"}, {at: "locode:SGSIN", role: "TRANSIT"}, {at: "locode:HKKWN", role: "DESTINATION"}],
   parties: [{id: "fixture-company-3", role: "SHIPPER"}, {id: "fixture-company-2", role: "CONSIGNEE"}, {id: "fixture-person-3", role: "ORGANISER"}, {id: "fixture-person-2", role: "FINANCIER"}]},
  {id: "fixture-shipment-5", mode: "RIVER", declaredContents: "dried fish", departedOn: "2021-02-03",
   stops: [{at: "LA", role: "ORIGIN"}, {at: "locode:LAHOE", role: "TRANSIT"}, {at: "locode:CNJOG", role: "DESTINATION"}],
   parties: [{id: "fixture-person-5", role: "COURIER"}, {id: "fixture-company-4", role: "SHIPPER"}]},
  {id: "fixture-shipment-6", mode: "AIR", declaredContents: "handicrafts", airWaybill: "176-00012345", departedOn: "2017-08-02",
   stops: [{at: "iata:NBO", role: "ORIGIN"}, {at: "iata:BKK", role: "TRANSIT"}, {at: "iata:HAN", role: "DESTINATION"}],
   parties: [{id: "fixture-company-1", role: "FREIGHT_FORWARDER"}, {id: "fixture-person-2", role: "FINANCIER"}, {id: "fixture-person-6", role: "CONSIGNEE"}]}
] AS row
MERGE (sh:Shipment:Synthetic {id: row.id})
SET sh.mode = row.mode, sh.declaredContents = row.declaredContents, sh.containerNumber = row.containerNumber,
    sh.billOfLading = row.billOfLading, sh.airWaybill = row.airWaybill, sh.departedOn = date(row.departedOn)
WITH sh, row
MATCH (s:Source {id: "fixture"})
MERGE (sh)-[:SOURCED_FROM {row: 0}]->(s)
WITH sh, row
CALL (sh, row) {
  UNWIND range(0, size(row.stops) - 1) AS seq
  OPTIONAL MATCH (place:Place {id: row.stops[seq].at})
  OPTIONAL MATCH (country:Country {id: row.stops[seq].at})
  WITH sh, row, seq, coalesce(place, country) AS stop
  MERGE (sh)-[r:STOPS_AT {seq: seq}]->(stop)
  SET r.role = row.stops[seq].role, r.sourceId = "fixture", r.sourceRow = 0
}
CALL (sh, row) {
  UNWIND row.parties AS party
  OPTIONAL MATCH (person:Person {id: party.id})
  OPTIONAL MATCH (company:Company {id: party.id})
  WITH sh, party, coalesce(person, company) AS p
  MERGE (p)-[r:PARTY_TO {role: party.role}]->(sh)
  SET r.sourceId = "fixture", r.sourceRow = 0
}
CALL (sh, row) {
  MATCH (c:Carrier {id: row.carrier})
  MERGE (sh)-[r:CARRIED_BY]->(c)
  SET r.sourceId = "fixture", r.sourceRow = 0
};

UNWIND [
  {id: "fixture-seizure-1", date: "2019-04-08", agency: "Hai Phong Customs", place: "locode:VNHPH", country: "VN", shipment: "fixture-shipment-1",
   concealment: "scales in sacks behind a wall of cashew sacks", detectionMethod: "X-ray scan", arrestCount: 1, outcome: "organiser charged",
   arrests: [{person: "fixture-person-1", charge: "illegal trading of endangered wildlife", convicted: true, sentence: "12 years"}],
   lines: [{product: "SCALES", species: "manis-tricuspis", quantity: 8300.0, unit: "KG", quantityText: "8.3 tonnes"}, {product: "RAW_IVORY", species: "loxodonta-africana", quantity: 2100.0, unit: "KG", quantityText: "2.1 t"}]},
  {id: "fixture-seizure-2", date: "2018-11-20", agency: "Noi Bai Airport Customs", place: "iata:HAN", country: "VN", shipment: "fixture-shipment-2",
   concealment: "horn wrapped in foil in two suitcases", detectionMethod: "passenger profiling", arrestCount: 1, outcome: "courier convicted",
   arrests: [{person: "fixture-person-4", charge: "smuggling", convicted: true, sentence: "5 years"}],
   lines: [{product: "HORN", species: "ceratotherium-simum", quantity: 45.0, unit: "KG", quantityText: "45 kg"}]},
  {id: "fixture-seizure-3", date: "2020-06-15", agency: "Mohan Border Police", place: "locode:CNMHN", country: "CN", shipment: "fixture-shipment-3",
   concealment: "under banana crates", detectionMethod: "tip-off", arrestCount: 1, outcome: "driver detained",
   arrests: [{person: "fixture-person-5", charge: "smuggling of protected animals", convicted: null, sentence: null}],
   lines: [{product: "SCALES", species: "manis-javanica", quantity: 1200.0, unit: "KG", quantityText: "1,200 kg"}]},
  {id: "fixture-seizure-4", date: "2019-01-30", agency: "Hong Kong Customs", place: "locode:HKKWN", country: "HK", shipment: "fixture-shipment-4",
   concealment: "inside hollowed timber", detectionMethod: "risk profiling", arrestCount: 0, outcome: null, arrests: [],
   lines: [{product: "SCALES", species: "manis-tricuspis", quantity: 4500.0, unit: "KG", quantityText: "4,500 kg"}, {product: "RAW_IVORY", species: "loxodonta-africana", quantity: 3200.0, unit: "KG", quantityText: "3.2 tonnes"}]},
  {id: "fixture-seizure-5", date: "2021-07-09", agency: "Mong Cai Border Guard", place: "locode:VNMOC", country: "VN", shipment: null,
   concealment: "cages in a van", detectionMethod: "checkpoint inspection", arrestCount: 0, outcome: null, arrests: [],
   lines: [{product: "LIVE", species: "manis-javanica", quantity: 14.0, unit: "INDIVIDUALS", quantityText: "14 live pangolins"}]},
  {id: "fixture-seizure-6", date: "2017-08-03", agency: "Suvarnabhumi Airport Customs", place: "iata:BKK", country: "TH", shipment: "fixture-shipment-6",
   concealment: "declared as handicrafts", detectionMethod: "X-ray scan", arrestCount: 0, outcome: null, arrests: [],
   lines: [{product: "WORKED_IVORY", species: "loxodonta-africana", quantity: 120.0, unit: "PIECES", quantityText: "120 carvings"}, {product: "BONE", species: "panthera-tigris", quantity: 6.5, unit: "KG", quantityText: "6.5 kg"}]}
] AS row
MERGE (sz:Seizure:Synthetic {id: row.id})
SET sz.date = date(row.date), sz.dateText = row.date, sz.agency = row.agency, sz.concealment = row.concealment,
    sz.detectionMethod = row.detectionMethod, sz.arrestCount = row.arrestCount, sz.outcome = row.outcome
WITH sz, row
MATCH (s:Source {id: "fixture"}), (c:Country {id: row.country}), (p:Place {id: row.place})
MERGE (sz)-[:SOURCED_FROM {row: 0}]->(s)
MERGE (sz)-[rc:SEIZED_IN]->(c) SET rc.sourceId = "fixture", rc.sourceRow = 0
MERGE (sz)-[rp:SEIZED_AT]->(p) SET rp.sourceId = "fixture", rp.sourceRow = 0
WITH sz, row, s
CALL (sz, row) {
  MATCH (sh:Shipment {id: row.shipment})
  MERGE (sz)-[r:INTERCEPTED]->(sh)
  SET r.sourceId = "fixture", r.sourceRow = 0
}
CALL (sz, row) {
  UNWIND row.arrests AS arrest
  MATCH (p:Person {id: arrest.person})
  MERGE (sz)-[r:ARRESTED]->(p)
  SET r.charge = arrest.charge, r.convicted = arrest.convicted, r.sentence = arrest.sentence,
      r.sourceId = "fixture", r.sourceRow = 0
}
CALL (sz, row, s) {
  UNWIND range(0, size(row.lines) - 1) AS index
  WITH sz, row, s, index, row.lines[index] AS line
  MERGE (cl:CommodityLine:Synthetic {id: sz.id + "-line-" + toString(index + 1)})
  SET cl.product = line.product, cl.quantity = line.quantity, cl.unit = line.unit, cl.quantityText = line.quantityText,
      cl.weightKg = CASE line.unit WHEN "KG" THEN line.quantity ELSE null END
  MERGE (cl)-[:SOURCED_FROM {row: 0}]->(s)
  MERGE (sz)-[r:RECOVERED]->(cl) SET r.sourceId = "fixture", r.sourceRow = 0
  WITH cl, line
  MATCH (sp:Species {id: line.species})
  MERGE (cl)-[r:OF_SPECIES]->(sp) SET r.sourceId = "fixture", r.sourceRow = 0
  WITH cl
  MATCH (sz2:Seizure)-[:RECOVERED]->(cl), (sz2)-[:INTERCEPTED]->(sh:Shipment)
  MERGE (sh)-[r:CARRIED]->(cl) SET r.sourceId = "fixture", r.sourceRow = 0
};
