import { describe, expect, it } from "vitest";
import { previewCapacity } from "./capacity";

const course = { capacity: 20, seatsHeld: 20, confirmOnReferral: false, open: true };
const queue = ["Aino", "Bashir", "Cem"];

describe("previewCapacity", () => {
  it("raising offers the new seats to the next people in the queue, no more than are waiting", () => {
    expect(previewCapacity(course, queue, 22)).toEqual({ kind: "raise", capacity: 22, offers: 2, names: ["Aino", "Bashir"], confirms: false });
    expect(previewCapacity(course, queue, 30)).toMatchObject({ kind: "raise", offers: 3 });
    expect(previewCapacity({ ...course, seatsHeld: 18 }, queue, 21)).toMatchObject({ offers: 3 });
  });
  it("on a closed or draft course raising offers nobody yet", () => {
    expect(previewCapacity({ ...course, open: false }, queue, 22)).toMatchObject({ kind: "raise", offers: 0, names: [] });
  });
  it("refuses lowering below the seats held and tells how many are held", () => {
    expect(previewCapacity(course, queue, 19)).toEqual({ kind: "refused", held: 20 });
    expect(previewCapacity({ ...course, seatsHeld: 10 }, queue, 12)).toEqual({ kind: "lower", capacity: 12, free: 2 });
  });
  it("says nothing for no change or an impossible number", () => {
    expect(previewCapacity(course, queue, 20)).toEqual({ kind: "unchanged" });
    expect(previewCapacity(course, queue, undefined)).toEqual({ kind: "invalid" });
    expect(previewCapacity(course, queue, -1)).toEqual({ kind: "invalid" });
    expect(previewCapacity(course, queue, 1.5)).toEqual({ kind: "invalid" });
  });
});
