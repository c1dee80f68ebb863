import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Heading } from "@/components/suomifi";
import { BulkReferForm } from "@/components/official/BulkReferForm";
import { referSeveral } from "@/app/official/actions";
import { requireActor } from "@/server/auth/session";
import { bulkReferralPage } from "@/server/official/referrals";
import { CALENDAR_DAY, parseDate } from "@/lib/dates";

type Props = { searchParams: Promise<{ client?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("official"))("bulk.title") };
}

export default async function BulkReferralPage({ searchParams }: Props) {
  const actor = await requireActor(["OFFICIAL"]);
  const { client } = await searchParams;
  const data = (await bulkReferralPage(actor, [client ?? []].flat()))!;
  const [t, labels, format] = await Promise.all([getTranslations("official"), getTranslations("labels"), getFormatter()]);
  return (
    <div className="kp-stack">
      <Link href="/official/clients">{t("bulk.back")}</Link>
      <Heading variant="h1">{t("bulk.title")}</Heading>
      {data.clients.length === 0 ? (
        <p>{t("bulk.none")}</p>
      ) : (
        <BulkReferForm
          submit={referSeveral}
          clients={data.clients.map((c) => ({ id: c.id, label: `${c.lastName}, ${c.firstName} (${c.clientNumber}) · ${labels(`studyPath.${c.studyPath}`)}` }))}
          courses={data.courses.map((c) => ({
            value: c.id,
            label: t("bulk.courseOption", { name: c.name, provider: c.provider, date: format.dateTime(parseDate(c.startsOn), CALENDAR_DAY), free: c.freeSeats }),
          }))}
        />
      )}
    </div>
  );
}
