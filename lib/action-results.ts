// What server actions answer their forms with. A page passes each action to its client component as
// a prop (components/ never import app/), so both sides name the answer's shape here.

/** Field path → translation key of its error. */
export type FieldErrors = Partial<Record<string, string>>;

export type ActionResult = { ok: true; message: string } | { ok: false; message: string; fieldErrors?: FieldErrors };

/** A registered client who looks like the one being saved (never with an identity code). */
export interface PossibleDuplicate {
  id: string;
  clientNumber: number;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  /** Why it looks like the same person. */
  match: "IDENTITY_CODE" | "NAME_AND_BIRTH_DATE";
}

export type SaveClientResult =
  | { ok: true; clientId: string }
  | { ok: false; kind: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; kind: "duplicates"; duplicates: PossibleDuplicate[] }
  | { ok: false; kind: "error"; message: string };

/** The official's referral of several clients to one course: what happened to each. */
export type BulkReferralResult = { ok: true; results: { clientId: string; name: string; ok: boolean; message: string }[] } | { ok: false; message: string };

/** A provider's action on several enrolments at once: a summary and a line per enrolment. */
export type BulkActionResult = { ok: boolean; message: string; rows: { enrolmentId: string; ok: boolean; message: string }[] };

/** An adviser's visit saved (or corrected): the sentence to announce, and the usual channel and languages for the next visitor. */
export type SaveVisitResult =
  | { ok: true; message: string; visitId: string; defaults: { channel: string; languages: string[] } }
  | { ok: false; message: string; fieldErrors?: FieldErrors };
