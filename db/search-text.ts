/**
 * The text the accent-insensitive search compares: decomposed, marks stripped, ligatures
 * spelt out, curly apostrophes straightened, lower case. "Égalité" and "egalite" fold alike.
 * Search columns (evidence.search_text) store this folding and every query is folded the same
 * way, in the browser's tables and on the server, so both sides agree. It lives in db/ because
 * the seed writes those columns too, and db/ never imports from app/.
 */
export function foldText(value: string): string {
  return value.normalize("NFD").replace(/[œŒ]/g, "oe").replace(/[æÆ]/g, "ae").replace(/ß/g, "ss").replace(/[’‘ʼ]/g, "'").replace(/\p{M}/gu, "").toLowerCase();
}
