/**
 * The countries the generator uses: ISO 3166-1 codes and common names as in `../shared/data/countries`
 * (a test checks them), plus spellings of the kind seen in seizure records, which the generator
 * writes into raw text columns (`placeText`, `locationText`) so that normalisers have work to do.
 */
export interface Country {
  readonly id: string;
  readonly iso3: string;
  readonly name: string;
  readonly spellings: readonly string[];
}

function country(id: string, iso3: string, name: string, ...spellings: string[]): Country {
  return { id, iso3, name, spellings: [name, ...spellings] };
}

export const countries: readonly Country[] = [
  country("VN", "VNM", "Vietnam", "Viet Nam", "VN", "Socialist Republic of Vietnam"),
  country("CN", "CHN", "China", "PRC", "P.R. China", "Mainland China"),
  country("HK", "HKG", "Hong Kong", "China - Hong Kong", "Hong Kong SAR", "HKSAR"),
  country("LA", "LAO", "Laos", "Lao PDR", "Lao People's Democratic Republic"),
  country("TH", "THA", "Thailand", "Kingdom of Thailand", "Thai"),
  country("MM", "MMR", "Myanmar", "Burma", "Myanmar (Burma)"),
  country("KH", "KHM", "Cambodia", "Kingdom of Cambodia", "Kampuchea"),
  country("MY", "MYS", "Malaysia", "M'sia"),
  country("SG", "SGP", "Singapore", "Republic of Singapore"),
  country("AE", "ARE", "United Arab Emirates", "UAE", "U.A.E.", "Emirates"),
  country("QA", "QAT", "Qatar", "State of Qatar"),
  country("TR", "TUR", "Türkiye", "Turkey", "Turkiye"),
  country("LK", "LKA", "Sri Lanka", "Ceylon"),
  country("NG", "NGA", "Nigeria", "Federal Republic of Nigeria", "Nigerai"),
  country("CM", "CMR", "Cameroon", "Cameroun", "Republic of Cameroon"),
  country("CD", "COD", "DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of the Congo"),
  country("CG", "COG", "Congo", "Congo-Brazzaville", "Republic of the Congo"),
  country("CI", "CIV", "Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Cote D'Ivoire"),
  country("TG", "TGO", "Togo", "Togolese Republic"),
  country("KE", "KEN", "Kenya", "Republic of Kenya"),
  country("TZ", "TZA", "Tanzania", "United Republic of Tanzania", "Tanzania, United Republic of"),
  country("UG", "UGA", "Uganda", "Republic of Uganda"),
  country("MZ", "MOZ", "Mozambique", "Moçambique", "Mozambque"),
  country("ZA", "ZAF", "South Africa", "RSA", "Republic of South Africa"),
  country("ET", "ETH", "Ethiopia", "Federal Democratic Republic of Ethiopia"),
  country("MG", "MDG", "Madagascar", "Republic of Madagascar"),
  country("MX", "MEX", "Mexico", "México", "United Mexican States"),
  country("US", "USA", "United States", "USA", "U.S.", "United States of America"),
];

const byId = new Map(countries.map((entry) => [entry.id, entry]));

export function countryById(id: string): Country {
  const found = byId.get(id);
  if (!found) throw new Error(`no country ${id} in the generator's table`);
  return found;
}
