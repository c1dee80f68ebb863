// Demo data: two employment authorities (the City of Helsinki's employment services and an
// employment area of Vantaa and Kerava), a municipality's integration services, three training
// providers, two advice points (one run by the city, one by an NGO), their staff, ~15 courses,
// 64 clients and enrolment histories that tell a story (full courses with queues, an urgent client,
// offers waiting for an answer, declines, expiries, cancellations, a running course with an
// interruption), and six months of anonymous advice-point visits (./visits.ts).
// Plain data, no database access: server/demo/seed.ts writes it. Every organisation, person, business
// id, identity code, e-mail address and phone number here is invented.
//
// Everything time-dependent is computed from `today`, so the same `today` always gives the same data
// and the queue looks alive whenever the demo is started: open offers have deadlines in the future,
// the running course started three weeks ago, the others start within the next six months.
import { makeIdentityCode } from "../../lib/identity-code";
import { canTransition, holdsSeat, isLive } from "../enrolment/states";
import type {
  ActorKind,
  ClientLanguage,
  CourseStatus,
  EnrolmentStatus,
  InstructionLanguage,
  LanguageLevel,
  Literacy,
  AdvicePointOperator,
  OrganisationType,
  QueuePriority,
  Role,
  Schedule,
  StudyPath,
} from "../db/generated/enums";
import { formatDate, helsinkiDayStart, helsinkiTimestamp, helsinkiToday, parseDate } from "../../lib/dates";
import { buildDemoVisits, DEMO_VISIT_MONTHS, openingHours, type DemoAdvicePointKey, type DemoVisit } from "./visits";

export const DEMO_PASSWORD = "Koulutus-Demo-2026";

/** The seed is keyed on this account: when it exists, the demo data is considered present. */
export const DEMO_ADMIN_EMAIL = "admin@example.fi";

export interface DemoAccount {
  email: string;
  role: Role;
  description: string;
}

// ---------------------------------------------------------------------------------------------
// Organisations and staff
// ---------------------------------------------------------------------------------------------

export type DemoOrganisationKey = "office-helsinki" | "office-vantaa" | "services-espoo" | "provider-aikuisopisto" | "provider-virta" | "provider-kajen" | DemoAdvicePointKey;

export interface DemoOrganisation {
  key: DemoOrganisationKey;
  type: OrganisationType;
  name: string;
  businessId: string;
  municipality: string;
  email: string;
  phone: string;
  address: string;
  /** Advice points only: who runs it. */
  operator?: AdvicePointOperator;
}

/**
 * The organisations that came with the advice points (and their staff, and the visits): a demo
 * database seeded before them gets them on the next seed, keyed on the first adviser's account.
 */
export const ADVICE_DEMO_ORGANISATIONS: ReadonlySet<DemoOrganisationKey> = new Set<DemoOrganisationKey>(["services-espoo", "advice-helsinki", "advice-vantaa"]);

/** The advice part of the demo data is considered present when this account exists. */
export const DEMO_ADVISER_EMAIL = "neuvoja@example.fi";

// Business ids have valid check digits (weights 7, 9, 10, 5, 8, 4, 2, mod 11) but belong to nobody we know of.
export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  {
    key: "office-helsinki",
    type: "EMPLOYMENT_AUTHORITY",
    name: "Helsingin työllisyyspalvelut",
    businessId: "2918374-4",
    municipality: "Helsinki",
    email: "kotoutuminen@helsinki-tyollisyys.example.fi",
    phone: "+358 9 4000 1200",
    address: "Palvelutori 1, 00520 Helsinki",
  },
  {
    key: "office-vantaa",
    type: "EMPLOYMENT_AUTHORITY",
    name: "Vantaan ja Keravan työllisyysalue",
    businessId: "3104562-3",
    municipality: "Vantaa",
    email: "kotoutuminen@vantaa-kerava-tyollisyys.example.fi",
    phone: "+358 9 4000 3400",
    address: "Asemapolku 7, 01300 Vantaa",
  },
  {
    // The City of Espoo's integration services: those outside the labour force make their plans here.
    key: "services-espoo",
    type: "INTEGRATION_SERVICES",
    name: "Espoon kotoutumispalvelut",
    businessId: "3352190-2",
    municipality: "Espoo",
    email: "kotoutuminen@espoo-kotoutumispalvelut.example.fi",
    phone: "+358 9 4000 2300",
    address: "Kauppamiehentie 3, 02150 Espoo",
  },
  {
    key: "provider-aikuisopisto",
    type: "TRAINING_PROVIDER",
    name: "Kantakaupungin aikuisopisto",
    businessId: "0824417-3",
    municipality: "Helsinki",
    email: "kotoutumiskoulutus@aikuisopisto.example.fi",
    phone: "+358 9 4000 5600",
    address: "Opistokatu 4, 00530 Helsinki",
  },
  {
    key: "provider-virta",
    type: "TRAINING_PROVIDER",
    name: "Ammattiopisto Virta",
    businessId: "1967205-0",
    municipality: "Vantaa",
    email: "kotokoulutus@ammattiopisto-virta.example.fi",
    phone: "+358 9 4000 7800",
    address: "Virtakuja 2, 01300 Vantaa",
  },
  {
    key: "provider-kajen",
    type: "TRAINING_PROVIDER",
    name: "Kajens medborgarinstitut",
    businessId: "2745830-2",
    municipality: "Helsinki",
    email: "integration@kajen.example.fi",
    phone: "+358 9 4000 9100",
    address: "Kajgatan 12, 00170 Helsingfors",
  },
  {
    key: "advice-helsinki",
    type: "ADVICE_POINT",
    name: "Helsingin kaupungin neuvontapiste",
    businessId: "3215407-1",
    municipality: "Helsinki",
    email: "neuvonta@helsinki-neuvontapiste.example.fi",
    phone: "+358 9 4000 4400",
    address: "Asematunneli 2, 00100 Helsinki",
    operator: "MUNICIPALITY",
  },
  {
    key: "advice-vantaa",
    type: "ADVICE_POINT",
    name: "Monikulttuurinen neuvontapiste Vantaa ry",
    businessId: "3298116-5",
    municipality: "Vantaa",
    email: "neuvonta@monikulttuurinen-vantaa.example.org",
    phone: "+358 9 4000 6600",
    address: "Tikkuraitti 11, 01300 Vantaa",
    operator: "NGO",
  },
];

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  organisation: DemoOrganisationKey | null;
  locale: string;
  description: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: "virkailija@example.fi",
    name: "Sanna Virtanen",
    role: "OFFICIAL",
    organisation: "office-helsinki",
    locale: "fi",
    description: "official (virkailija), Helsingin työllisyyspalvelut (the City of Helsinki as employment authority)",
  },
  {
    email: "virkailija2@example.fi",
    name: "Mikko Korhonen",
    role: "OFFICIAL",
    organisation: "office-vantaa",
    locale: "fi",
    description: "official (virkailija), Vantaan ja Keravan työllisyysalue (an employment area)",
  },
  {
    email: "virkailija3@example.fi",
    name: "Laura Salminen",
    role: "OFFICIAL",
    organisation: "services-espoo",
    locale: "fi",
    description: "official (virkailija), Espoon kotoutumispalvelut (municipal integration services)",
  },
  {
    email: "jarjestaja@example.fi",
    name: "Leena Mäkinen",
    role: "PROVIDER_STAFF",
    organisation: "provider-aikuisopisto",
    locale: "fi",
    description: "provider coordinator, Kantakaupungin aikuisopisto",
  },
  {
    email: "jarjestaja2@example.fi",
    name: "Antti Nieminen",
    role: "PROVIDER_STAFF",
    organisation: "provider-virta",
    locale: "fi",
    description: "provider coordinator, Ammattiopisto Virta",
  },
  {
    email: "jarjestaja3@example.fi",
    name: "Johanna Lindholm",
    role: "PROVIDER_STAFF",
    organisation: "provider-kajen",
    locale: "sv",
    description: "provider coordinator, Kajens medborgarinstitut (Swedish)",
  },
  {
    email: DEMO_ADVISER_EMAIL,
    name: "Amina Hassan",
    role: "ADVISER",
    organisation: "advice-helsinki",
    locale: "fi",
    description: "adviser (neuvoja), Helsingin kaupungin neuvontapiste (run by the city)",
  },
  {
    email: "neuvoja2@example.fi",
    name: "Olga Lehtonen",
    role: "ADVISER",
    organisation: "advice-vantaa",
    locale: "fi",
    description: "adviser (neuvoja), Monikulttuurinen neuvontapiste Vantaa ry (run by an NGO)",
  },
  {
    email: DEMO_ADMIN_EMAIL,
    name: "Riikka Hämäläinen",
    role: "ADMIN",
    organisation: null,
    locale: "fi",
    description: "administrator (pääkäyttäjä), no organisation",
  },
];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = DEMO_USERS.map(({ email, role, description }) => ({ email, role, description }));

const OFFICIAL_OF: Readonly<Record<"office-helsinki" | "office-vantaa", string>> = {
  "office-helsinki": "virkailija@example.fi",
  "office-vantaa": "virkailija2@example.fi",
};
const STAFF_OF: Readonly<Record<"provider-aikuisopisto" | "provider-virta" | "provider-kajen", string>> = {
  "provider-aikuisopisto": "jarjestaja@example.fi",
  "provider-virta": "jarjestaja2@example.fi",
  "provider-kajen": "jarjestaja3@example.fi",
};

// ---------------------------------------------------------------------------------------------
// Shapes of the generated data
// ---------------------------------------------------------------------------------------------

type OfficeKey = keyof typeof OFFICIAL_OF;
type ProviderKey = keyof typeof STAFF_OF;

export interface DemoCourse {
  key: string;
  provider: ProviderKey;
  name: string;
  description: string;
  instructionLanguage: InstructionLanguage;
  studyPath: StudyPath;
  levelFrom: LanguageLevel;
  levelTo: LanguageLevel;
  targetLevel: LanguageLevel;
  municipality: string;
  address: string | null;
  remote: boolean;
  schedule: Schedule;
  startsOn: Date;
  endsOn: Date;
  hoursPerWeek: number;
  capacity: number;
  referralOpensOn: Date;
  referralClosesOn: Date;
  offerResponseHours: number;
  confirmOnReferral: boolean;
  status: CourseStatus;
  statusReason: string | null;
  createdAt: Date;
}

