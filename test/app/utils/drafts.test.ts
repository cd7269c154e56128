import { describe, expect, it } from "vitest";
import { clearDraft, draftKey, purgeDrafts, readDraft, writeDraft } from "#app/utils/drafts";

/** The browser's localStorage, as a Map: the unit tests run in Node. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    key: (index: number) => Array.from(items.keys())[index] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const alice = (name = "conclusion:kf-06") => draftKey({ userId: "user-alice", reviewId: "demo", name });
const bob = (name = "conclusion:kf-06") => draftKey({ userId: "user-bob", reviewId: "demo", name });

describe("local drafts", () => {
  it("are keyed by member, review and form: another member on the same browser never reads them", () => {
    const storage = memoryStorage();
    writeDraft(alice(), { strengths: "Le texte d'Alice." }, storage, 1000);
    expect(alice()).not.toBe(bob());
    expect(readDraft(bob(), storage)).toBeNull();
    expect(readDraft(draftKey({ userId: "user-alice", reviewId: "other-review", name: "conclusion:kf-06" }), storage)).toBeNull();
    expect(readDraft(alice(), storage)).toEqual({ values: { strengths: "Le texte d'Alice." }, savedAt: 1000 });
  });

  it("of other members are removed when a member signs in, and all of them on sign-out", () => {
    const storage = memoryStorage();
    storage.setItem("unrelated", "kept");
    writeDraft(alice(), { strengths: "A" }, storage);
    writeDraft(alice("comment:kf-06"), { text: "A2" }, storage);
    writeDraft(bob(), { strengths: "B" }, storage);
    purgeDrafts("user-bob", storage);
    expect(readDraft(alice(), storage)).toBeNull();
    expect(readDraft(alice("comment:kf-06"), storage)).toBeNull();
    expect(readDraft(bob(), storage)?.values).toEqual({ strengths: "B" });
    purgeDrafts(null, storage);
    expect(readDraft(bob(), storage)).toBeNull();
    expect(storage.getItem("unrelated")).toBe("kept");
  });

  it("go once saved, and never read or write a key that is not a draft's", () => {
    const storage = memoryStorage();
    writeDraft(alice(), { strengths: "A" }, storage);
    clearDraft(alice(), storage);
    expect(readDraft(alice(), storage)).toBeNull();
    writeDraft("session", { token: "x" }, storage);
    expect(storage.items.size).toBe(0);
    storage.setItem(alice(), "not json");
    expect(readDraft(alice(), storage)).toBeNull();
  });
});
