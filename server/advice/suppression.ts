import "server-only";

// Statistical disclosure control for the publishable view and export of the visit statistics, as
// statistics offices do it for frequency tables. Pure: a table of counts in, the cells a reader
// may see out. The rule, also in docs/reports.md ("Publishable figures"):
//
// 1. Primary suppression: every cell below 5 — zero included — is shown as "<5" (BELOW_THRESHOLD).
//    The total is a cell too: a total below 5 is "<5" (then every row is below 5 as well).
// 2. Secondary (complementary) suppression: a reader knows more than the shown cells. They know
//    the total, that a "<5" cell is 0–4, that a hidden "x" cell is at least 5 and (because it was
//    chosen as the smallest) at most the smallest shown cell, and how rows relate to the total:
//    - SUM tables (channel, outcome, month, point, profile bands: each visit in exactly one row)
//      add up to the total, so one "<5" alone is the total minus the rest;
//    - COVER tables (topic, language, destination: a visit in each row it has a value for, and in
//      at least one) add up to at least the total, each row at most the total, so in a table of
//      96 housing visits and a "<5" of tax visits out of 100, the tax visits are at least 4.
//    While any hidden cell can be worked out exactly from that knowledge (its range of possible
//    values is a single number), the smallest shown cell is hidden too ("x", COMPLEMENTARY; ties:
//    the first in row order). So a SUM table never has exactly one hidden cell, and two hidden
//    cells are not enough when, say, both are 4 in a total that says so.
// 3. When every cell is hidden and one could still be worked out (two rows of 4 and the total 8),
//    every cell is shown as "x" with no "<5" claim, so a reader knows only that they add up to the
//    total. The total stays: it is the same in every SUM table of the view, so hiding it in one
//    table would protect nothing.
//
// What this does not do: it protects each table on its own. Two published tables that overlap
// (two periods, one inside the other; all points and all but one point) can be subtracted from
// each other. Publish one fixed set of tables (e.g. each month, all points), as statistics offices
// publish fixed tables.

/** Cells below this are not published. */
export const SUPPRESSION_THRESHOLD = 5;

/** How a table's rows relate to its total (see above). */
export type TableRelation = "SUM" | "COVER";

/** SHOWN: the real count. BELOW_THRESHOLD: "<5". COMPLEMENTARY: "x", hidden so that a "<5" cannot be worked out. */
export type CellMark = "SHOWN" | "BELOW_THRESHOLD" | "COMPLEMENTARY";

export interface PublishedCell {
  /** The count, or null when it is not published. */
  value: number | null;
  mark: CellMark;
}

export interface PublishedTable {
  cells: PublishedCell[];
  total: PublishedCell;
}

/** A table as it may be published: see the rule at the top of this file. */
export function suppressTable(cells: readonly number[], total: number, relation: TableRelation): PublishedTable {
  for (const c of [...cells, total]) if (!Number.isInteger(c) || c < 0) throw new RangeError(`Not a count: ${c}`);
  const sum = cells.reduce((a, b) => a + b, 0);
  if (relation === "SUM" && sum !== total) throw new RangeError(`The rows add up to ${sum}, not to the total ${total}`);
  if (relation === "COVER" && (cells.some((c) => c > total) || (cells.length > 0 && sum < total) || (cells.length === 0 && total > 0))) {
    throw new RangeError(`Rows ${cells.join(", ")} cannot cover the total ${total}`);
  }

  const marks: CellMark[] = cells.map((c) => (c < SUPPRESSION_THRESHOLD ? "BELOW_THRESHOLD" : "SHOWN"));
  const totalMark: CellMark = total < SUPPRESSION_THRESHOLD ? "BELOW_THRESHOLD" : "SHOWN";
  // Without the total a reader has nothing to subtract from: every "<5" stays 0–4 and every row is below 5.
  if (totalMark === "SHOWN") {
    while (anyWorkedOut(cells, marks, total, relation)) {
      let smallest = -1;
      for (let i = 0; i < cells.length; i++) if (marks[i] === "SHOWN" && (smallest < 0 || cells[i]! < cells[smallest]!)) smallest = i;
      if (smallest < 0) {
        marks.fill("COMPLEMENTARY");
        break;
      }
      marks[smallest] = "COMPLEMENTARY";
    }
  }
  return {
    cells: cells.map((value, i) => ({ value: marks[i] === "SHOWN" ? value : null, mark: marks[i]! })),
    total: { value: totalMark === "SHOWN" ? total : null, mark: totalMark },
  };
}

/**
 * Whether a reader who sees the shown cells and the total, and knows the rule, can work out any
 * hidden cell exactly. Each hidden cell lies in a range the reader knows (its "bounds"); the rows
 * are tied to the total by one sum, so the values a hidden cell can take are an interval, which
 * this computes exactly.
 */
function anyWorkedOut(cells: readonly number[], marks: readonly CellMark[], total: number, relation: TableRelation): boolean {
  const hidden: number[] = [];
  let shownSum = 0;
  let smallestShown = Number.POSITIVE_INFINITY;
  for (let i = 0; i < cells.length; i++) {
    if (marks[i] === "SHOWN") {
      shownSum += cells[i]!;
      smallestShown = Math.min(smallestShown, cells[i]!);
    } else hidden.push(i);
  }
  if (hidden.length === 0) return false;
  const allHidden = hidden.length === cells.length && marks.every((m) => m === "COMPLEMENTARY");
  const bounds = hidden.map((i): [number, number] =>
    marks[i] === "BELOW_THRESHOLD"
      ? [0, Math.min(SUPPRESSION_THRESHOLD - 1, total)]
      : allHidden
        ? [0, total]
        : [SUPPRESSION_THRESHOLD, Math.min(smallestShown, total)],
  );
  const rest = total - shownSum;
  const low = bounds.reduce((a, [l]) => a + l, 0);
  const high = bounds.reduce((a, [, h]) => a + h, 0);
  return bounds.some(([l, h]) => {
    // The other hidden cells together lie anywhere between their bounds' sums.
    const othersLow = low - l;
    const othersHigh = high - h;
    const from = Math.max(l, rest - othersHigh);
    const to = relation === "SUM" ? Math.min(h, rest - othersLow) : h;
    return from >= to;
  });
}