export interface DemoClient {
  key: string;
  office: OfficeKey;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  /** Plain text here; the seed stores only its ciphertext and HMAC. */
  identityCode: string | null;
  email: string | null;
  phone: string;
  municipality: string;
  preferredLanguage: ClientLanguage;
  nativeLanguage: string;
  interpreterNeeded: boolean;
  literacy: Literacy;
  yearsOfSchooling: number;
  highestEducation: string;
  workExperience: string | null;
  languageLevel: LanguageLevel | null;
  placementTestOn: Date | null;
  studyPath: StudyPath;
  integrationPlanStartsOn: Date | null;
  integrationPlanEndsOn: Date | null;
  /** The assessment of skills and integration service needs, made before the plan. */
  assessedOn: Date | null;
  assessedBy: string | null;
  /** Plans made since 1.1.2025 are part of the municipality's integration programme. */
  inIntegrationProgramme: boolean;
  needsChildcare: boolean;
  needsAccessibility: boolean;
  eveningOnly: boolean;
  specialNeeds: string | null;
  notes: string | null;
  createdAt: Date;
}

export interface DemoEnrolmentEvent {
  at: Date;
  actorKind: ActorKind;
  /** E-mail of the acting staff user, for actorKind USER. */
  actorEmail: string | null;
  fromStatus: EnrolmentStatus | null;
  toStatus: EnrolmentStatus;
  reason: string | null;
  data: Record<string, string> | null;
}

export interface DemoEnrolment {
  client: string;
  course: string;
  status: EnrolmentStatus;
  priority: QueuePriority;
  priorityReason: string | null;
  queueOrder: number;
  referredAt: Date;
  referredByEmail: string;
  referralNote: string | null;
  offeredAt: Date | null;
  offerExpiresAt: Date | null;
  confirmedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  statusReason: string | null;
  /** Oldest first; the last one's toStatus is `status`. */
  events: DemoEnrolmentEvent[];
}

export interface DemoData {
  organisations: readonly DemoOrganisation[];
  users: readonly DemoUser[];
  courses: DemoCourse[];
  clients: DemoClient[];
  enrolments: DemoEnrolment[];
  /** Anonymous visits at the advice points, oldest first. */
  visits: DemoVisit[];
}

export type { DemoVisit };

// ---------------------------------------------------------------------------------------------
// Clients: who they are does not depend on the date; their plan and history dates do.
// ---------------------------------------------------------------------------------------------

interface ClientRow {
  key: string;
  office: OfficeKey;
  first: string;
  last: string;
  born: string;
  /** Individual number of the identity code (odd for men, even for women); absent: no code yet. */
  idn?: number;
  lang: ClientLanguage;
  native: string;
  interpreter?: boolean;
  lit: Literacy;
  school: number;
  edu: string;
  work?: string;
  level: LanguageLevel | null;
  path: StudyPath;
  /** Months since the integration plan started (a plan lasts 36 months); absent: no plan yet. */
  plan?: number;
  town?: string;
  childcare?: boolean;
  access?: boolean;
  evening?: boolean;
  needs?: string;
  notes?: string;
  noEmail?: boolean;
}

