import type { Rng } from "../prng.js";
import { stripDiacritics } from "./text.js";

/**
 * Invented personal names in the naming customs of the region's countries, built from lists of
 * common name parts, with the aliases and spelling variants that records actually carry:
 * diacritic-free spellings, Chinese characters, Cantonese romanisations, nicknames, reversed order.
 * Any resemblance to a real person is chance: the parts are common and combined at random.
 *
 * How often two persons share a name matters as much as the names: entity resolution is judged
 * on namesakes. The lists follow the naming customs in that too: a few family names dominate
 * Vietnamese and Chinese names (namesakes are common), Burmese names have no family name, and
 * Thai and Lao surnames are compounds, nearly one per family (namesakes are rare). How often they
 * meet was not measured against real name frequencies.
 */
export interface PersonName {
  readonly name: string;
  readonly aliases: readonly string[];
  /** How `name` is built, where it has a family name: what reordering or initials can work on. */
  readonly parts?: NameParts;
  /** For Chinese names: the same name in characters, in pinyin and in Hong Kong romanisation. */
  readonly chinese?: ChineseForms;
}

/**
 * `name` is `lead`, then `family` and `given` in the country's order: "Nguyễn" + "Văn Hùng", family
 * first; "Chukwuemeka" + "Obi", family last; `lead` is an English name written before ("Tony").
 */
export interface NameParts {
  readonly family: string;
  readonly given: string;
  readonly familyFirst: boolean;
  readonly lead?: string;
}

export interface ChineseForms {
  readonly han: string;
  readonly pinyin: string;
  readonly cantonese: string;
}

type Style = (rng: Rng) => PersonName;

function distinct(name: string, aliases: string[], parts?: NameParts, chinese?: ChineseForms): PersonName {
  const seen = new Set([name]);
  const kept: string[] = [];
  for (const alias of aliases) {
    if (alias.length === 0 || seen.has(alias)) continue;
    seen.add(alias);
    kept.push(alias);
  }
  return { name, aliases: kept, ...(parts ? { parts } : {}), ...(chinese ? { chinese } : {}) };
}

const familyFirst = (family: string, given: string, lead?: string): NameParts => ({ family, given, familyFirst: true, ...(lead ? { lead } : {}) });
const familyLast = (given: string, family: string): NameParts => ({ family, given, familyFirst: false });

const VIETNAMESE_GIVEN_MALE = [
  "An", "Bình", "Cường", "Dũng", "Hùng", "Hải", "Tuấn", "Sơn", "Thắng", "Long", "Phúc", "Đạt", "Khánh", "Trung", "Huy", "Hiếu",
  "Nam", "Quân", "Tài", "Thành", "Toàn", "Vinh", "Việt", "Kiên", "Lâm", "Lộc", "Mạnh", "Nghĩa", "Phong", "Quý", "Tâm", "Thiện",
  "Tiến", "Tùng", "Hưng", "Duy", "Khoa", "Lực", "Hào", "Định",
];
const VIETNAMESE_GIVEN_FEMALE = [
  "Lan", "Mai", "Linh", "Hoa", "Hương", "Bích", "Thảo", "Trang", "Hằng", "Nga", "Yến", "Phương", "Anh", "Chi", "Dung",
  "Giang", "Hà", "Hạnh", "Huyền", "Loan", "Ngân", "Nhung", "Oanh", "Quyên", "Thủy", "Tuyết", "Vân", "Diệp", "Hiền", "Liên",
];

const vietnamese: Style = (rng) => {
  const family = rng.pick(["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Phan", "Võ", "Trịnh"]);
  const female = rng.chance(0.35);
  const middle = female
    ? rng.pick(["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh", "Hồng", "Thúy", "Bảo", "Mỹ"])
    : rng.pick(["Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Công", "Xuân", "Đình", "Ngọc", "Tiến", "Trọng", "Mạnh", "Bá"]);
  const given = female ? rng.pick(VIETNAMESE_GIVEN_FEMALE) : rng.pick(VIETNAMESE_GIVEN_MALE);
  const name = `${family} ${middle} ${given}`;
  const plain = stripDiacritics(name);
  const aliases = [plain];
  if (rng.chance(0.3)) aliases.push(`${stripDiacritics(given)} ${stripDiacritics(family)}`);
  if (rng.chance(0.25)) aliases.push(`${female ? "Chị" : "Anh"} ${rng.pick(["Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy"])}`);
  if (rng.chance(0.15)) aliases.push(plain.replace("Nguyen", "Nguyên").replace("Tran", "Tranh"));
  return distinct(name, aliases, familyFirst(family, `${middle} ${given}`));
};

