import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { testDb } from "../testing/db";
import { makeAdvicePoint, makeAdviser, makeWorld } from "../testing/factories";
import { exportVisitStatsTable, type StatsExportText } from "./export";
import { insertVisits } from "./testing";

const text: StatsExportText = {
  title: "Visits by channel",
  header: ["Channel", "Visits", "A year earlier"],
  total: "Total",
  belowThreshold: "<5",
  complementary: "x",
  retired: (label) => `${label} (retired)`,
};

describe("the statistics export", () => {
  it("writes the page's table, suppressed in the publishable view, and audits it", async () => {
    const point = await makeAdvicePoint();
    const adviser = await makeAdviser(point.id);
    await insertVisits([
      ...Array.from({ length: 9 }, () => ({ advicePointId: point.id, occurredAt: new Date("2025-05-05T09:00:00Z"), channel: "WALK_IN" as const })),
      ...Array.from({ length: 6 }, () => ({ advicePointId: point.id, occurredAt: new Date("2025-05-05T09:00:00Z"), channel: "PHONE" as const })),
      { advicePointId: point.id, occurredAt: new Date("2025-05-05T09:00:00Z"), channel: "CHAT" as const },
    ]);
    const input = { from: "2025-05-01", to: "2025-05-31", point: undefined, dimension: "channel" as const, format: "csv" as const };
    const plain = await exportVisitStatsTable(adviser, { ...input, publishable: false }, "en", text);
    expect(plain!.filename).toBe("kaynnit-channel-2025-05-01-2025-05-31.csv");
    expect(plain!.body.toString("utf8")).toBe("\uFEFFChannel;Visits;A year earlier\r\nWalk-in;9;0\r\nPhone;6;0\r\nChat;1;0\r\nTotal;16;0\r\n");
    const published = await exportVisitStatsTable(adviser, { ...input, publishable: true }, "fi", text);
    expect(published!.filename).toBe("kaynnit-channel-2025-05-01-2025-05-31-julkaistava.csv");
    // Chat's 1 alone would be 16 − 9 − 6: Phone goes too. A year earlier nothing, and its total is below 5.
    expect(published!.body.toString("utf8")).toBe("\uFEFFChannel;Visits;A year earlier\r\nKäynti paikan päällä;9;<5\r\nPuhelin;x;<5\r\nChat;<5;<5\r\nTotal;16;<5\r\n");
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "visitStats.export", actorUserId: adviser.userId }, orderBy: { at: "desc" } });
    expect(audit.details).toMatchObject({ format: "csv", publishable: true, period: { from: "2025-05-01", to: "2025-05-31" }, point: point.id, rows: 3 });

    const xlsx = await exportVisitStatsTable(adviser, { ...input, format: "xlsx", publishable: true }, "en", text);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx!.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe("Visits by channel");
    expect(sheet.getRow(3).values).toEqual([undefined, "Phone", "x", "<5"]);
    expect(sheet.getRow(5).font?.bold).toBe(true);
  });

  it("exports nothing for those who may not see the statistics", async () => {
    const w = await makeWorld();
    const input = { from: "2025-05-01", to: "2025-05-31", point: undefined, dimension: "channel" as const, format: "csv" as const, publishable: false };
    expect(await exportVisitStatsTable(w.official, input, "fi", text)).toBeNull();
  });
});
