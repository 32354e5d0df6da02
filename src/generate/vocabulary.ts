import { TransportMode } from "../domain/vocabulary.js";

/**
 * The words of seizure records: the covers declared on manifests, how goods were hidden and found,
 * which agencies seize at which kind of place, what suspects were charged with. Drawn from the
 * patterns in public seizure reports (ROUTES, TRAFFIC bulletins, customs press releases); every
 * record built from them is invented.
 */

export const DECLARED_CONTENTS: Readonly<Record<TransportMode, readonly string[]>> = {
  [TransportMode.SEA]: [
    "cashew nuts", "frozen fish", "plastic waste", "sawn timber", "wood logs", "ginger", "soybeans", "used tyres",
    "scrap metal", "charcoal", "sesame seeds", "peanuts", "coffee beans", "seashells", "marble slabs", "tea leaves",
    "cassava chips", "frozen beef", "shea butter", "cotton bales",
  ],
  [TransportMode.AIR]: [
    "handicrafts", "personal effects", "spare parts", "dried fish", "textiles", "cosmetics", "herbal medicine",
    "mobile phone accessories", "garments", "documents", "wooden carvings", "machine parts",
  ],
  [TransportMode.PASSENGER_LUGGAGE]: ["personal effects", "clothes", "souvenirs", "food items", "gifts"],
  [TransportMode.POST]: ["books", "clothing samples", "gift", "tea", "cosmetics", "dried food", "toys"],
  [TransportMode.ROAD]: [
    "bananas", "dragon fruit", "durian", "watermelons", "dried cassava", "rubber latex", "frozen chicken", "fertiliser",
    "construction materials", "rice", "sugar cane", "animal feed",
  ],
  [TransportMode.RIVER]: ["dried fish", "bananas", "rubber", "agricultural products", "frozen pork", "beer"],
  [TransportMode.RAIL]: ["fertiliser", "rubber", "cassava starch", "bananas", "potash"],
  [TransportMode.UNKNOWN]: ["unknown"],
};

export const CONCEALMENT: Readonly<Record<TransportMode, readonly string[]>> = {
  [TransportMode.SEA]: [
    "in sacks behind a wall of declared cargo", "in a false floor of the container", "mixed with the declared cargo",
    "inside hollowed timber logs", "packed in sacks labelled as the declared goods", "in boxes of frozen fish",
    "under bales of plastic waste", "in the refrigeration unit of a reefer container",
  ],
  [TransportMode.AIR]: [
    "wrapped in foil inside cartons", "in boxes declared as the stated goods", "painted to look like wood carvings",
    "packed in clay to defeat X-ray", "in a consolidated air cargo shipment",
  ],
  [TransportMode.PASSENGER_LUGGAGE]: [
    "wrapped in foil inside checked suitcases", "in a false bottom of a suitcase", "wrapped in clothing in check-in luggage",
    "strapped to the body", "in hand luggage, wrapped in newspaper",
  ],
  [TransportMode.POST]: ["in parcels declared as gifts", "in a parcel with dried food", "hidden inside books", "in envelopes"],
  [TransportMode.ROAD]: [
    "under crates of fruit", "in a hidden compartment of the truck", "in the fuel tank area of a car",
    "among sacks of agricultural produce", "in the cab of the lorry", "in cages under a tarpaulin",
  ],
  [TransportMode.RIVER]: ["in the hold under agricultural produce", "in a speedboat at night", "in sacks among dried fish"],
  [TransportMode.RAIL]: ["in a freight wagon among the declared cargo", "in passenger luggage on the train"],
  [TransportMode.UNKNOWN]: ["not reported"],
};

export const DETECTION_METHODS: readonly (readonly [string, number])[] = [
  ["X-ray scan", 0.3],
  ["risk profiling", 0.2],
  ["sniffer dog", 0.1],
  ["tip-off", 0.12],
  ["passenger profiling", 0.06],
  ["random physical inspection", 0.1],
  ["intelligence from a joint operation", 0.07],
  ["document check", 0.05],
];

/** Agencies that seize, per country; border and river crossings add the border guard or police. */
export const AGENCIES: Readonly<Record<string, readonly string[]>> = {
  VN: ["General Department of Viet Nam Customs", "Environmental Police (C05)", "Viet Nam Border Guard"],
  CN: ["China Customs Anti-smuggling Bureau", "Forest Police", "Public Security Bureau"],
  HK: ["Customs and Excise Department", "Agriculture, Fisheries and Conservation Department"],
  LA: ["Lao Customs Department", "Bokeo Provincial Police", "Department of Forest Inspection"],
  TH: ["Royal Thai Customs", "Department of National Parks, Wildlife and Plant Conservation", "Royal Thai Police"],
  MM: ["Myanmar Customs Department", "Myanmar Police Force"],
  KH: ["General Department of Customs and Excise of Cambodia", "Forestry Administration"],
  MY: ["Royal Malaysian Customs Department", "Department of Wildlife and National Parks (PERHILITAN)"],
  SG: ["National Parks Board", "Immigration & Checkpoints Authority"],
  AE: ["Dubai Customs"],
  QA: ["Qatar General Authority of Customs"],
  TR: ["Turkish Customs Enforcement"],
  LK: ["Sri Lanka Customs"],
  NG: ["Nigeria Customs Service", "National Environmental Standards and Regulations Enforcement Agency"],
  CM: ["Cameroon Customs", "Ministry of Forestry and Wildlife"],
  CD: ["Direction Générale des Douanes et Accises", "Institut Congolais pour la Conservation de la Nature"],
  CG: ["Direction Générale des Douanes", "Ministry of Forest Economy"],
  CI: ["Direction Générale des Douanes de Côte d'Ivoire"],
  TG: ["Office Togolais des Recettes"],
  KE: ["Kenya Revenue Authority Customs", "Kenya Wildlife Service"],
  TZ: ["Tanzania Revenue Authority", "Tanzania Wildlife Management Authority"],
  UG: ["Uganda Revenue Authority", "Uganda Wildlife Authority"],
  MZ: ["Autoridade Tributária de Moçambique", "ANAC"],
  ZA: ["South African Revenue Service Customs", "South African Police Service"],
  ET: ["Ethiopian Customs Commission", "Ethiopian Wildlife Conservation Authority"],
  MG: ["Douanes Malagasy", "Gendarmerie Nationale"],
  MX: ["PROFEPA", "Aduanas de México"],
  US: ["U.S. Fish and Wildlife Service", "U.S. Customs and Border Protection"],
};

