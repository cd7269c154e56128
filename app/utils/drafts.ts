import { useActionData, useLoaderData, useNavigation, useParams, useRouteLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { loader as rootLoader } from "#app/root";
import { isFormResult, submittedValue } from "./forms";

/*
 * Every text box keeps its draft (docs/decisions/0020-drafts-stay-on-this-computer.md): what a
 * member types is copied to this browser's localStorage under a key made of their user id, the
 * review and the form, put back when the page opens again, and removed once the server has it.
 * Drafts belong to one member: a different member signing in on the same browser removes the
 * others' drafts, and signing out removes all of them.
 */

const PREFIX = "workbench-draft:";

/** The hidden field every saving form carries, so the shared clientAction knows whose draft a save settles. */
export const DRAFT_FIELD = "_draft";

export type DraftScope = { userId: string; reviewId: string; name: string };

/** The values of a form's fields by name; a checkbox group or multi-select keeps its list of chosen values. */
export type DraftValues = Record<string, string | string[]>;
export type Draft = { values: DraftValues; savedAt: number };

type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

function browserStorage(): DraftStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Storage switched off by the browser's privacy settings: the page still works, without drafts.
    return null;
  }
}

export function draftKey({ userId, reviewId, name }: DraftScope) {
  return `${PREFIX}${userId}:${reviewId}:${name}`;
}

function ownerOf(key: string) {
  return key.startsWith(PREFIX) ? key.slice(PREFIX.length).split(":")[0] : null;
}

const listeners = new Set<() => void>();
let changes = 0;
function changed() {
  changes += 1;
  for (const listener of listeners) listener();
}

export function readDraft(key: string, storage: DraftStorage | null = browserStorage()): Draft | null {
  if (!storage || !key.startsWith(PREFIX)) return null;
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Draft;
    return parsed && typeof parsed === "object" && parsed.values && typeof parsed.values === "object" ? parsed : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, values: DraftValues, storage: DraftStorage | null = browserStorage(), now = Date.now()) {
  if (!storage || !key.startsWith(PREFIX)) return;
  try {
    storage.setItem(key, JSON.stringify({ values, savedAt: now } satisfies Draft));
  } catch {
    // A full storage keeps the page's text on screen; the leave guard still asks before it goes.
  }
}

export function clearDraft(key: string, storage: DraftStorage | null = browserStorage()) {
  if (!storage || !key.startsWith(PREFIX)) return;
  storage.removeItem(key);
  changed();
}

/** Removes every draft on this browser, or every draft but `keepUserId`'s. */
export function purgeDrafts(keepUserId: string | null = null, storage: DraftStorage | null = browserStorage()) {
  if (!storage) return;
  const doomed: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(PREFIX) && (keepUserId === null || ownerOf(key) !== keepUserId)) doomed.push(key);
  }
  for (const key of doomed) storage.removeItem(key);
  if (doomed.length) changed();
}

/** Re-renders when any draft is cleared (a save reached the server, a sign-out). */
export function useDraftChanges() {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => changes,
    () => 0,
  );
}

/** The storage key of one of this page's drafts, or null while nobody is signed in. */
export function useDraftKey(name: string): string | null {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const { reviewId = "-" } = useParams();
  const userId = root?.user?.id;
  return userId ? draftKey({ userId, reviewId, name }) : null;
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const SKIPPED = new Set(["hidden", "file", "password", "submit", "button", "reset", "image"]);

function fieldsOf(form: HTMLFormElement): Field[] {
  return Array.from(form.elements).filter(
    (element): element is Field =>
      (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) &&
      !!element.name &&
      !SKIPPED.has(element.type) &&
      !element.disabled,
  );
}

const isCheckable = (field: Field): field is HTMLInputElement => field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio");

/** Whether a field differs from what the page was drawn with (the saved text). */
function isChanged(field: Field) {
  if (isCheckable(field)) return field.checked !== field.defaultChecked;
  if (field instanceof HTMLSelectElement) return Array.from(field.options).some((option) => option.selected !== option.defaultSelected);
  return field.value !== field.defaultValue;
}

/** Names given to more than one text field or single select (a list's rows, e.g. one role per person met). */
function repeatedNames(fields: Field[]) {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const field of fields) {
    if (isCheckable(field) || (field instanceof HTMLSelectElement && field.multiple)) continue;
    if (seen.has(field.name)) repeated.add(field.name);
    seen.add(field.name);
  }
  return repeated;
}