const CLIENT_ROWS: readonly ClientRow[] = [
  // Helsingin työllisyyspalvelut -------------------------------------------------------------
  { key: "ahmad", office: "office-helsinki", first: "Ahmad", last: "Khalil", born: "1986-03-14", idn: 245, lang: "ar", native: "arabia", lit: "OTHER_SCRIPT", school: 12, edu: "Ylioppilastutkinto (Syyria)", work: "Leipuri 10 v, Aleppo", level: "A1_1", path: "BASIC", plan: 9 },
  { key: "rania", office: "office-helsinki", first: "Rania", last: "Haddad", born: "1991-07-02", idn: 318, lang: "ar", native: "arabia", lit: "OTHER_SCRIPT", school: 14, edu: "Opistotason tutkinto (farmasia), Syyria", work: "Apteekkiavustaja 4 v", level: "A1_1", path: "BASIC", plan: 8, childcare: true, needs: "Kaksi lasta (2 ja 4 v); päivähoitopaikka haettu opintojen ajaksi." },
  { key: "andrii", office: "office-helsinki", first: "Andrii", last: "Melnyk", born: "1979-11-23", lang: "uk", native: "ukraina", lit: "OTHER_SCRIPT", school: 11, edu: "Ammatillinen koulutus (hitsaaja), Ukraina", work: "Hitsaaja 18 v, Zaporižžja", level: "A0", path: "BASIC", plan: 7, notes: "Tilapäinen suojelu; henkilötunnus haettu." },
  { key: "svetlana", office: "office-helsinki", first: "Svetlana", last: "Ivanova", born: "1983-05-09", idn: 452, lang: "ru", native: "venäjä", lit: "OTHER_SCRIPT", school: 16, edu: "Korkeakoulututkinto (pedagogiikka), Venäjä", work: "Luokanopettaja 12 v, Pietari", level: "A1_2", path: "BASIC", plan: 10 },
  { key: "ali", office: "office-helsinki", first: "Ali", last: "Jafari", born: "1995-01-30", idn: 137, lang: "en", native: "dari", lit: "OTHER_SCRIPT", school: 11, edu: "Lukio kesken (Afganistan)", work: "Automekaanikon apulainen 5 v", level: "A1_1", path: "BASIC", plan: 11 },
  { key: "rebin", office: "office-helsinki", first: "Rebin", last: "Aziz", born: "1990-09-17", idn: 561, lang: "ar", native: "kurdi (sorani)", interpreter: true, lit: "OTHER_SCRIPT", school: 9, edu: "Peruskoulu (Irak)", work: "Rakennustyöt 8 v", level: "A0", path: "BASIC", plan: 6 },
  { key: "thilan", office: "office-helsinki", first: "Thi Lan", last: "Nguyen", born: "1988-12-05", idn: 284, lang: "en", native: "vietnam", lit: "LATIN_SCRIPT", school: 12, edu: "Lukio (Vietnam)", work: "Ompelija 9 v; ravintola-avustaja 1 v", level: "A1_1", path: "BASIC", plan: 9 },
  { key: "daniel", office: "office-helsinki", first: "Daniel", last: "Mensah", born: "1993-04-21", idn: 373, lang: "en", native: "twi", lit: "LATIN_SCRIPT", school: 16, edu: "Kandidaatti (liiketalous), Ghana", work: "Myyjä 3 v; varastotyöntekijä 2 v", level: "A1_1", path: "BASIC", plan: 12 },
  { key: "wei", office: "office-helsinki", first: "Wei", last: "Zhang", born: "1990-08-11", idn: 195, lang: "en", native: "kiina (mandariini)", lit: "OTHER_SCRIPT", school: 18, edu: "Maisteri (tietotekniikka), Kiina", work: "Ohjelmistokehittäjä 6 v", level: "A1_2", path: "BASIC", plan: 5 },
  { key: "mehmet", office: "office-helsinki", first: "Mehmet", last: "Yılmaz", born: "1987-02-27", idn: 419, lang: "en", native: "turkki", lit: "LATIN_SCRIPT", school: 11, edu: "Ammatillinen koulutus (rakennusala), Turkki", work: "Rakennusmies 12 v", level: "A1_1", path: "BASIC", plan: 10, notes: "Keskeytti Suomi 1 -kurssin saatuaan kokoaikatyön; iltaryhmä mahdollinen myöhemmin." },
  { key: "yousef", office: "office-helsinki", first: "Yousef", last: "Nasser", born: "1998-06-08", lang: "ar", native: "arabia", lit: "OTHER_SCRIPT", school: 10, edu: "Lukio kesken (Irak)", work: "Kaupan myyjä 3 v", level: "A1_1", path: "BASIC", plan: 5 },
  { key: "shirin", office: "office-helsinki", first: "Shirin", last: "Mustafa", born: "1984-10-03", idn: 506, lang: "fi", native: "kurdi (kurmandzi)", interpreter: true, lit: "OTHER_SCRIPT", school: 8, edu: "Peruskoulu (Syyria)", work: "Maataloustyöt; kotiäiti", level: "A1_1", path: "BASIC", plan: 34, notes: "Kotoutumisaika päättymässä; jatkosuunnitelma tehtävä pian." },
  { key: "tesfaye", office: "office-helsinki", first: "Tesfaye", last: "Alemu", born: "1996-12-19", lang: "en", native: "amhara", lit: "OTHER_SCRIPT", school: 10, edu: "Peruskoulu (Etiopia)", work: "Kahvilatyöntekijä 2 v", level: "A0", path: "BASIC", plan: 4 },
  { key: "nattaya", office: "office-helsinki", first: "Nattaya", last: "Srisuk", born: "1985-03-28", idn: 618, lang: "fi", native: "thai", lit: "OTHER_SCRIPT", school: 12, edu: "Lukio (Thaimaa)", work: "Hieroja 7 v; siivooja 2 v", level: "A1_1", path: "BASIC", plan: 14 },
  { key: "olena", office: "office-helsinki", first: "Olena", last: "Kovalenko", born: "1989-04-15", idn: 238, lang: "uk", native: "ukraina", lit: "OTHER_SCRIPT", school: 17, edu: "Maisteri (kirjanpito), Kiova", work: "Kirjanpitäjä 9 v", level: "A2_1", path: "FAST", plan: 18 },
  { key: "mohammad", office: "office-helsinki", first: "Mohammad", last: "Rezaei", born: "1988-01-22", idn: 347, lang: "en", native: "farsi", lit: "OTHER_SCRIPT", school: 17, edu: "Diplomi-insinööri (sähkötekniikka), Teheran", work: "Sähköinsinööri 7 v", level: "A2_1", path: "FAST", plan: 15 },
  { key: "ana", office: "office-helsinki", first: "Ana", last: "Souza", born: "1992-10-30", idn: 426, lang: "en", native: "portugali", lit: "LATIN_SCRIPT", school: 16, edu: "Kandidaatti (hoitotyö), Brasilia", work: "Sairaanhoitaja 5 v; nyt hoiva-avustaja aamuvuoroissa", level: "A2_1", path: "FAST", plan: 16, evening: true, needs: "Työssä aamuvuoroissa; vain iltaopetus sopii." },
  { key: "dmytro", office: "office-helsinki", first: "Dmytro", last: "Kravchenko", born: "1994-07-07", lang: "uk", native: "ukraina", lit: "OTHER_SCRIPT", school: 16, edu: "Kandidaatti (tietotekniikka), Harkova", work: "Verkkoasentaja 5 v", level: "A1_3", path: "FAST", plan: 8 },
  { key: "shabnam", office: "office-helsinki", first: "Shabnam", last: "Karimi", born: "1991-02-14", idn: 532, lang: "en", native: "farsi", lit: "OTHER_SCRIPT", school: 16, edu: "Kandidaatti (arkkitehtuuri), Iran", work: "Arkkitehtiavustaja 4 v", level: "A2_1", path: "FAST", plan: 13 },
  { key: "iryna", office: "office-helsinki", first: "Iryna", last: "Bondarenko", born: "1986-09-09", idn: 654, lang: "uk", native: "ukraina", lit: "OTHER_SCRIPT", school: 19, edu: "Lääketieteen lisensiaatti, Ukraina", work: "Yleislääkäri 8 v", level: "A1_3", path: "FAST", plan: 9 },
  { key: "mariajose", office: "office-helsinki", first: "María José", last: "Fernández", born: "1990-05-25", idn: 788, lang: "en", native: "espanja", lit: "LATIN_SCRIPT", school: 17, edu: "Maisteri (psykologia), Kolumbia", work: "Psykologi 6 v", level: "A2_1", path: "FAST", plan: 12 },
  { key: "hodan", office: "office-helsinki", first: "Hodan", last: "Abdi", born: "1982-01-01", idn: 812, lang: "fi", native: "somali", interpreter: true, lit: "NOT_LITERATE", school: 0, edu: "Ei muodollista koulutusta", work: "Kotiäiti", level: "A0", path: "LITERACY", plan: 10, childcare: true, needs: "Kaksi alle kouluikäistä lasta; tarvitsee lastenhoidon opintojen ajaksi." },
  { key: "mariam", office: "office-helsinki", first: "Mariam", last: "Saleh", born: "1975-06-12", idn: 344, lang: "ar", native: "arabia", interpreter: true, lit: "NOT_LITERATE", school: 2, edu: "Ei muodollista koulutusta", work: "Maataloustyöt", level: "A0", path: "LITERACY", plan: 9 },
  { key: "zahra", office: "office-helsinki", first: "Zahra", last: "Ahmadi", born: "1993-03-21", idn: 576, lang: "fi", native: "dari", interpreter: true, lit: "NOT_LITERATE", school: 0, edu: "Ei muodollista koulutusta (Afganistan)", work: "Käsityöt; kotiäiti", level: "A0", path: "LITERACY", plan: 7 },
  { key: "yonas", office: "office-helsinki", first: "Yonas", last: "Gebremedhin", born: "1997-08-30", idn: 291, lang: "en", native: "tigrinja", lit: "OTHER_SCRIPT", school: 5, edu: "Alakoulu (Eritrea)", work: "Maatalous- ja rakennustyöt", level: "A0", path: "LITERACY", plan: 8, notes: "Muuttaa Tampereelle; asiakkuus siirtyy Pirkanmaalle." },
  { key: "faadumo", office: "office-helsinki", first: "Faadumo", last: "Mohamed", born: "1990-11-11", idn: 468, lang: "fi", native: "somali", interpreter: true, lit: "NOT_LITERATE", school: 1, edu: "Ei muodollista koulutusta", work: "Kotiäiti", level: "A0", path: "LITERACY", plan: 9, childcare: true, needs: "Kolme lasta, nuorin 1 v; tarvitsee lastenhoidon opintojen ajaksi." },
  { key: "senait", office: "office-helsinki", first: "Senait", last: "Tesfay", born: "1994-02-02", idn: 690, lang: "fi", native: "tigrinja", interpreter: true, lit: "OTHER_SCRIPT", school: 4, edu: "Alakoulu kesken (Eritrea)", work: "Kotiapulainen 3 v", level: "A0", path: "LITERACY", plan: 6 },
  { key: "farida", office: "office-helsinki", first: "Farida", last: "Osman", born: "1980-04-04", lang: "ar", native: "arabia", interpreter: true, lit: "NOT_LITERATE", school: 0, edu: "Ei muodollista koulutusta (Sudan)", work: "Kotiäiti; torikauppa", level: "A0", path: "LITERACY", plan: 7 },
  { key: "khadija", office: "office-helsinki", first: "Khadija", last: "Yusuf", born: "1978-07-15", idn: 726, lang: "fi", native: "somali", interpreter: true, lit: "NOT_LITERATE", school: 0, edu: "Ei muodollista koulutusta", work: "Kotiäiti", level: "A0", path: "LITERACY", plan: 34, noEmail: true, notes: "Ei sähköpostia: yhteydenpito puhelimitse tulkin kautta. Kotoutumisaika päättymässä." },
  { key: "bashir", office: "office-helsinki", first: "Bashir", last: "Noori", born: "1972-12-01", lang: "fi", native: "pashto", interpreter: true, lit: "NOT_LITERATE", school: 0, edu: "Ei muodollista koulutusta", work: "Maanviljelijä; rakennustyöt", level: "A0", path: "LITERACY", plan: 5 },
  { key: "nasrin", office: "office-helsinki", first: "Nasrin", last: "Haidari", born: "1988-09-27", lang: "fi", native: "dari", interpreter: true, lit: "NOT_LITERATE", school: 1, edu: "Ei muodollista koulutusta", work: "Ompelutyöt kotona", level: "A0", path: "LITERACY", plan: 4 },
  { key: "sahra", office: "office-helsinki", first: "Sahra", last: "Jama", born: "1999-05-05", lang: "fi", native: "somali", interpreter: true, lit: "NOT_LITERATE", school: 2, edu: "Ei muodollista koulutusta", level: "A0", path: "LITERACY", plan: 4 },
  { key: "ayaan", office: "office-helsinki", first: "Ayaan", last: "Hussein", born: "2001-10-20", lang: "fi", native: "somali", interpreter: true, lit: "NOT_LITERATE", school: 3, edu: "Alakoulu kesken (Somalia)", level: "A0", path: "LITERACY", plan: 3 },
  { key: "oksana", office: "office-helsinki", first: "Oksana", last: "Tkachenko", born: "1990-03-03", idn: 412, lang: "uk", native: "ukraina", lit: "OTHER_SCRIPT", school: 13, edu: "Ammatillinen koulutus (kampaaja), Ukraina", work: "Kampaaja 10 v", level: "A1_2", path: "BASIC", plan: 14, childcare: true, needs: "Puoliso hoitaa lapset iltaisin; iltaopetus sopii parhaiten." },
  { key: "natalia", office: "office-helsinki", first: "Natalia", last: "Petrova", born: "1981-12-24", idn: 860, lang: "ru", native: "venäjä", lit: "OTHER_SCRIPT", school: 16, edu: "Korkeakoulututkinto (kauppatiede), Venäjä", work: "Myyntipäällikkö 10 v; nyt siivooja päivävuorossa", level: "A2_1", path: "BASIC", plan: 20, evening: true, needs: "Työssä päivisin; vain iltaopetus." },
  { key: "thutrang", office: "office-helsinki", first: "Thu Trang", last: "Pham", born: "1995-06-18", idn: 574, lang: "en", native: "vietnam", lit: "LATIN_SCRIPT", school: 12, edu: "Lukio (Vietnam)", work: "Kynsiteknikko 4 v; leipomotyöntekijä aamuvuorossa", level: "A1_3", path: "BASIC", plan: 11, evening: true },
  { key: "fereshteh", office: "office-helsinki", first: "Fereshteh", last: "Hosseini", born: "1968-08-08", lang: "fi", native: "dari", interpreter: true, lit: "OTHER_SCRIPT", school: 3, edu: "Alakoulu kesken (Afganistan)", work: "Kotiäiti", level: "A0", path: "SLOW", plan: 6, needs: "Selkävaiva; tarvitsee taukoja ja tuolin selkänojalla." },
  { key: "aziz", office: "office-helsinki", first: "Aziz", last: "Rahimi", born: "1965-02-17", idn: 233, lang: "fi", native: "dari", interpreter: true, lit: "OTHER_SCRIPT", school: 4, edu: "Alakoulu (Afganistan)", work: "Räätäli 30 v", level: "A0", path: "SLOW", plan: 12 },
  { key: "kateryna", office: "office-helsinki", first: "Kateryna", last: "Lysenko", born: "1992-01-29", idn: 398, lang: "uk", native: "ukraina", lit: "OTHER_SCRIPT", school: 17, edu: "Maisteri (kääntäminen), Lviv", work: "Kääntäjä 6 v", level: "A2_1", path: "BASIC", plan: 17, access: true, needs: "Käyttää pyörätuolia; etäopetus toivottu." },
  { key: "amani", office: "office-helsinki", first: "Amani", last: "Mwangi", born: "1989-11-02", idn: 772, lang: "en", native: "swahili", lit: "LATIN_SCRIPT", school: 14, edu: "Opistotutkinto (hotelli- ja ravintola-ala), Kenia", work: "Hotellin vastaanottovirkailija 6 v", level: "A2_2", path: "BASIC", plan: 19 },
  { key: "emily", office: "office-helsinki", first: "Emily", last: "Carter", born: "1991-09-14", idn: 508, lang: "sv", native: "englanti", lit: "LATIN_SCRIPT", school: 16, edu: "Bachelor (sosiologia), USA", work: "Projektikoordinaattori 5 v", level: "A1_1", path: "BASIC", plan: 6, notes: "Puoliso suomenruotsalainen; perhe ruotsinkielinen, haluaa opiskella ruotsia." },
  { key: "mateo", office: "office-helsinki", first: "Mateo", last: "García", born: "1987-05-19", idn: 339, lang: "sv", native: "espanja", lit: "LATIN_SCRIPT", school: 15, edu: "Ammattikorkeakoulu (matkailu), Espanja", work: "Matkaopas 7 v", level: "A0", path: "BASIC", plan: 5 },
  { key: "hana", office: "office-helsinki", first: "Hana", last: "Yoshida", born: "1994-12-12", lang: "en", native: "japani", lit: "OTHER_SCRIPT", school: 16, edu: "Kandidaatti (musiikki), Japani", work: "Pianonopettaja 5 v", level: "A1_2", path: "BASIC", plan: 4 },
  { key: "liis", office: "office-helsinki", first: "Liis", last: "Kask", born: "1993-07-01", idn: 676, lang: "sv", native: "viro", lit: "LATIN_SCRIPT", school: 16, edu: "Kandidaatti (logistiikka), Tallinna", work: "Logistiikkakoordinaattori 6 v", level: "A1_3", path: "FAST", plan: 8, notes: "Työnantaja ruotsinkielinen; opiskelee ruotsia." },
  { key: "abdullahi", office: "office-helsinki", first: "Abdullahi", last: "Nur", born: "2000-03-15", lang: "fi", native: "somali", interpreter: true, lit: "LATIN_SCRIPT", school: 6, edu: "Alakoulu (Somalia)", level: null, path: "BASIC", noEmail: true, notes: "Osaamisen ja palvelutarpeen arviointi kesken; tasotesti varattu ensi viikolle." },
  // Vantaan ja Keravan työllisyysalue ---------------------------------------------------------
  { key: "grace", office: "office-vantaa", first: "Grace", last: "Okafor", born: "1990-02-08", idn: 242, lang: "en", native: "igbo", lit: "LATIN_SCRIPT", school: 16, edu: "Kandidaatti (kemia), Nigeria", work: "Laboratorioassistentti 4 v", level: "A1_3", path: "FAST", plan: 8 },
  { key: "kristjan", office: "office-vantaa", first: "Kristjan", last: "Tamm", born: "1985-10-10", idn: 151, lang: "fi", native: "viro", lit: "LATIN_SCRIPT", school: 12, edu: "Ammatillinen koulutus (sähköasentaja), Viro", work: "Sähköasentaja 14 v", level: "A2_2", path: "FAST", plan: 10, notes: "Sai vakituisen työpaikan; jatkaa suomen opintoja työn ohessa." },
  { key: "rajesh", office: "office-vantaa", first: "Rajesh", last: "Kumar", born: "1986-06-26", idn: 227, lang: "en", native: "hindi", lit: "LATIN_SCRIPT", school: 18, edu: "Maisteri (tietojenkäsittely), Intia", work: "Ohjelmistotestaaja 9 v", level: "A1_3", path: "FAST", plan: 7 },
  { key: "priya", office: "office-vantaa", first: "Priya", last: "Nair", born: "1992-08-19", idn: 660, lang: "en", native: "malajalam", lit: "LATIN_SCRIPT", school: 16, edu: "Kandidaatti (hoitotyö), Intia", work: "Sairaanhoitaja 6 v", level: "A1_3", path: "FAST", plan: 9 },
  { key: "aleksei", office: "office-vantaa", first: "Aleksei", last: "Smirnov", born: "1984-03-31", idn: 183, lang: "ru", native: "venäjä", lit: "OTHER_SCRIPT", school: 17, edu: "Diplomi-insinööri (konetekniikka), Venäjä", work: "Koneinsinööri 12 v", level: "A2_1", path: "FAST", plan: 14, town: "Kerava" },
  { key: "carlos", office: "office-vantaa", first: "Carlos", last: "Ramírez", born: "1991-12-03", idn: 319, lang: "en", native: "espanja", lit: "LATIN_SCRIPT", school: 16, edu: "Insinööri (rakennus), Venezuela", work: "Työmaainsinööri 5 v", level: "A1_3", path: "FAST", plan: 10 },
  { key: "lucia", office: "office-vantaa", first: "Lucía", last: "Herrera", born: "1996-04-17", idn: 434, lang: "en", native: "espanja", lit: "LATIN_SCRIPT", school: 15, edu: "Kandidaatti (graafinen suunnittelu), Argentiina", work: "Graafikko 4 v", level: "A1_3", path: "FAST", plan: 9 },
  { key: "jeanpierre", office: "office-vantaa", first: "Jean-Pierre", last: "Habimana", born: "1989-07-25", lang: "en", native: "ranska", lit: "LATIN_SCRIPT", school: 16, edu: "Kandidaatti (kirjanpito), Ruanda", work: "Kirjanpitäjä 5 v", level: "A1_3", path: "FAST", plan: 4 },
  { key: "tatiana", office: "office-vantaa", first: "Tatiana", last: "Popescu", born: "1983-01-13", idn: 598, lang: "ru", native: "romania", lit: "LATIN_SCRIPT", school: 15, edu: "Opistotutkinto (laboratorioala), Moldova", work: "Laboratoriohoitaja 10 v", level: "A2_1", path: "FAST", plan: 35, town: "Kerava", notes: "Kotoutumisaika päättyy pian; nopea polku tukee työllistymistä laboratorioalalle." },
  { key: "siriporn", office: "office-vantaa", first: "Siriporn", last: "Kaewkla", born: "1979-09-05", idn: 746, lang: "en", native: "thai", lit: "OTHER_SCRIPT", school: 9, edu: "Peruskoulu (Thaimaa)", work: "Ravintolakokki 15 v, päivävuorot", level: "A1_1", path: "BASIC", plan: 12, evening: true, needs: "Työssä päivisin; vain iltaopetus." },
  { key: "vanminh", office: "office-vantaa", first: "Van Minh", last: "Tran", born: "1983-11-28", lang: "fi", native: "vietnam", interpreter: true, lit: "LATIN_SCRIPT", school: 9, edu: "Peruskoulu (Vietnam)", work: "Kalanjalostus 10 v", level: "A0", path: "BASIC", plan: 5 },
  { key: "mykola", office: "office-vantaa", first: "Mykola", last: "Hrytsenko", born: "1963-04-02", lang: "uk", native: "ukraina", lit: "OTHER_SCRIPT", school: 10, edu: "Ammattikoulu (traktorinkuljettaja), Ukraina", work: "Maatilan mekaanikko 30 v", level: "A0", path: "SLOW", plan: 8, access: true, needs: "Kuulolaite; istumapaikka opettajan lähellä." },
  { key: "asha", office: "office-vantaa", first: "Asha", last: "Omar", born: "1997-10-09", lang: "fi", native: "somali", interpreter: true, lit: "NOT_LITERATE", school: 0, edu: "Ei muodollista koulutusta", work: "Kotiäiti", level: "A0", path: "LITERACY", plan: 4, childcare: true, needs: "Vauva (8 kk); tarvitsee lastenhoidon." },
  { key: "layla", office: "office-vantaa", first: "Layla", last: "Mahmoud", born: "1987-05-06", idn: 486, lang: "ar", native: "arabia", lit: "OTHER_SCRIPT", school: 12, edu: "Ylioppilastutkinto (Irak)", work: "Kampaamotyöntekijä 6 v", level: "A1_3", path: "BASIC", plan: 15 },
  { key: "abdirahman", office: "office-vantaa", first: "Abdirahman", last: "Warsame", born: "1992-12-22", idn: 255, lang: "en", native: "somali", lit: "LATIN_SCRIPT", school: 12, edu: "Lukio (Kenia)", work: "Kuljettaja 5 v", level: "A2_1", path: "BASIC", plan: 20 },
  { key: "dilan", office: "office-vantaa", first: "Dilan", last: "Kaya", born: "1994-06-30", idn: 592, lang: "fi", native: "kurdi (kurmandzi)", lit: "LATIN_SCRIPT", school: 11, edu: "Lukio (Turkki)", work: "Tekstiilityöntekijä 5 v", level: "A2_1", path: "BASIC", plan: 18, town: "Kerava" },
  { key: "helen", office: "office-vantaa", first: "Helen", last: "Tekle", born: "1995-03-16", idn: 628, lang: "en", native: "tigrinja", lit: "OTHER_SCRIPT", school: 10, edu: "Lukio kesken (Eritrea)", work: "Hoiva-avustaja 2 v", level: "A1_3", path: "BASIC", plan: 13 },
  { key: "aylin", office: "office-vantaa", first: "Aylin", last: "Demir", born: "1990-08-24", idn: 724, lang: "en", native: "turkki", lit: "LATIN_SCRIPT", school: 16, edu: "Kandidaatti (kauppatiede), Turkki", work: "Asiakaspalvelu 6 v", level: "A2_2", path: "BASIC", plan: 11 },
  { key: "omar", office: "office-vantaa", first: "Omar", last: "Al-Rashid", born: "1981-10-14", idn: 377, lang: "ar", native: "arabia", lit: "OTHER_SCRIPT", school: 12, edu: "Ylioppilastutkinto (Irak)", work: "Taksinkuljettaja 10 v", level: "A1_3", path: "BASIC", plan: 14, notes: "Ei vastannut tarjoukseen ajoissa; tavoitettu puhelimitse, miettii jatkoa." },
];

