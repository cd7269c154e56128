import { hash } from "@node-rs/argon2";
import type { AsyncDb } from "../async-db";
import { cities, reviewMembers, reviews, users, type Role } from "../schema";
import { demoPartnerOf, seedPartners } from "./plan";

export const DEMO_REVIEW_ID = "demo";
/** Belleforge, the fictional city every demo review belongs to. */
export const DEMO_CITY_ID = "belleforge";
export const DEMO_PASSWORD = "workbench-demo";

/** One account per role, plus an administrator and a stranger; all fictional. */
export const DEMO_ACCOUNTS = [
  { id: "demo-admin", email: "admin@demo.test", name: "Alex Admin", organisation: "Workbench administration", locale: "en", isAdmin: true, role: null },
  {
    id: "demo-lead",
    email: "lead@demo.test",
    name: "Lena Marchetti",
    organisation: "MigrationWork associate, Bologna",
    locale: "en",
    isAdmin: false,
    role: "lead-expert",
  },
  { id: "demo-peer", email: "peer@demo.test", name: "Piet de Vries", organisation: "City of Nordhaven", locale: "en", isAdmin: false, role: "peer-reviewer" },
  {
    id: "demo-peer2",
    email: "peer2@demo.test",
    name: "Samira Haddad",
    organisation: "Eastport Equality Network (NGO)",
    locale: "fr",
    isAdmin: false,
    role: "peer-reviewer",
  },
  {
    id: "demo-host",
    email: "host@demo.test",
    name: "Hélène Rousseau",
    organisation: "Ville de Belleforge, mission égalité",
    locale: "fr",
    isAdmin: false,
    role: "host-team",
  },
  {
    id: "demo-reader",
    email: "reader@demo.test",
    name: "Marc Lefèvre",
    organisation: "Ville de Belleforge, cabinet du maire",
    locale: "fr",
    isAdmin: false,
    role: "host-reader",
  },
  { id: "demo-outsider", email: "outsider@demo.test", name: "Olga Outsider", organisation: "Another city", locale: "en", isAdmin: false, role: null },
  // A partner of the city's collective, invited to the plan: it sees and updates only the actions its centre owns.
  {
    id: "demo-partner",
    email: "partner@demo.test",
    name: "Karim Benali",
    organisation: "Centre social des Tilleuls",
    locale: "fr",
    isAdmin: false,
    role: "plan-partner",
  },
] as const satisfies readonly {
  id: string;
  email: string;
  name: string;
  organisation: string;
  locale: "fr" | "en";
  isAdmin: boolean;
  role: Role | null;
}[];

export type DemoUserId = (typeof DEMO_ACCOUNTS)[number]["id"];

// Fixed timestamps keep the seeded data, and the reports built from it, the same on every machine.
export const SEED_TIME = Date.UTC(2026, 2, 2, 9, 0, 0);
export const at = (minutes: number) => new Date(SEED_TIME + minutes * 60_000);

export async function seedAccounts(db: AsyncDb) {
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  for (const account of DEMO_ACCOUNTS) {
    await db
      .insert(users)
      .values({
        id: account.id,
        email: account.email,
        name: account.name,
        organisation: account.organisation,
        locale: account.locale,
        isAdmin: account.isAdmin,
        passwordHash,
        createdAt: at(0),
      })
      .onConflictDoNothing()
      .run();
  }
}

export async function seedReview(db: AsyncDb) {
  await db
    .insert(cities)
    .values({ id: DEMO_CITY_ID, name: "Belleforge", country: "France", timeZone: "Europe/Paris", languages: ["fr", "en"], createdAt: at(0) })
    .run();
  await db
    .insert(reviews)
    .values({
      id: DEMO_REVIEW_ID,
      cityId: DEMO_CITY_ID,
      hostCity: "Belleforge",
      country: "France",
      frameworkId: "eurocities-anti-discrimination",
      frameworkVersion: "2012.1",
      kind: "peer-review",
      phase: "peer-visit",
      visitStart: "2026-03-16",
      visitEnd: "2026-03-18",
      reportLocale: "fr",
      // A French city: its dates read in Paris time (a new review defaults to Europe/Brussels).
      timeZone: "Europe/Paris",
      createdBy: "demo-admin",
      createdAt: at(0),
    })
    .run();
  // The city's partner register comes with the city: the plan partner's membership names its organisation.
  await seedPartners(db);
  for (const account of DEMO_ACCOUNTS) {
    if (!account.role) continue;
    await db
      .insert(reviewMembers)
      .values({
        reviewId: DEMO_REVIEW_ID,
        userId: account.id,
        role: account.role,
        affiliation: account.organisation,
        partnerId: demoPartnerOf(account),
        createdAt: at(1),
      })
      .run();
  }
}
