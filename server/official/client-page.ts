import "server-only";
import type { Actor } from "../auth/actor";
import { getClient } from "../clients/clients";
import { db } from "../db/client";
import type { ActorKind, EnrolmentStatus, QueuePriority } from "../db/generated/enums";
import { expireDueOffers, poolStatusOfClient } from "../enrolment";
import { queuePositions } from "../enrolment/queue";
import { placesRankedAbove } from "../enrolment/hand-over";
import { isLive } from "../enrolment/states";
import { formatDate } from "../../lib/dates";

export interface TimelineEvent {
  id: string;
  at: Date;
  actorKind: ActorKind;
  actorName: string | null;
  actorOrganisation: string | null;
  fromStatus: EnrolmentStatus | null;
  toStatus: EnrolmentStatus;
  reason: string | null;
  priority: QueuePriority | null;
  queuePosition: number | null;
  move: { from: number | null; to: number } | null;
}

export interface ClientEnrolment {
  id: string;
  status: EnrolmentStatus;
  live: boolean;
  priority: QueuePriority;
  priorityReason: string | null;
  referredAt: Date;
  offerExpiresAt: Date | null;
  queuePosition: number | null;
  /** From a pooled referral: the client's rank for this course there (null = not ranked, matched by the criteria). */
  pooled: { rank: number | null } | null;
  /** A seat accepted on condition: the client still waits for courses ranked higher. */
  conditional: boolean;
  /** An offer the client may accept on condition: the courses ranked higher whose queue places they would keep. */
  conditionalFor: string[];
  course: { id: string; name: string; provider: string; startsOn: string; endsOn: string; municipality: string; remote: boolean };
  events: TimelineEvent[];
}

interface EnrolmentRow {
  id: string;
  status: EnrolmentStatus;
  priority: QueuePriority;
  priorityReason: string | null;
  referredAt: Date;
  offerExpiresAt: Date | null;
  queueEntryId: string | null;
  preferenceRank: number | null;
  conditional: boolean;
  courseId: string;
  courseName: string;
  provider: string;
  startsOn: Date;
  endsOn: Date;
  municipality: string;
  remote: boolean;
  events: { id: string; at: string; actorKind: ActorKind; actorName: string | null; actorOrganisation: string | null; fromStatus: EnrolmentStatus | null; toStatus: EnrolmentStatus; reason: string | null; data: unknown }[];
}

/** The client's enrolments with their course and their events (with who acted), in one query. */
function enrolmentRows(clientId: string) {
  return db().$queryRaw<EnrolmentRow[]>`
    SELECT e.id, e.status, e.priority, e."priorityReason", e."referredAt", e."offerExpiresAt", e."queueEntryId", e."preferenceRank", e.conditional,
           c.id AS "courseId", c.name AS "courseName", p.name AS provider, c."startsOn", c."endsOn", c.municipality, c.remote,
           (SELECT coalesce(json_agg(json_build_object(
                     'id', v.id::text, 'at', v.at, 'actorKind', v."actorKind", 'actorName', u.name, 'actorOrganisation', uo.name,
                     'fromStatus', v."fromStatus", 'toStatus', v."toStatus", 'reason', v.reason, 'data', v.data) ORDER BY v.at, v.id), '[]'::json)
              FROM "EnrolmentEvent" v
              LEFT JOIN "User" u ON u.id = v."actorUserId"
              LEFT JOIN "Organisation" uo ON uo.id = u."organisationId"
             WHERE v."enrolmentId" = e.id) AS events
      FROM "Enrolment" e
      JOIN "Course" c ON c.id = e."courseId"
      JOIN "Organisation" p ON p.id = c."providerId"
     WHERE e."clientId" = ${clientId}::uuid
     ORDER BY e."referredAt" DESC, e.id`;
}

/**
 * Everything on the official's client page: the client (identity code masked), their pooled
 * referrals, and each enrolment with its queue position and its events, newest enrolment first.
 * Overdue offers are expired first, so the page never shows an offer whose time is up. Null when
 * the client is not the office's. Four queries without a pool (client, enrolments with events,
 * queue positions, pools): this page is opened all day.
 */
export async function clientPage(actor: Actor, clientId: string, now = new Date()) {
  const client = await getClient(actor, clientId);
  if (!client) return null;
  let rows = await enrolmentRows(clientId);
  const overdue = new Set(rows.filter((r) => r.status === "OFFERED" && r.offerExpiresAt && r.offerExpiresAt <= now).map((r) => r.courseId));
  if (overdue.size > 0) {
    for (const courseId of overdue) await expireDueOffers(now, courseId);
    rows = await enrolmentRows(clientId);
  }
  const [positions, pools] = await Promise.all([queuePositions(db(), rows.filter((r) => r.status === "WAITLISTED").map((r) => r.id)), poolStatusOfClient(clientId, now)]);
  // The engine's own rule for what a conditional acceptance keeps; an open offer is rare, so one query each.
  const conditionalFor = new Map<string, string[]>();
  for (const r of rows) {
    if (r.status === "OFFERED") conditionalFor.set(r.id, (await placesRankedAbove(db(), clientId, r)).map((p) => p.courseName));
  }
  const enrolments: ClientEnrolment[] = rows.map((r) => ({
    id: r.id,
    status: r.status,
    live: isLive(r.status),
    priority: r.priority,
    priorityReason: r.priorityReason,
    referredAt: r.referredAt,
    offerExpiresAt: r.status === "OFFERED" ? r.offerExpiresAt : null,
    queuePosition: positions.get(r.id) ?? null,
    pooled: r.queueEntryId ? { rank: r.preferenceRank } : null,
    conditional: r.conditional,
    conditionalFor: conditionalFor.get(r.id) ?? [],
    course: { id: r.courseId, name: r.courseName, provider: r.provider, startsOn: formatDate(r.startsOn), endsOn: formatDate(r.endsOn), municipality: r.municipality, remote: r.remote },
    events: r.events.map((e) => {
      const data = (e.data ?? {}) as { priority?: QueuePriority; queuePosition?: number; move?: { from?: number | null; to?: number } };
      return {
        id: e.id,
        at: new Date(e.at),
        actorKind: e.actorKind,
        actorName: e.actorName,
        actorOrganisation: e.actorOrganisation,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        reason: e.reason,
        priority: data.priority ?? null,
        queuePosition: typeof data.queuePosition === "number" ? data.queuePosition : null,
        move: typeof data.move?.to === "number" ? { from: data.move.from ?? null, to: data.move.to } : null,
      };
    }),
  }));
  return { client, enrolments, pools };
}