/** Who assessed each office's clients: its demo official. */
const ASSESSOR_OF: Readonly<Record<OfficeKey, string>> = { "office-helsinki": "Sanna Virtanen", "office-vantaa": "Mikko Korhonen" };
/** The integration programme exists since the Integration Act 681/2023 came into force. */
const PROGRAMME_SINCE = parseDate("2025-01-01");

// ---------------------------------------------------------------------------------------------
// Builder
// ---------------------------------------------------------------------------------------------

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const LEVEL_ORDER: readonly LanguageLevel[] = ["A0", "A1_1", "A1_2", "A1_3", "A2_1", "A2_2", "B1_1", "B1_2", "B2_1", "B2_2", "C1_1"];
// The one state machine: the demo story is checked against the engine's own rules.
const isHeld = holdsSeat;
export { isHeld, isLive };

type Step =
  | { do: "offer"; at: Date; reason: string }
  | { do: "accept"; at: Date }
  | { do: "confirm"; at: Date; reason: string }
  | { do: "autoConfirm" }
  | { do: "start"; at: Date }
  | { do: "decline"; at: Date; reason: string }
  | { do: "expire" }
  | { do: "cancel"; at: Date; by: "office" | "provider"; reason: string }
  | { do: "withdraw"; at: Date; reason: string }
  | { do: "interrupt"; at: Date; reason: string };

function slug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
}

function finnishDate(date: Date): string {
  return `${date.getUTCDate()}.${date.getUTCMonth() + 1}.${date.getUTCFullYear()}`;
}

/**
 * The demo data as of `today`. Date-only fields use the UTC calendar date of `today`; timestamps
 * are placed on earlier days (never later than the start of that day) at office hours.
 */