/** Pinyin with characters, and the Cantonese romanisation the same surname takes in Hong Kong. */
const CHINESE_FAMILY: readonly (readonly [string, string, string])[] = [
  ["Li", "李", "Lee"], ["Wang", "王", "Wong"], ["Zhang", "张", "Cheung"], ["Chen", "陈", "Chan"],
  ["Liu", "刘", "Lau"], ["Huang", "黄", "Wong"], ["Zhao", "赵", "Chiu"], ["Wu", "吴", "Ng"],
  ["Zhou", "周", "Chow"], ["Lin", "林", "Lam"], ["Guo", "郭", "Kwok"], ["He", "何", "Ho"],
  ["Luo", "罗", "Law"], ["Liang", "梁", "Leung"], ["Xie", "谢", "Tse"], ["Tang", "唐", "Tong"],
  ["Sun", "孙", "Suen"], ["Zhu", "朱", "Chu"], ["Gao", "高", "Ko"], ["Zheng", "郑", "Cheng"],
  ["Xu", "许", "Hui"], ["Feng", "冯", "Fung"], ["Cai", "蔡", "Choi"], ["Mai", "麦", "Mak"],
  ["Ye", "叶", "Yip"], ["Yang", "杨", "Yeung"], ["Zeng", "曾", "Tsang"], ["Pan", "潘", "Poon"],
];

const CHINESE_GIVEN: readonly (readonly [string, string, string])[] = [
  ["Wei", "伟", "Wai"], ["Fang", "芳", "Fong"], ["Jun", "军", "Kwan"], ["Ming", "明", "Ming"],
  ["Qiang", "强", "Keung"], ["Lei", "磊", "Lui"], ["Yan", "燕", "Yin"], ["Hui", "辉", "Fai"],
  ["Jie", "杰", "Kit"], ["Xiaoping", "小平", "Siu Ping"], ["Jianguo", "建国", "Kin Kwok"], ["Hong", "红", "Hung"],
  ["Zhiqiang", "志强", "Chi Keung"], ["Haiyan", "海燕", "Hoi Yin"], ["Dawei", "大伟", "Tai Wai"], ["Lihua", "丽华", "Lai Wah"],
  ["Jianhua", "建华", "Kin Wah"], ["Guoqiang", "国强", "Kwok Keung"], ["Zhiwei", "志伟", "Chi Wai"], ["Xiaoming", "小明", "Siu Ming"],
  ["Yongming", "永明", "Wing Ming"], ["Jiahui", "家辉", "Ka Fai"], ["Junjie", "俊杰", "Chun Kit"], ["Guohua", "国华", "Kwok Wah"],
  ["Meiling", "美玲", "Mei Ling"], ["Haiming", "海明", "Hoi Ming"], ["Yuying", "玉英", "Yuk Ying"], ["Guiying", "桂英", "Kwai Ying"],
  ["Long", "龙", "Lung"], ["Hua", "华", "Wah"], ["Jian", "健", "Kin"], ["Zhihua", "志华", "Chi Wah"],
  ["Jiaming", "家明", "Ka Ming"], ["Zhiming", "志明", "Chi Ming"], ["Weiming", "伟明", "Wai Ming"], ["Jinlong", "金龙", "Kam Lung"],
  ["Jiawei", "家伟", "Ka Wai"], ["Dehua", "德华", "Tak Wah"], ["Yongqiang", "永强", "Wing Keung"], ["Hailong", "海龙", "Hoi Lung"],
  ["Xiaohong", "小红", "Siu Hung"], ["Jinhua", "金华", "Kam Wah"],
];

