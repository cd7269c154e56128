import { describe, expect, it } from "vitest";
import { resolveLocale } from "#app/utils/locale.server";
import { run } from "../utils";

const at = (query: string, headers: Record<string, string> = {}) => new Request(`http://localhost/benchmark/x${query}`, { headers });

describe("the reader's language", () => {
  it("comes from ?lang first, and is remembered in a cookie", async () => {
    const resolved = await resolveLocale(at("?lang=fr", { "Accept-Language": "en" }));
    expect(resolved.locale).toBe("fr");
    expect(resolved.setCookie).toMatch(/^lang=/);
    const cookie = resolved.setCookie!.split(";")[0]!;
    expect((await resolveLocale(at("", { Cookie: cookie, "Accept-Language": "en" }))).locale).toBe("fr");
  });

  it("then from Accept-Language by quality, then English", async () => {
    expect((await resolveLocale(at("", { "Accept-Language": "de-DE, fr;q=0.8, en;q=0.5" }))).locale).toBe("fr");
    expect((await resolveLocale(at("", { "Accept-Language": "de, it" }))).locale).toBe("en");
    expect((await resolveLocale(at(""))).locale).toBe("en");
  });

  it("answers 400 naming the allowed values for an unknown ?lang", async () => {
    const outcome = await run(() => resolveLocale(at("?lang=de")), at(""));
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({ allowed: ["fr", "en"] });
  });
});
