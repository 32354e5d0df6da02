import { IdentifierKind } from "../../domain/vocabulary.js";
import { hash128, type Rng } from "../prng.js";
import { countryById } from "../reference/countries.js";
import { group, normaliseText, padDigits, scramble, slug } from "./text.js";

/**
 * Identifiers in the shapes each country uses: mobile numbers in E.164 (with the local way of
 * writing them as the raw value), e-mail addresses at the reserved example domains only, postal
 * addresses, bank account numbers, passport and company registration numbers. Each kind and country
 * draws from its own counter through a bijection, so no two identifiers are ever equal by accident:
 * every sharing in the generated network is planted and recorded. The numbers are well formed and
 * random-looking; they are not checked against real subscribers (except that US numbers use the
 * 555-01XX range reserved for fiction), which is one more reason every row is marked synthetic.
 */
export interface IdentifierValue {
  readonly id: string;
  readonly kind: IdentifierKind;
  readonly value: string;
  readonly rawValue: string;
}

function identifier(kind: IdentifierKind, value: string, rawValue: string): IdentifierValue {
  return { id: `${kind}:${value}`, kind, value, rawValue };
}

interface PhonePlan {
  readonly callingCode: string;
  /** Leading digits of mobile numbers (after the country code). */
  readonly prefixes: readonly string[];
  /** Digits after the prefix. */
  readonly free: number;
  /** Digit groups of the national number; written locally, a trunk 0 joins the first group. */
  readonly groups: readonly number[];
  readonly trunkZero: boolean;
}

function plan(callingCode: string, prefixes: string, free: number, groups: number[], trunkZero = true): PhonePlan {
  return { callingCode, prefixes: prefixes.split(" "), free, groups, trunkZero };
}

const PHONE_PLANS: Record<string, PhonePlan> = {
  VN: plan("84", "90 91 93 94 96 97 98 86 88 89 32 33 34 35 36 37 38 39 70 76 77 78 79 81 82 83 84 85", 7, [3, 3, 3]),
  CN: plan("86", "130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 158 159 177 180 185 186 187 188 189", 8, [3, 4, 4], false),
  HK: plan("852", "5 6 9", 7, [4, 4], false),
  LA: plan("856", "202 205 207 209", 7, [2, 4, 4]),
  TH: plan("66", "61 62 63 64 65 81 82 83 84 85 86 87 88 89 91 92 93 94 95 96 97 98 99", 7, [2, 3, 4]),
  MM: plan("95", "94 96 97 99", 8, [1, 3, 3, 3]),
  KH: plan("855", "10 11 12 15 16 17 61 69 70 76 77 78 85 89 92 93 95 96 97 98 99", 6, [2, 3, 3]),
  MY: plan("60", "12 13 14 16 17 19", 7, [2, 3, 4]),
  SG: plan("65", "8 9", 7, [4, 4], false),
  AE: plan("971", "50 52 54 55 56 58", 7, [2, 3, 4]),
  QA: plan("974", "3 5 6 7", 7, [4, 4], false),
  TR: plan("90", "530 532 533 535 536 542 505 506 555", 7, [3, 3, 2, 2]),
  LK: plan("94", "70 71 72 75 76 77 78", 7, [2, 3, 4]),
  NG: plan("234", "803 806 813 816 703 706 810 814 903 805 807 815 811 905 802 808 812 708", 7, [3, 3, 4]),
  CM: plan("237", "67 68 65 69 66", 7, [3, 2, 2, 2], false),
  CD: plan("243", "81 82 84 85 89 97 99 90", 7, [2, 3, 4]),
  CG: plan("242", "04 05 06", 7, [2, 3, 4], false),
  CI: plan("225", "01 05 07", 8, [2, 2, 2, 2, 2], false),
  TG: plan("228", "90 91 92 93 70 99", 6, [2, 2, 2, 2], false),
  KE: plan("254", "701 710 711 712 713 715 720 722 725 726 727 733 790", 6, [3, 6]),
  TZ: plan("255", "754 755 715 713 784 787 655 622 688", 6, [3, 3, 3]),
  UG: plan("256", "772 782 701 752 756 777 703", 6, [3, 6]),
  MZ: plan("258", "82 84 85 86 87", 7, [2, 3, 4], false),
  ZA: plan("27", "60 61 71 72 73 76 79 82 83 84", 7, [2, 3, 4]),
  ET: plan("251", "91 92 93 94 97", 7, [2, 3, 4]),
  MG: plan("261", "32 33 34 38", 7, [2, 2, 3, 2]),
  MX: plan("52", "664 686 646 553 554 556 333 818 612 662", 7, [3, 3, 4], false),
};