export function buildDemoData(today: Date = new Date()): DemoData {
  const dayStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const day = (offset: number) => new Date(dayStart + offset * DAY);
  /** A moment `offset` days from today at hh:mm UTC (Helsinki is UTC+2/+3). */
  const at = (offset: number, hh: number, mm = 0) => new Date(dayStart + offset * DAY + hh * HOUR + mm * MINUTE);
  const later = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);
  /** Day offset of the first Monday on or after `offset` days from today. */
  const mondayFrom = (offset: number) => offset + ((8 - day(offset).getUTCDay()) % 7);
  const monthsAgo = (months: number) => {
    const t = new Date(dayStart);
    return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - months, Math.min(t.getUTCDate(), 28)));
  };
  const addMonths = (date: Date, months: number) =>
    new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));

  // Courses ----------------------------------------------------------------------------------
  const RUNNING_START = mondayFrom(-24);
  type CourseSpec = Omit<DemoCourse, "startsOn" | "endsOn" | "referralOpensOn" | "referralClosesOn" | "createdAt" | "offerResponseHours" | "confirmOnReferral" | "status" | "statusReason" | "remote" | "address"> & {
    start: number;
    weeks: number;
    opens: number;
    /** Days relative to the start; default one week before it. */
    closes?: number;
    address?: string | null;
    remote?: boolean;
    offerResponseHours?: number;
    confirmOnReferral?: boolean;
    status?: CourseStatus;
    statusReason?: string | null;
  };
  const AIKUISOPISTO = "Opistokatu 4, 00530 Helsinki";
  const KAJEN = "Kajgatan 12, 00170 Helsingfors";
  const specs: CourseSpec[] = [
    {
      key: "suomi1-paiva-kallio",
      provider: "provider-aikuisopisto",
      name: "Suomi 1 – perusopetus, päiväryhmä (Kallio)",
      description:
        "Perusopetuksen ensimmäinen jakso: arjen suomea, kuullun ymmärtämistä ja yhteiskuntatietoa. Jatkuva haku kuuden ensimmäisen viikon ajan: vapautuville paikoille otetaan jonosta.",
      instructionLanguage: "FI",
      studyPath: "BASIC",
      levelFrom: "A0",
      levelTo: "A1_2",
      targetLevel: "A1_3",
      municipality: "Helsinki",
      address: AIKUISOPISTO,
      schedule: "DAY",
      start: RUNNING_START,
      weeks: 20,
      hoursPerWeek: 25,
      capacity: 10,
      opens: -90,
      closes: 42,
    },
    {
      key: "tyoelaman-suomi-nopea",
      provider: "provider-virta",
      name: "Työelämän suomi – nopea polku (Tikkurila)",
      description:
        "Nopean polun koulutus opiskelutottuneille: työelämän viestintää, ammattisanastoa ja työssäoppimisjakso. Tavoitteena toimiva peruskielitaito B1.1.",
      instructionLanguage: "FI",
      studyPath: "FAST",
      levelFrom: "A1_3",
      levelTo: "A2_2",
      targetLevel: "B1_1",
      municipality: "Vantaa",
      address: "Virtakuja 2, 01300 Vantaa",
      schedule: "DAY",
      start: mondayFrom(33),
      weeks: 24,
      hoursPerWeek: 25,
      capacity: 10,
      opens: -45,
    },
    {
      key: "lukutaito-itakeskus",
      provider: "provider-aikuisopisto",
      name: "Lukutaitokoulutus – suomen kieli ja arjen taidot (Itäkeskus)",
      description:
        "Luku- ja kirjoitustaidon perusteet latinalaisilla kirjaimilla, numerot ja arjen asiointi. Pienryhmä, omankielinen ohjaaja osalla tunneista; opiston päiväkodissa hoitopaikkoja.",
      instructionLanguage: "FI",
      studyPath: "LITERACY",
      levelFrom: "A0",
      levelTo: "A1_1",
      targetLevel: "A1_2",
      municipality: "Helsinki",
      address: "Kielikuja 2, 00930 Helsinki",
      schedule: "DAY",
      start: mondayFrom(40),
      weeks: 30,
      hoursPerWeek: 20,
      capacity: 8,
      opens: -60,
    },
    {
      key: "suomi2-ilta",
      provider: "provider-aikuisopisto",
      name: "Suomi 2 – perusopetus, iltaryhmä",
      description: "Perusopetuksen toinen jakso työssäkäyville ja perheellisille: neljä iltaa viikossa klo 17–20.",
      instructionLanguage: "FI",
      studyPath: "BASIC",
      levelFrom: "A1_2",
      levelTo: "A2_1",
      targetLevel: "A2_2",
      municipality: "Helsinki",
      address: AIKUISOPISTO,
      schedule: "EVENING",
      start: mondayFrom(28),
      weeks: 26,
      hoursPerWeek: 12,
      capacity: 16,
      opens: -30,
      closes: -5,
      offerResponseHours: 48,
    },
    {
      key: "suomi1-ilta-myyrmaki",
      provider: "provider-virta",
      name: "Suomi 1 – perusopetus, iltaryhmä (Myyrmäki)",
      description: "Perusopetuksen ensimmäinen jakso iltaisin: arjen suomea ja yhteiskuntatietoa.",
      instructionLanguage: "FI",
      studyPath: "BASIC",
      levelFrom: "A0",
      levelTo: "A1_2",
      targetLevel: "A1_3",
      municipality: "Vantaa",
      address: "Myyränpolku 5, 01600 Vantaa",
      schedule: "EVENING",
      start: mondayFrom(56),
      weeks: 26,
      hoursPerWeek: 12,
      capacity: 14,
      opens: -30,
    },
    {
      key: "hidas-leppavaara",
      provider: "provider-virta",
      name: "Suomea omaan tahtiin – hidas polku (Leppävaara)",
      description:
        "Hitaan polun koulutus niille, joille opiskelu on uutta tai vaikeaa: paljon toistoa, toiminnallisia menetelmiä ja tauotusta.",
      instructionLanguage: "FI",
      studyPath: "SLOW",
      levelFrom: "A0",
      levelTo: "A1_2",
      targetLevel: "A1_3",
      municipality: "Espoo",
      address: "Opinahjontie 8, 02650 Espoo",
      schedule: "DAY",
      start: mondayFrom(63),
      weeks: 36,
      hoursPerWeek: 15,
      capacity: 12,
      opens: -40,
    },
    {
      key: "suomi3-eta",
      provider: "provider-aikuisopisto",
      name: "Suomi 3 – kohti B1-tasoa, etäopetus",
      description:
        "Perusopetuksen viimeinen jakso verkossa: suorat etätunnit arkipäivisin ja itsenäisiä tehtäviä. Paikka vahvistetaan suoraan ohjauksen yhteydessä.",
      instructionLanguage: "FI",
      studyPath: "BASIC",
      levelFrom: "A2_1",
      levelTo: "A2_2",
      targetLevel: "B1_1",
      municipality: "Helsinki",
      address: null,
      remote: true,
      schedule: "DAY",
      start: mondayFrom(49),
      weeks: 20,
      hoursPerWeek: 20,
      capacity: 20,
      opens: -30,
      confirmOnReferral: true,
    },
    {
      key: "svenska-grund-kvall",
      provider: "provider-kajen",
      name: "Svenska för invandrare – grundkurs, kvällsgrupp",
      description: "Integrationsutbildning på svenska: vardagssvenska, samhällskunskap och arbetsliv. Tre kvällar i veckan.",
      instructionLanguage: "SV",
      studyPath: "BASIC",
      levelFrom: "A0",
      levelTo: "A1_3",
      targetLevel: "A2_1",
      municipality: "Helsinki",
      address: KAJEN,
      schedule: "EVENING",
      start: mondayFrom(52),
      weeks: 26,
      hoursPerWeek: 12,
      capacity: 12,
      opens: -40,
    },
    {
      key: "svenska-snabb",
      provider: "provider-kajen",
      name: "Snabbspår i svenska – arbetsliv och samhälle",
      description: "Snabb studieväg på svenska för studievana: arbetslivssvenska, praktik och mål B1.1.",
      instructionLanguage: "SV",
      studyPath: "FAST",
      levelFrom: "A1_2",
      levelTo: "A2_2",
      targetLevel: "B1_1",
      municipality: "Helsinki",
      address: KAJEN,
      schedule: "DAY",
      start: mondayFrom(80),
      weeks: 24,
      hoursPerWeek: 25,
      capacity: 10,
      opens: -30,
    },
    {
      key: "svenska-distans",
      provider: "provider-kajen",
      name: "Svenska på distans – grundkurs",
      description: "Distansundervisning på kvällstid. Under planering: tidtabellen bekräftas innan kursen publiceras.",
      instructionLanguage: "SV",
      studyPath: "BASIC",
      levelFrom: "A1_1",
      levelTo: "A2_1",
      targetLevel: "A2_2",
      municipality: "Helsinki",
      address: null,
      remote: true,
      schedule: "EVENING",
      start: mondayFrom(110),
      weeks: 20,
      hoursPerWeek: 10,
      capacity: 15,
      opens: 0,
      status: "DRAFT",
    },
    {
      key: "nopea-ilta",
      provider: "provider-aikuisopisto",
      name: "Suomea työelämään – nopea polku, iltaryhmä",
      description: "Nopean polun jatkokurssi työssäkäyville: työelämän viestintä, YKI-valmennus ja yhteiskuntaopin jakso.",
      instructionLanguage: "FI",
      studyPath: "FAST",
      levelFrom: "A2_1",
      levelTo: "B1_1",
      targetLevel: "B1_2",
      municipality: "Helsinki",
      address: AIKUISOPISTO,
      schedule: "EVENING",
      start: mondayFrom(70),
      weeks: 20,
      hoursPerWeek: 12,
      capacity: 18,
      opens: -45,
    },
    {
      key: "lukutaito-hakunila",
      provider: "provider-virta",
      name: "Lukutaitokoulutus (Hakunila)",
      description: "Luku- ja kirjoitustaidon koulutus pienryhmässä; lastenhoito järjestetty samassa rakennuksessa.",
      instructionLanguage: "FI",
      studyPath: "LITERACY",
      levelFrom: "A0",
      levelTo: "A1_1",
      targetLevel: "A1_2",
      municipality: "Vantaa",
      address: "Hakunilan opintotie 3, 01200 Vantaa",
      schedule: "DAY",
      start: mondayFrom(120),
      weeks: 36,
      hoursPerWeek: 20,
      capacity: 10,
      opens: -20,
    },
    {
      key: "hidas-ilta",
      provider: "provider-aikuisopisto",
      name: "Suomi arjessa – hidas polku, iltaryhmä",
      description: "Hitaan polun koulutus iltaisin: arjen tilanteita, toistoa ja tukea omalla kielellä.",
      instructionLanguage: "FI",
      studyPath: "SLOW",
      levelFrom: "A0",
      levelTo: "A1_2",
      targetLevel: "A1_3",
      municipality: "Helsinki",
      address: AIKUISOPISTO,
      schedule: "EVENING",
      start: mondayFrom(150),
      weeks: 36,
      hoursPerWeek: 10,
      capacity: 12,
      opens: -40,
    },
    {
      key: "svenska-langsam",
      provider: "provider-kajen",
      name: "Svenska i vardagen – långsam studieväg",
      description: "Långsam studieväg på svenska med mycket repetition och praktiska övningar.",
      instructionLanguage: "SV",
      studyPath: "SLOW",
      levelFrom: "A0",
      levelTo: "A1_2",
      targetLevel: "A1_3",
      municipality: "Helsinki",
      address: KAJEN,
      schedule: "DAY",
      start: mondayFrom(165),
      weeks: 36,
      hoursPerWeek: 15,
      capacity: 8,
      opens: -10,
    },
    {
      key: "suomi-tyohon",
      provider: "provider-virta",
      name: "Suomi työhön – ammattisanastoa ja työelämätaitoja",
      description: "Perusopetuksen jatkokurssi, jossa työelämän suomea ja kaksi työssäoppimisjaksoa.",
      instructionLanguage: "FI",
      studyPath: "BASIC",
      levelFrom: "A1_3",
      levelTo: "A2_2",
      targetLevel: "B1_1",
      municipality: "Vantaa",
      address: "Virtakuja 2, 01300 Vantaa",
      schedule: "DAY",
      start: mondayFrom(16),
      weeks: 20,
      hoursPerWeek: 25,
      capacity: 8,
      opens: -50,
      status: "CLOSED",
    },
  ];

  const courses: DemoCourse[] = specs.map((s) => {
    const startsOn = day(s.start);
    const status = s.status ?? "PUBLISHED";
    const closes = status === "CLOSED" ? -3 : s.start + (s.closes ?? -7);
    return {
      key: s.key,
      provider: s.provider,
      name: s.name,
      description: s.description,
      instructionLanguage: s.instructionLanguage,
      studyPath: s.studyPath,
      levelFrom: s.levelFrom,
      levelTo: s.levelTo,
      targetLevel: s.targetLevel,
      municipality: s.municipality,
      address: s.address ?? null,
      remote: s.remote ?? false,
      schedule: s.schedule,
      startsOn,
      endsOn: day(s.start + s.weeks * 7 - 3),
      hoursPerWeek: s.hoursPerWeek,
      capacity: s.capacity,
      referralOpensOn: day(s.opens),
      referralClosesOn: day(closes),
      offerResponseHours: s.offerResponseHours ?? 72,
      confirmOnReferral: s.confirmOnReferral ?? false,
      status,
      statusReason: status === "CLOSED" ? `Haku päättyi; ryhmä aloittaa ${finnishDate(startsOn)}.` : null,
      createdAt: at(s.opens - 14, 8, 30),
    };
  });
  const courseByKey = new Map(courses.map((c) => [c.key, c]));

  // Clients ----------------------------------------------------------------------------------
  const phonePrefixes = ["40", "44", "45", "50"] as const;
  const clients: DemoClient[] = CLIENT_ROWS.map((row, i) => {
    const planStart = row.plan === undefined ? null : monthsAgo(row.plan);
    const registered = planStart ? new Date(planStart.getTime() - 20 * DAY + 9 * HOUR) : at(-3, 9, 15);
    const digits = String(1_000_000 + ((i + 1) * 7_654_321) % 8_999_999).padStart(7, "0");
    return {
      key: row.key,
      office: row.office,
      firstName: row.first,
      lastName: row.last,
      dateOfBirth: parseDate(row.born),
      identityCode: row.idn === undefined ? null : makeIdentityCode(row.born, row.idn),
      email: row.noEmail ? null : `${slug(row.first)}.${slug(row.last)}@${i % 3 === 2 ? "example.org" : "example.com"}`,
      phone: `+358 ${phonePrefixes[i % phonePrefixes.length] ?? "40"} ${digits.slice(0, 3)} ${digits.slice(3)}`,
      municipality: row.town ?? (row.office === "office-helsinki" ? "Helsinki" : "Vantaa"),
      preferredLanguage: row.lang,
      nativeLanguage: row.native,
      interpreterNeeded: row.interpreter ?? false,
      literacy: row.lit,
      yearsOfSchooling: row.school,
      highestEducation: row.edu,
      workExperience: row.work ?? null,
      languageLevel: row.level,
      placementTestOn: row.level === null ? null : planStart ? new Date(planStart.getTime() - 10 * DAY) : day(-2),
      studyPath: row.path,
      integrationPlanStartsOn: planStart,
      integrationPlanEndsOn: planStart ? addMonths(planStart, 36) : null,
      assessedOn: planStart ? new Date(planStart.getTime() - 12 * DAY) : null,
      assessedBy: planStart ? (row.path === "LITERACY" || row.interpreter ? `${ASSESSOR_OF[row.office]}, monialainen arviointi hyvinvointialueen kanssa` : ASSESSOR_OF[row.office]) : null,
      inIntegrationProgramme: planStart !== null && planStart >= PROGRAMME_SINCE,
      needsChildcare: row.childcare ?? false,
      needsAccessibility: row.access ?? false,
      eveningOnly: row.evening ?? false,
      specialNeeds: row.needs ?? null,
      notes: row.notes ?? null,
      createdAt: registered,
    };
  });
  const clientByKey = new Map(clients.map((c) => [c.key, c]));

  // Enrolments -------------------------------------------------------------------------------
  const enrolments: DemoEnrolment[] = [];

  function refer(
    clientKey: string,
    courseKey: string,
    referredAt: Date,
    steps: Step[],
    options: { urgent?: string; note?: string } = {},
  ): void {
    const client = clientByKey.get(clientKey);
    const course = courseByKey.get(courseKey);
    if (!client || !course) throw new Error(`Demo data: unknown client ${clientKey} or course ${courseKey}`);
    const official = OFFICIAL_OF[client.office];
    const staff = STAFF_OF[course.provider];
    const e: DemoEnrolment = {
      client: clientKey,
      course: courseKey,
      status: "WAITLISTED",
      priority: options.urgent ? "URGENT" : "NORMAL",
      priorityReason: options.urgent ?? null,
      queueOrder: referredAt.getTime(),
      referredAt,
      referredByEmail: official,
      referralNote: options.note ?? null,
      offeredAt: null,
      offerExpiresAt: null,
      confirmedAt: null,
      startedAt: null,
      endedAt: null,
      statusReason: null,
      events: [
        {
          at: referredAt,
          actorKind: "USER",
          actorEmail: official,
          fromStatus: null,
          toStatus: "WAITLISTED",
          reason: options.note ?? null,
          data: options.urgent ? { priority: "URGENT" } : null,
        },
      ],
    };
    const move = (
      when: Date,
      to: EnrolmentStatus,
      actorKind: ActorKind,
      actorEmail: string | null,
      reason: string | null,
      data: Record<string, string> | null = null,
    ) => {
      if (!canTransition(e.status, to)) throw new Error(`Demo data: ${clientKey}@${courseKey}: ${e.status} → ${to}`);
      e.events.push({ at: when, actorKind, actorEmail, fromStatus: e.status, toStatus: to, reason, data });
      e.status = to;
      e.statusReason = reason;
      if (!isLive(to)) e.endedAt = when;
    };
    const offer = (when: Date, reason: string) => {
      e.offeredAt = when;
      e.offerExpiresAt = new Date(when.getTime() + course.offerResponseHours * HOUR);
      move(when, "OFFERED", "SYSTEM", null, reason, { offerExpiresAt: e.offerExpiresAt.toISOString() });
    };
    for (const step of steps) {
      switch (step.do) {
        case "offer":
          offer(step.at, step.reason);
          break;
        case "accept":
          e.confirmedAt = step.at;
          move(step.at, "CONFIRMED", "CLIENT", null, null);
          break;
        case "confirm":
          e.confirmedAt = step.at;
          move(step.at, "CONFIRMED", "USER", staff, step.reason);
          break;
        case "autoConfirm": {
          offer(later(referredAt, 1), "Kurssilla oli vapaa paikka ohjaushetkellä.");
          const when = later(referredAt, 2);
          e.confirmedAt = when;
          move(when, "CONFIRMED", "SYSTEM", null, "Kurssi vahvistaa paikan suoraan ohjauksen yhteydessä.");
          break;
        }
        case "start":
          e.startedAt = step.at;
          move(step.at, "STARTED", "USER", staff, null);
          break;
        case "decline":
          move(step.at, "DECLINED", "CLIENT", null, step.reason);
          break;
        case "expire": {
          if (!e.offerExpiresAt) throw new Error(`Demo data: ${clientKey}@${courseKey} expires without an offer`);
          move(e.offerExpiresAt, "EXPIRED", "SYSTEM", null, "Vastausaika päättyi.");
          break;
        }
        case "cancel":
          move(step.at, "CANCELLED", "USER", step.by === "office" ? official : staff, step.reason);
          break;
        case "withdraw":
          move(step.at, "WITHDRAWN", "SYSTEM", null, step.reason);
          break;
        case "interrupt":
          move(step.at, "INTERRUPTED", "USER", staff, step.reason);
          break;
      }
    }
    enrolments.push(e);
  }

  // Step helpers.
  const SEAT_FREE = "Kurssilla oli vapaa paikka ohjaushetkellä.";
  const offerNow = (referredAt: Date): Step => ({ do: "offer", at: later(referredAt, 1), reason: SEAT_FREE });
  const offerFreed = (when: Date, why: string): Step => ({ do: "offer", at: later(when, 1), reason: `${why} Paikka tarjottiin jonossa ensimmäisenä olevalle.` });
  const accept = (when: Date): Step => ({ do: "accept", at: when });
  const confirm = (when: Date, reason = "Asiakas vahvisti paikan puhelimessa."): Step => ({ do: "confirm", at: when, reason });
  const BY_PHONE_WITH_INTERPRETER = "Vahvistettu puhelimessa tulkin avulla.";

  // 1. Suomi 1, Kallio: started three weeks ago, full. A student left for a job two days ago, the
  //    freed seat went to the first in the queue at once, three more wait.
  const s1 = at(RUNNING_START, 6, 30);
  const start: Step = { do: "start", at: s1 };
  const kallio = "suomi1-paiva-kallio";
  const ahmad = at(-80, 7, 5);
  refer("ahmad", kallio, ahmad, [offerNow(ahmad), accept(at(-79, 15, 20)), start]);
  const rania = at(-78, 8, 30);
  refer("rania", kallio, rania, [offerNow(rania), confirm(at(-76, 9), "Vahvistettu puhelimessa; lapsille päivähoitopaikka opintojen ajaksi."), start]);
  const andrii = at(-75, 10, 10);
  refer("andrii", kallio, andrii, [offerNow(andrii), accept(at(-75, 18, 45)), start]);
  const svetlana = at(-71, 7, 50);
  refer("svetlana", kallio, svetlana, [offerNow(svetlana), accept(at(-70, 6, 30)), start]);
  const ali = at(-66, 11);
  refer("ali", kallio, ali, [offerNow(ali), accept(at(-64, 9, 15)), start]);
  const rebin = at(-62, 8, 20);
  refer("rebin", kallio, rebin, [offerNow(rebin), confirm(at(-60, 10), BY_PHONE_WITH_INTERPRETER), start]);
  const thilan = at(-58, 9, 40);
  refer("thilan", kallio, thilan, [offerNow(thilan), accept(at(-57, 12)), start]);
  const daniel = at(-55, 7, 15);
  refer("daniel", kallio, daniel, [offerNow(daniel), accept(at(-55, 16)), start]);
  const mehmet = at(-51, 12, 30);
  const mehmetLeft = at(-2, 8);
  refer("mehmet", kallio, mehmet, [
    offerNow(mehmet),
    accept(at(-50, 8)),
    start,
    { do: "interrupt", at: mehmetLeft, reason: "Aloitti kokoaikatyön rakennusalalla; voi jatkaa myöhemmin iltaryhmässä." },
  ]);
  const wei = at(-47, 9);
  refer("wei", kallio, wei, [offerNow(wei), accept(at(-46, 10, 30)), start]);
  refer("yousef", kallio, at(-30, 8), [offerFreed(mehmetLeft, "Opiskelija keskeytti.")]);
  refer("shirin", kallio, at(-20, 10, 30), [], { note: "Tarvitsee tulkin ensimmäisille tapaamisille (kurmandzi)." });
  refer("tesfaye", kallio, at(-12, 7, 45), []);
  refer("nattaya", kallio, at(-6, 11, 15), []);

  // 2. Työelämän suomi, Tikkurila: filled within two weeks of opening; a decline and an expiry
  //    moved the queue; two days ago a cancellation freed a seat, yesterday capacity went 9 → 10.
  //    An urgent referral now leads the queue.
  const tikkurila = "tyoelaman-suomi-nopea";
  const tikkurilaName = courseByKey.get(tikkurila)?.name ?? tikkurila;
  const olena = at(-40, 6, 10);
  const olenaAccepts = at(-39, 15);
  refer("olena", tikkurila, olena, [offerNow(olena), accept(olenaAccepts)]);
  const mohammad = at(-39, 7, 20);
  refer("mohammad", tikkurila, mohammad, [offerNow(mohammad), accept(at(-38, 19, 5))]);
  const grace = at(-38, 5, 45);
  refer("grace", tikkurila, grace, [offerNow(grace), accept(at(-37, 10))]);
  const kristjan = at(-36, 8, 5);
  const kristjanCancelled = at(-2, 9);
  refer("kristjan", tikkurila, kristjan, [
    offerNow(kristjan),
    accept(at(-36, 14, 30)),
    { do: "cancel", at: kristjanCancelled, by: "office", reason: "Asiakas sai vakituisen työpaikan; päiväkoulutus ei ole nyt ajankohtainen." },
  ]);
  const rajesh = at(-35, 10, 30);
  refer("rajesh", tikkurila, rajesh, [offerNow(rajesh), confirm(at(-33, 8), "Asiakas vahvisti paikan sähköpostitse.")]);
  const ana = at(-34, 6);
  refer("ana", tikkurila, ana, [offerNow(ana), { do: "decline", at: at(-33, 17, 40), reason: "Tarvitsen iltaryhmän, koska teen aamuvuoroja." }]);
  const lucia = at(-33, 7);
  refer("lucia", tikkurila, lucia, [offerNow(lucia), { do: "expire" }]);
  const aleksei = at(-31, 9);
  refer("aleksei", tikkurila, aleksei, [offerNow(aleksei), accept(at(-30, 12))]);
  const priya = at(-30, 5, 30);
  refer("priya", tikkurila, priya, [offerNow(priya), confirm(at(-29, 8, 30))]);
  const dmytro = at(-28, 11);
  refer("dmytro", tikkurila, dmytro, [offerNow(dmytro), accept(at(-27, 9))]);
  const shabnam = at(-26, 6, 40);
  refer("shabnam", tikkurila, shabnam, [offerNow(shabnam), accept(at(-25, 16))]);
  refer("carlos", tikkurila, at(-25, 8, 15), [offerFreed(kristjanCancelled, "Paikka vapautui peruutuksen vuoksi.")]);
  refer("iryna", tikkurila, at(-20, 7), [offerFreed(at(-1, 10), "Kurssin paikkamäärää nostettiin (9 → 10).")], {
    note: "Lääkäri; tavoitteena laillistus, tarvitsee B1-tason mahdollisimman pian.",
  });
  refer("mariajose", tikkurila, at(-15, 7, 30), []);
  refer("jeanpierre", tikkurila, at(-10, 6, 30), []);
  refer("lucia", tikkurila, at(-9, 8), [], { note: "Edellinen tarjous meni ohi (sähköposti roskapostissa); ohjattu uudelleen." });
  const tatiana = clientByKey.get("tatiana");
  const tatianaPlanEnds = tatiana?.integrationPlanEndsOn ?? day(60);
  refer("tatiana", tikkurila, at(-1, 13), [], {
    urgent: `Kotoutumisaika päättyy ${finnishDate(tatianaPlanEnds)}; koulutuksen on alettava ennen sitä.`,
  });
  // Olena had also asked for the evening group; accepting the day seat withdrew that queue place.
  refer("olena", "nopea-ilta", at(-40, 6, 12), [
    { do: "withdraw", at: later(olenaAccepts, 1), reason: `Asiakas otti vastaan paikan kurssilta ${tikkurilaName}.` },
  ], { note: "Toissijainen vaihtoehto, jos päiväryhmään ei pääse." });
  const anaEvening = at(-32, 8);
  refer("ana", "nopea-ilta", anaEvening, [offerNow(anaEvening), accept(at(-31, 19, 30))]);

  // 3. Lukutaitokoulutus, Itäkeskus: full; a client moving away freed a seat two days ago.
  const itakeskus = "lukutaito-itakeskus";
  const hodan = at(-55, 7);
  refer("hodan", itakeskus, hodan, [offerNow(hodan), confirm(at(-53, 9), BY_PHONE_WITH_INTERPRETER)]);
  const mariam = at(-52, 8);
  refer("mariam", itakeskus, mariam, [offerNow(mariam), confirm(at(-51, 10), BY_PHONE_WITH_INTERPRETER)]);
  const zahra = at(-50, 9, 30);
  refer("zahra", itakeskus, zahra, [offerNow(zahra), accept(at(-49, 13))]);
  const yonas = at(-49, 7, 10);
  const yonasCancelled = at(-2, 8, 15);
  refer("yonas", itakeskus, yonas, [
    offerNow(yonas),
    accept(at(-48, 17)),
    { do: "cancel", at: yonasCancelled, by: "office", reason: "Asiakas muuttaa Tampereelle; asiakkuus siirtyy Pirkanmaalle." },
  ]);
  const faadumo = at(-47, 6, 50);
  refer("faadumo", itakeskus, faadumo, [offerNow(faadumo), confirm(at(-45, 8), "Vahvistettu puhelimessa tulkin avulla; lapselle hoitopaikka opiston päiväkodissa.")]);
  const senait = at(-44, 10);
  refer("senait", itakeskus, senait, [offerNow(senait), accept(at(-43, 9))]);
  const farida = at(-40, 7, 30);
  refer("farida", itakeskus, farida, [offerNow(farida), confirm(at(-38, 9, 30), BY_PHONE_WITH_INTERPRETER)]);
  const khadija = at(-33, 8, 45);
  refer("khadija", itakeskus, khadija, [offerNow(khadija), confirm(at(-32, 10), "Vahvistettu puhelimessa tulkin avulla (asiakkaalla ei sähköpostia).")]);
  refer("bashir", itakeskus, at(-25, 9), [offerFreed(yonasCancelled, "Paikka vapautui peruutuksen vuoksi.")]);
  refer("nasrin", itakeskus, at(-18, 7, 20), []);
  refer("sahra", itakeskus, at(-11, 10, 40), []);
  refer("ayaan", itakeskus, at(-7, 8), [], { note: "Toivoo aamupäiväryhmää." });

  // 4. Suomi 2, iltaryhmä (48-hour answers).
  const oksana = at(-20, 9);
  refer("oksana", "suomi2-ilta", oksana, [offerNow(oksana), accept(at(-19, 18))]);
  const natalia = at(-15, 13);
  refer("natalia", "suomi2-ilta", natalia, [offerNow(natalia), confirm(at(-14, 7, 30))]);
  const thutrang = at(-1, 9, 30);
  refer("thutrang", "suomi2-ilta", thutrang, [offerNow(thutrang)]);

  // 5. Suomi 1, Myyrmäki (evening).
  const siriporn = at(-25, 10);
  refer("siriporn", "suomi1-ilta-myyrmaki", siriporn, [offerNow(siriporn), accept(at(-24, 16))]);
  const vanminh = at(-2, 11);
  refer("vanminh", "suomi1-ilta-myyrmaki", vanminh, [offerNow(vanminh)]);

  // 6. Slow path: Leppävaara was too far for Aziz, who took the Helsinki evening group instead.
  const mykola = at(-30, 8);
  refer("mykola", "hidas-leppavaara", mykola, [offerNow(mykola), confirm(at(-28, 10), "Vahvistettu puhelimessa; kuulolaite huomioitu luokan istumajärjestyksessä.")]);
  const aziz = at(-28, 7, 30);
  refer("aziz", "hidas-leppavaara", aziz, [offerNow(aziz), { do: "decline", at: at(-27, 15), reason: "Matka Leppävaaraan on liian pitkä; toivon kurssia Helsingistä." }]);
  const fereshteh = at(-1, 8, 45);
  refer("fereshteh", "hidas-leppavaara", fereshteh, [offerNow(fereshteh)]);
  const azizEvening = at(-26, 9);
  refer("aziz", "hidas-ilta", azizEvening, [offerNow(azizEvening), accept(at(-25, 11))]);

  // 7. Remote Suomi 3 confirms seats on referral.
  refer("kateryna", "suomi3-eta", at(-18, 10), [{ do: "autoConfirm" }], { note: "Pyörätuolin käyttäjä; etäopetus sopii parhaiten." });
  refer("amani", "suomi3-eta", at(-10, 12), [{ do: "autoConfirm" }]);

  // 8. Swedish-language courses.
  const emily = at(-35, 9);
  refer("emily", "svenska-grund-kvall", emily, [offerNow(emily), accept(at(-34, 20))]);
  const mateo = at(-30, 10);
  refer("mateo", "svenska-grund-kvall", mateo, [offerNow(mateo), confirm(at(-29, 9), "Platsen bekräftad per telefon.")]);
  const hana = at(-2, 14);
  refer("hana", "svenska-grund-kvall", hana, [offerNow(hana)]);
  const liis = at(-22, 8);
  refer("liis", "svenska-snabb", liis, [offerNow(liis), accept(at(-21, 9))]);

  // 9. Literacy in Hakunila: a fresh offer.
  const asha = at(-1, 10);
  refer("asha", "lukutaito-hakunila", asha, [offerNow(asha)], { note: "Tarvitsee lastenhoidon (vauva 8 kk)." });

  // 10. Suomi työhön: referral closed, starts in about two weeks.
  const tyohon = "suomi-tyohon";
  const layla = at(-45, 8);
  refer("layla", tyohon, layla, [offerNow(layla), accept(at(-44, 12))]);
  const abdirahman = at(-42, 9);
  refer("abdirahman", tyohon, abdirahman, [offerNow(abdirahman), confirm(at(-40, 8))]);
  const omar = at(-40, 7);
  refer("omar", tyohon, omar, [offerNow(omar), { do: "expire" }]);
  const dilan = at(-38, 10);
  refer("dilan", tyohon, dilan, [offerNow(dilan), accept(at(-37, 18))]);
  const helen = at(-30, 9, 30);
  refer("helen", tyohon, helen, [offerNow(helen), accept(at(-29, 10))]);
  const aylin = at(-25, 11);
  refer("aylin", tyohon, aylin, [offerNow(aylin), accept(at(-24, 9))]);

  return { organisations: DEMO_ORGANISATIONS, users: DEMO_USERS, courses, clients, enrolments, visits: buildDemoVisits(today) };
}