/** Agencies of the district a place belongs to; a seizure there names one of them most of the time. */
export const PLACE_AGENCIES: Readonly<Record<string, readonly string[]>> = {
  "locode:VNHPH": ["Hai Phong Customs Department", "Hai Phong Port Border Guard"],
  "locode:VNCLI": ["Ho Chi Minh City Customs Department", "Saigon Port Region 1 Customs"],
  "iata:SGN": ["Ho Chi Minh City Customs Department", "Tan Son Nhat Airport Customs"],
  "locode:VNSGN": ["Ho Chi Minh City Customs Department", "Ho Chi Minh City Police"],
  "iata:HAN": ["Noi Bai International Airport Customs", "Hanoi Customs Department"],
  "locode:VNHAN": ["Hanoi Customs Department", "Hanoi Police"],
  "locode:VNLCA": ["Lao Cai Customs Department", "Lao Cai Border Guard"],
  "locode:VNMOC": ["Quang Ninh Customs Department", "Mong Cai Border Guard"],
  "locode:VNLAO": ["Quang Tri Customs Department", "Lao Bao Border Guard"],
  "iata:DAD": ["Da Nang Customs Department"],
  "locode:VNDAD": ["Da Nang Customs Department", "Da Nang Police"],
  "locode:CNNSA": ["Guangzhou Customs", "Nansha Customs"],
  "locode:CNHUN": ["Guangzhou Customs", "Huangpu Customs"],
  "iata:CAN": ["Guangzhou Customs", "Guangzhou Baiyun Airport Customs"],
  "locode:CNSHK": ["Shenzhen Customs", "Shekou Customs"],
  "iata:SZX": ["Shenzhen Customs"],
  "locode:CNMHN": ["Kunming Customs", "Mohan Border Police"],
  "locode:CNHKM": ["Kunming Customs", "Hekou Customs"],
  "locode:CNRUI": ["Kunming Customs", "Ruili Border Police"],
  "locode:CNDLO": ["Kunming Customs", "Xishuangbanna Border Police"],
  "locode:CNJOG": ["Kunming Customs", "Xishuangbanna Border Police"],
  "locode:CNKNM": ["Kunming Customs", "Yunnan Anti-smuggling Bureau"],
  "iata:KMG": ["Kunming Customs", "Kunming Changshui Airport Customs"],
  "locode:CNDOX": ["Nanning Customs", "Dongxing Customs"],
  "locode:CNNIN": ["Nanning Customs", "Guangxi Anti-smuggling Bureau"],
  "iata:PVG": ["Shanghai Customs"],
  "locode:THLCH": ["Laem Chabang Customs House"],
  "iata:BKK": ["Suvarnabhumi Airport Customs"],
  "locode:THCHS": ["Chiang Saen Customs House"],
  "locode:THCHK": ["Chiang Khong Customs House"],
  "locode:THMSA": ["Mae Sai Customs House"],
  "locode:THNOK": ["Nong Khai Customs House"],
  "locode:THMDH": ["Mukdahan Customs House"],
  "locode:LABTN": ["Boten Customs Checkpoint"],
  "locode:LAHOE": ["Bokeo Provincial Police"],
  "iata:VTE": ["Wattay Airport Customs"],
  "locode:MYPKG": ["Royal Malaysian Customs Department, Port Klang"],
  "iata:KUL": ["Royal Malaysian Customs Department, KLIA"],
  "locode:SGSIN": ["Immigration & Checkpoints Authority, Pasir Panjang"],
  "iata:SIN": ["Immigration & Checkpoints Authority, Changi"],
  "locode:KEMBA": ["Kenya Revenue Authority Customs, Mombasa"],
  "iata:NBO": ["Kenya Wildlife Service, JKIA"],
  "locode:NGAPP": ["Nigeria Customs Service, Apapa Command"],
  "iata:LOS": ["Nigeria Customs Service, Murtala Muhammed Airport Command"],
};

export const CHARGES: readonly string[] = [
  "illegal trading of endangered wildlife",
  "smuggling of protected animal products",
  "illegal possession of protected species",
  "violation of wildlife protection regulations",
  "money laundering",
  "forgery of customs documents",
];

export const SENTENCES: readonly string[] = [
  "18 months", "2 years", "3 years", "5 years", "7 years", "9 years", "12 years", "13 years",
  "suspended sentence of 2 years", "fine only",
];

export const OUTCOMES: readonly string[] = [
  "suspects charged", "investigation ongoing", "suspects convicted", "case transferred to the prosecutor",
  "goods confiscated, no arrest", "suspects released on bail",
];

/** Roles a person holds in a company (OFFICER_OF.role). */
export const OFFICER_ROLES = {
  director: "director",
  owner: "owner",
  shareholder: "shareholder",
  manager: "manager",
  nomineeDirector: "nominee director",
} as const;
