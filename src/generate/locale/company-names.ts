import { CompanyKind } from "../../domain/vocabulary.js";
import type { Rng } from "../prng.js";

/**
 * Invented company names in the forms each country registers them ("... Co., Ltd", "Sdn Bhd",
 * "SARL", "FZE"), from two lists of name words and a trade word that fits the kind of company.
 */
interface CompanyStyle {
  readonly first: readonly string[];
  readonly second: readonly string[];
  readonly forms: readonly string[];
  /** A local-language pattern used now and then, `{name}` and `{trade}` filled in. */
  readonly local?: { readonly pattern: string; readonly trades: Readonly<Record<CompanyKind, string>> };
}

const TRADE: Readonly<Record<CompanyKind, readonly string[]>> = {
  [CompanyKind.FREIGHT_FORWARDER]: ["Logistics", "Freight", "Forwarding", "Shipping Agency", "Cargo Services"],
  [CompanyKind.TRADER]: ["Trading", "Import-Export", "Seafood", "Agro Products", "Timber", "Commodities", "General Trading"],
  [CompanyKind.LOGISTICS]: ["Transport", "Logistics", "Cargo", "Express", "Warehousing"],
  [CompanyKind.SHELL]: ["Holdings", "International", "Investment", "Ventures", "Global", "Resources"],
  [CompanyKind.OTHER]: ["Handicrafts", "Traditional Medicine", "Garments", "Construction", "Pharmaceutical", "Furniture"],
};

const HONG_KONG_FIRST = ["Golden", "Silver", "Jade", "Pearl", "Lotus", "Orchid", "Coral", "Amber", "Eastern", "Bright", "Harmony", "Fortune", "Lucky", "Grand", "Prime", "Rising"];

