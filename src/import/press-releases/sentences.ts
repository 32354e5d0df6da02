/**
 * The body of a release and its sentences. The scraped article repeats photo captions after each
 * "(在新視窗開啟)" (open in a new window) link and ends with 完 and the date; the body is the text
 * before the first caption. Sentences end with 。 (or ！ ？), and keep it, so each is a substring of
 * the article as published.
 */

const CAPTION_MARK = "(在新視窗開啟)";

export function releaseBody(article: string): string {
  const cut = article.indexOf(CAPTION_MARK);
  const body = cut >= 0 ? article.slice(0, cut) : article;
  // Older releases end with 完 and the date, which is no sentence of the story.
  return body.replace(/\s*完\s*[０-９0-9二○〇零一三四五六七八九十]{2,}年.*$/u, "").trim();
}

/** The sentences of a text, in order, each as written (leading spaces and zero-width spaces trimmed). */
export function splitSentences(body: string): string[] {
  const sentences: string[] = [];
  const pattern = /[^。！？]+[。！？]?/gu;
  for (const match of body.matchAll(pattern)) {
    const sentence = match[0].replace(/^[\s\u200b]+/u, "").trimEnd();
    if (sentence !== "") sentences.push(sentence);
  }
  return sentences;
}
