/**
 * Chinese names reach the records romanised several ways: Mandarin pinyin on the mainland,
 * Cantonese spellings in Hong Kong and Macau, Hokkien and Teochew in Singapore, Malaysia,
 * Indonesia and among Hoa traders, Wade–Giles in Taiwan. 李强 is "Li Qiang" in a Chinese customs
 * file and "Lee Keung" on a Hong Kong identity card. These tables map the common non-pinyin
 * spellings to the pinyin syllables they may stand for, so both meet on pinyin.
 *
 * Written from general knowledge of the romanisation systems, not from any data set. A spelling
 * may stand for several characters (Wong is 黃 Huang or 王 Wang; Ng is 吳 Wu or 伍 Wu or 黃 Huang
 * in Cantonese), so the values are lists; the spelling itself always stays a form too (Tan is also
 * the pinyin of 譚). Entries err towards the common readings: a missing reading costs a match
 * (the typo-tolerant comparison may still catch it), a wrong one only a little precision.
 */

/** Surnames: Cantonese (C), Hokkien/Teochew (H), Wade–Giles or other (W). */
export const SURNAME_ROMANISATIONS: Readonly<Record<string, readonly string[]>> = {
  lee: ["li"], // C/H 李
  lei: ["li", "lu"], // C 李 (Macau), 呂
  wong: ["wang", "huang"], // C 王, 黃
  cheung: ["zhang"], // C 張
  chan: ["chen"], // C 陳
  lau: ["liu"], // C/H 劉
  chiu: ["zhao", "qiu"], // C 趙, W 邱
  ng: ["wu", "huang"], // C 吳/伍, H 黃
  chow: ["zhou"], // C 周
  lam: ["lin"], // C 林
  kwok: ["guo"], // C 郭
  ho: ["he"], // C 何
  law: ["luo"], // C 羅
  lo: ["luo", "lu"], // C 羅, 盧
  leung: ["liang"], // C 梁
  tse: ["xie"], // C 謝
  tong: ["tang"], // C 唐
  tang: ["deng"], // C 鄧 (and pinyin 唐 stays)
  tan: ["chen"], // H 陳 (and pinyin 譚 stays)
  lim: ["lin"], // H 林
  goh: ["wu"], // H 吳
  ong: ["wang"], // H 王
  teo: ["zhang"], // Teochew 張
  teoh: ["zhang"], // H 張
  chong: ["zhang", "zhuang"], // Hakka 張, C 莊
  koh: ["xu", "gao"], // H 許, 高
  chua: ["cai"], // H 蔡
  choi: ["cai"], // C 蔡
  tsoi: ["cai"], // C 蔡
  tsai: ["cai"], // W 蔡
  tsang: ["zeng"], // C 曾
  tseng: ["zeng"], // W 曾
  yip: ["ye"], // C 葉
  yeh: ["ye"], // W 葉
  yeung: ["yang"], // C 楊
  yeo: ["yang"], // H 楊
  mak: ["mai"], // C 麥
  mok: ["mo"], // C 莫
  fung: ["feng"], // C 馮
  kong: ["jiang"], // C 江
  lui: ["lu", "lei"], // C 呂, 雷
  so: ["su"], // C 蘇
  soh: ["su"], // H 蘇
  siu: ["xiao", "shao"], // C 蕭, 邵
  hsiao: ["xiao"], // W 蕭
  poon: ["pan"], // C 潘
  phua: ["pan"], // H 潘
  pang: ["peng"], // C 彭 (and pinyin 龐 stays)
  kwan: ["guan"], // C 關
  yuen: ["yuan", "ruan"], // C 袁, 阮
  lai: ["li"], // C 黎 (and pinyin 賴 stays)
  au: ["ou"], // C 區
  to: ["du", "tao"], // C 杜, 陶
  shek: ["shi"], // C 石
  chu: ["zhu"], // C/W 朱
  chung: ["zhong"], // C 鍾
  fok: ["huo"], // C 霍
  hui: ["xu"], // C 許
  hsu: ["xu"], // W 許, 徐
  kam: ["jin", "gan"], // C 金, 甘
  kan: ["jian"], // C 簡
  ko: ["gao"], // C 高
  kwong: ["kuang"], // C 鄺
  man: ["wen"], // C 文
  mui: ["mei"], // C 梅
  ngai: ["wei"], // C 魏
  tam: ["tan"], // C 譚
  tung: ["dong"], // C 董
  yau: ["qiu", "you"], // C 邱, 游
  yim: ["yan"], // C 嚴
  yiu: ["yao"], // C 姚
  cheng: ["zheng"], // C/W 鄭
  tay: ["zheng"], // H 鄭
  tee: ["zheng"], // Teochew 鄭
  chin: ["qian", "chen"], // C 錢, Hakka 陳
  ang: ["hong"], // H 洪
  hung: ["hong", "xiong"], // C 洪, 熊
  quek: ["guo"], // H 郭
  kuo: ["guo"], // W 郭
  seah: ["xie", "she"], // Teochew 謝, 佘
  hsieh: ["xie"], // W 謝
  sim: ["shen"], // H 沈
  toh: ["du", "zhuo"], // H 杜, 卓
  khoo: ["qiu"], // H 邱
  low: ["liu", "lu"], // H 劉, 盧
  loh: ["luo", "lu"], // H 羅, 盧
  sng: ["sun"], // H 孫
  suen: ["sun"], // C 孫
  teh: ["zheng"], // H 鄭
  wee: ["huang"], // H 黃
  oei: ["huang"], // Indonesian Hokkien 黃
  oey: ["huang"], // Indonesian Hokkien 黃
  tjoa: ["cai"], // Indonesian Hokkien 蔡
  liem: ["lin"], // Indonesian Hokkien 林
  kwee: ["guo"], // Indonesian Hokkien 郭
  chang: ["zhang"], // W 張
  chou: ["zhou"], // W 周
  chiang: ["jiang"], // W 蔣
  tsao: ["cao"], // W 曹
  cho: ["cao"], // C 曹
  tsui: ["xu", "cui"], // C 徐, 崔
};

