import "server-only";

/** How long an inactive client's data is kept. Will read the admin setting (getSettings().retentionMonths in server/settings.ts). */
export async function retentionMonths(): Promise<number> {
  return 24;
}
