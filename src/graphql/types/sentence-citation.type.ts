import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "A value read from a source's text, and the sentence of the text it came from." })
export class SentenceCitation {
  @Field(() => String, { description: "The value read: `date`, `place`, `arrestCount`, `line1.weightKg`, ..." })
  field: string;

  @Field(() => String, { description: "The sentence, as the source wrote it." })
  sentence: string;
}

/** Stored as `field: sentence` strings (Seizure.citedSentences); the field name never holds ": ". */
export function sentenceCitations(stored: readonly string[] | null | undefined): SentenceCitation[] {
  return (stored ?? []).map((entry) => {
    const cut = entry.indexOf(": ");
    return cut < 0 ? { field: "", sentence: entry } : { field: entry.slice(0, cut), sentence: entry.slice(cut + 2) };
  });
}