const chineseMainland: Style = (rng) => {
  const [family, familyHan, familyCantonese] = rng.pick(CHINESE_FAMILY);
  const [given, givenHan, givenCantonese] = rng.pick(CHINESE_GIVEN);
  const name = `${family} ${given}`;
  const aliases = [`${familyHan}${givenHan}`];
  if (rng.chance(0.3)) aliases.push(`${given} ${family}`);
  if (rng.chance(0.2)) aliases.push(`${familyCantonese} ${givenCantonese}`);
  if (rng.chance(0.15)) aliases.push(`${rng.pick(["Lao", "Xiao", "A"])} ${family}`);
  return distinct(name, aliases, familyFirst(family, given), { han: `${familyHan}${givenHan}`, pinyin: `${family} ${given}`, cantonese: `${familyCantonese} ${givenCantonese}` });
};

const chineseHongKong: Style = (rng) => {
  const [family, familyHan, familyCantonese] = rng.pick(CHINESE_FAMILY);
  const [given, givenHan, givenCantonese] = rng.pick(CHINESE_GIVEN);
  const english = rng.chance(0.4) ? rng.pick(["Tony", "Kenneth", "Peter", "Eric", "Jackie", "Winnie", "Alan", "Raymond"]) : null;
  const name = english ? `${english} ${familyCantonese} ${givenCantonese}` : `${familyCantonese} ${givenCantonese}`;
  const aliases = [`${familyHan}${givenHan}`, `${family} ${given}`];
  if (english) aliases.push(`${english} ${familyCantonese}`);
  return distinct(name, aliases, familyFirst(familyCantonese, givenCantonese, english ?? undefined), { han: `${familyHan}${givenHan}`, pinyin: `${family} ${given}`, cantonese: `${familyCantonese} ${givenCantonese}` });
};

const chineseSingapore: Style = (rng) => {
  const family = rng.pick(["Tan", "Lim", "Lee", "Ng", "Ong", "Goh", "Chua", "Koh", "Teo", "Wong"]);
  const given = `${rng.pick(["Wei", "Kok", "Boon", "Siew", "Mei", "Hock", "Chee", "Soon"])} ${rng.pick(["Ming", "Leng", "Huat", "Ling", "Keong", "Hwa", "Kiat"])}`;
  const english = rng.chance(0.5) ? rng.pick(["Kelvin", "Jason", "Melvin", "Eunice", "Desmond", "Alvin"]) : null;
  const name = english ? `${english} ${family} ${given}` : `${family} ${given}`;
  return distinct(name, english ? [`${family} ${given}`, `${english} ${family}`] : [`${given} ${family}`], familyFirst(family, given, english ?? undefined));
};

/** Every word of `heads` joined with every word of `tails`: one list, so a name takes one draw. */
const compounds = (heads: readonly string[], tails: readonly string[]): string[] => heads.flatMap((head) => tails.map((tail) => `${head}${tail}`));

/** Lao family names, like Thai ones, are compounds of a few dozen syllables, nearly one per family. */
const LAO_FAMILY = compounds(
  ["Phomma", "Souvanna", "Chantha", "Xaya", "Phimma", "Sisa", "Keo", "Intha", "Vongsa", "Siha", "Khamma", "Bounna", "Thamma", "Vila", "Sengsou", "Douang"],
  ["chanh", "vong", "sone", "vath", "many", "rath", "phanh", "lath", "khoun", "sack", "savanh", "thep"],
);

/** Thai surnames are compounds, unique to a family by law since 1913; Thai-Chinese ones take "Sae" and a clan name. */
const THAI_FAMILY = [
  ...compounds(["Sae"], ["lim", "tang", "heng", "ung", "lee", "jung", "tae", "ngow", "chin", "wong"]),
  ...compounds(
    ["Rattana", "Wongsa", "Chaiya", "Boon", "Kaew", "Sang", "Thong", "Sri", "Phrom", "Suwan", "Siri", "Charoen", "Sombat", "Intha", "Thana", "Wiset", "Jai", "Pong", "Kitti", "Sak"],
    ["korn", "porn", "sawat", "mee", "kla", "thong", "suk", "phan", "chai", "wong", "sakul", "rak", "kul", "wat", "sin", "dee", "rat", "phong", "chart", "siri"],
  ),
];

