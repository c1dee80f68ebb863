// Renders a simulation report: the comparison table (stdout and Markdown), the Markdown page and
// an SVG chart (days to start as a cumulative share of arrivals, and fill rate and share started as bars).
import type { PolicyRun, SimulationReport } from "./index";
import type { Distribution, RunMetrics } from "./metrics";
import { RATES } from "./world";

const LABEL = { PER_COURSE: "A: per-course queues", POOLED: "B: pooled + conditional" } as const;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const num = (x: number | null) => (x === null ? "–" : x.toFixed(1));
const dist = (d: Distribution) => `${num(d.median)} / ${num(d.p90)}`;

interface Row {
  label: string;
  value: (m: RunMetrics) => string;
}

const ROWS: Row[] = [
  { label: "clients arrived", value: (m) => String(m.clients.arrived) },
  { label: "days arrival → start, median / p90", value: (m) => dist(m.days.arrivalToStart) },
  { label: "days first referral → start, median / p90", value: (m) => dist(m.days.referralToStart) },
  { label: "days first referral → first offer, median / p90", value: (m) => dist(m.days.referralToFirstOffer) },
  { label: "started by the end", value: (m) => `${m.clients.started} (${pct(m.clients.startedShare)})` },
  { label: "days arrival → start, median of every client who arrived ≥ 180 days before the end (never started = longest)", value: (m) => (m.startedWithin.cohortMedian === null ? "– (fewer than half started)" : num(m.startedWithin.cohortMedian)) },
  { label: "started within 60 / 120 / 180 days (arrived ≥ 180 days before the end)", value: (m) => `${pct(m.startedWithin.d60)} / ${pct(m.startedWithin.d120)} / ${pct(m.startedWithin.d180)}` },
  { label: "seat fill rate (started seats / capacity of started courses)", value: (m) => `${pct(m.seats.fillRate)} (${m.seats.startedSeats} / ${m.seats.capacity})` },
  { label: "courses started / full", value: (m) => `${m.seats.coursesStarted} / ${m.seats.coursesFull}` },
  { label: "seats empty at start / of them while a fitting client waited", value: (m) => `${m.diagnostics.seatsEmptyAtStart} / ${m.diagnostics.seatsEmptyWhileFittingClientWaited}` },
  { label: "offers made", value: (m) => String(m.offers.made) },
  { label: "declined", value: (m) => `${m.offers.declined} (${pct(m.offers.declineRate)})` },
  { label: "expired (no answer)", value: (m) => `${m.offers.expired} (${pct(m.offers.expiryRate)})` },
  { label: "conditional acceptances / conditional seats released onwards", value: (m) => `${m.offers.conditionalAcceptances} / ${m.offers.conditionalSeatsReleased}` },
  { label: "no-shows / interruptions", value: (m) => `${m.lifecycle.noShows} / ${m.lifecycle.interruptions}` },
  { label: "referrals (re-referrals)", value: (m) => `${m.lifecycle.referrals} (${m.lifecycle.reReferrals})` },
  { label: "queue places per client", value: (m) => m.diagnostics.placesPerClient.toFixed(2) },
  { label: "days in no queue between referrals, median / p90", value: (m) => (m.diagnostics.daysBetweenReferrals.n ? dist(m.diagnostics.daysBetweenReferrals) : "–") },
  { label: "at the end: seat confirmed / waiting / between referrals", value: (m) => `${m.clients.seatConfirmed} / ${m.clients.waiting} / ${m.clients.betweenReferrals}` },
  { label: "left: after declining / unreachable / while waiting / no-show", value: (m) => `${m.clients.left.DECLINED} / ${m.clients.left.UNREACHABLE} / ${m.clients.left.WAITING} / ${m.clients.left.NO_SHOW}` },
];

export function comparisonRows(report: SimulationReport): string[][] {
  return ROWS.map((row) => [row.label, ...report.runs.map((r) => row.value(r.metrics))]);
}