const styles: Record<string, CompanyStyle> = {
  VN: {
    first: ["Hải", "Phú", "Minh", "Thành", "Hoàng", "Đại", "Sao", "Kim", "Phương", "Việt", "An", "Tân"],
    second: ["Long", "Thịnh", "Phát", "Công", "Gia", "Dương", "Mai", "Ngân", "Nam", "Hưng", "Khang", "Lộc"],
    forms: ["Co., Ltd", "Joint Stock Company", "Company Limited"],
    local: {
      pattern: "Công ty TNHH {trade} {name}",
      trades: {
        [CompanyKind.FREIGHT_FORWARDER]: "Giao nhận Vận tải",
        [CompanyKind.TRADER]: "Thương mại",
        [CompanyKind.LOGISTICS]: "Vận tải",
        [CompanyKind.SHELL]: "Đầu tư",
        [CompanyKind.OTHER]: "Dịch vụ",
      },
    },
  },
  CN: {
    first: ["Jin", "Hua", "Tian", "Xing", "Fu", "Long", "Yuan", "Rui", "Hong", "Sheng", "Hai", "Xin"],
    second: ["long", "xin", "rui", "hai", "da", "sheng", "feng", "xiang", "yun", "tai", "cheng", "yuan"],
    forms: ["Co., Ltd.", "Trading Co., Ltd."],
    local: {
      pattern: "{name}{trade}有限公司",
      trades: {
        [CompanyKind.FREIGHT_FORWARDER]: "国际货运代理",
        [CompanyKind.TRADER]: "贸易",
        [CompanyKind.LOGISTICS]: "物流",
        [CompanyKind.SHELL]: "投资",
        [CompanyKind.OTHER]: "商贸",
      },
    },
  },
  HK: { first: HONG_KONG_FIRST, second: ["Delta", "Harbour", "Bay", "Crane", "Dragon", "Star", "Pearl", "Peak", "Lion", "Ocean"], forms: ["Limited", "(HK) Limited", "International Limited"] },
  LA: { first: ["Mekong", "Sengdao", "Phonsavan", "Vannasin", "Champa", "Lane Xang", "Sabaidee", "Khong"], second: ["Bridge", "Star", "Gold", "River", "Development", "Trading"], forms: ["Sole Co., Ltd", "Import-Export Co., Ltd"] },
  TH: { first: ["Siam", "Chao Phraya", "Rattana", "Sombat", "Lanna", "Isan", "Krung", "Chok"], second: ["Golden", "Star", "Prosper", "Group", "Union", "Thai"], forms: ["Co., Ltd.", "Limited Partnership", "Public Co., Ltd."] },
  MY: { first: ["Bintang", "Seri", "Permata", "Cahaya", "Mutiara", "Intan", "Jaya", "Sinar"], second: ["Timur", "Maju", "Emas", "Bumi", "Laut", "Utama"], forms: ["Sdn Bhd", "Enterprise"] },
  SG: { first: ["Lion Gate", "Straits", "Orchid", "Merlion", "Temasek Bay", "Marina"], second: ["Harbour", "Link", "Pacific", "Asia", "Bridge"], forms: ["Pte Ltd", "Pte. Ltd."] },
  KH: { first: ["Angkor", "Mekong", "Tonle", "Khmer", "Bayon", "Preah"], second: ["Delta", "Golden", "Star", "Prosperity", "River"], forms: ["Co., Ltd", "Import Export Co., Ltd"] },
  MM: { first: ["Shwe", "Golden Land", "Myitta", "Aung", "Yadanar", "Zaw"], second: ["Myint", "Star", "Thiri", "Mandalar", "Win"], forms: ["Company Limited", "Trading Co., Ltd"] },
  NG: { first: ["Apapa", "Eko", "Niger Delta", "Ogun", "Lekki", "Kano", "Ikeja", "Onitsha"], second: ["Star", "Valley", "Royal", "Crown", "Unity", "Gold"], forms: ["Ltd", "Nigeria Limited", "Enterprises"] },
  CM: { first: ["Wouri", "Sanaga", "Littoral", "Bonaberi", "Akwa", "Mungo"], second: ["Export", "Bois", "Négoce", "Services", "Commerce"], forms: ["SARL", "SA"] },
  CD: { first: ["Kivu", "Fleuve Congo", "Matadi", "Kasai", "Ubangi", "Katanga"], second: ["Commerce", "Négoce", "Services", "Transit", "Export"], forms: ["SARL", "SPRL"] },
  CG: { first: ["Pointe", "Kouilou", "Sangha", "Likouala", "Niari"], second: ["Commerce", "Bois", "Transit", "Services"], forms: ["SARL"] },
  CI: { first: ["Lagune", "Comoé", "Bandama", "Éburnie", "Plateau"], second: ["Négoce", "Export", "Commerce", "Services"], forms: ["SARL", "SA"] },
  TG: { first: ["Lomé", "Golfe", "Kara", "Mono", "Bénin"], second: ["Transit", "Commerce", "Services"], forms: ["SARL"] },
  KE: { first: ["Kilindini", "Tsavo", "Coast", "Rift Valley", "Mombasa", "Savanna"], second: ["Freight", "Traders", "Ventures", "Enterprises", "Agencies"], forms: ["Limited", "Ltd"] },
  TZ: { first: ["Kariakoo", "Zanzibar", "Kilwa", "Msasani", "Pwani", "Bagamoyo"], second: ["Spice", "Traders", "Marine", "Ventures", "Agencies"], forms: ["Company Limited", "Ltd"] },
  UG: { first: ["Nile Source", "Entebbe", "Victoria", "Kampala", "Masaka"], second: ["Traders", "Ventures", "Agencies", "Enterprises"], forms: ["(U) Limited", "Ltd"] },
  MZ: { first: ["Limpopo", "Zambeze", "Baía", "Índico", "Maputo", "Cabo Delgado"], second: ["Comércio", "Serviços", "Trading", "Pescas"], forms: ["Lda", "Limitada"] },
  ZA: { first: ["Highveld", "Karoo", "Limpopo", "Kruger", "Cape", "Drakensberg"], second: ["Cargo", "Traders", "Game", "Exports", "Holdings"], forms: ["(Pty) Ltd", "CC"] },
  ET: { first: ["Abay", "Entoto", "Rift", "Awash", "Tana"], second: ["Trading", "Import Export", "Services"], forms: ["PLC", "Share Company"] },
  MG: { first: ["Tamatave", "Ivato", "Analamanga", "Sava", "Menabe"], second: ["Export", "Négoce", "Services", "Commerce"], forms: ["SARL", "SA"] },
  AE: { first: ["Al Noor", "Desert Pearl", "Creek Side", "Al Bahar", "Falcon", "Palm"], second: ["Star", "Horizon", "Gate", "Link", "Crescent"], forms: ["General Trading LLC", "FZE", "FZCO"] },
  QA: { first: ["Al Wakra", "Pearl Gulf", "Lusail", "Doha Bay", "Al Rayyan"], second: ["Star", "Trading", "Link", "Group"], forms: ["WLL", "Trading WLL"] },
  TR: { first: ["Boğaziçi", "Anadolu", "Marmara", "Ege", "Karadeniz"], second: ["Dış Ticaret", "Lojistik", "Ticaret"], forms: ["Ltd. Şti.", "A.Ş."] },
  LK: { first: ["Lanka", "Serendib", "Ceylon", "Colombo", "Galle"], second: ["Traders", "Exports", "Agencies", "Marine"], forms: ["(Pvt) Ltd", "Ltd"] },
  MX: { first: ["Mar de Cortés", "Golfo Azul", "Pescados del Norte", "Baja", "Sonora", "Pacífico"], second: ["Comercial", "Exportadora", "Logística", "Distribuidora"], forms: ["S.A. de C.V.", "S. de R.L. de C.V."] },
  US: { first: ["Pacific Rim", "Golden State", "Harbor", "Sunset", "Bay Area", "Coastal"], second: ["Imports", "Seafood", "Traders", "Distribution", "Supply"], forms: ["LLC", "Inc."] },
};

export function companyName(rng: Rng, countryId: string, kind: CompanyKind): string {
  const style = styles[countryId];
  if (!style) throw new Error(`no company naming style for ${countryId}`);
  const first = rng.pick(style.first);
  const second = rng.pick(style.second);
  if (style.local && rng.chance(0.3)) {
    const name = countryId === "CN" ? `${first}${second}` : `${first} ${second}`;
    return style.local.pattern.replace("{name}", name).replace("{trade}", style.local.trades[kind]);
  }
  const base = countryId === "CN" ? `${rng.pick(["Guangzhou", "Shenzhen", "Kunming", "Nanning", "Xiamen", "Dongxing", "Pingxiang"])} ${first}${second}` : `${first} ${second}`;
  const trade = rng.pick(TRADE[kind]);
  const form = rng.pick(style.forms);
  // Forms that already name the trade ("General Trading LLC", "Trading Co., Ltd.") take no second one.
  return /Trading|Import/.test(form) ? `${base} ${form}` : `${base} ${trade} ${form}`;
}
