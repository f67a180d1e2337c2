// Pure formatting helpers (no DOM), so they stay easy to read and to reuse.
import type { CourseSection, MeetingSlot } from "./types";

const DAY_ORDER = "월화수목금토일";

export function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

export interface ScheduleLine {
  days: string; // "월·수"
  time: string; // "10:30-11:45"
  room: string | null;
}

/** Groups slots that share a time and room: "월·수 10:30-11:45 공학관 301". */
export function scheduleLines(slots: MeetingSlot[]): string[] {
  if (!slots.length) return ["시간 미정"];
  return scheduleParts(slots).map(({ days, time, room }) => `${days} ${time}${room ? ` ${room}` : ""}`);
}

/** The meetings grouped by time and room, in weekday order (none: "시간 미정"). */
export function scheduleParts(slots: MeetingSlot[]): ScheduleLine[] {
  if (!slots.length) return [{ days: "시간", time: "미정", room: null }];
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
    .map(({ days, slot }) => ({
      days: days.sort((a, b) => DAY_ORDER.indexOf(a) - DAY_ORDER.indexOf(b)).join("·"),
      time: `${hhmm(slot.start)}-${hhmm(slot.end)}`,
      room: slot.room ?? null,
    }));
}

export function credits(section: CourseSection): string | null {
  if (section.credits == null) return null;
  const value = Number.isInteger(section.credits) ? String(section.credits) : section.credits.toFixed(1);
  return `${value}학점`;
}

/** "02분반": the catalog's section, or the number Soongsil students use when its codes are per section. */
export function sectionLabel(section: CourseSection): string {
  const label = section.section || section.section_no;
  return label ? `${label}분반` : "";
}
