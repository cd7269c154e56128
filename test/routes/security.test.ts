import { beforeEach, describe, expect, it } from "vitest";
import { action as loginAction, loader as loginLoader } from "#app/routes/login";
import { safeRedirect } from "#app/utils/session.server";
import { BASE, cookieFor, makeRequest, run, loadDemoReview } from "../utils";

beforeEach(loadDemoReview);

/** Where a browser lands when it follows this Location from the app's own page. */
const landing = (location: string | null) => new URL(location!, `${BASE}/login`);

describe("after sign-in, the browser stays on this site", () => {
  // Each of these leaves the site when a browser resolves it against the app's address.
  const offsite = [
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "/.//evil.example",
    "/%2e//evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "https://evil.example/reviews",
    "http:/evil.example",
    "http:evil.example",
    "data:text/html,hi",
    " /reviews",
    "",
  ];

  it.each(offsite)("refuses %j and falls back to the reviews list", (target) => {
    expect(safeRedirect(target)).toBe("/reviews");
  });

  it("keeps a path on the site as typed, with its query and fragment", () => {
    expect(safeRedirect("/reviews/demo/evidence?factor=kf-01#row-3")).toBe("/reviews/demo/evidence?factor=kf-01#row-3");
    expect(safeRedirect("/reviews/demo/%2F%2Fevil.example")).toBe("/reviews/demo/%2F%2Fevil.example");
  });

  // The form posts the query parameter back as it arrived, so the decoded values are what matters.
  const encoded = ["%2F%2Fevil.example", "%2F%5Cevil.example", "%5C%5Cevil.example", "javascript%3Aalert(1)", "https%3A%2F%2Fevil.example"];

  it.each(encoded)("signs in with redirectTo=%s and lands on this site", async (raw) => {
    const redirectTo = new URLSearchParams(`redirectTo=${raw}`).get("redirectTo")!;
    const outcome = await run(loginAction, makeRequest("/login", { form: { email: "peer@demo.test", password: "workbench-demo", redirectTo } }));
    expect(outcome.status).toBe(302);
    expect(landing(outcome.location).origin).toBe(BASE);
    expect(landing(outcome.location).pathname).toBe("/reviews");
  });

  it("sends a signed-in visitor of /login on to a safe place only", async () => {
    const cookie = await cookieFor("peer@demo.test");
    const offsiteVisit = await run(loginLoader, makeRequest(`/login?redirectTo=%2F%5C%2Fevil.example`, { cookie }));
    expect(offsiteVisit.status).toBe(302);
    expect(landing(offsiteVisit.location).origin).toBe(BASE);
    const onsite = await run(loginLoader, makeRequest(`/login?redirectTo=%2Freviews%2Fdemo`, { cookie }));
    expect(onsite.location).toBe("/reviews/demo");
  });
});

describe("a redirect target with a control character is a bad request", () => {
  it.each(["%0D%0ASet-Cookie:%20x=1", "%2F%0Aevil", "%2F%09%2Fevil.example"])("GET /login?redirectTo=%s answers 400", async (raw) => {
    const outcome = await run(loginLoader, makeRequest(`/login?redirectTo=${raw}`));
    expect(outcome.status).toBe(400);
  });

  it("a sign-in posting CR/LF in redirectTo answers 400 and starts no session", async () => {
    const outcome = await run(
      loginAction,
      makeRequest("/login", { form: { email: "peer@demo.test", password: "workbench-demo", redirectTo: "/reviews\r\nSet-Cookie: x=1" } }),
    );
    expect(outcome.status).toBe(400);
    expect(outcome.headers.get("Set-Cookie")).toBeNull();
  });
});