const lao: Style = (rng) => {
  const given = rng.pick([
    "Bounmy", "Somphone", "Khamla", "Souksavanh", "Phonesavanh", "Vilay", "Bounthavy", "Sisouk", "Khampheng", "Noy", "Chanthala", "Viengkham",
    "Somsanith", "Bounleuth", "Khamphoui", "Thongsavanh", "Vanhxay", "Sengphet", "Phouvong", "Manivanh", "Outhai", "Daovieng", "Khamsing", "Saysana",
  ]);
  const family = rng.pick(LAO_FAMILY);
  const name = `${given} ${family}`;
  const aliases: string[] = [];
  if (rng.chance(0.4)) aliases.push(`${given.replace(/y$/, "i").replace("ph", "p").replace("ou", "u")} ${family.replace(/y$/, "i").replace("ph", "p")}`);
  if (rng.chance(0.3)) aliases.push(`${rng.pick(["Mr.", "Thao", "Nang"])} ${given}`);
  return distinct(name, aliases, familyLast(given, family));
};

const thai: Style = (rng) => {
  const given = rng.pick([
    "Somchai", "Somsak", "Prasert", "Sompong", "Wichai", "Anong", "Malee", "Nattapong", "Kittisak", "Suda", "Arthit", "Pornthip", "Chaiwat", "Siriporn",
    "Surachai", "Thanakorn", "Apinya", "Kanokwan", "Pichit", "Sakchai", "Supaporn", "Wanchai", "Narong", "Jiraporn", "Teerapong", "Ratana", "Boonchu", "Orathai",
  ]);
  const family = rng.pick(THAI_FAMILY);
  const name = `${given} ${family}`;
  const aliases: string[] = [];
  if (rng.chance(0.45)) aliases.push(rng.pick(["Lek", "Noi", "Chai", "Daeng", "Nok", "Ton", "Pu", "Boy"]));
  if (rng.chance(0.3)) aliases.push(`${given.replace("ai", "ay").replace("ph", "p")} ${family.replace("ph", "p")}`);
  if (rng.chance(0.2)) aliases.push(`${given} ${family.charAt(0)}.`);
  return distinct(name, aliases, familyLast(given, family));
};

const burmese: Style = (rng) => {
  const parts = [
    "Aung", "Kyaw", "Zaw", "Thant", "Min", "Myint", "Htun", "Win", "Naing", "Soe", "Thein", "Hla", "Khin", "Nyein", "Than", "Tin",
    "Moe", "Phyo", "Ye", "Lwin", "Oo", "Thura", "Wai", "Yan", "Htet", "Pyae", "Kaung", "Myat", "Khant", "Zin", "Thet", "Sithu",
  ];
  const count = rng.chance(0.6) ? 3 : 2;
  const name = rng.sample(parts, count).join(" ");
  const aliases: string[] = [];
  if (rng.chance(0.5)) aliases.push(`${rng.pick(["U", "Ko", "Maung"])} ${name}`);
  if (rng.chance(0.2)) aliases.push(name.replace("Htun", "Tun").replace("Kyaw", "Kyau"));
  return distinct(name, aliases);
};

const khmer: Style = (rng) => {
  const family = rng.pick(["Sok", "Chea", "Kim", "Heng", "Meas", "Chhim", "Seng", "Ouk", "Pich", "Sam", "Keo", "Lim", "Mao", "Nhem", "Prak", "Touch", "Yim", "Chhay"]);
  const given = rng.pick([
    "Dara", "Sophea", "Vannak", "Rithy", "Bopha", "Sokha", "Chanthou", "Piseth", "Sreymom", "Vibol", "Sothea", "Sovann",
    "Ratha", "Sopheak", "Kosal", "Samnang", "Visal", "Chenda", "Leakhena", "Phalla", "Nary", "Rachana", "Veasna", "Sambath",
  ]);
  const name = `${family} ${given}`;
  const aliases = rng.chance(0.5) ? [`${given} ${family}`] : [];
  return distinct(name, aliases, familyFirst(family, given));
};

