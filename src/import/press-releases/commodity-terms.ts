import { Product } from "../../domain/vocabulary.js";

/**
 * The wildlife goods the releases name, from the words they use: the taxon they mean (its
 * scientific name, at the rank the words give: 穿山甲 is the family Manidae, 加利福尼亞灣石首魚 the
 * species Totoaba macdonaldi) and the product. A term names the goods; the longest term at a place
 * wins, so 象牙製品 (worked ivory) is read before 象牙 (tusks). `taxon: null` where the words give
 * no taxon (動物皮草, animal furs): the line is kept and its species flagged.
 *
 * Products follow the model's vocabulary: tusks, uncut and cut pieces (切件, 切片) are RAW_IVORY,
 * carvings and other products (製品) WORKED_IVORY; fins, dried seahorses, shells, timber and roots
 * are OTHER; animals counted as individuals (隻, 條) or called 活 (live) are LIVE.
 */
export interface CommodityTerm {
  readonly term: string;
  readonly taxon: string | null;
  /** The taxon in English, for the seizure's description. */
  readonly common: string;
  readonly product: Product;
}

const { SCALES, RAW_IVORY, WORKED_IVORY, HORN, SKIN, LIVE, MEAT, SWIM_BLADDER, OTHER } = Product;

const terms = (taxon: string | null, common: string, product: Product, ...words: string[]): CommodityTerm[] =>
  words.map((term) => ({ term, taxon, common, product }));

export const COMMODITY_TERMS: readonly CommodityTerm[] = [
  ...terms("Manidae", "pangolin", SCALES, "穿山甲鱗片", "穿山甲的鱗片", "穿山甲鱗"),
  ...terms("Manidae", "pangolin", MEAT, "冷藏穿山甲", "急凍穿山甲"),
  ...terms("Manidae", "pangolin", OTHER, "穿山甲"),
  ...terms("Elephantidae", "elephant", WORKED_IVORY, "象牙製品", "象牙製手鏈", "象牙手鐲", "象牙筷子", "象牙半製成品", "象牙雕刻"),
  ...terms("Elephantidae", "elephant", RAW_IVORY, "象牙切件", "象牙切片", "未加工象牙", "原隻象牙", "非洲象牙", "象牙"),
  ...terms("Rhinocerotidae", "rhinoceros", HORN, "犀牛角製品", "犀牛角切片", "犀牛角切件", "犀牛角"),
  ...terms("Bucerotidae", "hornbill", OTHER, "犀鳥嘴", "犀鳥咀"),
  ...terms("Totoaba macdonaldi", "totoaba", SWIM_BLADDER, "加利福尼亞灣石首魚花膠", "加利福尼亞灣石首魚的花膠", "加利福尼亞灣石首魚"),
  ...terms("Sciaenidae", "croaker", SWIM_BLADDER, "石首魚花膠", "石首魚"),
  ...terms("Anguilla anguilla", "European eel", OTHER, "歐洲鰻鱺"),
  ...terms("Hippocampus", "seahorse", OTHER, "乾海馬", "海馬乾", "海馬"),
  ...terms("Sphyrna zygaena", "smooth hammerhead shark", OTHER, "錘頭雙髻鯊乾魚翅", "錘頭雙髻鯊的乾魚翅"),
  ...terms("Sphyrna", "hammerhead shark", OTHER, "雙髻鯊乾魚翅", "雙髻鯊的乾魚翅", "雙髻鯊及長鰭真鯊乾魚翅"),
  ...terms(null, "shark", OTHER, "受管制乾魚翅", "受管制屬瀕危物種的乾魚翅", "受管制的乾魚翅", "乾魚翅", "魚翅"),
  ...terms("Geoclemys hamiltonii", "black pond turtle", LIVE, "黑池"),
  ...terms("Cuora", "box turtle", LIVE, "活箱龜"),
  ...terms("Testudines", "turtle", LIVE, "活龜"),
  ...terms("Testudines", "turtle", OTHER, "龜板"),
  // Turtles counted one by one (四十六隻龜) are live animals; longer words (龜板, 海龜殼) win where they apply.
  ...terms("Testudines", "turtle", LIVE, "龜"),
  ...terms("Cheloniidae", "sea turtle", OTHER, "海龜殼片", "海龜殼"),
  ...terms("Sauria", "lizard", LIVE, "活蜥蜴", "蜥蜴"),
  ...terms("Chamaeleonidae", "chameleon", LIVE, "變色龍"),
  ...terms("Serpentes", "snake", LIVE, "活蛇"),
  ...terms("Anura", "frog", LIVE, "活蛙", "蛙類"),
  ...terms("Tridacnidae", "giant clam", OTHER, "巨蚌"),
  ...terms("Panthera pardus", "leopard", SKIN, "豹皮"),
  ...terms(null, "animal", SKIN, "動物皮草"),
  ...terms("Crocodylia", "crocodile", MEAT, "乾鱷魚肉", "鱷魚肉"),
  ...terms("Aquilaria", "agarwood", OTHER, "沉香木材", "沉香木", "沉香"),
  ...terms("Panax quinquefolius", "American ginseng", OTHER, "花旗參"),
  ...terms("Orchidaceae", "orchid", LIVE, "蘭花"),
  ...terms("Dalbergia stevensonii", "Honduras rosewood", OTHER, "伯利茲黃檀木材", "伯利茲黃檀"),
  ...terms("Dalbergia tucurensis", "Guatemalan rosewood", OTHER, "危地馬拉黃檀木材", "危地馬拉黃檀"),
  ...terms("Dalbergia cochinchinensis", "Siamese rosewood", OTHER, "交趾黃檀木材", "交趾黃檀"),
  ...terms("Dalbergia", "rosewood", OTHER, "受管制黃檀木材", "黃檀木材", "黃檀"),
  ...terms("Pterocarpus santalinus", "red sanders", OTHER, "檀香紫檀木材", "壇香紫檀木材", "檀香紫檀"),
  ...terms("Pterocarpus", "padauk", OTHER, "紫檀木材", "紫檀木", "紫壇木", "紫檀"),
  // 九十五隻懷疑為瀕危物種的活: the animal is named by a Hong Kong (HKSCS) character that the scraped
  // text holds as a private-use code point, U+F570: it reads as nothing, so the taxon is flagged.
  ...terms(null, "live animal", LIVE, "活\uF570"),
  ...terms(null, "timber", OTHER, "屬於瀕危物種的木材", "瀕危物種木材", "屬瀕危物種木材"),
];

/** A term found in a sentence. */
export interface TermMention {
  readonly term: CommodityTerm;
  readonly index: number;
  readonly end: number;
}

const BY_LENGTH = [...COMMODITY_TERMS].sort((a, b) => b.term.length - a.term.length);

/** The commodity terms of a sentence, in order, without overlaps (longest first). */
export function findTerms(sentence: string): TermMention[] {
  const taken = new Array<boolean>(sentence.length).fill(false);
  const found: TermMention[] = [];
  for (const term of BY_LENGTH) {
    let from = 0;
    for (;;) {
      const index = sentence.indexOf(term.term, from);
      if (index < 0) break;
      from = index + 1;
      const end = index + term.term.length;
      if (taken.slice(index, end).some(Boolean)) continue;
      for (let i = index; i < end; i++) taken[i] = true;
      found.push({ term, index, end });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
