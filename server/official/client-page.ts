import "server-only";
import type { Actor } from "../auth/actor";
import { getClient } from "../clients/clients";
import { db } from "../db/client";
import type { ActorKind, EnrolmentStatus, QueuePriority } from "../db/generated/enums";
import { expireDueOffers } from "../enrolment";
import { queuePositions } from "../enrolment/queue";
import { isLive } from "../enrolment/states";

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
  course: { id: string; name: string; provider: string; startsOn: string; endsOn: string; municipality: string; remote: boolean };
  events: TimelineEvent[];
}

/**
 * Everything on the official's client page: the client (identity code masked) and each enrolment
 * with its queue position and its events, newest enrolment first. Overdue offers are expired
 * first, so the page never shows an offer whose time is up. Null when the client is not the office's.
 */
export async function clientPage(actor: Actor, clientId: string, now = new Date()) {
  const client = await getClient(actor, clientId);
  if (!client) return null;
  const overdue = await db().enrolment.findMany({ where: { clientId, status: "OFFERED", offerExpiresAt: { lte: now } }, select: { courseId: true } });
  for (const { courseId } of overdue) await expireDueOffers(now, courseId);

  const rows = await db().enrolment.findMany({
    where: { clientId },
    orderBy: [{ referredAt: "desc" }, { id: "asc" }],
    select: {
      id: true, status: true, priority: true, priorityReason: true, referredAt: true, offerExpiresAt: true,
      course: { select: { id: true, name: true, startsOn: true, endsOn: true, municipality: true, remote: true, provider: { select: { name: true } } } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, at: true, actorKind: true, actorUserId: true, fromStatus: true, toStatus: true, reason: true, data: true } },
    },
  });
  const userIds = [...new Set(rows.flatMap((r) => r.events.map((e) => e.actorUserId)).filter((id): id is string => id !== null))];
  const users = userIds.length
    ? await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, organisation: { select: { name: true } } } })
    : [];
  const userById = new Map(users.map((u) => [u.id, u]));
  const waiting = rows.filter((r) => r.status === "WAITLISTED").map((r) => r.id);
  const positions = await queuePositions(db(), waiting);
  const day = (d: Date) => d.toISOString().slice(0, 10);

  const enrolments: ClientEnrolment[] = rows.map((r) => ({
    id: r.id,
    status: r.status,
    live: isLive(r.status),
    priority: r.priority,
    priorityReason: r.priorityReason,
    referredAt: r.referredAt,
    offerExpiresAt: r.status === "OFFERED" ? r.offerExpiresAt : null,
    queuePosition: positions.get(r.id) ?? null,
    course: { id: r.course.id, name: r.course.name, provider: r.course.provider.name, startsOn: day(r.course.startsOn), endsOn: day(r.course.endsOn), municipality: r.course.municipality, remote: r.course.remote },
    events: r.events.map((e) => {
      const data = (e.data ?? {}) as { priority?: QueuePriority; queuePosition?: number; move?: { from?: number | null; to?: number } };
      const user = e.actorUserId ? userById.get(e.actorUserId) : undefined;
      return {
        id: e.id.toString(),
        at: e.at,
        actorKind: e.actorKind,
        actorName: user?.name ?? null,
        actorOrganisation: user?.organisation?.name ?? null,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        reason: e.reason,
        priority: data.priority ?? null,
        queuePosition: typeof data.queuePosition === "number" ? data.queuePosition : null,
        move: typeof data.move?.to === "number" ? { from: data.move.from ?? null, to: data.move.to } : null,
      };
    }),
  }));
  return { client, enrolments };
}