const malay: Style = (rng) => {
  const female = rng.chance(0.3);
  const given = female
    ? rng.pick(["Siti", "Nurul", "Aisyah", "Farah", "Noraini"])
    : rng.pick(["Ahmad", "Mohd", "Azman", "Hafiz", "Ismail", "Razak", "Zulkifli", "Kamal"]);
  const father = rng.pick(["Ismail", "Hassan", "Abdullah", "Yusof", "Rahman", "Osman", "Ibrahim", "Salleh", "Ahmad", "Hamzah", "Mansor", "Zainal", "Jaafar", "Othman", "Kassim", "Latif"]);
  const name = `${given} ${female ? "binti" : "bin"} ${father}`;
  return distinct(name, [`${given} ${father}`, ...(rng.chance(0.2) ? [`${given.replace("Mohd", "Mohammad")} ${father}`] : [])]);
};

const NIGERIAN_SHORT: Record<string, string> = {
  Chukwuemeka: "Emeka", Oluwaseun: "Seun", Babatunde: "Tunde", Oluwafemi: "Femi", Adebayo: "Bayo", Chinedu: "Nedu",
};

const nigerian: Style = (rng) => {
  const given = rng.pick([
    "Chukwuemeka", "Oluwaseun", "Ngozi", "Abdullahi", "Babatunde", "Chinedu", "Ifeoma", "Musa", "Adebayo", "Oluwafemi", "Uchenna", "Aminu", "Funmilayo", "Ikechukwu",
    "Obinna", "Chidi", "Nnamdi", "Kelechi", "Yusuf", "Aisha", "Fatima", "Godwin", "Sunday", "Olumide", "Segun", "Kayode", "Chiamaka", "Usman",
  ]);
  const family = rng.pick([
    "Obi", "Okafor", "Adeyemi", "Bello", "Okonkwo", "Eze", "Ogunleye", "Ibrahim", "Nwosu", "Adewale", "Okoro", "Lawal", "Onyekachi", "Balogun", "Okeke",
    "Nwachukwu", "Abubakar", "Danjuma", "Olawale", "Ogundipe", "Akpan", "Bassey", "Ekwueme", "Obiora", "Olaniyan", "Adebisi", "Okoye", "Yakubu", "Afolabi", "Umeh",
  ]);
  const name = `${given} ${family}`;
  const aliases: string[] = [];
  const short = NIGERIAN_SHORT[given];
  if (short && rng.chance(0.7)) aliases.push(`${short} ${family}`);
  if (rng.chance(0.3)) aliases.push(`${family} ${given}`);
  if (rng.chance(0.15)) aliases.push(`${rng.pick(["Chief", "Alhaji", "Mr"])} ${family}`);
  return distinct(name, aliases, familyLast(given, family));
};

const francophoneAfrican: Style = (rng) => {
  const given = rng.pick([
    "Jean-Pierre", "Emmanuel", "Marie-Claire", "Serge", "Patrice", "Didier", "Joséphine", "Hervé", "Blaise", "Aurélie", "Fabrice", "Clément",
    "Jean", "Paul", "Alain", "Christian", "Yves", "Honoré", "Arnaud", "Rodrigue", "Gervais", "Brice", "Sylvie", "Pascal",
  ]);
  const family = rng.pick([
    "Mbarga", "Nkomo", "Tchoumi", "Essomba", "Mukendi", "Ilunga", "Kouassi", "Koné", "Mbemba", "Nzuzi", "Ekani", "Tshibangu", "Kodjo", "Amégah", "Atangana",
    "Fotso", "Kamga", "Ngono", "Onana", "Tchakounté", "Lumbala", "Kasongo", "Mbuyi", "Ndjoli", "Yao", "Traoré", "Diallo", "Agbodjan", "Mvondo", "Kabongo",
  ]);
  const name = `${given} ${family}`;
  const initials = given.split("-").map((part) => `${part.charAt(0)}.`).join("");
  const aliases = [stripDiacritics(`${family.toUpperCase()} ${given}`)];
  if (rng.chance(0.35)) aliases.push(`${initials} ${family}`);
  if (rng.chance(0.3)) aliases.push(stripDiacritics(name));
  return distinct(name, aliases, familyLast(given, family));
};