export function collectValues(form: HTMLFormElement): DraftValues {
  const values: DraftValues = {};
  const fields = fieldsOf(form);
  const repeated = repeatedNames(fields);
  for (const field of fields) {
    if (isCheckable(field)) {
      const chosen = (values[field.name] as string[] | undefined) ?? [];
      if (field.checked) chosen.push(field.value);
      values[field.name] = chosen;
    } else if (field instanceof HTMLSelectElement && field.multiple) {
      values[field.name] = Array.from(field.selectedOptions).map((option) => option.value);
    } else if (repeated.has(field.name)) {
      // Rows keep their order: the nth field of the name gets the nth value back.
      values[field.name] = [...((values[field.name] as string[] | undefined) ?? []), field.value];
    } else {
      values[field.name] = field.value;
    }
  }
  return values;
}

function applyValues(form: HTMLFormElement, values: DraftValues) {
  const position = new Map<string, number>();
  for (const field of fieldsOf(form)) {
    const value = values[field.name];
    if (value === undefined) continue;
    if (isCheckable(field)) field.checked = Array.isArray(value) ? value.includes(field.value) : value === field.value;
    else if (field instanceof HTMLSelectElement && field.multiple) {
      for (const option of Array.from(field.options)) option.selected = Array.isArray(value) && value.includes(option.value);
    } else if (Array.isArray(value)) {
      const index = position.get(field.name) ?? 0;
      position.set(field.name, index + 1);
      field.value = value[index] ?? "";
    } else field.value = value;
  }
}

/** How many fields of this name a draft fills (the rows a list needs to show all of it). */
export function draftRows(values: DraftValues, name: string) {
  const value = values[name];
  return Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
}

function resetValues(form: HTMLFormElement) {
  for (const field of fieldsOf(form)) {
    if (isCheckable(field)) field.checked = field.defaultChecked;
    else if (field instanceof HTMLSelectElement) for (const option of Array.from(field.options)) option.selected = option.defaultSelected;
    else field.value = field.defaultValue;
  }
}

const unsaved = new Set<string>();
const unsavedListeners = new Set<() => void>();

/** Whether any part of the page holds text the server does not have yet. */
export function hasUnsavedText() {
  return unsaved.size > 0;
}

export function subscribeUnsaved(listener: () => void) {
  unsavedListeners.add(listener);
  return () => {
    unsavedListeners.delete(listener);
  };
}

function reportUnsaved(id: string, on: boolean) {
  if (unsaved.has(id) === on) return;
  if (on) unsaved.add(id);
  else unsaved.delete(id);
  for (const listener of unsavedListeners) listener();
}

/**
 * Tells the page's one leave guard (app/components/leave-guard.tsx) that this part holds text
 * the server does not have: leaving the page, or closing the tab, asks first.
 */
export function useUnsavedText(id: string | null, dirty: boolean) {
  useEffect(() => {
    if (!id) return;
    reportUnsaved(id, dirty);
    return () => reportUnsaved(id, false);
  }, [id, dirty]);
}

export type FormDraft = ReturnType<typeof useFormDraft>;

/**
 * A local draft for one form whose fields are not controlled by React (they take a
 * `defaultValue`, the saved text). Spread `formProps` on the `<Form>` and render `field` inside it.
 * Typing copies the form's values to the draft; opening the page again puts them back with a
 * note (`restored`) and a way to throw them away (`discard`); the shared clientAction removes
 * the draft once the server has saved the form. `dirty` says the form holds text the server
 * does not have, for the leave guard. `refused` says the server's last answer to this form was a
 * refusal (found from a FormResult by default; a page with its own failure shape says so).
 * Repeated fields (a list's rows) come back in order; `prepare` lets a form that draws its rows
 * from state add the rows a draft needs first (it returns true when it added some).
 */
