"use client";
import styles from "./reports.module.css";
import { useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartSeries {
  key: string;
  name: string;
}
export interface ChartProps {
  /** Read by screen readers instead of the drawing; the same figures are in the table below it. */
  label: string;
  type: "bar" | "line";
  /** Horizontal bars, for long category names (providers, courses). */
  horizontal?: boolean;
  unit: "count" | "percent" | "days";
  locale: string;
  series: ChartSeries[];
  data: ({ label: string } & Record<string, string | number | null>)[];
}

const noSubscription = () => () => {};

// Suomi.fi colours, each at least 3:1 against white.
const COLOURS = ["#2a6ebb", "#002f6c", "#b35f00", "#207a43"];

/** One report as a chart (recharts, drawn in the browser). The table under it carries the same numbers. */
export function ReportChart({ label, type, horizontal = false, unit, locale, series, data }: ChartProps) {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === "count" ? 0 : 1 });
  const format = (v: unknown) => (typeof v === "number" ? `${number.format(v)}${unit === "percent" ? " %" : ""}` : "–");
  const short = (s: string) => (s.length > 22 ? `${s.slice(0, 21)}…` : s);
  const height = horizontal ? Math.max(160, data.length * (series.length * 14 + 14) + 60) : 320;
  const common = { data, margin: { top: 8, right: 24, bottom: 8, left: 8 }, accessibilityLayer: false };
  const valueAxis = { tickFormatter: format, allowDecimals: unit !== "count", ...(unit === "percent" ? { domain: [0, 100] } : {}) };
  // Drawn only in the browser: recharts' markup is full of style attributes, which the strict CSP
  // refuses in server-rendered HTML (React sets them through the CSSOM in the browser, which it allows).
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  if (!inBrowser) return <div role="img" aria-label={label} className={styles.chartPending} />;
  return (
    <div role="img" aria-label={label} style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        {type === "line" ? (
          <LineChart {...common}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={{ fontSize: 14 }} />
            <YAxis {...valueAxis} width={56} tick={{ fontSize: 14 }} />
            <Tooltip formatter={format} />
            <Legend itemSorter={null} />
            {series.map((s, i) => (
              <Line key={s.key} dataKey={s.key} name={s.name} stroke={COLOURS[i % COLOURS.length]} strokeWidth={2} strokeDasharray={i % 2 ? "6 3" : undefined} dot connectNulls isAnimationActive={false} />
            ))}
          </LineChart>
        ) : (
          <BarChart {...common} layout={horizontal ? "vertical" : "horizontal"}>
            <CartesianGrid strokeDasharray="3 3" />
            {horizontal ? (
              <>
                <XAxis type="number" {...valueAxis} tick={{ fontSize: 14 }} />
                <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 13 }} tickFormatter={short} interval={0} />
              </>
            ) : (
              <>
                <XAxis dataKey="label" tick={{ fontSize: 14 }} interval={0} tickFormatter={short} />
                <YAxis {...valueAxis} width={56} tick={{ fontSize: 14 }} />
              </>
            )}
            <Tooltip formatter={format} />
            {series.length > 1 && <Legend itemSorter={null} />}
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
