import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import {
  CITATION_PROPERTIES,
  labels,
  markerLabels,
  relationshipTypes,
  type FieldModel,
  type LabelModel,
  type ModelPart,
  type PropertyModel,
  type RelationshipEnds,
  type RelationshipModel,
} from "./model.js";

/**
 * Writes the tables of `cypher/model.md` from `model.ts`. The prose around them is written by hand;
 * each table sits between two comments that name its section, and only what lies between them is
 * rewritten. A test fails when the file differs from what this writes.
 */

/** src/domain/ or dist/src/domain/ → the project root (domain/ may not import config.ts). */
function projectRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const src = path.dirname(here);
  return path.basename(path.dirname(src)) === "dist" ? path.resolve(src, "../..") : path.resolve(src, "..");
}

export const MODEL_MARKDOWN = path.join(projectRoot(), "cypher", "model.md");

/** Each generated section of model.md, by the name its comments give it. */
export const MODEL_SECTIONS: Readonly<Record<string, () => string>> = {
  labels: () => labelTables("data"),
  relationships: () => relationshipTables("data"),
  "marker-labels": markerTable,
  "analysis-labels": () => labelTables("analysis"),
  "analysis-relationships": () => relationshipTables("analysis"),
  "resolution-labels": () => labelTables("resolution"),
  "resolution-relationships": () => relationshipTables("resolution"),
  "aggregates-labels": () => labelTables("aggregates"),
  "aggregates-relationships": () => relationshipTables("aggregates"),
  "access-labels": () => labelTables("access"),
};

const REGION = /<!-- generated: ([a-z-]+) -->\n[\s\S]*?<!-- end generated: \1 -->/g;

/** The text of model.md with every generated section rewritten from the model. */
export function renderModelMarkdown(current: string): string {
  const seen = new Set<string>();
  const rendered = current.replace(REGION, (_, name: string) => {
    const section = MODEL_SECTIONS[name];
    if (section === undefined) throw new Error(`model.md names an unknown generated section "${name}"`);
    if (seen.has(name)) throw new Error(`model.md holds the generated section "${name}" twice`);
    seen.add(name);
    return `<!-- generated: ${name} -->\n${section()}<!-- end generated: ${name} -->`;
  });
  const missing = Object.keys(MODEL_SECTIONS).filter((name) => !seen.has(name));
  if (missing.length > 0) {
    throw new Error(
      `model.md lacks the generated sections ${missing.join(", ")} ` +
        "(each between <!-- generated: NAME --> and <!-- end generated: NAME -->)",
    );
  }
  return rendered;
}

function labelTables(part: ModelPart): string {
  return Object.entries(labels)
    .filter(([, model]) => model.part === part)
    .map(([label, model]) => labelTable(label, model))
    .join("\n");
}

function labelTable(label: string, model: LabelModel): string {
  const shown = model.graphqlType === null ? "Not shown by the API." : `GraphQL: \`${model.graphqlType}\`.`;
  return `### \`${label}\`\n\n${model.meaning} ${shown}\n\n${propertyTable(model.properties)}`;
}

function propertyTable(properties: Readonly<Record<string, PropertyModel>>): string {
  const lines = [
    row(["property", "type", "required", "personal data", "meaning"]),
    row(["---", "---", "---", "---", "---"]),
    ...Object.entries(properties).map(([name, property]) => row(propertyCells(name, property))),
  ];
  return lines.join("\n") + "\n";
}

function propertyCells(name: string, property: PropertyModel): string[] {
  const meaning = property.graphqlField === undefined ? property.meaning : `${property.meaning} GraphQL: \`${property.graphqlField}\`.`;
  return [code(name), property.vocabulary ?? property.type, property.required ? "yes" : "", property.personal ? "yes" : "", meaning];
}

function relationshipTables(part: ModelPart): string {
  const types = Object.entries(relationshipTypes).filter(([, model]) => model.part === part);
  const patterns = [
    row(["pattern", "meaning", "properties", "GraphQL, forward", "GraphQL, backward"]),
    row(["---", "---", "---", "---", "---"]),
    ...types.flatMap(([type, model]) => model.ends.map((ends) => patternRow(type, model, ends))),
  ];
  const withProperties = types.filter(([, model]) => Object.keys(model.properties).length > 0);
  const details = [
    row(["type", "property", "type", "required", "personal data", "meaning"]),
    row(["---", "---", "---", "---", "---", "---"]),
    ...withProperties.flatMap(([type, model]) =>
      Object.entries(model.properties).map(([name, property]) => row([code(type), ...propertyCells(name, property)])),
    ),
  ];
  const cited = types.filter(([, model]) => model.cited).map(([type]) => type);
  const uncited = types.filter(([, model]) => !model.cited).map(([type]) => code(type));
  const citation =
    cited.length === 0
      ? ""
      : `\nEvery relationship${uncited.length > 0 ? ` but ${uncited.join(", ")}` : ""} also has the citation of the row that states it:\n\n` +
        propertyTable(CITATION_PROPERTIES);
  return `${patterns.join("\n")}\n\nProperties of the relationships:\n\n${details.join("\n")}\n${citation}`;
}

function patternRow(type: string, model: RelationshipModel, ends: RelationshipEnds): string {
  const arrow = model.symmetric ? "-" : "->";
  const pattern = code(`(${ends.from.join("|")})-[:${type}]${arrow}(${ends.to.join("|")})`);
  const properties = Object.keys(model.properties).map(code).join(", ");
  const forward = fields(ends.forward, ends.forward.length === 0 ? ends.note : undefined);
  const backward = model.symmetric ? "same" : fields(ends.backward, ends.backward.length === 0 ? ends.note : undefined);
  return row([pattern, model.meaning, properties, forward, backward]);
}

function fields(list: readonly FieldModel[], whyNone: string | undefined): string {
  if (list.length === 0) return whyNone === undefined ? "none" : `none (${whyNone})`;
  return list
    .map((field) => {
      const notes = [...(field.paged ? ["paged"] : []), ...(field.note === undefined ? [] : [field.note])];
      return notes.length === 0 ? code(field.name) : `${code(field.name)} (${notes.join(", ")})`;
    })
    .join(", ");
}

function markerTable(): string {
  return [
    row(["label", "meaning"]),
    row(["---", "---"]),
    ...Object.entries(markerLabels).map(([label, meaning]) => row([code(label), meaning])),
  ].join("\n") + "\n";
}

function code(text: string): string {
  return `\`${text}\``;
}

function row(cells: readonly string[]): string {
  return `|${cells.map((cell) => (cell === "" ? " " : ` ${cell.replaceAll("|", "\\|")} `)).join("|")}|`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const current = await readFile(MODEL_MARKDOWN, "utf8");
  const rendered = renderModelMarkdown(current);
  await writeFile(MODEL_MARKDOWN, rendered);
  console.log(`${rendered === current ? "unchanged" : "wrote"} ${path.relative(projectRoot(), MODEL_MARKDOWN)}`);
}
