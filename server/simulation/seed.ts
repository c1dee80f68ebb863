import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { staff, type EngineActor } from "../enrolment";
import { RATES, dayDate, type SimClient, type SimCourse, type SimOrganisation, type World } from "./world";
import { addDays, helsinkiToday, parseDate } from "../../lib/dates";

// Writes the world's organisations, staff, courses (as drafts: providers publish them through the
// engine on their publication day) and clients (registered on their arrival day) to an empty,
// migrated database. Clients have no e-mail address, so the outbox stays empty: notifications are
// not what the simulation measures.

export async function seedWorld(world: World): Promise<void> {
  const prisma = db();
  const organisations = [
    ...world.offices.map((o) => ({ id: o.id, type: "EMPLOYMENT_AUTHORITY" as const, name: o.name, municipality: o.municipality })),
    ...world.providers.map((p) => ({ id: p.id, type: "TRAINING_PROVIDER" as const, name: p.name, municipality: p.municipality })),
  ];
  await prisma.organisation.createMany({ data: organisations });
  await prisma.user.createMany({
    data: [
      ...world.offices.map((o, i) => ({ id: o.userId, email: `virkailija${i + 1}@sim.example.fi`, name: `Virkailija ${o.municipality}`, role: "OFFICIAL" as const, organisationId: o.id })),
      ...world.providers.map((p, i) => ({ id: p.userId, email: `jarjestaja${i + 1}@sim.example.fi`, name: `Koordinaattori ${i + 1}`, role: "PROVIDER_STAFF" as const, organisationId: p.id })),
    ],
  });
  await prisma.course.createMany({
    data: world.courses.map((c) => ({
      id: c.id,
      providerId: world.providers[c.providerIndex]!.id,
      name: c.name,
      instructionLanguage: c.instructionLanguage,
      studyPath: c.studyPath,
      levelFrom: c.levelFrom,
      levelTo: c.levelTo,
      targetLevel: c.studyPath === "LITERACY" ? ("A1_1" as const) : ("B1_1" as const),
      municipality: c.municipality,
      remote: c.remote,
      schedule: c.schedule,
      startsOn: dayDate(world, c.startDay),
      endsOn: dayDate(world, c.endDay),
      hoursPerWeek: 25,
      capacity: c.capacity,
      referralOpensOn: dayDate(world, c.referralOpensDay),
      referralClosesOn: dayDate(world, c.referralClosesDay),
      offerResponseHours: RATES.offerResponseHours,
      status: "DRAFT" as const,
    })),
  });
  for (let i = 0; i < world.clients.length; i += 1000) {
    await prisma.client.createMany({
      data: world.clients.slice(i, i + 1000).map((c) => {
        const arrived = new Date(world.start.getTime() + c.arrivalMs);
        const arrivedOn = helsinkiToday(arrived);
        const day = parseDate(arrivedOn);
        return {
          id: c.id,
          officeId: world.offices[c.officeIndex]!.id,
          firstName: "Asiakas",
          lastName: `Simulaatio ${c.index + 1}`,
          dateOfBirth: new Date(Date.UTC(1970 + (c.index % 35), c.index % 12, 1 + (c.index % 28))),
          municipality: c.municipality,
          preferredLanguage: c.instructionLanguage === "SV" ? ("sv" as const) : (["fi", "en", "ru", "uk", "ar"] as const)[c.index % 5]!,
          literacy: c.studyPath === "LITERACY" ? ("NOT_LITERATE" as const) : ("LATIN_SCRIPT" as const),
          languageLevel: c.languageLevel,
          placementTestOn: day,
          studyPath: c.studyPath,
          integrationPlanStartsOn: day,
          integrationPlanEndsOn: parseDate(addDays(arrivedOn, 3 * 365)),
          eveningOnly: c.eveningOnly,
          // Registered on arrival: createdAt is the day the official first meets the client.
          createdAt: arrived,
        };
      }),
    });
  }
}

function actorOf(org: SimOrganisation, role: "OFFICIAL" | "PROVIDER_STAFF", index: number): Actor {
  const email = role === "OFFICIAL" ? `virkailija${index + 1}@sim.example.fi` : `jarjestaja${index + 1}@sim.example.fi`;
  return { userId: org.userId, email, name: org.name, role, organisationId: org.id, organisationName: org.name };
}

export interface Actors {
  officialOf(client: SimClient): Actor;
  providerOf(course: SimCourse): EngineActor;
  client(client: SimClient): EngineActor;
}

export function actors(world: World): Actors {
  const officials = world.offices.map((o, i) => actorOf(o, "OFFICIAL", i));
  const providers = world.providers.map((p, i) => staff(actorOf(p, "PROVIDER_STAFF", i)));
  return {
    officialOf: (client) => officials[client.officeIndex]!,
    providerOf: (course) => providers[course.providerIndex]!,
    client: (client) => ({ kind: "CLIENT", clientId: client.id }),
  };
}
