import { domainToASCII } from "node:url";

import { z } from "zod";

import { IdentifierKind } from "../../domain/vocabulary.js";
import { identifierIdOption, withIdentifierId } from "./identifier-id.js";
import { defineNormaliser, problem, valueOf, type Outcome } from "./normaliser.js";

/**
 * An e-mail address, trimmed, checked and lower-cased: `Ng.Van.A@Example.COM` → `ng.van.a@example.com`.
 *
 * - The domain is always lower-cased (DNS names ignore case, RFC 4343). An internationalised domain
 *   keeps its Unicode letters, lower-cased; it must be one `node:url` can turn into ASCII.
 * - The local part is lower-cased too unless `caseSensitiveLocalPart: true`. RFC 5321 (2.4) lets a
 *   mail server treat `Ng.Van.A` and `ng.van.a` as two mailboxes, but the providers traffickers use
 *   (Gmail, Yahoo, Outlook, QQ, 163) do not, and records write the same address both ways; the
 *   option keeps the local part as written for a source where case matters. Dots and `+tags` are kept:
 *   that they do not matter is one provider's rule (Gmail's), not the standard's.
 * - Accepted around it: `mailto:`, angle brackets (`Nguyen <a@b.vn>`), and the `[at]`/`(at)`,
 *   `[dot]`/`(dot)` spellings that web pages use against harvesters.
 * - The local part is a dot-atom (letters of any script, digits, ``!#$%&'*+/=?^_`{|}~-`` and single
 *   dots, at most 64 characters); quoted local parts are refused (no seizure record has one). The
 *   domain has at least two labels and a top-level label of letters.
 * - Several addresses in one cell are a problem: split the cell with a list group.
 * Problems never repeat the address (it is personal data).
 */
const options = z.object({ caseSensitiveLocalPart: z.boolean().default(false), ...identifierIdOption }).strict();

export type EmailOptions = z.infer<typeof options>;

export const email = defineNormaliser({
  name: "email",
  options,
  valueType: () => "string",
  create: (settings) => withIdentifierId(IdentifierKind.EMAIL, settings.id, parseEmail(settings)),
});

const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LABEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{2,59})$/u;

export function parseEmail(settings: Pick<EmailOptions, "caseSensitiveLocalPart">): (raw: string) => Outcome<string> {
  return (raw) => {
    let text = raw
      .trim()
      .replace(/^mailto:/i, "")
      .replace(/\s*[[(]\s*at\s*[\])]\s*/gi, "@")
      .replace(/\s*[[(]\s*dot\s*[\])]\s*/gi, ".");
    const bracketed = /<([^<>]+)>/.exec(text);
    if (bracketed) text = bracketed[1].trim();
    const ats = text.match(/@/g)?.length ?? 0;
    if (ats === 0) return problem("not an e-mail address (no @)");
    if (ats > 1) {
      const several = text.split(/[\s,;/]+/).filter((part) => part.includes("@")).length;
      return problem(several > 1 ? `${several} e-mail addresses in one cell (split the cell with a list group)` : "not an e-mail address (two @)");
    }
    const at = text.indexOf("@");
    const local = text.slice(0, at);
    const domain = text.slice(at + 1).toLowerCase().replace(/\.$/, "");
    if (local.length === 0 || local.length > 64 || !LOCAL_PART.test(local)) return problem("not an e-mail address (its part before @)");
    const labels = domain.split(".");
    if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LABEL.test(labels[labels.length - 1])) {
      return problem("not an e-mail address (its domain)");
    }
    if (domainToASCII(domain) === "") return problem("not an e-mail address (its domain)");
    const value = `${settings.caseSensitiveLocalPart ? local : local.toLowerCase()}@${domain}`;
    if (value.length > 254) return problem("not an e-mail address (longer than 254 characters)");
    return valueOf(value);
  };
}