export function useFormDraft(name: string, options: { refused?: boolean; prepare?: (values: DraftValues) => boolean } = {}) {
  const key = useDraftKey(name);
  const form = useRef<HTMLFormElement | null>(null);
  const [restored, setRestored] = useState<number | null>(null);
  const [dirty, setDirty] = useState(false);
  const navigation = useNavigation();
  const draftChanges = useDraftChanges();
  const sending = navigation.state === "submitting" && key !== null && navigation.formData?.get(DRAFT_FIELD) === key;
  // The server refused this form's last save (invalid, conflict, phase closed): the fields now show
  // what was typed as their defaults, but none of it is saved.
  const actionData = useActionData();
  const refused = options.refused ?? (key !== null && isFormResult(actionData) && submittedValue(actionData, DRAFT_FIELD) === key);
  const refusedRef = useRef(refused);
  refusedRef.current = refused;

  const measure = useCallback(() => {
    const element = form.current;
    if (!element) return false;
    const changedNow = refusedRef.current || fieldsOf(element).some(isChanged);
    setDirty(changedNow);
    return changedNow;
  }, []);

  const restore = useCallback(
    (draft: Draft) => {
      const element = form.current;
      if (!element || !key) return;
      applyValues(element, draft.values);
      if (fieldsOf(element).some(isChanged)) {
        setRestored(draft.savedAt);
        setDirty(true);
      } else if (!refusedRef.current) clearDraft(key);
    },
    [key],
  );
  const prepareRef = useRef(options.prepare);
  prepareRef.current = options.prepare;
  const waiting = useRef<Draft | null>(null);

  // A form whose rows the draft outgrows gets its values once the rows are drawn: `prepare` adds
  // them (a state change, so the form renders again) and says so; this effect, declared before the
  // one that reads the draft, runs after that next render.
  useEffect(() => {
    const draft = waiting.current;
    if (!draft) return;
    waiting.current = null;
    restore(draft);
  });
  // Once hydrated, put back what the member typed last time, if it still differs from the saved text.
  useEffect(() => {
    if (!form.current || !key) return;
    const draft = readDraft(key);
    if (!draft) return;
    if (prepareRef.current?.(draft.values)) waiting.current = draft;
    else restore(draft);
  }, [key, restore]);

  // The saved text changes under the fields after a save (new defaults): compare again.
  const loaderData = useLoaderData();
  useEffect(() => {
    if (!measure()) setRestored(null);
  }, [loaderData, actionData, measure]);
  useEffect(() => {
    if (key && !readDraft(key)) setRestored(null);
  }, [key, draftChanges]);

  const onChange = useCallback(() => {
    const element = form.current;
    if (!element || !key) return;
    if (measure()) writeDraft(key, collectValues(element));
    else if (!refusedRef.current) clearDraft(key);
  }, [key, measure]);

  const discard = useCallback(() => {
    if (form.current) resetValues(form.current);
    if (key) clearDraft(key);
    setRestored(null);
    measure();
  }, [key, measure]);

  useUnsavedText(key ?? name, dirty && !sending);

  return {
    key,
    formProps: { ref: form, onInput: onChange, onChange },
    /** Names the draft in the submission; the server ignores it. */
    fieldProps: { type: "hidden", name: DRAFT_FIELD, value: key ?? "" } as const,
    restored,
    discard,
    dirty: dirty && !sending,
  };
}

/**
 * A local draft for a part of the page whose fields React controls (the self-assessment's
 * autosaved answers): `current` is copied to the draft while `unsaved`, and on opening the page
 * the draft is handed to `restore` once. The shared clientAction removes it when a save lands.
 */
export function useValueDraft<Values extends Record<string, string>>(name: string, current: Values, unsaved: boolean, restore: (values: Values) => boolean) {
  const key = useDraftKey(name);
  const [restored, setRestored] = useState<number | null>(null);
  const restoreRef = useRef(restore);
  restoreRef.current = restore;
  const ready = useRef(false);
  // The values this render drew are the ones from before the draft came back: the next render has it.
  const justRestored = useRef(false);
  useEffect(() => {
    if (!key) return;
    const draft = readDraft(key);
    ready.current = true;
    if (!draft) return;
    if (restoreRef.current(draft.values as Values)) {
      justRestored.current = true;
      setRestored(draft.savedAt);
    } else clearDraft(key);
  }, [key]);
  const serialised = JSON.stringify(current);
  useEffect(() => {
    if (!key || !ready.current) return;
    if (justRestored.current) {
      justRestored.current = false;
      return;
    }
    if (unsaved) writeDraft(key, JSON.parse(serialised) as Values);
    else {
      if (readDraft(key)) clearDraft(key);
      setRestored(null);
    }
  }, [key, serialised, unsaved]);
  const discard = useCallback(() => {
    if (key) clearDraft(key);
    setRestored(null);
  }, [key]);
  return { key, restored, discard };
}