const eastAfrican: Style = (rng) => {
  const given = rng.pick([
    "Juma", "Baraka", "Amina", "Hamisi", "Mwajuma", "Otieno", "Wanjiru", "Joseph", "Grace", "Salim", "Mohamed", "Neema", "Kato",
    "Wafula", "Peter", "John", "Mary", "Fatuma", "Rehema", "Daudi", "Wanjiku", "Akinyi", "Halima", "Ochieng", "Esther", "Moses",
  ]);
  const family = rng.pick([
    "Mwangi", "Otieno", "Mohamed", "Hassan", "Kamau", "Njoroge", "Mushi", "Kiprono", "Mollel", "Ssempala", "Okello", "Said", "Omondi",
    "Mrema", "Wambua", "Ndirangu", "Chebet", "Kariuki", "Onyango", "Mutua", "Massawe", "Nyirenda", "Lukwago", "Kiwanuka", "Mbwana", "Shabani",
  ]);
  const name = `${given} ${family}`;
  const aliases: string[] = [];
  if (rng.chance(0.3)) aliases.push(`${family} ${given}`);
  if (rng.chance(0.25)) aliases.push(`${given} ${rng.pick(["Ali", "Juma", "Omar", "Wekesa", "Kibet"])} ${family}`);
  return distinct(name, aliases, familyLast(given, family));
};

const mozambican: Style = (rng) => {
  const given = rng.pick(["João", "António", "Maria", "Armando", "Célia", "Inácio", "Sérgio", "Fátima", "Albino", "Ernesto"]);
  const family = rng.pick(["Macuácua", "Cossa", "Mondlane", "Sitoe", "Chissano", "Mabunda", "Nhantumbo", "Tembe", "Muianga", "Langa"]);
  const name = `${given} ${family}`;
  return distinct(name, [stripDiacritics(name), ...(rng.chance(0.3) ? [`${given.charAt(0)}. ${family}`] : [])], familyLast(given, family));
};

const southAfrican: Style = (rng) => {
  const afrikaans = rng.chance(0.35);
  const given = afrikaans
    ? rng.pick(["Pieter", "Johan", "Hendrik", "Marius", "Anton", "Gerhard"])
    : rng.pick(["Thabo", "Sipho", "Mandla", "Lindiwe", "Bongani", "Themba", "Nomvula", "Lungelo"]);
  const family = afrikaans
    ? rng.pick(["van der Merwe", "Botha", "Pretorius", "du Plessis", "Venter", "Steyn"])
    : rng.pick(["Nkosi", "Dlamini", "Mahlangu", "Khumalo", "Ndlovu", "Mokoena", "Zulu", "Sithole"]);
  const name = `${given} ${family}`;
  return distinct(name, rng.chance(0.3) ? [`${given.charAt(0)}. ${family}`] : [], familyLast(given, family));
};

const ethiopian: Style = (rng) => {
  const given = rng.pick(["Abebe", "Tesfaye", "Mulugeta", "Hailu", "Almaz", "Yohannes", "Meseret", "Dawit", "Selam", "Girma"]);
  const father = rng.pick(["Tesfaye", "Bekele", "Haile", "Gebre", "Wolde", "Alemu", "Tadesse", "Kebede", "Getachew", "Mekonnen"]);
  const name = `${given} ${father}`;
  return distinct(name, rng.chance(0.4) ? [`${given} ${father.charAt(0)}.`] : [], familyLast(given, father));
};

const malagasy: Style = (rng) => {
  const given = rng.pick(["Hery", "Fara", "Tiana", "Solo", "Voahangy", "Rivo", "Mamy", "Lova"]);
  const family = rng.pick(["Rakotomalala", "Randrianarisoa", "Rasoanaivo", "Andriamahefa", "Razafindrakoto", "Ratsimbazafy"]);
  const name = `${given} ${family}`;
  return distinct(name, rng.chance(0.4) ? [`${given} ${family.slice(0, 4)}.`] : [], familyLast(given, family));
};

