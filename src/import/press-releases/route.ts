import type { Gazetteer } from "../normalise/gazetteer/gazetteer.js";

/**
 * The route a release gives: 從莫桑比克貝拉經南非約翰內斯堡飛抵本港 (from Beira,
 * Mozambique, via Johannesburg to Hong Kong), 由尼日利亞抵港, 由非洲安哥拉經香港轉口至柬埔寨,
 * 經馬來西亞運往香港. The gazetteer names the country of each place (莫桑比克貝拉 MZ, 廈門 CN, 肯亞 KE,
 * as Hong Kong writes them); the route keeps countries only, the words as written beside them. Hong
 * Kong, where the goods were seized, ends the route, or is a transit when the goods were bound
 * elsewhere (轉口到, 準備前往).
 */

interface CountryMention {
  readonly code: string;
  readonly text: string;
}

/** The countries of the places a text names, in order; a place the gazetteer cannot tie to one country is left out. */
function countriesIn(text: string, gazetteer: Gazetteer): CountryMention[] {
  return gazetteer.find(text).flatMap((mention) => (mention.country === null ? [] : [{ code: mention.country, text: mention.text }]));
}

const ARRIVAL = "(?:飛抵|抵港|抵達|到港|運抵|運到|進口|進入|輸港|入口|付運|轉口|運往|到)";
const FROM = new RegExp(`(?:從|由)([^，。；]{1,40}?)${ARRIVAL}`, "u");
const VIA_ONLY = new RegExp(`經([^，。；從由]{1,20}?)(?:運往香港|運往本港|抵港|運抵)`, "u");
const ONWARD = /(?:轉口(?:到|至|往)|準備前往|準備運往|原訂再轉口到|轉口到)([^，。；的]{1,15})/u;

export type StopRole = "ORIGIN" | "TRANSIT" | "DESTINATION";

export interface RouteStop {
  readonly country: string;
  readonly role: StopRole;
  readonly text: string;
}

export interface Route {
  readonly stops: readonly RouteStop[];
  readonly sentence: string;
  /** Several countries where one origin is expected (two containers from two countries). */
  readonly severalOrigins: boolean;
  /** Words that should name an origin but name no country the data knows (a city such as 廈門). */
  readonly unknownOrigin: string | null;
}

/** The first route the sentences give, searched from `start` to the end, then before it. */
export function findRoute(sentences: readonly string[], start: number, gazetteer: Gazetteer): Route | null {
  const order = [...sentences.keys()].filter((i) => i >= start).concat([...sentences.keys()].filter((i) => i < start));
  for (const index of order) {
    const route = routeOf(sentences[index]!, gazetteer);
    if (route) return route;
  }
  return null;
}

function routeOf(sentence: string, gazetteer: Gazetteer): Route | null {
  // 從X出發，經Y飛抵: the departure and the transit are one phrase.
  const text = sentence.replace(/出發[，,]?\s*經/gu, "經");
  const from = FROM.exec(text);
  let originWords = "";
  let viaWords = "";
  let after = "";
  if (from) {
    const [origin, via = ""] = from[1]!.split("經");
    originWords = origin!.replace(/出發$/u, "");
    viaWords = via;
    after = text.slice(from.index + from[0].length - 2);
  } else {
    const viaOnly = VIA_ONLY.exec(text);
    if (!viaOnly) return null;
    viaWords = viaOnly[1]!;
    after = text.slice(viaOnly.index + viaOnly[0].length - 4);
  }
  const origins = countriesIn(originWords, gazetteer).filter((mention) => mention.code !== "HK");
  const transits = countriesIn(viaWords, gazetteer);
  if (from && origins.length === 0 && transits.length === 0 && !/^[一二兩三四五六七八九十\d]/u.test(originWords)) {
    // A route, but from a place the gazetteer cannot tie to one country.
    return { stops: [], sentence, severalOrigins: false, unknownOrigin: originWords.trim() || null };
  }
  const onward = ONWARD.exec(after);
  const destinations = onward ? countriesIn(onward[1]!, gazetteer).filter((mention) => mention.code !== "HK") : [];
  const stops: RouteStop[] = [];
  const push = (mention: CountryMention, role: StopRole) => {
    const last = stops.at(-1);
    if (last && last.country === mention.code) return;
    stops.push({ country: mention.code, role, text: mention.text });
  };
  for (const origin of origins) push(origin, "ORIGIN");
  for (const transit of transits) push(transit, "TRANSIT");
  push({ code: "HK", text: "香港" }, destinations.length > 0 ? "TRANSIT" : "DESTINATION");
  for (const destination of destinations) push(destination, "DESTINATION");
  if (stops.length < 2) return null;
  return { stops, sentence, severalOrigins: origins.length > 1, unknownOrigin: null };
}
