import { and, asc, eq } from "drizzle-orm";
import { partners, partnerTrainings, reviews } from "#db/schema";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import type { FieldErrors } from "#app/utils/validation";
import { writeAudit } from "./audit.server";
import type { PartnerInput, TrainingInput } from "./partner-schema";
import { newId } from "./user.server";

/*
 * A city's partner register: the organisations of its collective (associations, public services,
 * social centres, companies, State services), the day each signed the city's charter, and the
 * trainings their people followed. The register is the city's: every review of the city reads
 * the same partners. Changes are audited on the review they were made from.
 */

export type PartnerOutcome = { ok: true; id: string } | { ok: false; status: 400 | 404; errors: FieldErrors };

const refuse = (status: 400 | 404, message: string, field = "_form"): PartnerOutcome => ({ ok: false, status, errors: { [field]: [message] } });

async function reviewCityId(tx: Pick<typeof db, "select">, reviewId: string) {
  return (await tx.select({ cityId: reviews.cityId }).from(reviews).where(eq(reviews.id, reviewId)).get())?.cityId ?? null;
}

/** The partners of the review's city, by name, each with its trainings (oldest first). */
export async function listCityPartners({ reviewId }: { reviewId: string }) {
  const cityId = await reviewCityId(db, reviewId);
  if (!cityId) return [];
  const rows = await db.select().from(partners).where(eq(partners.cityId, cityId)).orderBy(asc(partners.name));
  const trainings = await db
    .select({
      id: partnerTrainings.id,
      partnerId: partnerTrainings.partnerId,
      date: partnerTrainings.date,
      topic: partnerTrainings.topic,
      peopleTrained: partnerTrainings.peopleTrained,
    })
    .from(partnerTrainings)
    .innerJoin(partners, eq(partners.id, partnerTrainings.partnerId))
    .where(eq(partners.cityId, cityId))
    .orderBy(asc(partnerTrainings.date), asc(partnerTrainings.id));
  return rows.map((partner) => ({
    id: partner.id,
    name: partner.name,
    kind: partner.kind,
    charterSignedOn: partner.charterSignedOn,
    trainings: trainings.filter((training) => training.partnerId === partner.id),
  }));
}

export type CityPartner = Awaited<ReturnType<typeof listCityPartners>>[number];

/** Adds a partner to the register of the review's city. */
export async function createPartner({ reviewId, userId, input }: { reviewId: string; userId: string; input: PartnerInput }): Promise<PartnerOutcome> {
  return transaction(db, async (tx): Promise<PartnerOutcome> => {
    const cityId = await reviewCityId(tx, reviewId);
    if (!cityId) return refuse(404, "plan:partners.noCity");
    const name = input.name.trim();
    const same = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.cityId, cityId), eq(partners.name, name)))
      .get();
    if (same) return refuse(400, "plan:errors.partnerExists", "name");
    const id = newId();
    const row = { name, kind: input.kind, charterSignedOn: input.charterSignedOn };
    await tx
      .insert(partners)
      .values({ id, cityId, ...row, createdBy: userId })
      .run();
    await writeAudit(tx, { reviewId, userId, action: "create", entity: "partner", entityId: id, after: { cityId, ...row } });
    return { ok: true, id };
  });
}

/** Records a training a partner of the review's city followed. */
export async function addTraining({ reviewId, userId, input }: { reviewId: string; userId: string; input: TrainingInput }): Promise<PartnerOutcome> {
  return transaction(db, async (tx): Promise<PartnerOutcome> => {
    const cityId = await reviewCityId(tx, reviewId);
    if (!cityId) return refuse(404, "plan:partners.noCity");
    const partner = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.id, input.partnerId), eq(partners.cityId, cityId)))
      .get();
    if (!partner) return refuse(400, "plan:errors.unknownPartner", "partnerId");
    const id = newId();
    const row = { partnerId: partner.id, date: input.date, topic: input.topic, peopleTrained: input.peopleTrained };
    await tx
      .insert(partnerTrainings)
      .values({ id, ...row, createdBy: userId })
      .run();
    await writeAudit(tx, { reviewId, userId, action: "create", entity: "partner-training", entityId: id, after: row });
    return { ok: true, id };
  });
}