/** The headline: the pooled run's median wait against the per-course run's, and the fill rates. */
export function verdict(report: SimulationReport): { medianCut: number | null; fillDelta: number | null; met: boolean | null } {
  const a = report.runs.find((r) => r.policy === "PER_COURSE")?.metrics;
  const b = report.runs.find((r) => r.policy === "POOLED")?.metrics;
  if (!a || !b || !a.days.arrivalToStart.median || b.days.arrivalToStart.median === null) return { medianCut: null, fillDelta: null, met: null };
  const medianCut = 1 - b.days.arrivalToStart.median / a.days.arrivalToStart.median;
  const fillDelta = b.seats.fillRate - a.seats.fillRate;
  return { medianCut: Math.round(medianCut * 1000) / 1000, fillDelta: Math.round(fillDelta * 1000) / 1000, met: medianCut >= 0.3 && fillDelta >= 0 };
}

export function textTable(report: SimulationReport): string {
  const rows = [["", ...report.runs.map((r) => LABEL[r.policy])], ...comparisonRows(report)];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ")).join("\n");
}

function markdownTable(report: SimulationReport): string {
  const head = `| | ${report.runs.map((r) => LABEL[r.policy]).join(" | ")} |`;
  const rule = `|---|${report.runs.map(() => "---:").join("|")}|`;
  return [head, rule, ...comparisonRows(report).map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

export function renderMarkdown(report: SimulationReport, extra: { generatedAt: string; totalSeconds: number; machine: string; chart: string }): string {
  const w = report.world;
  const v = verdict(report);
  const a = report.runs.find((r) => r.policy === "PER_COURSE");
  const b = report.runs.find((r) => r.policy === "POOLED");
  const paths = ["FAST", "BASIC", "SLOW", "LITERACY"] as const;
  const byPath = [
    `| study path | clients | courses | ${report.runs.map((r) => `${LABEL[r.policy]}: started, median days`).join(" | ")} |`,
    `|---|---:|---:|${report.runs.map(() => "---:").join("|")}|`,
    ...paths.map((p) => `| ${p} | ${w.clientsByPath[p] ?? 0} | ${w.coursesByPath[p] ?? 0} | ${report.runs.map((r) => `${r.metrics.byPath[p].started}, ${num(r.metrics.byPath[p].medianArrivalToStart)}`).join(" | ")} |`),
  ].join("\n");
  const findings = report.runs.flatMap((r) => r.log.errors.map((e) => `- ${LABEL[r.policy]}, ${e.at}, ${e.event}: ${e.message.split("\n")[0]}`));
  const broken = report.runs.flatMap((r) => Object.entries(r.invariants).filter(([, ids]) => ids.length).map(([name, ids]) => `- ${LABEL[r.policy]}: ${name} (${ids.length}): ${ids.slice(0, 5).join(", ")}`));
  const refusals = report.runs.map((r) => `- ${LABEL[r.policy]}: ${Object.entries(r.log.refusals).map(([k, n]) => `${k} × ${n}`).join(", ") || "none"}`);
  return `# Simulation: per-course queues vs pooled referrals with conditional acceptance

Generated by \`npm run simulate\` on ${extra.generatedAt} (${extra.machine}); seed \`${report.config.seed}\`. The model, its
rules and rates are described in [docs/simulation.md](../../docs/simulation.md). Every change in both runs went through the
real enrolment engine (\`server/enrolment/\`) on a fresh database; the numbers below are read from that database.

## World

${w.clients} clients arriving ${w.firstDay} – ${w.lastArrivalDay} in ${w.municipalities.length} municipalities (${w.municipalities.join(", ")});
${w.courses} courses with ${w.seats} seats in all (${w.remoteCourses} remote, ${w.swedishCourses} in Swedish, ${w.eveningCourses} in the evening),
starting from week 6 until about ten weeks after the last arrival; the run ends ${w.lastDay}, two weeks after the last late-entry window closes.
Seats are ${pct(w.seats / w.clients)} of arrivals.
In the per-course run the official ${report.config.official === "PREFERENCE" ? "refers each client to the open course the client likes best, without comparing queues (`SIM_OFFICIAL=preference`)" : "compares every fitting course's free seats and queue at each referral (the default; `SIM_OFFICIAL=preference` refers by the client's liking instead)"}.
In the pooled run the client ${report.config.pool === "SOONEST" ? "ranks every fitting open course soonest start first and always accepts a lower-ranked seat conditionally, trading up to a sooner seat when one frees (`SIM_POOL=soonest`)" : "ranks 1–3 favourite courses of their own municipality and accepts half of the seats ranked below them conditionally (the default; `SIM_POOL=soonest` ranks every fitting course by start instead)"}.

## Result

${markdownTable(report)}

Waits are in days. "Arrival" is the day the client was registered and the official first tried to place them; in the
per-course run the first referral can be later (no fitting course took referrals yet), so arrival → start is the
comparable wait. Shares started "within N days" count only clients who arrived at least 180 days before the end.

${
  v.medianCut === null
    ? "The median wait could not be compared."
    : `**Target** (the pooled run cuts the median wait by at least 30 % at no lower fill rate): **${v.met ? "met" : "not met"}**. Median
arrival → start ${num(a!.metrics.days.arrivalToStart.median)} → ${num(b!.metrics.days.arrivalToStart.median)} days (${v.medianCut >= 0 ? "−" : "+"}${pct(Math.abs(v.medianCut))}); fill rate
${pct(a!.metrics.seats.fillRate)} → ${pct(b!.metrics.seats.fillRate)} (${v.fillDelta! >= 0 ? "+" : "−"}${(Math.abs(v.fillDelta!) * 100).toFixed(1)} points).`
}

![Days from arrival to start, and fill rate](${extra.chart})

### By study path

${byPath}

## What drives the result

${explain(report)}

## Engine behaviour seen in the runs

- Invariants at the end (no course over capacity, the seat counter equal to the seats held, at most one unconditional and one conditional seat per client, no duplicate live place): ${broken.length ? `**broken**:\n${broken.join("\n")}` : "all held in both runs."}
- Exceptions from the engine: ${findings.length ? `\n${findings.join("\n")}` : "none."}
- Expected refusals (results with ok: false):
${refusals.join("\n")}

## Runtime

${report.runs.map((r) => `- ${LABEL[r.policy]}: ${r.seconds} s on ${r.database === "postgresql" ? "PostgreSQL" : "PGlite"}, ${r.log.events} events, ${r.log.engineCalls} engine calls from the simulation (the engine's own follow-ups, e.g. offering a freed seat, come on top).`).join("\n")}
- Total with database setup and reading the results: ${extra.totalSeconds} s.

Rates used: decline ${pct(RATES.decline)}, no answer ${pct(RATES.noAnswer)}, no-show ${pct(RATES.noShow)}, interruption ${pct(RATES.interruption)},
leaving after a decline ${pct(RATES.leaveAfterDecline)}, leaving while waiting ${pct(RATES.leavePerMonth)} a month, conditional acceptance when available ${pct(RATES.conditional)},
official's reaction ${RATES.reactionDays[0]}–${RATES.reactionDays[1]} days, offer response time ${RATES.offerResponseHours} h.
`;
}

/** The paragraphs that say, with this run's numbers, where the difference comes from. */
function explain(report: SimulationReport): string {
  const a = report.runs.find((r) => r.policy === "PER_COURSE")?.metrics;
  const b = report.runs.find((r) => r.policy === "POOLED")?.metrics;
  if (!a || !b) return "Only one policy was run.";
  const w = report.world;
  const parts: string[] = [];
  parts.push(
    `**Capacity sets the floor.** The area has ${w.seats} seats for ${w.clients} arrivals (${pct(w.seats / w.clients)}). No queueing rule makes more seats: ` +
      `${a.seats.startedSeats} seats were taken in the per-course run and ${b.seats.startedSeats} in the pooled run, so about ${Math.max(a.clients.arrived - a.clients.started, b.clients.arrived - b.clients.started)} clients ` +
      `could not start in either. Where demand exceeds seats, every wait grows through the year and the median of those who started mostly measures how long the queue has grown.`,
  );
  parts.push(
    `**Per-course queues lose time between queues.** A client referred to one course who does not get a seat waits for that course to start, ` +
      `then for the official to notice (${RATES.reactionDays[0]}–${RATES.reactionDays[1]} days), and then joins the next course's queue at the back, behind everyone referred there meanwhile. ` +
      `That happened ${a.lifecycle.reReferrals} times (median ${num(a.diagnostics.daysBetweenReferrals.median)} days in no queue); the official also found no fitting course open ${a.lifecycle.nothingOpen} times. ` +
      `Meanwhile ${a.diagnostics.seatsEmptyWhileFittingClientWaited} seats went unused at a course start although a fitting client was waiting elsewhere (pooled run: ${b.diagnostics.seatsEmptyWhileFittingClientWaited}).`,
  );
  parts.push(
    `**The pool queues once, everywhere, in arrival order.** One referral put each client on every matching course as soon as its referral period opened (${b.diagnostics.placesPerClient} places per client), ` +
      `keyed by the pool's referral time, so the first free seat on any fitting course goes to whoever has waited longest, and a decline or expiry hands the seat on at once ` +
      `instead of after the official's next look. Referral → first offer: median ${num(a.days.referralToFirstOffer.median)} days per-course, ${num(b.days.referralToFirstOffer.median)} pooled.`,
  );
  parts.push(
    `**Conditional acceptance** (${b.offers.conditionalAcceptances} times; ${b.offers.conditionalSeatsReleased} conditional seats were later released to the next person when a better-ranked seat came) ` +
      `lets a client start on the first seat they get without giving up the course they wanted; it does not create seats, and each release is one more offer (${b.offers.made} offers in the pooled run against ${a.offers.made}).`,
  );
  parts.push(
    `**Fairness cuts both ways for the median.** The pool serves strictly in arrival order, so when seats are short the earliest arrivals start and late arrivals wait; ` +
      `per-course queues let a lucky late arrival into a course with a short queue while an unlucky earlier one bounces between queues. ` +
      `Compare the p90 and the "started within N days" rows, not only the median of those who started.`,
  );
  return parts.join("\n\n");
}

/** An SVG with the cumulative share of arrivals started by days since arrival (both runs), and bars for fill rate and share started. */
export function renderSvg(report: SimulationReport): string {
  const W = 900, H = 420;
  const colours = { PER_COURSE: "#b3541e", POOLED: "#1f5fa8" } as const;
  const dashes = { PER_COURSE: "6 4", POOLED: "" } as const;
  // Left panel: cumulative share.
  const L = { x: 70, y: 50, w: 470, h: 300 };
  const maxDays = Math.max(60, Math.ceil(Math.max(...report.runs.flatMap((r) => r.metrics.daysToStart.slice(-1))) / 30) * 30);
  const sx = (d: number) => L.x + (d / maxDays) * L.w;
  const sy = (share: number) => L.y + L.h - share * L.h;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-labelledby="t d">`);
  out.push(`<title id="t">Simulation: days from arrival to start, and seat fill rate</title>`);
  const desc = report.runs.map((r) => `${LABEL[r.policy]}: median ${num(r.metrics.days.arrivalToStart.median)} days, p90 ${num(r.metrics.days.arrivalToStart.p90)}, started ${pct(r.metrics.clients.startedShare)}, fill rate ${pct(r.metrics.seats.fillRate)}`).join("; ");
  out.push(`<desc id="d">${escapeXml(desc)}</desc>`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${L.x}" y="24" font-size="14" font-weight="600">Share of arrivals started within N days of arriving</text>`);
  for (let s = 0; s <= 1.0001; s += 0.2) {
    out.push(`<line x1="${L.x}" x2="${L.x + L.w}" y1="${sy(s).toFixed(1)}" y2="${sy(s).toFixed(1)}" stroke="#ddd"/>`);
    out.push(`<text x="${L.x - 8}" y="${(sy(s) + 4).toFixed(1)}" text-anchor="end">${Math.round(s * 100)} %</text>`);
  }
  for (let d = 0; d <= maxDays; d += maxDays > 240 ? 60 : 30) {
    out.push(`<line x1="${sx(d).toFixed(1)}" x2="${sx(d).toFixed(1)}" y1="${L.y}" y2="${L.y + L.h}" stroke="#eee"/>`);
    out.push(`<text x="${sx(d).toFixed(1)}" y="${L.y + L.h + 16}" text-anchor="middle">${d}</text>`);
  }
  out.push(`<text x="${L.x + L.w / 2}" y="${L.y + L.h + 36}" text-anchor="middle">days from arrival to start</text>`);
  out.push(`<rect x="${L.x}" y="${L.y}" width="${L.w}" height="${L.h}" fill="none" stroke="#888"/>`);
  for (const run of report.runs) {
    const values = run.metrics.daysToStart;
    const n = run.metrics.clients.arrived || 1;
    const points: string[] = [`${sx(0).toFixed(1)},${sy(0).toFixed(1)}`];
    values.forEach((d, i) => {
      if (i + 1 < values.length && values[i + 1] === d) return;
      points.push(`${sx(d).toFixed(1)},${sy(i / n).toFixed(1)}`, `${sx(d).toFixed(1)},${sy((i + 1) / n).toFixed(1)}`);
    });
    points.push(`${sx(maxDays).toFixed(1)},${sy(values.length / n).toFixed(1)}`);
    out.push(`<polyline fill="none" stroke="${colours[run.policy]}" stroke-width="2" stroke-dasharray="${dashes[run.policy]}" points="${points.join(" ")}"/>`);
    const median = run.metrics.days.arrivalToStart.median;
    if (median !== null) out.push(`<line x1="${sx(median).toFixed(1)}" x2="${sx(median).toFixed(1)}" y1="${L.y + L.h}" y2="${L.y + L.h - 8}" stroke="${colours[run.policy]}" stroke-width="3"/>`);
  }
  report.runs.forEach((run, i) => {
    const y = L.y + 16 + i * 18;
    out.push(`<line x1="${L.x + 12}" x2="${L.x + 40}" y1="${y}" y2="${y}" stroke="${colours[run.policy]}" stroke-width="2" stroke-dasharray="${dashes[run.policy]}"/>`);
    out.push(`<text x="${L.x + 46}" y="${y + 4}">${escapeXml(`${LABEL[run.policy]} (median of starters ${num(run.metrics.days.arrivalToStart.median)} d)`)}</text>`);
  });
  // Right panel: bars.
  const R = { x: 620, y: 50, w: 250, h: 300 };
  out.push(`<text x="${R.x}" y="24" font-size="14" font-weight="600">Fill rate and share started</text>`);
  for (let s = 0; s <= 1.0001; s += 0.25) {
    const y = R.y + R.h - s * R.h;
    out.push(`<line x1="${R.x}" x2="${R.x + R.w}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#ddd"/>`);
    out.push(`<text x="${R.x - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${Math.round(s * 100)} %</text>`);
  }
  const groups = [
    { label: "fill rate", value: (m: RunMetrics) => m.seats.fillRate },
    { label: "started", value: (m: RunMetrics) => m.clients.startedShare },
  ];
  const bar = 34, gap = 12, groupWidth = report.runs.length * bar + gap;
  groups.forEach((g, gi) => {
    const gx = R.x + 24 + gi * (groupWidth + 40);
    report.runs.forEach((run, ri) => {
      const v = g.value(run.metrics);
      const x = gx + ri * (bar + 4);
      const y = R.y + R.h - v * R.h;
      out.push(`<rect x="${x}" y="${y.toFixed(1)}" width="${bar}" height="${(v * R.h).toFixed(1)}" fill="${colours[run.policy]}"${run.policy === "PER_COURSE" ? ' fill-opacity="0.75"' : ""}/>`);
      out.push(`<text x="${x + bar / 2}" y="${(y - 5).toFixed(1)}" text-anchor="middle" font-size="11">${Math.round(v * 100)} %</text>`);
      out.push(`<text x="${x + bar / 2}" y="${R.y + R.h + 14}" text-anchor="middle" font-size="11">${run.policy === "PER_COURSE" ? "A" : "B"}</text>`);
    });
    out.push(`<text x="${gx + (report.runs.length * (bar + 4)) / 2}" y="${R.y + R.h + 32}" text-anchor="middle">${g.label}</text>`);
  });
  out.push(`<text x="${L.x}" y="${H - 12}" fill="#555">Seed ${escapeXml(report.config.seed)}: ${report.world.clients} clients, ${report.world.courses} courses (${report.world.seats} seats). A = per-course queues, B = pooled referral with conditional acceptance. Ticks on the axis: medians.</text>`);
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export type { PolicyRun };