/** US numbers: 555-0100 to 555-0199 in real area codes, the range reserved for fiction. */
const US_AREA_CODES = (
  "201 202 203 205 206 207 208 209 210 212 213 214 215 216 217 218 219 224 225 228 229 231 234 239 240 248 251 252 253 " +
  "254 256 260 262 267 269 270 276 281 301 302 303 304 305 307 308 309 310 312 313 314 315 316 317 318 319 320 321 323 " +
  "325 330 334 336 337 339 347 351 352 360 361 386 401 402 404 405 406 407 408 409 410 412 413 414 415 417 419 423 424"
).split(" ");

const EMAIL_DOMAINS = ["example.com", "example.net", "example.org"];

interface AddressStyle {
  readonly cities: readonly (readonly [string, readonly string[]])[];
  readonly streets: readonly string[];
  readonly format: (parts: { number: number; unit: number; street: string; district: string; city: string; country: string }) => string;
}

const western = (parts: { number: number; unit: number; street: string; district: string; city: string; country: string }): string =>
  `Unit ${parts.unit}, ${parts.number} ${parts.street}, ${parts.district}, ${parts.city}, ${parts.country}`;

const ADDRESS_STYLES: Record<string, AddressStyle> = {
  VN: {
    cities: [
      ["Hà Nội", ["Quận Hoàn Kiếm", "Quận Long Biên", "Quận Cầu Giấy", "Huyện Gia Lâm"]],
      ["Thành phố Hồ Chí Minh", ["Quận 1", "Quận 5", "Quận Bình Thạnh", "Quận 7"]],
      ["Hải Phòng", ["Quận Ngô Quyền", "Quận Hải An", "Quận Lê Chân"]],
      ["Móng Cái, Quảng Ninh", ["Phường Trần Phú", "Phường Ka Long"]],
      ["Lào Cai", ["Phường Cốc Lếu", "Phường Duyên Hải"]],
    ],
    streets: ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hai Bà Trưng", "Lý Thường Kiệt", "Điện Biên Phủ", "Lạch Tray", "Hùng Vương"],
    format: (p) => `Số ${p.number}, ngõ ${p.unit}, ${p.street}, ${p.district}, ${p.city}, Việt Nam`,
  },
  CN: {
    cities: [
      ["广州市", ["白云区", "越秀区", "黄埔区", "南沙区"]],
      ["深圳市", ["南山区", "福田区", "罗湖区"]],
      ["昆明市", ["官渡区", "盘龙区"]],
      ["南宁市", ["青秀区", "西乡塘区"]],
      ["东兴市", ["东兴镇"]],
      ["景洪市", ["嘎洒镇", "允景洪街道"]],
    ],
    streets: ["机场路", "人民路", "解放路", "中山路", "建设路", "滨江路", "北京路", "东风路"],
    format: (p) => `${p.city}${p.district}${p.street}${p.number}号${p.unit}室`,
  },
  HK: {
    cities: [["Kowloon", ["Mong Kok", "Tsim Sha Tsui", "Sham Shui Po", "Kwun Tong"]], ["Hong Kong Island", ["Sheung Wan", "Wan Chai", "Causeway Bay"]], ["New Territories", ["Kwai Chung", "Tsuen Wan"]]],
    streets: ["Nathan Road", "Des Voeux Road Central", "Queen's Road", "Hennessy Road", "Castle Peak Road", "Kwai Fung Crescent", "Connaught Road West"],
    format: (p) => `Flat ${p.unit}, ${1 + (p.number % 30)}/F, ${p.number} ${p.street}, ${p.district}, ${p.city}, Hong Kong`,
  },
  TH: {
    cities: [["Bangkok", ["Khet Bang Rak", "Khet Sathon", "Khet Khlong Toei", "Khet Lat Krabang"]], ["Chiang Rai", ["Amphoe Chiang Saen", "Amphoe Mae Sai", "Amphoe Chiang Khong"]], ["Nong Khai", ["Amphoe Mueang Nong Khai"]]],
    streets: ["Sukhumvit Road", "Rama IV Road", "Phahonyothin Road", "Charoen Krung Road", "Ratchadaphisek Road", "Mittraphap Road"],
    format: (p) => `${p.number}/${p.unit} ${p.street}, ${p.district}, ${p.city}, Thailand`,
  },
  LA: {
    cities: [["Vientiane", ["Chanthabouly District", "Sikhottabong District", "Xaysetha District"]], ["Bokeo", ["Houayxay District", "Tonpheung District"]], ["Luang Namtha", ["Namtha District"]]],
    streets: ["Ban Phonxay", "Ban Sokpaluang", "Ban Nongduang", "Ban Houayxay Tai", "Ban Kaenglek", "Ban Donkoi"],
    format: (p) => `House ${p.number}, Unit ${p.unit}, ${p.street}, ${p.district}, ${p.city}, Lao PDR`,
  },
  MY: {
    cities: [["Klang", ["Pelabuhan Klang", "Bandar Botanic"]], ["Kuala Lumpur", ["Cheras", "Bukit Bintang"]], ["Johor Bahru", ["Pasir Gudang", "Gelang Patah"]]],
    streets: ["Jalan Kem", "Jalan Pelabuhan", "Jalan Ampang", "Jalan Tun Razak", "Jalan Persiaran Raja Muda"],
    format: (p) => `No. ${p.number}, Lot ${p.unit}, ${p.street}, ${p.district}, ${p.city}, Malaysia`,
  },
  NG: {
    cities: [["Lagos", ["Apapa", "Ikeja", "Lekki", "Surulere"]], ["Onitsha", ["Fegge", "Inland Town"]], ["Kano", ["Sabon Gari", "Fagge"]]],
    streets: ["Wharf Road", "Creek Road", "Burma Road", "Marine Beach Road", "Awolowo Road", "Allen Avenue"],
    format: (p) => `${p.number} ${p.street}, Block ${p.unit}, ${p.district}, ${p.city}, Nigeria`,
  },
};

