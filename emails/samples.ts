// Sample data for the preview and the template tests: every field a template can show.
import type { EmailData, EmailTemplate } from "./types";
import { parseDate } from "../lib/dates";

const course = {
  name: "Suomen kielen perusteet, iltaryhmä",
  provider: "Helsingin Aikuisopisto",
  address: "Opistokatu 1",
  municipality: "Helsinki",
  remote: false,
  schedule: "EVENING" as const,
  startsOn: parseDate("2027-01-11"),
  endsOn: parseDate("2027-05-28"),
};
const contact = { name: "Helsingin työllisyyspalvelut", email: "tyollisyyspalvelut@example.fi", phone: "+358 29 000 0000", address: "Työkatu 1, 00100 Helsinki" };
const base = "https://koulutusportti.example.fi";
/** The course a pooled client ranked above the sample course. */
const preferred = "Suomi 1 – perusopetus, päiväryhmä (Kallio)";

export function sampleData(template: EmailTemplate): EmailData {
  const client = template.startsWith("client/");
  const data: EmailData = { recipientName: client ? "Olena" : "Virkailija", course, contact };
  switch (template) {
    case "client/referral_received":
    case "client/queue_moved":
      return { ...data, queue: { position: 3, total: 7 }, links: { page: `${base}/o/sample-queue-token?lang=fi` } };
    case "client/seat_offered":
    case "client/offer_reminder":
      // From a pooled referral, with a course ranked higher: the offer may be accepted on condition.
      return {
        ...data,
        deadline: new Date("2026-12-04T14:00:00Z"),
        preferredCourses: [preferred],
        links: {
          accept: `${base}/o/sample-offer-token?answer=accept`,
          acceptConditional: `${base}/o/sample-offer-token?answer=acceptConditional`,
          decline: `${base}/o/sample-offer-token?answer=decline`,
          page: `${base}/o/sample-offer-token`,
        },
      };
    case "client/pool_referral_received":
      return {
        recipientName: "Olena",
        contact,
        pool: { courses: [{ name: preferred, rank: 1 }, { name: course.name, rank: 2 }, { name: "Arjen suomea, päiväryhmä (Vantaa)", rank: null }] },
        links: { page: `${base}/o/sample-queue-token?lang=fi` },
      };
    case "client/seat_confirmed_conditional":
      return { ...data, preferredCourses: [preferred] };
    case "client/conditional_seat_released":
      return { ...data, placedCourseName: preferred };
    case "client/enrolment_cancelled":
      return { ...data, reason: "Koulutus peruttiin liian vähäisen osallistujamäärän vuoksi." };
    case "staff/invitation":
      return { recipientName: "Maria Virtanen", contact, deadline: new Date("2026-12-04T14:00:00Z"), links: { setPassword: `${base}/set-password/sample-invitation-token` } };
    case "provider/daily_digest":
      return { recipientName: null, contact, digest: { date: new Date("2026-11-23T10:00:00Z"), courses: [{ name: course.name, count: 3 }, { name: "Arjen suomea", count: 1 }] }, links: { workspace: `${base}/provider` } };
    default:
      if (template.startsWith("official/")) return { ...data, client: { name: "Olena Kovalenko", number: 1042 }, links: { workspace: `${base}/official` } };
      return data;
  }
}
