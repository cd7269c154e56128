/** The review search's kinds and limits, shared by the server's search and the page. */
export const SEARCH_KINDS = ["evidence", "answer", "conclusion", "recommendation", "document"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Hits listed per kind at most; the count says how many there were. */
export const HITS_PER_KIND = 50;
export const MIN_QUERY = 2;
