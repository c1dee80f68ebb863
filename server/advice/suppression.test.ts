import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suppressTable, type PublishedTable, type TableRelation } from "./suppression";

// The rule of suppression.ts on hand-made tables, and a reader who tries every table that could
// lie behind a published one: none of them may pin a hidden cell to one value.

/** "<5", "x" or the number, as the page shows a cell. */
const shown = (t: PublishedTable) => ({
  cells: t.cells.map((c) => (c.mark === "SHOWN" ? c.value : c.mark === "BELOW_THRESHOLD" ? "<5" : "x")),
  total: t.total.mark === "SHOWN" ? t.total.value : "<5",
});

describe("suppressTable on small tables", () => {
  it("publishes a table without small cells as it is", () => {
    expect(shown(suppressTable([10, 20, 30], 60, "SUM"))).toEqual({ cells: [10, 20, 30], total: 60 });
    expect(shown(suppressTable([40, 35, 5], 70, "COVER"))).toEqual({ cells: [40, 35, 5], total: 70 });
    expect(shown(suppressTable([], 0, "SUM"))).toEqual({ cells: [], total: "<5" });
  });

  it("hides every cell below 5, zero included, and a total below 5", () => {
    expect(shown(suppressTable([2, 1, 0], 3, "SUM"))).toEqual({ cells: ["<5", "<5", "<5"], total: "<5" });
    expect(shown(suppressTable([4], 4, "SUM"))).toEqual({ cells: ["<5"], total: "<5" });
    expect(shown(suppressTable([3, 2, 20], 25, "SUM"))).toEqual({ cells: ["<5", "<5", 20], total: 25 });
  });

  it("hides the next smallest cell when one small cell would be the total minus the rest", () => {
    // 33 − 20 − 10 = 3: with 10 hidden too, the reader knows only that the two make 13.
    expect(shown(suppressTable([3, 10, 20], 33, "SUM"))).toEqual({ cells: ["<5", "x", 20], total: 33 });
    // Ties: the first in row order.
    expect(shown(suppressTable([30, 12, 1, 12], 55, "SUM"))).toEqual({ cells: [30, "x", "<5", 12], total: 55 });
  });

  it("does not stop at two hidden cells when their sum gives them away", () => {
    // Two cells of 4 that make 8: each "<5" must be 4.
    expect(shown(suppressTable([4, 4, 50], 58, "SUM"))).toEqual({ cells: ["<5", "<5", "x"], total: 58 });
    // Two zeros that make 0.
    expect(shown(suppressTable([0, 0, 30, 40], 70, "SUM"))).toEqual({ cells: ["<5", "<5", "x", 40], total: 70 });
    // 16 − 6 = 10 for "<5" + "x", and "x" (the smallest shown, so at most the other 6) is 5 or 6: the "<5" would be 4.
    expect(shown(suppressTable([4, 6, 6], 16, "SUM"))).toEqual({ cells: ["<5", "x", "x"], total: 16 });
    // A hidden 5 beside a shown 5 would be 5: both go.
    expect(shown(suppressTable([3, 5, 5, 100], 113, "SUM"))).toEqual({ cells: ["<5", "x", "x", 100], total: 113 });
  });

  it("protects a small cell of a table whose rows cover the total (several values per visit)", () => {
    // 100 visits, 96 about housing: at least 4 are about taxes, and "<5" says at most 4.
    expect(shown(suppressTable([96, 4], 100, "COVER"))).toEqual({ cells: ["x", "<5"], total: 100 });
    // Rows that add up to far more than the total say nothing about a small one.
    expect(shown(suppressTable([60, 50, 3], 100, "COVER"))).toEqual({ cells: [60, 50, "<5"], total: 100 });
  });

  it("hides every cell as x when even the '<5' marks would give them away", () => {
    expect(shown(suppressTable([4, 4], 8, "SUM"))).toEqual({ cells: ["x", "x"], total: 8 });
    expect(shown(suppressTable([0, 5], 5, "SUM"))).toEqual({ cells: ["x", "x"], total: 5 });
  });

  it("refuses a table whose rows cannot be what the relation says", () => {
    expect(() => suppressTable([1, 2], 4, "SUM")).toThrow(RangeError);
    expect(() => suppressTable([1, 2], 4, "COVER")).toThrow(RangeError);
    expect(() => suppressTable([9], 8, "COVER")).toThrow(RangeError);
    expect(() => suppressTable([-1, 2], 1, "SUM")).toThrow(RangeError);
    expect(() => suppressTable([1.5], 1.5, "SUM")).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// The reader. Written without the code above: it knows what the page says a mark means ("<5" is
// 0–4; "x" is at least 5 and at most the smallest shown cell, or anything up to the total when
// every cell is "x"), how the rows relate to the total, and it tries every table that fits.

interface Truth {
  cells: number[];
  total: number;
  relation: TableRelation;
}

/** For each hidden cell, every value it takes in some table that fits what was published. */
function possibleValues(published: PublishedTable, relation: TableRelation): Map<number, Set<number>> {
  const n = published.cells.length;
  const hidden = published.cells.flatMap((c, i) => (c.value === null ? [i] : []));
  const shownValues = published.cells.flatMap((c) => (c.value === null ? [] : [c.value]));
  const everyCellX = n > 0 && published.cells.every((c) => c.mark === "COMPLEMENTARY");
  const totals = published.total.value === null ? [0, 1, 2, 3, 4] : [published.total.value];
  const found = new Map(hidden.map((i) => [i, new Set<number>()]));
  for (const total of totals) {
    const range = (i: number): number[] => {
      const mark = published.cells[i]!.mark;
      const [from, to] = mark === "BELOW_THRESHOLD" ? [0, 4] : everyCellX ? [0, total] : [5, Math.min(total, ...shownValues)];
      return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
    };
    const ranges = hidden.map(range);
    const values = published.cells.map((c) => c.value ?? 0);
    const fits = () => {
      const sum = values.reduce((a, b) => a + b, 0);
      if (values.some((v) => v > total)) return false;
      return relation === "SUM" ? sum === total : n === 0 ? total === 0 : sum >= total;
    };
    const tryFrom = (k: number) => {
      if (k === hidden.length) {
        if (fits()) hidden.forEach((i) => found.get(i)!.add(values[i]!));
        return;
      }
      for (const v of ranges[k]!) {
        values[hidden[k]!] = v;
        tryFrom(k + 1);
      }
    };
    tryFrom(0);
  }
  return found;
}

/** Tables of up to five rows with many small cells, as a quiet month at a small point has. */
const tables: fc.Arbitrary<Truth> = fc
  .record({
    cells: fc.array(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 2, arbitrary: fc.integer({ min: 5, max: 20 }) }), { minLength: 1, maxLength: 5 }),
    relation: fc.constantFrom<TableRelation>("SUM", "COVER"),
    overlap: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ cells, relation, overlap }) => {
    const sum = cells.reduce((a, b) => a + b, 0);
    const largest = Math.max(...cells);
    // A visit with several values is in several rows: the total is between the largest row and the sum.
    return { cells, relation, total: relation === "SUM" ? sum : Math.round(largest + (sum - largest) * overlap) };
  });

describe("suppressTable against a reader who tries every table", () => {
  it("never publishes a cell or total below 5, and publishes the rest as they are", () => {
    fc.assert(
      fc.property(tables, ({ cells, total, relation }) => {
        const published = suppressTable(cells, total, relation);
        published.cells.forEach((c, i) => {
          if (cells[i]! < 5) expect(c.value).toBeNull();
          if (c.value !== null) expect(c.value).toBe(cells[i]);
          expect(c.mark === "BELOW_THRESHOLD").toBe(cells[i]! < 5 && !published.cells.every((x) => x.mark === "COMPLEMENTARY"));
        });
        expect(published.total.value).toBe(total < 5 ? null : total);
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves no hidden cell that subtraction from the total recovers", () => {
    fc.assert(
      fc.property(tables, ({ cells, total, relation }) => {
        const published = suppressTable(cells, total, relation);
        const hidden = published.cells.filter((c) => c.value === null).length;
        // Rows that add up to the total: the total minus the shown rows is the one hidden row.
        if (relation === "SUM" && published.total.value !== null) expect(hidden).not.toBe(1);
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves every hidden cell with at least two values that fit everything published", () => {
    fc.assert(
      fc.property(tables, (truth) => {
        const published = suppressTable(truth.cells, truth.total, truth.relation);
        for (const [i, values] of possibleValues(published, truth.relation)) {
          expect(values.has(truth.cells[i]!), `the real value of row ${i} fits`).toBe(true);
          expect(values.size, `row ${i} of ${JSON.stringify(truth)} is pinned to ${[...values].join()}`).toBeGreaterThan(1);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("the reader is not a straw man: it recovers the small cell of a table protected by primary suppression alone", () => {
    const naive: PublishedTable = { cells: [{ value: null, mark: "BELOW_THRESHOLD" }, { value: 10, mark: "SHOWN" }, { value: 20, mark: "SHOWN" }], total: { value: 33, mark: "SHOWN" } };
    expect([...possibleValues(naive, "SUM").get(0)!]).toEqual([3]);
    const twoFours: PublishedTable = { cells: [{ value: null, mark: "BELOW_THRESHOLD" }, { value: null, mark: "BELOW_THRESHOLD" }, { value: 50, mark: "SHOWN" }], total: { value: 58, mark: "SHOWN" } };
    expect([...possibleValues(twoFours, "SUM").get(1)!]).toEqual([4]);
    const cover: PublishedTable = { cells: [{ value: 96, mark: "SHOWN" }, { value: null, mark: "BELOW_THRESHOLD" }], total: { value: 100, mark: "SHOWN" } };
    expect([...possibleValues(cover, "COVER").get(1)!]).toEqual([4]);
  });
});