const GENERIC_ADDRESS: Record<string, { cities: string[]; streets: string[] }> = {
  default: { cities: ["Central District"], streets: ["Harbour Road", "Market Street", "Station Road", "Airport Road", "Industrial Avenue"] },
  KH: { cities: ["Phnom Penh", "Sihanoukville"], streets: ["Preah Monivong Blvd", "Russian Federation Blvd", "Street 271", "Street 2004"] },
  MM: { cities: ["Yangon", "Mandalay", "Tachileik"], streets: ["Bogyoke Aung San Road", "Strand Road", "Pyay Road", "78th Street"] },
  SG: { cities: ["Singapore"], streets: ["Pasir Panjang Road", "Jurong Port Road", "Geylang Road", "Tanjong Pagar Road"] },
  AE: { cities: ["Dubai", "Sharjah"], streets: ["Sheikh Zayed Road", "Al Maktoum Road", "Jebel Ali Free Zone, Road 5"] },
  QA: { cities: ["Doha"], streets: ["Salwa Road", "C Ring Road", "Al Sadd Street"] },
  TR: { cities: ["İstanbul"], streets: ["İstiklal Caddesi", "Atatürk Bulvarı", "Vatan Caddesi"] },
  LK: { cities: ["Colombo"], streets: ["Galle Road", "Duplication Road", "Baseline Road"] },
  CM: { cities: ["Douala", "Yaoundé"], streets: ["Rue Joss", "Boulevard de la Liberté", "Rue Njo-Njo"] },
  CD: { cities: ["Kinshasa", "Matadi"], streets: ["Avenue du Commerce", "Boulevard du 30 Juin", "Avenue Kabinda"] },
  CG: { cities: ["Pointe-Noire", "Brazzaville"], streets: ["Avenue Charles de Gaulle", "Rue Mbaka", "Avenue de l'Indépendance"] },
  CI: { cities: ["Abidjan"], streets: ["Boulevard de Marseille", "Rue du Commerce", "Avenue Chardy"] },
  TG: { cities: ["Lomé"], streets: ["Boulevard du 13 Janvier", "Rue du Grand Marché", "Avenue de la Libération"] },
  KE: { cities: ["Mombasa", "Nairobi"], streets: ["Moi Avenue", "Digo Road", "Kenyatta Avenue", "Mombasa Road"] },
  TZ: { cities: ["Dar es Salaam", "Zanzibar"], streets: ["Samora Avenue", "Kariakoo Street", "Uhuru Street", "Bagamoyo Road"] },
  UG: { cities: ["Kampala", "Entebbe"], streets: ["Kampala Road", "Entebbe Road", "Jinja Road"] },
  MZ: { cities: ["Maputo", "Pemba"], streets: ["Avenida 25 de Setembro", "Avenida Julius Nyerere", "Rua da Marginal"] },
  ZA: { cities: ["Johannesburg", "Durban"], streets: ["Main Reef Road", "Commissioner Street", "Point Road"] },
  ET: { cities: ["Addis Ababa"], streets: ["Bole Road", "Churchill Avenue", "Africa Avenue"] },
  MG: { cities: ["Antananarivo", "Toamasina"], streets: ["Avenue de l'Indépendance", "Rue Rainandriamampandry", "Boulevard Joffre"] },
  MX: { cities: ["Mexicali", "Ensenada", "Tijuana"], streets: ["Calzada Justo Sierra", "Avenida Reforma", "Boulevard Costero"] },
  US: { cities: ["Los Angeles, CA", "San Diego, CA", "Calexico, CA"], streets: ["Alameda Street", "Imperial Avenue", "Pacific Coast Highway"] },
};

