import type { AsyncDb } from "../async-db";
import { agendaSlots, factorAssignments, teamNotes } from "../schema";
import { DEMO_REVIEW_ID } from "./accounts";

/*
 * How the demo's team organised the visit: the programme (the host team proposed the meetings,
 * the lead confirmed most; two already have their interview record), who covers which key
 * factor, and one internal note of the peer team.
 */

const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour, 0, 0));

export async function seedTeam(db: AsyncDb) {
  await db
    .insert(agendaSlots)
    .values([
      {
        id: "demo-slot-01",
        reviewId: DEMO_REVIEW_ID,
        date: "2026-03-16",
        startTime: "09:00",
        endTime: "10:30",
        place: "Hôtel de ville, salle du conseil",
        meeting: "Mission égalité-diversité de la ville",
        factorIds: ["kf-01", "kf-02"],
        leadReviewerId: "demo-lead",
        state: "confirmed",
        interviewId: "demo-int-01",
        createdBy: "demo-host",
        createdAt: at(2, 10),
      },
      {
        id: "demo-slot-02",
        reviewId: DEMO_REVIEW_ID,
        date: "2026-03-16",
        startTime: "14:00",
        endTime: "16:00",
        place: "Mairie de quartier des Tilleuls",
        meeting: "Associations du quartier des Tilleuls (groupe de discussion)",
        factorIds: ["kf-05", "kf-07"],
        leadReviewerId: "demo-peer",
        state: "confirmed",
        interviewId: "demo-int-02",
        createdBy: "demo-host",
        createdAt: at(2, 10),
      },
      {
        id: "demo-slot-03",
        reviewId: DEMO_REVIEW_ID,
        date: "2026-03-18",
        startTime: "10:00",
        endTime: "11:30",
        place: "Centre social Jean-Jaurès",
        meeting: "Défenseur des droits, délégués territoriaux",
        factorIds: ["kf-03"],
        leadReviewerId: "demo-peer2",
        state: "confirmed",
        createdBy: "demo-lead",
        createdAt: at(4, 9),
      },
      {
        id: "demo-slot-04",
        reviewId: DEMO_REVIEW_ID,
        date: "2026-03-18",
        startTime: "14:30",
        endTime: "15:30",
        place: "Direction des ressources humaines",
        meeting: "Service du recrutement de la ville",
        factorIds: ["kf-06"],
        state: "proposed",
        createdBy: "demo-host",
        createdAt: at(12, 15),
      },
    ])
    .run();
  await db
    .insert(factorAssignments)
    .values([
      { reviewId: DEMO_REVIEW_ID, factorId: "kf-01", userId: "demo-lead" },
      { reviewId: DEMO_REVIEW_ID, factorId: "kf-02", userId: "demo-peer" },
      { reviewId: DEMO_REVIEW_ID, factorId: "kf-05", userId: "demo-peer" },
      { reviewId: DEMO_REVIEW_ID, factorId: "kf-03", userId: "demo-peer2" },
      { reviewId: DEMO_REVIEW_ID, factorId: "kf-07", userId: "demo-peer2" },
    ])
    .run();
  await db
    .insert(teamNotes)
    .values({
      id: "demo-team-note-01",
      reviewId: DEMO_REVIEW_ID,
      factorId: "kf-02",
      text: "Ask the equality office how complaints are counted: the self-assessment gives a total but no breakdown by ground. Check it against the Défenseur des droits figures on day 3.",
      authorId: "demo-peer",
      createdAt: at(16, 18),
    })
    .run();
}
