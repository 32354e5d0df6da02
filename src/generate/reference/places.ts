import { PlaceKind } from "../../domain/vocabulary.js";

/**
 * Real places the generated routes use. Ports, crossings and cities are keyed by UN/LOCODE
 * (`locode:VNHPH`), airports by IATA code (`iata:HAN`), as in `cypher/model.md`. A test checks every
 * code against `../shared/data/unlocode` and `../shared/data/openflights` and the coordinates against
 * theirs, so none is invented. The kind is the generator's reading of the place's role on a route;
 * the reference import derives its own from the UN/LOCODE function mask.
 */
export interface Place {
  readonly id: string;
  readonly name: string;
  readonly kind: PlaceKind;
  readonly locode: string | null;
  readonly iataCode: string | null;
  readonly latitude: number;
  readonly longitude: number;
  readonly countryId: string;
  /** How a record would name it: "Cat Lai port, Ho Chi Minh City". */
  readonly text: string;
}

function byLocode(
  locode: string,
  name: string,
  kind: PlaceKind,
  latitude: number,
  longitude: number,
  text: string,
): Place {
  return { id: `locode:${locode}`, name, kind, locode, iataCode: null, latitude, longitude, countryId: locode.slice(0, 2), text };
}

function airport(iata: string, name: string, countryId: string, latitude: number, longitude: number, text: string): Place {
  return { id: `iata:${iata}`, name, kind: PlaceKind.AIRPORT, locode: null, iataCode: iata, latitude, longitude, countryId, text };
}

const { SEAPORT, RIVER_PORT, BORDER_CROSSING, CITY } = PlaceKind;

