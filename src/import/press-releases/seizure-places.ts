import { PlaceKind } from "../../domain/vocabulary.js";

/**
 * Where in Hong Kong a seizure was made, from the words of the release. Each entry names the
 * place in English as Customs does, its kind, and the id of the Place node the reference data
 * gives it (`iata:` from OpenFlights, `locode:` from UN/LOCODE), or null where neither lists it
 * (the land control points other than Lok Ma Chau, the river trade terminal, shores and waters).
 * The first words in a sentence win; at one place the longest words.
 */
export interface SeizurePlace {
  readonly words: readonly string[];
  readonly name: string;
  readonly kind: PlaceKind | null;
  readonly placeId: string | null;
}

const { AIRPORT, SEAPORT, BORDER_CROSSING, RIVER_PORT, CITY } = PlaceKind;

export const SEIZURE_PLACES: readonly SeizurePlace[] = [
  { words: ["香港國際機場", "機場", "空郵中心", "超級一號貨站"], name: "Hong Kong International Airport", kind: AIRPORT, placeId: "iata:HKG" },
  { words: ["葵涌"], name: "Kwai Chung", kind: SEAPORT, placeId: "locode:HKKCO" },
  { words: ["青衣"], name: "Tsing Yi", kind: SEAPORT, placeId: "locode:HKTSI" },
  { words: ["落馬洲支線管制站"], name: "Lok Ma Chau Spur Line Control Point", kind: BORDER_CROSSING, placeId: null },
  { words: ["落馬洲管制站", "落馬洲"], name: "Lok Ma Chau Control Point", kind: BORDER_CROSSING, placeId: "locode:HK9LM" },
  { words: ["深圳灣管制站", "深圳灣"], name: "Shenzhen Bay Control Point", kind: BORDER_CROSSING, placeId: null },
  { words: ["文錦渡管制站", "文錦渡"], name: "Man Kam To Control Point", kind: BORDER_CROSSING, placeId: null },
  { words: ["屯門內河碼頭"], name: "Tuen Mun River Trade Terminal", kind: RIVER_PORT, placeId: null },
  { words: ["屯門"], name: "Tuen Mun", kind: CITY, placeId: "locode:HKMUN" },
  { words: ["流浮山"], name: "Lau Fau Shan", kind: null, placeId: null },
  { words: ["大埔"], name: "Tai Po", kind: CITY, placeId: "locode:HKTPO" },
  { words: ["西貢"], name: "Sai Kung", kind: CITY, placeId: "locode:HK9SK" },
  { words: ["新田"], name: "San Tin", kind: null, placeId: null },
  { words: ["大嶼山"], name: "Lantau Island", kind: null, placeId: null },
  { words: ["東涌"], name: "Tung Chung", kind: null, placeId: null },
  { words: ["藍巴勒海峽"], name: "Rambler Channel", kind: null, placeId: null },
  { words: ["香港西面水域"], name: "Hong Kong western waters", kind: null, placeId: null },
  { words: ["香港東面水域"], name: "Hong Kong eastern waters", kind: null, placeId: null },
];

export interface PlaceMatch {
  readonly place: SeizurePlace;
  readonly words: string;
  readonly index: number;
}

/** The first seizure place a sentence names, if any. */
export function findSeizurePlace(sentence: string): PlaceMatch | null {
  let best: PlaceMatch | null = null;
  for (const place of SEIZURE_PLACES) {
    for (const words of place.words) {
      const index = sentence.indexOf(words);
      if (index < 0) continue;
      if (best === null || index < best.index || (index === best.index && words.length > best.words.length)) {
        best = { place, words, index };
      }
    }
  }
  return best;
}
