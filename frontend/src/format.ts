// Pure formatting helpers (no DOM), so they stay easy to read and to reuse.
import type { CourseSection, MeetingSlot } from "./types";

const DAY_ORDER = "월화수목금토일";

export function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** Groups slots that share a time and room: "월·수 10:30-11:45 공학관 301". */
export function scheduleLines(slots: MeetingSlot[]): string[] {
  if (!slots.length) return ["시간 미정"];
  const groups = new Map<string, { days: string[]; slot: MeetingSlot }>();
  for (const slot of slots) {
    const key = `${slot.start}-${slot.end}-${slot.room ?? ""}`;
    const group = groups.get(key);
    if (group) {
      if (!group.days.includes(slot.day)) group.days.push(slot.day);
    } else groups.set(key, { days: [slot.day], slot });
  }
  return [...groups.values()]
    .sort((a, b) => DAY_ORDER.indexOf(a.days[0]) - DAY_ORDER.indexOf(b.days[0]) || a.slot.start - b.slot.start)
    .map(({ days, slot }) => {
      const sorted = days.sort((a, b) => DAY_ORDER.indexOf(a) - DAY_ORDER.indexOf(b)).join("·");
      const room = slot.room ? ` ${slot.room}` : "";
      return `${sorted} ${hhmm(slot.start)}-${hhmm(slot.end)}${room}`;
    });
}

export function credits(section: CourseSection): string | null {
  if (section.credits == null) return null;
  const value = Number.isInteger(section.credits) ? String(section.credits) : section.credits.toFixed(1);
  return `${value}학점`;
}

export function sectionLabel(section: CourseSection): string {
  return section.section ? `${section.section}분반` : "";
}
