import { and, eq, ne } from "drizzle-orm";
import type { AsyncDb } from "#db/async-db";
import { cities, reviews } from "#db/schema";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { refuse } from "#app/utils/refusal";
import { writeAudit } from "./audit.server";
import { newId } from "./user.server";

type Tx = AsyncDb;

/** What a review says of its city when it is created or its settings change. */
export type CityFacts = {
  name: string;
  country: string;
  /** IANA zone, already checked; a new city starts with it. */
  timeZone: string;
  languages: ("fr" | "en")[];
};

/**
 * The city of that name in that country, made if there is none yet (a new city takes the
 * review's time zone and languages). Call it inside the transaction that attaches the review.
 */
export async function findOrCreateCity(tx: Tx, facts: CityFacts): Promise<{ id: string; created: boolean }> {
  const name = facts.name.trim();
  const country = facts.country.trim();
  const existing = await tx
    .select({ id: cities.id })
    .from(cities)
    .where(and(eq(cities.name, name), eq(cities.country, country)))
    .get();
  if (existing) return { id: existing.id, created: false };
  const id = newId();
  await tx.insert(cities).values({ id, name, country, timeZone: facts.timeZone, languages: facts.languages }).run();
  return { id, created: true };
}

export async function getCity({ cityId }: { cityId: string }) {
  return db.select().from(cities).where(eq(cities.id, cityId)).get();
}

/** The city a review belongs to (null only for a review written around the models, as some tests do). */
export async function getReviewCity({ reviewId }: { reviewId: string }) {
  const row = await db
    .select({ id: cities.id, name: cities.name, country: cities.country, timeZone: cities.timeZone, languages: cities.languages })
    .from(reviews)
    .innerJoin(cities, eq(cities.id, reviews.cityId))
    .where(eq(reviews.id, reviewId))
    .get();
  return row ?? null;
}

/**
 * The administrator corrects a city's own record: its name, country, time zone and languages.
 * Every review of the city keeps a copy of its name and country (docs/decisions/0028), written
 * again here in the same transaction, so every review shows the new name at once; each review's
 * own time zone and report languages stay as they are (a new cycle starts from the city's). The
 * change is audited on every review of the city. A name and country another city already has is
 * refused on the name.
 */
export async function updateCity({ cityId, facts, userId }: { cityId: string; facts: CityFacts; userId: string }) {
  const city = await getCity({ cityId });
  if (!city) refuse(404, "errors.notFound");
  const after = { name: facts.name.trim(), country: facts.country.trim(), timeZone: facts.timeZone, languages: facts.languages };
  const taken = await db
    .select({ id: cities.id })
    .from(cities)
    .where(and(eq(cities.name, after.name), eq(cities.country, after.country), ne(cities.id, cityId)))
    .get();
  if (taken) refuse(409, "cycles:city.edit.taken", { field: "name" });
  const before = { name: city.name, country: city.country, timeZone: city.timeZone, languages: city.languages };
  await transaction(db, async (tx) => {
    await tx.update(cities).set(after).where(eq(cities.id, cityId)).run();
    const attached = await tx
      .update(reviews)
      .set({ hostCity: after.name, country: after.country })
      .where(eq(reviews.cityId, cityId))
      .returning({ id: reviews.id })
      .all();
    for (const review of attached) {
      await writeAudit(tx, { reviewId: review.id, userId, action: "update", entity: "city", entityId: cityId, before, after });
    }
  });
}
