import { readFile } from "node:fs/promises";

import { describe, expect, test } from "vitest";

import { MODEL_MARKDOWN, MODEL_SECTIONS, renderModelMarkdown } from "../../src/domain/emit-model.js";

/** A document holding the named sections, each empty, or with the given body. */
function document(names: readonly string[], bodies: Readonly<Record<string, string>> = {}): string {
  return names.map((name) => `<!-- generated: ${name} -->\n${bodies[name] ?? ""}<!-- end generated: ${name} -->\n`).join("\nprose\n");
}

const ALL = Object.keys(MODEL_SECTIONS);

describe("cypher/model.md", () => {
  test("its tables are the ones src/domain/model.ts gives", async () => {
    const committed = await readFile(MODEL_MARKDOWN, "utf8");
    expect(
      renderModelMarkdown(committed),
      "cypher/model.md differs from the model: edit src/domain/model.ts, run `npm run model:emit` and commit the result",
    ).toBe(committed);
  });

  test("a table edited by hand is written again from the model, and the prose around it is kept", () => {
    const edited = document(ALL, { labels: "| by hand |\n" });
    const rendered = renderModelMarkdown(edited);
    expect(rendered).not.toContain("| by hand |");
    expect(rendered).toContain("| `scientificName` | string | yes | | The scientific name. |\n");
    expect(rendered.split("\nprose\n")).toHaveLength(ALL.length);
  });

  test.each([
    { problem: "a missing section", text: document(ALL.filter((name) => name !== "labels")), message: /lacks the generated sections labels/ },
    { problem: "an unknown section", text: document([...ALL, "elsewhere"]), message: /unknown generated section "elsewhere"/ },
    { problem: "a section twice", text: document([...ALL, "labels"]), message: /section "labels" twice/ },
  ])("refuses $problem", ({ text, message }) => {
    expect(() => renderModelMarkdown(text)).toThrow(message);
  });
});
