import { PlaceKind, Product, QuantityUnit, TransportMode } from "../../domain/vocabulary.js";
import type { Gazetteer } from "../normalise/gazetteer/gazetteer.js";
import { asciiDigits, parseChineseNumber } from "./chinese-number.js";
import { readArrests, readConcealment, readDeclaredContents, readDetection, readMode, readValue } from "./circumstances.js";
import { bracketWeightAfter, readLines, weightIn, withWeight, type CommodityLine } from "./commodity-lines.js";
import { findTerms } from "./commodity-terms.js";
import type { Cited, PressRelease, ReadingFlag } from "./press-release.js";
import { findRoute, type RouteStop } from "./route.js";
import { findSeizureDate, releaseDay } from "./seizure-date.js";
import { findSeizurePlace } from "./seizure-places.js";
import { releaseBody, splitSentences } from "./sentences.js";

/**
 * One release read as a seizure, or as no seizure with the reason. Every value keeps the sentence it
 * came from; a value the rules cannot read is left out and flagged, never guessed.
 */
export type ReleaseReading =
  | { readonly kind: "seizure"; readonly release: PressRelease; readonly seizure: ExtractedSeizure }
  | { readonly kind: "not-a-seizure"; readonly release: PressRelease; readonly reason: string; readonly sentence: string | null };

export interface ExtractedLine {
  readonly taxon: Cited<string> | null;
  /** The taxon in English, for reading. */
  readonly common: string;
  readonly product: Cited<Product>;
  /** The words of the release that name the goods. */
  readonly productText: string;
  readonly weightKg: Cited<number> | null;
  readonly weightText: string | null;
  readonly quantity: number | null;
  readonly quantityText: string | null;
  readonly unit: QuantityUnit;
}

export interface ExtractedSeizure {
  readonly date: (Cited<string> & { readonly text: string }) | null;
  readonly place: (Cited<string> & { readonly kind: PlaceKind | null; readonly placeId: string | null; readonly text: string }) | null;
  readonly mode: (Cited<TransportMode> & { readonly text: string }) | null;
  readonly concealment: Cited<string> | null;
  readonly declaredContents: Cited<string> | null;
  readonly detectionMethod: Cited<string> | null;
  readonly arrestCount: Cited<number> | null;
  readonly valueHkd: (Cited<number> & { readonly text: string }) | null;
  readonly route: (Cited<readonly RouteStop[]>) | null;
  readonly lines: readonly ExtractedLine[];
  /** The sentence that reports the seizure. */
  readonly lead: string;
  readonly flags: readonly ReadingFlag[];
}

/** Words that report goods seized; the first kind is preferred where a sentence has both (破獲走私象牙案件，...檢獲779支象牙). */
const SEIZED = /檢獲|緝獲|查獲|搜獲|搜出|截獲/u;
const FOUND = /發現|破獲/u;
/** Totals of an operation: 偵破共六百一十三宗案件 (613 cases detected), not one seizure. */
const OPERATION_TOTALS = /(?:偵破|查獲|破獲)(?:了)?(?:共|合共)?([0-9一二兩三四五六七八九十百千,]+)宗/u;
/** Sentences about what followed the seizure: a briefing, a statement, a court hearing. */
const AFTERWARDS = /表示|記者會|簡報會|提堂|裁判法院|重申|強調/u;
/** Sentences about another agency's part of a joint operation (內地海關...拘捕六人) say nothing of this seizure. */
const OTHER_AGENCY = /^(?:內地海關|廣東海關)/u;
/** Totals over every control point (在各邊境管制站，共檢獲78盆蘭花). */
const ALL_CONTROL_POINTS = /各[^。，]{0,8}(?:管制站|口岸)/u;
/** Words that tell of a second case in one release. */
const SEVERAL_CASES = /[兩二三四]宗[^。，]{0,10}案件|另一宗|接連破獲|同日，海關人員截查另一名|稍後，海關人員|分別從/u;

