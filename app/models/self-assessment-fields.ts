/*
 * Limits and form field names shared by the self-assessment pages (browser) and their models
 * (server). Plain values only: the .server modules cannot be imported by components.
 */

export const ANSWER_MAX_LENGTH = 20_000;
export const SUMMARY_MAX_LENGTH = 3_000;
export const TITLE_MAX_LENGTH = 300;
export const AUTHOR_MAX_LENGTH = 300;
export const CONTEXT_NOTE_MAX_LENGTH = 10_000;

/** Field names of the factor page; the model reports its errors under the same names. */
export const answerField = (questionId: string) => `answer.${questionId}`;
export const versionField = (questionId: string) => `version.${questionId}`;

/** Field names of the context page, one set per contextual factor. */
export const noteField = (contextualFactorId: string) => `note.${contextualFactorId}`;
export const effectField = (contextualFactorId: string) => `effect.${contextualFactorId}`;

/** What the file picker proposes; the server decides from the content anyway (uploads.server.ts). */
export const ACCEPT_ATTRIBUTE = ".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.odp,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff";