const BANK_CODES: Record<string, readonly string[]> = {
  VN: ["0011", "0021", "1902", "0491"], CN: ["6222", "6217", "6228"], HK: ["004", "012", "024"], LA: ["0100", "0200"],
  TH: ["001", "014", "025"], SG: ["7171", "7339"], MY: ["5140", "1122"], AE: ["033", "026"], NG: ["044", "058", "057"],
};

const PASSPORT_FORMATS: Record<string, { letters: readonly string[]; digits: number }> = {
  VN: { letters: ["C", "B", "N"], digits: 7 }, CN: { letters: ["E", "EA", "EB"], digits: 8 }, HK: { letters: ["K", "H"], digits: 8 },
  LA: { letters: ["P"], digits: 7 }, TH: { letters: ["AA", "AB", "AC"], digits: 7 }, MM: { letters: ["MA", "MB", "MC"], digits: 6 },
  KH: { letters: ["N0"], digits: 7 }, MY: { letters: ["A", "H"], digits: 8 }, SG: { letters: ["E", "K"], digits: 7 },
  NG: { letters: ["A", "B"], digits: 8 }, KE: { letters: ["AK", "BK"], digits: 7 }, TZ: { letters: ["AB", "TAE"], digits: 6 },
  UG: { letters: ["B", "A"], digits: 7 }, ZA: { letters: ["A", "M"], digits: 8 }, ET: { letters: ["EP", "EQ"], digits: 7 },
  MX: { letters: ["G", "N"], digits: 8 }, US: { letters: [""], digits: 9 },
};

/** Company registration numbers, from eight counter digits, in each registry's shape. */
const REGISTRATION_FORMATS: Record<string, (digits: string, n: number) => { value: string; raw: string }> = {
  VN: (d) => ({ value: `01${d}`, raw: `MST 01${d}` }),
  CN: (d, n) => {
    const code = `914401${d.slice(0, 2)}MA${d.slice(2)}${"0123456789ABCDEFGHJKLMNPQRTUWXY"[n % 31]}`;
    return { value: code, raw: code };
  },
  HK: (d) => ({ value: d, raw: `CR No. ${d}` }),
  TH: (d, n) => ({ value: `0105${d}${n % 10}`, raw: `0105${d}${n % 10}` }),
  SG: (d) => ({ value: `2${d}K`, raw: `UEN 2${d}K` }),
  MY: (d) => ({ value: `2015${d}`, raw: `2015${d} (${d.slice(1)}-X)` }),
  NG: (d) => ({ value: `RC${d}`, raw: `RC ${d}` }),
};

function pickPassport(countryId: string): { letters: readonly string[]; digits: number } {
  return PASSPORT_FORMATS[countryId] ?? { letters: ["P", "A"], digits: 7 };
}

/**
 * Makes identifiers. Per kind and country it keeps a counter; a counter value goes through a seeded
 * bijection into the digits, so values differ from seed to seed but never repeat within one run.
 */
export class IdentifierFactory {
  private readonly counters = new Map<string, { next: number; offset: number }>();

  constructor(private readonly seed: string) {}

  private next(key: string, domain: number): number {
    let counter = this.counters.get(key);
    if (!counter) {
      counter = { next: 0, offset: hash128(`${this.seed}\u0000${key}`)[0] };
      this.counters.set(key, counter);
    }
    return scramble(counter.next++, domain, counter.offset);
  }

  phone(rng: Rng, countryId: string): IdentifierValue {
    if (countryId === "US") return this.usPhone(rng);
    const phonePlan = PHONE_PLANS[countryId];
    if (!phonePlan) throw new Error(`no phone plan for ${countryId}`);
    const { prefixes, free } = phonePlan;
    const n = this.next(`PHONE:${countryId}`, prefixes.length * 10 ** free);
    const national = prefixes[n % prefixes.length] + padDigits(Math.floor(n / prefixes.length), free);
    const value = `+${phonePlan.callingCode}${national}`;
    return identifier(IdentifierKind.PHONE, value, this.rawPhone(rng, phonePlan, national));
  }

