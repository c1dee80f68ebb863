// What a capacity change will do, shown before it is made. The engine decides for real (and
// refuses a capacity below the seats held); this mirrors its rule for the preview.

export type CapacityPreview =
  | { kind: "invalid" }
  | { kind: "unchanged" }
  | { kind: "refused"; held: number }
  | { kind: "raise"; capacity: number; offers: number; names: string[]; confirms: boolean }
  | { kind: "lower"; capacity: number; free: number };

export function previewCapacity(
  course: { capacity: number; seatsHeld: number; confirmOnReferral: boolean; open: boolean },
  queue: readonly string[],
  next: number | undefined,
): CapacityPreview {
  if (next === undefined || !Number.isInteger(next) || next < 0 || next > 500) return { kind: "invalid" };
  if (next === course.capacity) return { kind: "unchanged" };
  if (next < course.seatsHeld) return { kind: "refused", held: course.seatsHeld };
  if (next < course.capacity) return { kind: "lower", capacity: next, free: next - course.seatsHeld };
  const free = next - Math.max(course.seatsHeld, 0);
  const offers = course.open ? Math.min(Math.max(free, 0), queue.length) : 0;
  return { kind: "raise", capacity: next, offers, names: queue.slice(0, offers), confirms: course.confirmOnReferral };
}