/** Given-name syllables, mostly Cantonese, some Hokkien. */
export const GIVEN_SYLLABLE_ROMANISATIONS: Readonly<Record<string, readonly string[]>> = {
  wai: ["wei", "hui"],
  keung: ["qiang"],
  ming: ["ming"],
  kit: ["jie"],
  fai: ["hui"],
  kwan: ["jun", "kun", "qun"],
  chi: ["zhi", "chi"],
  chun: ["jun", "zhen"],
  kin: ["jian"],
  ka: ["jia"],
  wing: ["yong", "rong"],
  kwok: ["guo"],
  sing: ["sheng", "cheng", "xing"],
  shing: ["cheng", "sheng"],
  tak: ["de"],
  lok: ["le"],
  yan: ["en", "yin", "ren", "xin"],
  yee: ["yi"],
  ying: ["ying"],
  mei: ["mei"],
  hoi: ["hai", "kai"],
  tin: ["tian"],
  pui: ["pei"],
  kai: ["qi", "jia", "ji"],
  hin: ["xian"],
  yuk: ["yu"],
  sze: ["si", "shi"],
  tsz: ["zi", "ci"],
  wah: ["hua"],
  on: ["an"],
  hang: ["heng", "xing"],
  lung: ["long"],
  kei: ["qi", "ji"],
  shun: ["shun", "xin"],
  cheuk: ["zhuo"],
  wan: ["yun", "wen"],
  hei: ["xi"],
  fat: ["fa"],
  kuen: ["quan"],
  chuen: ["quan"],
  hok: ["xue"],
  leung: ["liang"],
  siu: ["xiao", "shao"],
  kwai: ["gui"],
  choi: ["cai"],
  hong: ["kang", "hong"],
  kong: ["guang", "jiang"],
  wo: ["he"],
  tai: ["da", "tai"],
  fook: ["fu"],
  kam: ["jin"],
  chee: ["zhi"],
  seng: ["cheng", "sheng"],
  beng: ["ming"],
  hock: ["fu"],
  huat: ["fa"],
  kiat: ["jie"],
  eng: ["rong", "ying"],
};

const FORMS = new Map<string, readonly string[]>();
for (const table of [SURNAME_ROMANISATIONS, GIVEN_SYLLABLE_ROMANISATIONS]) {
  for (const [spelling, readings] of Object.entries(table)) {
    const known = FORMS.get(spelling) ?? [spelling];
    FORMS.set(spelling, [...new Set([...known, ...readings])].sort());
  }
}

/**
 * The forms a folded word may stand for: itself, and the pinyin syllables it romanises when it is
 * a known Cantonese, Hokkien or Wade–Giles spelling. Sorted, so keys built from them are stable.
 */
export function romanisationForms(word: string): readonly string[] {
  return FORMS.get(word) ?? [word];
}