/**
 * What would break a database rule or the story, as messages; empty when the data is sound. The seed
 * refuses data with problems, so a mistake here fails before anything is written.
 */
export function checkDemoData(data: DemoData, now: Date): string[] {
  const problems: string[] = [];
  const courses = new Map(data.courses.map((c) => [c.key, c]));
  const clients = new Map(data.clients.map((c) => [c.key, c]));
  const users = new Set(data.users.map((u) => u.email));
  const held = new Map<string, number>();
  const heldByClient = new Map<string, number>();
  const live = new Set<string>();

  const unique = (label: string, values: (string | null)[]) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (v === null) continue;
      if (seen.has(v)) problems.push(`duplicate ${label}: ${v}`);
      seen.add(v);
    }
  };
  unique("user email", data.users.map((u) => u.email));
  unique("business id", data.organisations.map((o) => o.businessId));
  unique("client key", data.clients.map((c) => c.key));
  unique("client email", data.clients.map((c) => c.email));
  unique("identity code", data.clients.map((c) => c.identityCode));
  unique("course key", data.courses.map((c) => c.key));
  for (const u of data.users) if (u.email !== u.email.toLowerCase()) problems.push(`user email not lower-case: ${u.email}`);
  for (const c of data.clients) {
    if (c.identityCode && !formatDate(c.dateOfBirth).endsWith(`${c.identityCode.slice(2, 4)}-${c.identityCode.slice(0, 2)}`)) {
      problems.push(`${c.key}: identity code does not match the date of birth`);
    }
  }
  for (const c of data.courses) {
    if (LEVEL_ORDER.indexOf(c.levelFrom) > LEVEL_ORDER.indexOf(c.levelTo)) problems.push(`${c.key}: levels reversed`);
    if (c.startsOn > c.endsOn) problems.push(`${c.key}: ends before it starts`);
    if (c.referralOpensOn > c.referralClosesOn) problems.push(`${c.key}: referral window reversed`);
  }

  for (const e of data.enrolments) {
    const name = `${e.client}@${e.course}`;
    const course = courses.get(e.course);
    const client = clients.get(e.client);
    if (!course || !client) {
      problems.push(`${name}: unknown client or course`);
      continue;
    }
    if (e.referredAt < course.referralOpensOn) problems.push(`${name}: referred before the referral window opened`);
    if (e.referredAt < client.createdAt) problems.push(`${name}: referred before the client was registered`);
    if (e.priority === "URGENT" && !e.priorityReason) problems.push(`${name}: URGENT without a reason`);
    if (e.status === "OFFERED" && (!e.offerExpiresAt || e.offerExpiresAt <= now)) problems.push(`${name}: open offer without a future deadline`);
    if (!users.has(e.referredByEmail)) problems.push(`${name}: unknown referrer ${e.referredByEmail}`);
    const first = e.events[0];
    const last = e.events[e.events.length - 1];
    if (!first || first.fromStatus !== null || first.toStatus !== "WAITLISTED") problems.push(`${name}: history does not start with the referral`);
    if (!last || last.toStatus !== e.status) problems.push(`${name}: last event does not match the status`);
    e.events.forEach((ev, i) => {
      const previous = e.events[i - 1];
      if (previous && ev.at <= previous.at) problems.push(`${name}: events out of order`);
      if (ev.at > now) problems.push(`${name}: event in the future`);
      if (ev.actorKind === "USER" ? !ev.actorEmail || !users.has(ev.actorEmail) : ev.actorEmail !== null) problems.push(`${name}: bad actor`);
    });
    if (isLive(e.status)) {
      const key = `${e.client}/${e.course}`;
      if (live.has(key)) problems.push(`${name}: two live enrolments on one course`);
      live.add(key);
    }
    if (isHeld(e.status)) {
      held.set(e.course, (held.get(e.course) ?? 0) + 1);
      heldByClient.set(e.client, (heldByClient.get(e.client) ?? 0) + 1);
    }
  }
  for (const [course, count] of held) {
    const capacity = courses.get(course)?.capacity ?? 0;
    if (count > capacity) problems.push(`${course}: ${count} seats held, capacity ${capacity}`);
  }
  for (const [client, count] of heldByClient) if (count > 1) problems.push(`${client}: holds ${count} seats`);

  problems.push(...checkDemoVisits(data, now));

  // Replay every event in time order: the rules must hold at every moment of the story, not only at the end.
  const timeline = data.enrolments
    .flatMap((e, index) => e.events.map((ev) => ({ index, e, ev })))
    .sort((a, b) => a.ev.at.getTime() - b.ev.at.getTime());
  const state = new Map<number, EnrolmentStatus>();
  for (const { index, e, ev } of timeline) {
    state.set(index, ev.toStatus);
    const others = data.enrolments.filter((o, i) => i !== index && state.has(i));
    const statusOf = (o: DemoEnrolment) => state.get(data.enrolments.indexOf(o)) ?? "WAITLISTED";
    const seats = others.filter((o) => o.course === e.course && isHeld(statusOf(o))).length + (isHeld(ev.toStatus) ? 1 : 0);
    const capacity = courses.get(e.course)?.capacity ?? 0;
    if (seats > capacity) problems.push(`${e.course}: ${seats} seats held at ${ev.at.toISOString()}`);
    if (isHeld(ev.toStatus) && others.some((o) => o.client === e.client && isHeld(statusOf(o)))) {
      problems.push(`${e.client}: two held seats at ${ev.at.toISOString()}`);
    }
    if (isLive(ev.toStatus) && others.some((o) => o.client === e.client && o.course === e.course && isLive(statusOf(o)))) {
      problems.push(`${e.client}@${e.course}: two live enrolments at ${ev.at.toISOString()}`);
    }
  }
  return problems;
}

