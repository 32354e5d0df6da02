import { GraphQLLocalDate } from "graphql-scalars";

import { stringScalar } from "./input-scalar.js";

/** A calendar date without time zone, as seizure records give it. */
export const LocalDateScalar = stringScalar({
  name: "LocalDate",
  description: "A calendar date as YYYY-MM-DD (ISO 8601), such as 2019-04-08.",
  reason: "must be a calendar date written YYYY-MM-DD",
  specifiedByURL: "https://www.iso.org/iso-8601-date-and-time-format.html",
  parse: (value) => {
    try {
      return GraphQLLocalDate.parseValue(value) as string;
    } catch {
      return null;
    }
  },
});