  private rawPhone(rng: Rng, phonePlan: PhonePlan, national: string): string {
    const local = phonePlan.trunkZero ? `0${national}` : national;
    const style = rng.int(0, 3);
    if (style === 0) return group(local, phonePlan.trunkZero ? [phonePlan.groups[0] + 1, ...phonePlan.groups.slice(1)] : phonePlan.groups);
    if (style === 1) return `+${phonePlan.callingCode} ${group(national, phonePlan.groups)}`;
    if (style === 2) return `(+${phonePlan.callingCode}) ${national}`;
    return local.replace(/(\d{3})(?=\d)/g, "$1-");
  }

  private usPhone(rng: Rng): IdentifierValue {
    const n = this.next("PHONE:US", US_AREA_CODES.length * 100);
    const area = US_AREA_CODES[n % US_AREA_CODES.length];
    const line = `01${padDigits(Math.floor(n / US_AREA_CODES.length), 2)}`;
    const value = `+1${area}555${line}`;
    const raw = rng.chance(0.5) ? `(${area}) 555-${line}` : `+1 ${area}-555-${line}`;
    return identifier(IdentifierKind.PHONE, value, raw);
  }

  /**
   * `hint` is a person's or company's name: the local part is made of its words (letters only) and
   * a number from the counter, so two addresses never coincide whatever the names.
   */
  email(rng: Rng, hint: string): IdentifierValue {
    const n = this.next("EMAIL", 10 ** 6);
    const words = hint
      .split(/\s+/)
      .map((word) => slug(word).replace(/[0-9]/g, ""))
      .filter((word) => word.length > 1 && !/^(co|ltd|llc|inc|sarl|pte|sdn|bhd|limited|company)$/.test(word));
    const first = words[0] ?? "mail";
    const last = words[words.length - 1] ?? "mail";
    const stem = (words.length >= 2 ? (rng.chance(0.5) ? `${first}.${last}` : `${last}${first.charAt(0)}`) : first).slice(0, 24);
    const value = `${stem}${rng.pick(["", ".", "_"])}${n}@${rng.pick(EMAIL_DOMAINS)}`;
    const raw = rng.chance(0.25) ? value.replace(/^./, (letter) => letter.toUpperCase()) : value;
    return identifier(IdentifierKind.EMAIL, value, raw);
  }

  address(rng: Rng, countryId: string): IdentifierValue {
    const style = ADDRESS_STYLES[countryId];
    const n = this.next(`ADDRESS:${countryId}`, 400 * 600);
    // Number and unit come from the counter, so addresses never repeat; city and street are chosen.
    const number = 1 + (n % 400);
    const unit = 1 + Math.floor(n / 400);
    let raw: string;
    if (style) {
      const [city, districts] = rng.pick(style.cities);
      raw = style.format({ number, unit, street: rng.pick(style.streets), district: rng.pick(districts), city, country: countryById(countryId).name });
    } else {
      const generic = GENERIC_ADDRESS[countryId] ?? GENERIC_ADDRESS.default;
      raw = western({ number, unit, street: rng.pick(generic.streets), district: rng.pick(generic.cities), city: "", country: countryById(countryId).name })
        .replace(", , ", ", ");
    }
    return identifier(IdentifierKind.ADDRESS, normaliseText(raw), raw);
  }

  bankAccount(rng: Rng, countryId: string): IdentifierValue {
    const n = this.next(`BANK_ACCOUNT:${countryId}`, 10 ** 9);
    const bank = rng.pick(BANK_CODES[countryId] ?? ["001", "002", "010"]);
    const digits = `${bank}${padDigits(n, 9)}`;
    const raw = rng.chance(0.5) ? group(digits, [bank.length, 3, 6], "-") : digits;
    return identifier(IdentifierKind.BANK_ACCOUNT, `${countryId}${digits}`, raw);
  }

  passport(rng: Rng, countryId: string): IdentifierValue {
    const format = pickPassport(countryId);
    const n = this.next(`PASSPORT:${countryId}`, 10 ** format.digits);
    const number = `${format.letters[n % format.letters.length]}${padDigits(n, format.digits)}`;
    const raw = rng.chance(0.3) ? `Passport ${number}` : number;
    return identifier(IdentifierKind.DOCUMENT, `${countryId}-${number}`, raw);
  }

  registration(rng: Rng, countryId: string): IdentifierValue {
    const n = this.next(`REGISTRATION:${countryId}`, 10 ** 8);
    const digits = padDigits(n, 8);
    const format = REGISTRATION_FORMATS[countryId];
    const { value, raw } = format ? format(digits, n) : { value: `RC${digits}`, raw: `Reg. No. ${digits}` };
    return identifier(IdentifierKind.DOCUMENT, `${countryId}-${value}`, rng.chance(0.5) ? raw : value);
  }
}
