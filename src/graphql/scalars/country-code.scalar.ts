import { GraphQLCountryCode } from "graphql-scalars";

import { stringScalar } from "./input-scalar.js";

/** An ISO 3166-1 alpha-2 code. Lower case is accepted and upper-cased; unassigned codes are refused. */
export const CountryCodeScalar = stringScalar({
  name: "CountryCode",
  description: "A country as its ISO 3166-1 alpha-2 code, such as VN, CN, LA, TH or NG.",
  reason: 'must be an ISO 3166-1 alpha-2 country code, such as "VN"',
  specifiedByURL: "https://www.iso.org/iso-3166-country-codes.html",
  parse: (value) => {
    const code = value.trim().toUpperCase();
    try {
      return /^[A-Z]{2}$/.test(code) ? (GraphQLCountryCode.parseValue(code) as string) : null;
    } catch {
      return null;
    }
  },
});