/**
 * The visits against the database's rules (1–10 languages, a duration within a day) and the story's:
 * logged by the point's own adviser, on a weekday within its opening hours, in the six months
 * before today, with one or two topics, and destinations exactly when the visitor was referred.
 */
function checkDemoVisits(data: DemoData, now: Date): string[] {
  const problems: string[] = [];
  const points = new Map(data.organisations.filter((o) => o.type === "ADVICE_POINT").map((o) => [o.key, o]));
  const advisers = new Map(data.users.filter((u) => u.role === "ADVISER").map((u) => [u.email, u.organisation]));
  for (const o of data.organisations) if ((o.type === "ADVICE_POINT") !== (o.operator !== undefined)) problems.push(`${o.key}: operator ${o.operator ?? "missing"} for ${o.type}`);
  const today = helsinkiToday(now);
  const end = helsinkiDayStart(today).getTime();
  const start = end - (DEMO_VISIT_MONTHS * 31 + 1) * 24 * 3600_000;
  const distinct = (values: string[]) => new Set(values).size === values.length;
  data.visits.forEach((v, i) => {
    const name = `visit ${i} (${v.advicePoint} ${v.occurredAt.toISOString()})`;
    if (!points.has(v.advicePoint)) problems.push(`${name}: not an advice point`);
    if (advisers.get(v.adviserEmail) !== v.advicePoint) problems.push(`${name}: ${v.adviserEmail} is not the point's adviser`);
    const t = v.occurredAt.getTime();
    if (t >= end || t < start) problems.push(`${name}: outside the six months before today`);
    const clock = helsinkiTimestamp(v.occurredAt);
    const weekday = parseDate(clock.slice(0, 10)).getUTCDay();
    if (weekday === 0 || weekday === 6) problems.push(`${name}: on a weekend`);
    else {
      const [open, close] = openingHours(v.advicePoint, weekday as 1 | 2 | 3 | 4 | 5);
      const hours = Number(clock.slice(11, 13)) + Number(clock.slice(14, 16)) / 60;
      if (hours < open || hours >= close) problems.push(`${name}: outside opening hours (${clock})`);
    }
    if (v.languages.length < 1 || v.languages.length > 10 || !distinct(v.languages) || v.languages.some((l) => !/^[a-z]{2}$/.test(l))) problems.push(`${name}: languages ${v.languages.join(",")}`);
    if (v.topics.length < 1 || v.topics.length > 2 || !distinct(v.topics)) problems.push(`${name}: topics ${v.topics.join(",")}`);
    if ((v.outcome === "REFERRED") !== (v.destinations.length > 0) || !distinct(v.destinations)) problems.push(`${name}: destinations ${v.destinations.join(",")} for ${v.outcome}`);
    if (v.durationMinutes !== null && (v.durationMinutes < 0 || v.durationMinutes > 1440)) problems.push(`${name}: duration ${v.durationMinutes}`);
    if (v.note !== null && /@|\d{6}[-+A-FU-Y]\d{3}|\d{5,}/.test(v.note)) problems.push(`${name}: a note that looks identifying`);
  });
  for (let i = 1; i < data.visits.length; i++) if (data.visits[i]!.occurredAt < data.visits[i - 1]!.occurredAt) problems.push(`visits out of order at ${i}`);
  return problems;
}