const arabic: Style = (rng) => {
  const given = rng.pick(["Khalid", "Ahmed", "Omar", "Yousef", "Hamad", "Saeed", "Rashid", "Faisal", "Majid", "Tariq"]);
  const father = rng.pick(["Saeed", "Ali", "Abdullah", "Mohammed", "Hassan", "Salem", "Nasser"]);
  const family = rng.pick(["Al Marzouqi", "Al Hammadi", "Al Kaabi", "Al Suwaidi", "Al Mehairi", "Al Kuwari", "Al Dosari"]);
  const name = `${given} ${father} ${family}`;
  return distinct(name, [`${given} ${family}`, ...(rng.chance(0.3) ? [`${given} ${father} ${family.replace("Al ", "Al-")}`] : [])], familyLast(`${given} ${father}`, family));
};

const mexican: Style = (rng) => {
  const given = rng.pick(["José Luis", "María", "Juan Carlos", "Guadalupe", "Jesús", "Alejandro", "Rosa Elena", "Francisco", "Miguel Ángel", "Verónica"]);
  const first = rng.pick(["Hernández", "García", "Martínez", "López", "González", "Pérez", "Sánchez", "Ramírez", "Flores", "Cruz"]);
  const second = rng.pick(["Ruiz", "Díaz", "Moreno", "Jiménez", "Vázquez", "Castillo", "Ortiz", "Mendoza"]);
  const name = `${given} ${first} ${second}`;
  const aliases = [stripDiacritics(`${given} ${first}`)];
  if (rng.chance(0.3)) aliases.push(rng.pick(["El Güero", "El Chino", "La Flaca", "El Pelón", "El Compa"]));
  return distinct(name, aliases, familyLast(given, `${first} ${second}`));
};

const american: Style = (rng) => {
  const given = rng.pick(["Michael", "David", "Jennifer", "Kevin", "Steven", "Lisa", "Brian", "Daniel", "Karen", "Eric"]);
  const family = rng.pick(["Nguyen", "Tran", "Chen", "Lopez", "Miller", "Garcia", "Wong", "Johnson", "Kim", "Rivera"]);
  const name = `${given} ${family}`;
  return distinct(name, rng.chance(0.3) ? [`${given.charAt(0)}. ${family}`] : [], familyLast(given, family));
};

const turkish: Style = (rng) => {
  const given = rng.pick(["Mehmet", "Ahmet", "Mustafa", "Ayşe", "Emre", "Burak", "Elif", "Hakan"]);
  const family = rng.pick(["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk"]);
  const name = `${given} ${family}`;
  return distinct(name, [stripDiacritics(name)], familyLast(given, family));
};

const sriLankan: Style = (rng) => {
  const given = rng.pick(["Nimal", "Kamal", "Sunil", "Chaminda", "Dilani", "Ruwan", "Priyanka", "Asanka"]);
  const family = rng.pick(["Perera", "Fernando", "de Silva", "Jayasuriya", "Wickramasinghe", "Bandara", "Rajapakse"]);
  const name = `${given} ${family}`;
  return distinct(name, rng.chance(0.3) ? [`${given.charAt(0)}. ${family}`] : [], familyLast(given, family));
};

const STYLE_BY_COUNTRY: Record<string, Style> = {
  VN: vietnamese, CN: chineseMainland, HK: chineseHongKong, SG: chineseSingapore, LA: lao, TH: thai,
  MM: burmese, KH: khmer, MY: malay, NG: nigerian, CM: francophoneAfrican, CD: francophoneAfrican,
  CG: francophoneAfrican, CI: francophoneAfrican, TG: francophoneAfrican, KE: eastAfrican, TZ: eastAfrican,
  UG: eastAfrican, MZ: mozambican, ZA: southAfrican, ET: ethiopian, MG: malagasy, AE: arabic, QA: arabic,
  MX: mexican, US: american, TR: turkish, LK: sriLankan,
};

/** A name in the customs of the person's nationality (an ISO alpha-2 code of `countries.ts`). */
export function personName(rng: Rng, nationality: string): PersonName {
  const style = STYLE_BY_COUNTRY[nationality];
  if (!style) throw new Error(`no naming style for nationality ${nationality}`);
  return style(rng);
}