export function extractRelease(release: PressRelease, gazetteer: Gazetteer): ReleaseReading {
  const body = releaseBody(release.article);
  const sentences = splitSentences(body);
  const totals = sentences.find((sentence) => {
    const match = OPERATION_TOTALS.exec(asciiDigits(sentence));
    return match !== null && (parseChineseNumber(match[1]!) ?? 0) >= 3;
  });
  if (totals) {
    return { kind: "not-a-seizure", release, reason: "totals of an operation or a period: no single seizure with its own details", sentence: totals };
  }
  const leadIndex = sentences.findIndex((sentence) => {
    const verb = seizureVerb(sentence);
    return verb !== null && findTerms(sentence.slice(verb)).length > 0;
  });
  if (leadIndex < 0) return { kind: "not-a-seizure", release, reason: "no seizure of wildlife goods is reported", sentence: null };
  const lead = sentences[leadIndex]!;
  if (ALL_CONTROL_POINTS.test(lead)) {
    return { kind: "not-a-seizure", release, reason: "totals over every control point: no single seizure with its own details", sentence: lead };
  }
  const flags: ReadingFlag[] = [];
  const released = releaseDay(release.dateText);
  // The lead first, then the sentences before it (the first sentence often dates the story), then after.
  const order = [leadIndex, ...[...sentences.keys()].filter((i) => i < leadIndex).reverse(), ...[...sentences.keys()].filter((i) => i > leadIndex)].filter(
    (i) => !OTHER_AGENCY.test(sentences[i]!),
  );
  const first = <T>(read: (sentence: string) => T | null): { value: T; sentence: string } | null => {
    for (const i of order) {
      const value = read(sentences[i]!);
      if (value !== null) return { value, sentence: sentences[i]! };
    }
    return null;
  };

  // A spokesman's briefing or a court hearing has a date of its own, not the seizure's.
  const dated = released ? first((sentence) => (AFTERWARDS.test(sentence) ? null : findSeizureDate(sentence, released))) : null;
  if (!released) flags.push({ field: "date", reason: "the release date cannot be read" });
  else if (!dated) flags.push({ field: "date", reason: "no day of the seizure is given" });

  const placed = first(findSeizurePlace);
  if (!placed) flags.push({ field: "place", reason: "no place of seizure the rules know is named" });
  else if (placed.value.place.placeId === null) flags.push({ field: "place", reason: "the place is not in the reference data: kept as text" });

  const reading = readLines(lead, seizureVerb(lead)!);
  let lines = dropRepeats(reading.lines);
  if (reading.sharedWeight) {
    flags.push({ field: "weightKg", reason: `one weight (${reading.sharedWeight.text}) for ${lines.length} kinds of goods: not split` });
  }
  // A weight given later in the story (發現該批共重1,300公斤的象牙), for a single line without one.
  if (lines.length === 1 && lines[0]!.weightKg === null && !reading.sharedWeight) {
    for (const sentence of sentences.slice(leadIndex + 1)) {
      const weight = weightIn(sentence);
      if (weight) {
        lines = [withWeight(lines[0]!, weight, sentence)];
        break;
      }
    }
  }
  // 30支犀牛角（共重80千克）: weights the story gives later, line by line.
  lines = lines.map((line) => {
    if (line.weightKg !== null) return line;
    for (const sentence of sentences.slice(leadIndex + 1)) {
      const weight = bracketWeightAfter(sentence, line.words);
      if (weight) return withWeight(line, weight, sentence);
    }
    return line;
  });
  const extractedLines = lines.map((line, i) => citeLine(line, lead, i + 1, flags));

  // The mode by the strongest words anywhere in the story (a river vessel whose containers were searched went by river).
  const modeReading = readMode(body);
  const modeSentence = modeReading ? sentences.find((sentence) => sentence.includes(modeReading.words)) : undefined;
  if (!modeReading || modeSentence === undefined) flags.push({ field: "mode", reason: "no word for the transport" });
  const concealment = first(readConcealment);
  const declared = first(readDeclaredContents);
  const detection = first(readDetection);
  const arrests = first(readArrests);
  const value = first((sentence) => readValue(asciiDigits(sentence)));

  const route = findRoute(sentences, leadIndex, gazetteer);
  if (!route) flags.push({ field: "origin", reason: "no origin or route is given" });
  else if (route.unknownOrigin !== null) flags.push({ field: "origin", reason: "the origin names a place the gazetteer cannot tie to one country" });
  else if (route.severalOrigins) flags.push({ field: "origin", reason: "several origins for one seizure" });

  if (sentences.some((sentence) => SEVERAL_CASES.test(sentence))) {
    flags.push({ field: "release", reason: "the release tells of more than one case: the seizure holds what its lead sentence reports, which may sum several" });
  }

  const seizure: ExtractedSeizure = {
    date: dated ? { value: dated.value.date, text: dated.value.text, sentence: dated.sentence } : null,
    place: placed
      ? { value: placed.value.place.name, kind: placed.value.place.kind, placeId: placed.value.place.placeId, text: placed.value.words, sentence: placed.sentence }
      : null,
    mode: modeReading && modeSentence !== undefined ? { value: modeReading.mode, text: modeReading.words, sentence: modeSentence } : null,
    concealment: concealment ? { value: concealment.value, sentence: concealment.sentence } : null,
    declaredContents: declared ? { value: declared.value, sentence: declared.sentence } : null,
    detectionMethod: detection ? { value: detection.value, sentence: detection.sentence } : null,
    arrestCount: arrests ? { value: arrests.value, sentence: arrests.sentence } : null,
    valueHkd: value ? { value: value.value.value, text: value.value.words, sentence: value.sentence } : null,
    route: route && route.stops.length > 0 && !route.severalOrigins ? { value: route.stops, sentence: route.sentence } : null,
    lines: extractedLines,
    lead,
    flags,
  };
  return { kind: "seizure", release, seizure };
}

/** Where a sentence reports goods: its first seizure verb, else a word of finding. */
function seizureVerb(sentence: string): number | null {
  const match = SEIZED.exec(sentence) ?? FOUND.exec(sentence);
  return match ? match.index : null;
}

/** The same goods named again without a quantity (為近三十年來檢獲最大批的象牙) are not another line. */
function dropRepeats(lines: readonly CommodityLine[]): CommodityLine[] {
  return lines.filter(
    (line, i) =>
      line.weightKg !== null ||
      line.count !== null ||
      !lines.slice(0, i).some((earlier) => earlier.term.taxon === line.term.taxon && earlier.term.product === line.term.product),
  );
}

function citeLine(line: CommodityLine, lead: string, number: number, flags: ReadingFlag[]): ExtractedLine {
  if (line.term.taxon === null) flags.push({ field: `line${number}.species`, reason: `"${line.words}" names no taxon` });
  if (line.weightKg === null && line.count === null) flags.push({ field: `line${number}.quantity`, reason: "no quantity is given" });
  return {
    taxon: line.term.taxon === null ? null : { value: line.term.taxon, sentence: lead },
    common: line.term.common,
    product: { value: line.term.product, sentence: lead },
    productText: line.words,
    weightKg: line.weightKg === null ? null : { value: line.weightKg, sentence: line.weightSentence ?? lead },
    weightText: line.weightText,
    quantity: line.count ?? line.weightKg,
    quantityText: line.countText ?? line.weightText,
    unit: line.unit,
  };
}