export const places: readonly Place[] = [
  // Sea ports
  byLocode("VNHPH", "Hai Phong", SEAPORT, 20.86, 106.68, "Hai Phong port"),
  byLocode("VNCLI", "Cat Lai", SEAPORT, 10.77, 106.78, "Cat Lai port, Ho Chi Minh City"),
  byLocode("KHKOS", "Sihanoukville (Kampong Saom)", SEAPORT, 10.63, 103.5, "Sihanoukville Autonomous Port"),
  byLocode("HKHKG", "Hong Kong", SEAPORT, 22.35, 114.12, "Kwai Tsing container terminals, Hong Kong"),
  byLocode("CNNSA", "Nansha", SEAPORT, 22.75, 113.58, "Nansha port, Guangzhou"),
  byLocode("CNHUN", "Huangpu New Port", SEAPORT, 23.08, 113.5, "Huangpu port, Guangzhou"),
  byLocode("CNSHK", "Shekou", SEAPORT, 22.48, 113.92, "Shekou port, Shenzhen"),
  byLocode("THLCH", "Laem Chabang", SEAPORT, 13.08, 100.88, "Laem Chabang port"),
  byLocode("MYPKG", "Port Klang", SEAPORT, 3.0, 101.4, "Port Klang"),
  byLocode("MYTPP", "Tanjung Pelepas", SEAPORT, 1.37, 103.55, "Port of Tanjung Pelepas, Johor"),
  byLocode("SGSIN", "Singapore", SEAPORT, 1.26, 103.84, "Port of Singapore"),
  byLocode("LKCMB", "Colombo", SEAPORT, 6.95, 79.85, "Port of Colombo"),
  byLocode("AEJEA", "Jebel Ali", SEAPORT, 25.01, 55.06, "Jebel Ali port, Dubai"),
  byLocode("NGAPP", "Apapa", SEAPORT, 6.45, 3.36, "Apapa port, Lagos"),
  byLocode("CMDLA", "Douala", SEAPORT, 4.05, 9.7, "Port of Douala"),
  byLocode("CDMAT", "Matadi", SEAPORT, -5.82, 13.45, "Port of Matadi"),
  byLocode("CGPNR", "Pointe-Noire", SEAPORT, -4.8, 11.85, "Port of Pointe-Noire"),
  byLocode("CIABJ", "Abidjan", SEAPORT, 5.33, -4.02, "Port of Abidjan"),
  byLocode("TGLFW", "Lomé", SEAPORT, 6.14, 1.28, "Port of Lome"),
  byLocode("KEMBA", "Mombasa", SEAPORT, -4.05, 39.67, "Kilindini harbour, Mombasa"),
  byLocode("TZDAR", "Dar es Salaam", SEAPORT, -6.82, 39.29, "Dar es Salaam port"),
  byLocode("TZZNZ", "Zanzibar", SEAPORT, -6.16, 39.19, "Malindi port, Zanzibar"),
  byLocode("MZMPM", "Maputo", SEAPORT, -25.97, 32.57, "Port of Maputo"),
  byLocode("MZPOL", "Pemba", SEAPORT, -12.97, 40.5, "Port of Pemba"),
  byLocode("MGTMM", "Toamasina", SEAPORT, -18.15, 49.4, "Port of Toamasina (Tamatave)"),
  byLocode("MXESE", "Ensenada", SEAPORT, 31.85, -116.6, "Port of Ensenada"),
  byLocode("USLGB", "Long Beach", SEAPORT, 33.77, -118.2, "Port of Long Beach"),

  // River ports on the Mekong
  byLocode("CNJOG", "Jinghong", RIVER_PORT, 22.0, 100.8, "Jinghong port, Xishuangbanna"),
  byLocode("THCHS", "Chiang Saen", RIVER_PORT, 20.27, 100.09, "Chiang Saen port"),
  byLocode("THCHK", "Chiang Khong", RIVER_PORT, 20.26, 100.41, "Chiang Khong pier"),
  byLocode("LAHOE", "Houayxay", RIVER_PORT, 20.28, 100.41, "Houayxay pier, Bokeo"),

  // Land border crossings
  byLocode("VNLCA", "Lao Cai", BORDER_CROSSING, 22.5, 103.96, "Lao Cai international border gate"),
  byLocode("CNHKM", "Hekou", BORDER_CROSSING, 22.51, 103.97, "Hekou port of entry"),
  byLocode("VNMOC", "Mong Cai", BORDER_CROSSING, 21.53, 107.97, "Mong Cai border gate"),
  byLocode("CNDOX", "Dongxing", BORDER_CROSSING, 21.55, 107.97, "Dongxing port of entry"),
  byLocode("LABTN", "Boten", BORDER_CROSSING, 21.18, 101.67, "Boten border checkpoint"),
  byLocode("CNMHN", "Mohan", BORDER_CROSSING, 21.19, 101.69, "Mohan port of entry"),
  byLocode("CNRUI", "Ruili", BORDER_CROSSING, 24.01, 97.85, "Ruili port of entry"),
  byLocode("CNDLO", "Daluo", BORDER_CROSSING, 21.7, 100.06, "Daluo port of entry"),
  byLocode("THMSA", "Mae Sai", BORDER_CROSSING, 20.43, 99.88, "Mae Sai customs checkpoint"),
  byLocode("MMTHL", "Tachileik", BORDER_CROSSING, 20.45, 99.88, "Tachileik"),
  byLocode("THNOK", "Nong Khai", BORDER_CROSSING, 17.87, 102.72, "Nong Khai (Friendship Bridge)"),
  byLocode("THMDH", "Mukdahan", BORDER_CROSSING, 16.55, 104.72, "Mukdahan customs checkpoint"),
  byLocode("LASAV", "Savannakhet", BORDER_CROSSING, 16.56, 104.75, "Savannakhet"),
  byLocode("LATHK", "Thakhek", BORDER_CROSSING, 17.41, 104.8, "Thakhek (Friendship Bridge III)"),
  byLocode("LANPH", "Na Phao", BORDER_CROSSING, 17.65, 105.75, "Na Phao international checkpoint"),
  byLocode("VNLAO", "Lao Bao", BORDER_CROSSING, 16.62, 106.6, "Lao Bao international border gate"),
  byLocode("KHBVT", "Bavet", BORDER_CROSSING, 11.07, 106.13, "Bavet international checkpoint"),
  byLocode("MXMXL", "Mexicali", BORDER_CROSSING, 32.65, -115.47, "Mexicali"),
  byLocode("USCXL", "Calexico", BORDER_CROSSING, 32.68, -115.5, "Calexico port of entry"),

  // Cities, where road routes begin or end
  byLocode("VNHAN", "Hanoi", CITY, 21.03, 105.85, "Hanoi"),
  byLocode("VNSGN", "Ho Chi Minh City", CITY, 10.78, 106.7, "Ho Chi Minh City"),
  byLocode("VNDAD", "Da Nang", CITY, 16.07, 108.22, "Da Nang"),
  byLocode("LAVTE", "Vientiane", CITY, 17.97, 102.6, "Vientiane"),
  byLocode("THBKK", "Bangkok", CITY, 13.75, 100.52, "Bangkok"),
  byLocode("KHPNH", "Phnom Penh", CITY, 11.57, 104.92, "Phnom Penh"),
  byLocode("CNKNM", "Kunming", CITY, 25.04, 102.71, "Kunming"),
  byLocode("CNNIN", "Nanning", CITY, 22.82, 108.32, "Nanning"),
  byLocode("MMMDL", "Mandalay", CITY, 21.96, 96.09, "Mandalay"),

  // Airports
  airport("HAN", "Noi Bai International Airport", "VN", 21.22, 105.81, "Noi Bai International Airport, Hanoi"),
  airport("SGN", "Tan Son Nhat International Airport", "VN", 10.82, 106.65, "Tan Son Nhat airport"),
  airport("DAD", "Da Nang International Airport", "VN", 16.04, 108.2, "Da Nang airport"),
  airport("BKK", "Suvarnabhumi Airport", "TH", 13.69, 100.75, "Suvarnabhumi airport, Bangkok"),
  airport("VTE", "Wattay International Airport", "LA", 17.99, 102.56, "Wattay airport, Vientiane"),
  airport("PNH", "Phnom Penh International Airport", "KH", 11.55, 104.84, "Phnom Penh airport"),
  airport("RGN", "Yangon International Airport", "MM", 16.91, 96.13, "Yangon airport"),
  airport("KUL", "Kuala Lumpur International Airport", "MY", 2.75, 101.71, "KLIA, Sepang"),
  airport("SIN", "Singapore Changi Airport", "SG", 1.35, 103.99, "Changi Airport"),
  airport("HKG", "Hong Kong International Airport", "HK", 22.31, 113.92, "Hong Kong International Airport"),
  airport("CAN", "Guangzhou Baiyun International Airport", "CN", 23.39, 113.3, "Baiyun airport, Guangzhou"),
  airport("SZX", "Shenzhen Bao'an International Airport", "CN", 22.64, 113.81, "Bao'an airport, Shenzhen"),
  airport("KMG", "Kunming Changshui International Airport", "CN", 25.1, 102.93, "Changshui airport, Kunming"),
  airport("PVG", "Shanghai Pudong International Airport", "CN", 31.14, 121.81, "Pudong airport, Shanghai"),
  airport("LOS", "Murtala Muhammed International Airport", "NG", 6.58, 3.32, "Murtala Muhammed airport, Lagos"),
  airport("DLA", "Douala International Airport", "CM", 4.01, 9.72, "Douala airport"),
  airport("FIH", "N'djili International Airport", "CD", -4.39, 15.44, "N'djili airport, Kinshasa"),
  airport("ABJ", "Félix-Houphouët-Boigny International Airport", "CI", 5.26, -3.93, "Abidjan airport"),
  airport("NBO", "Jomo Kenyatta International Airport", "KE", -1.32, 36.93, "JKIA, Nairobi"),
  airport("DAR", "Julius Nyerere International Airport", "TZ", -6.88, 39.2, "Julius Nyerere airport, Dar es Salaam"),
  airport("EBB", "Entebbe International Airport", "UG", 0.04, 32.44, "Entebbe airport"),
  airport("JNB", "O. R. Tambo International Airport", "ZA", -26.14, 28.25, "OR Tambo airport, Johannesburg"),
  airport("MPM", "Maputo International Airport", "MZ", -25.92, 32.57, "Maputo airport"),
  airport("TNR", "Ivato International Airport", "MG", -18.8, 47.48, "Ivato airport, Antananarivo"),
  airport("ADD", "Addis Ababa Bole International Airport", "ET", 8.98, 38.8, "Bole airport, Addis Ababa"),
  airport("DOH", "Hamad International Airport", "QA", 25.27, 51.61, "Hamad International Airport, Doha"),
  airport("DXB", "Dubai International Airport", "AE", 25.25, 55.36, "Dubai airport"),
  airport("IST", "Istanbul Airport", "TR", 41.28, 28.75, "Istanbul airport"),
  airport("LAX", "Los Angeles International Airport", "US", 33.94, -118.41, "LAX, Los Angeles"),
  airport("TIJ", "Tijuana International Airport", "MX", 32.54, -116.97, "Tijuana airport"),
  airport("MEX", "Mexico City International Airport", "MX", 19.44, -99.07, "Benito Juarez airport, Mexico City"),
];

const byId = new Map(places.map((place) => [place.id, place]));

export function placeById(id: string): Place {
  const found = byId.get(id);
  if (!found) throw new Error(`no place ${id} in the generator's table`);
  return found;
}
