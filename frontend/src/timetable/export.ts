// A week saved outside the page: an .ics calendar (every meeting weekly from the term start the student picks)
// and a PNG image of the grid (drawn on a canvas, so it needs no library).
import { hhmm, sectionLabel } from "../format";
import type { Meeting } from "./index";
import type { Timetable } from "../types";

const WEEK = ["월", "화", "수", "목", "금", "토", "일"];
export const TERM_WEEKS = 16; // a Korean semester: 15 weeks of classes and an exam week
const FILLS = ["#e8efff", "#e4f7ec", "#fff4d6", "#f4ecff", "#ffe9e6", "#e6f6f8"]; // styles.css .tt-color-*
const INKS = ["#1d3f99", "#0d6b39", "#7a4d00", "#5b2a9e", "#a3301e", "#0b5d69"];

const iso = (date: Date) => date.toISOString().slice(0, 10);

function firstMonday(year: number, month: number): Date {
  const date = new Date(Date.UTC(year, month, 1));
  while (date.getUTCDay() !== 1) date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

/** The usual first day of a term ("2026-1": the first Monday of March; "-2": of September); else next Monday. */
export function termStart(term: string | undefined, today: Date = new Date()): string {
  const match = /^(\d{4})-([12])$/.exec(term ?? "");
  if (match) return iso(firstMonday(Number(match[1]), match[2] === "1" ? 2 : 8));
  const next = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
  do next.setUTCDate(next.getUTCDate() + 1); while (next.getUTCDay() !== 1);
  return iso(next);
}

const escape = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, "\\n");
const stamp = (date: string, minutes: number) => `${date.replace(/-/g, "")}T${hhmm(minutes).replace(":", "")}00`;

/** The week as an iCalendar file: one weekly event per meeting, `TERM_WEEKS` times, from `start` (YYYY-MM-DD),
 * times in Asia/Seoul. */
export function icsText(week: Timetable, start: string): string {
  const [y, m, d] = start.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1, d));
  const now = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//coursebot//timetable//KO", "CALSCALE:GREGORIAN",
    "BEGIN:VTIMEZONE", "TZID:Asia/Seoul", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0900",
    "TZOFFSETTO:+0900", "TZNAME:KST", "END:STANDARD", "END:VTIMEZONE"];
  for (const section of week.sections) {
    for (const slot of section.slots) {
      const offset = (WEEK.indexOf(slot.day) + 1 - first.getUTCDay() + 7) % 7; // getUTCDay: Sunday 0, Monday 1
      const date = iso(new Date(first.getTime() + offset * 86_400_000));
      const label = `${section.name}${section.section ? ` ${sectionLabel(section)}` : ""}`;
      lines.push("BEGIN:VEVENT", `UID:${section.code}-${section.section}-${slot.day}-${slot.start}-${start}@coursebot`,
        `DTSTAMP:${now}`, `DTSTART;TZID=Asia/Seoul:${stamp(date, slot.start)}`,
        `DTEND;TZID=Asia/Seoul:${stamp(date, slot.end)}`, `RRULE:FREQ=WEEKLY;COUNT=${TERM_WEEKS}`,
        `SUMMARY:${escape(label)}`, ...(slot.room ? [`LOCATION:${escape(slot.room)}`] : []),
        `DESCRIPTION:${escape([section.code, section.professors.join(", ")].filter(Boolean).join(" · "))}`,
        "END:VEVENT");
    }
  }
  lines.push("END:VCALENDAR");
  return lines.join("\r\n") + "\r\n";
}

/** The week's grid drawn on a canvas, as a PNG data URL (overlapping meetings in red). */
export function pngDataUrl(found: Meeting[]): string {
  const days = WEEK.filter((day, i) => i < 5 || found.some((m) => m.slot.day === day));
  const top = Math.floor(Math.min(...found.map((m) => m.slot.start), 540) / 60) * 60;
  const bottom = Math.ceil(Math.max(...found.map((m) => m.slot.end), 1080) / 60) * 60;
  const [left, head, hour, column] = [56, 36, 56, 150];
  const canvas = document.createElement("canvas");
  canvas.width = left + column * days.length;
  canvas.height = head + ((bottom - top) / 60) * hour;
  const g = canvas.getContext("2d");
  if (!g) return canvas.toDataURL("image/png");
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.font = "bold 15px sans-serif";
  g.fillStyle = "#333333";
  days.forEach((day, i) => g.fillText(day, left + column * i + column / 2 - 7, 24));
  g.font = "12px sans-serif";
  for (let minute = top; minute <= bottom; minute += 60) {
    const y = head + ((minute - top) / 60) * hour;
    g.fillStyle = "#dddddd";
    g.fillRect(left, y, canvas.width - left, 1);
    g.fillStyle = "#777777";
    if (minute < bottom) g.fillText(hhmm(minute), 8, y + 14);
  }
  for (const m of found) {
    const width = m.clash ? column / 2 - 4 : column - 6; // two classes at once: side by side
    const x = left + column * days.indexOf(m.slot.day) + 3 + (m.clash && m.lane ? column / 2 : 0);
    const y = head + ((m.slot.start - top) / 60) * hour;
    const h = ((m.slot.end - m.slot.start) / 60) * hour;
    g.fillStyle = m.clash ? "#ffd6d6" : FILLS[m.course % FILLS.length];
    g.fillRect(x, y, width, h);
    g.fillStyle = m.clash ? "#b42318" : INKS[m.course % INKS.length];
    g.font = "bold 13px sans-serif";
    g.fillText(m.section.name, x + 4, y + 16, width - 8);
    g.font = "11px sans-serif";
    g.fillText(`${hhmm(m.slot.start)}-${hhmm(m.slot.end)}`, x + 4, y + 31, width - 8);
    if (m.slot.room) g.fillText(m.slot.room, x + 4, y + 45, width - 8);
  }
  return canvas.toDataURL("image/png");
}
