import { z } from "zod";

import { defineNormaliser, problem, valueOf, type Outcome } from "./normaliser.js";

/**
 * A calendar date written in one of the formats a mapping declares, to ISO `YYYY-MM-DD`.
 * Format tokens: `yyyy`, `yy`, `MMMM` (January), `MMM` (Jan), `MM`, `M`, `dd`, `d`; any other
 * character must appear as written. `ISO` stands for `yyyy-MM-dd`. Formats are tried in order.
 * Two-digit years fall in the century given by `twoDigitYearsFrom` (2000: `09` is 2009), declared
 * rather than guessed from today's date.
 */
const options = z
  .object({
    formats: z.array(z.string().min(1)).min(1),
    twoDigitYearsFrom: z.number().int().multipleOf(100).default(2000),
  })
  .strict();

export type DateOptions = z.infer<typeof options>;

export const date = defineNormaliser({
  name: "date",
  options: options.superRefine((value, context) => {
    for (const [index, format] of value.formats.entries()) {
      const error = formatError(format);
      if (error) context.addIssue({ code: "custom", path: ["formats", index], message: error });
    }
  }),
  valueType: () => "date",
  create: (settings) => parseDate(settings),
});

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

const TOKENS: Record<string, { pattern: string; field: "year" | "shortYear" | "month" | "monthName" | "day" }> = {
  yyyy: { pattern: "(\\d{4})", field: "year" },
  yy: { pattern: "(\\d{2})", field: "shortYear" },
  MMMM: { pattern: "([A-Za-z]{3,9})", field: "monthName" },
  MMM: { pattern: "([A-Za-z]{3})", field: "monthName" },
  MM: { pattern: "(\\d{2})", field: "month" },
  M: { pattern: "(\\d{1,2})", field: "month" },
  dd: { pattern: "(\\d{2})", field: "day" },
  d: { pattern: "(\\d{1,2})", field: "day" },
};
const TOKEN = /yyyy|yy|MMMM|MMM|MM|M|dd|d/g;

interface CompiledFormat {
  regex: RegExp;
  fields: (typeof TOKENS)[string]["field"][];
}

function compile(format: string): CompiledFormat {
  const written = format === "ISO" ? "yyyy-MM-dd" : format;
  const fields: CompiledFormat["fields"] = [];
  let pattern = "";
  let last = 0;
  for (const match of written.matchAll(TOKEN)) {
    pattern += escape(written.slice(last, match.index)) + TOKENS[match[0]].pattern;
    fields.push(TOKENS[match[0]].field);
    last = match.index + match[0].length;
  }
  pattern += escape(written.slice(last));
  return { regex: new RegExp(`^${pattern}$`, "i"), fields };
}

function formatError(format: string): string | undefined {
  const { fields } = compile(format);
  const has = (...names: string[]) => fields.some((field) => names.includes(field));
  if (!has("year", "shortYear") || !has("month", "monthName") || !has("day")) {
    return `date format "${format}" needs a year, a month and a day`;
  }
  return undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function parseDate(settings: DateOptions): (raw: string) => Outcome<string> {
  const formats = settings.formats.map(compile);
  return (raw) => {
    const text = raw.trim();
    for (const format of formats) {
      const match = format.regex.exec(text);
      if (!match) continue;
      let year = 0;
      let month = 0;
      let day = 0;
      for (const [index, field] of format.fields.entries()) {
        const part = match[index + 1];
        if (field === "year") year = Number(part);
        else if (field === "shortYear") year = settings.twoDigitYearsFrom + Number(part);
        else if (field === "month") month = Number(part);
        else if (field === "day") day = Number(part);
        else month = monthNumber(part);
      }
      if (isCalendarDate(year, month, day)) return valueOf(iso(year, month, day));
    }
    return problem(`not a date in the format ${settings.formats.map((f) => `"${f}"`).join(" or ")}`);
  };
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => month === lower || (lower.length === 3 && month.startsWith(lower)));
  return index + 1;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
