export type { Candidate, Comparison, Feature, ResolutionKind, ResolutionRecord } from "./resolution-record.js";
export { compareEntities, commonNameWeight } from "./compare-entities.js";
export { countNames, type NameCounts } from "./name-counts.js";
export { findCandidates, type FindCandidatesOptions } from "./find-candidates.js";
export { foldText } from "./fold-text.js";
export { nameKey, type NameKey, type NameWord } from "./name-key.js";
export { compareNames, type NameSimilarity } from "./name-similarity.js";
export { stripLegalForms, LEGAL_FORMS } from "./legal-forms.js";
export { romanisationForms, SURNAME_ROMANISATIONS, GIVEN_SYLLABLE_ROMANISATIONS } from "./chinese-romanisations.js";
