// Planned weeks (ChatResponse.timetables) as small week grids under the answer: days across, times down, one
// block per meeting with the course's name. Several weeks share one grid, chosen with tabs ("1안", "2안", …).
import { el } from "./dom";
import { hhmm, sectionLabel } from "./format";
import type { CourseSection, MeetingSlot, Timetable } from "./types";

const WEEK = ["월", "화", "수", "목", "금", "토", "일"];
const STEP = 5; // minutes per grid row: meetings start and end on whole rows (rounded out)
const COLORS = 6; // course colors (styles.css: .tt-color-0 … .tt-color-5)

interface Meeting {
  section: CourseSection;
  slot: MeetingSlot;
  course: number; // the course's place in the week, for its color
}

function meetings(week: Timetable): Meeting[] {
  return week.sections.flatMap((section, course) => section.slots.map((slot) => ({ section, slot, course })));
}

/** The days shown: Monday to Friday, and a weekend day only when a class meets then. */
function shownDays(found: Meeting[]): string[] {
  const used = new Set(found.map((m) => m.slot.day));
  return WEEK.filter((day, i) => i < 5 || used.has(day));
}

function block(meeting: Meeting, column: number, top: number): HTMLElement {
  const { section, slot } = meeting;
  const time = `${hhmm(slot.start)}-${hhmm(slot.end)}`;
  const startRow = Math.floor((slot.start - top) / STEP) + 2; // row 1 holds the day names
  const endRow = Math.ceil((slot.end - top) / STEP) + 2;
  const node = el(
    "div",
    {
      class: `tt-block tt-color-${meeting.course % COLORS}`,
      role: "listitem",
      "data-day": slot.day,
      "data-start": hhmm(slot.start),
      "data-end": hhmm(slot.end),
      "data-code": section.code,
      "data-section": section.section,
      "aria-label": `${slot.day}요일 ${time} ${section.name} ${sectionLabel(section)}${slot.room ? ` (${slot.room})` : ""}`,
      title: `${section.name} ${sectionLabel(section)}\n${slot.day} ${time}${slot.room ? `\n${slot.room}` : ""}`,
    },
    el("span", { class: "tt-name" }, section.name),
    el("span", { class: "tt-time" }, time),
  );
  node.style.gridColumn = String(column);
  node.style.gridRow = `${startRow} / ${Math.max(endRow, startRow + 1)}`;
  return node;
}

/** One week as a grid: a header row of days, an hour label every hour, and the meetings placed by time. */
export function weekGrid(week: Timetable): HTMLElement {
  const found = meetings(week);
  const days = shownDays(found);
  const top = Math.floor(Math.min(...found.map((m) => m.slot.start), 9 * 60) / 60) * 60;
  const bottom = Math.ceil(Math.max(...found.map((m) => m.slot.end), 18 * 60) / 60) * 60;
  const rows = (bottom - top) / STEP;
  const grid = el("div", { class: "tt-grid", role: "list", "aria-label": "주간 시간표" });
  grid.style.gridTemplateColumns = `3.2rem repeat(${days.length}, minmax(0, 1fr))`;
  grid.style.gridTemplateRows = `auto repeat(${rows}, var(--tt-row))`;
  grid.append(el("div", { class: "tt-corner", "aria-hidden": "true" }));
  days.forEach((day, i) => {
    const head = el("div", { class: "tt-day", "data-day": day, "aria-hidden": "true" }, day);
    head.style.gridColumn = String(i + 2);
    grid.append(head);
  });
  for (let minute = top; minute < bottom; minute += 60) {
    const label = el("div", { class: "tt-hour", "data-hour": hhmm(minute), "aria-hidden": "true" }, hhmm(minute));
    const row = (minute - top) / STEP + 2;
    label.style.gridRow = `${row} / ${row + 60 / STEP}`;
    grid.append(label);
  }
  for (const meeting of found) {
    const column = days.indexOf(meeting.slot.day) + 2;
    if (column >= 2) grid.append(block(meeting, column, top));
  }
  const untimed = week.sections.filter((s) => !s.slots.length);
  const rest = untimed.length
    ? el("p", { class: "tt-untimed" }, `시간 미정: ${untimed.map((s) => `${s.name} ${sectionLabel(s)}`).join(", ")}`)
    : null;
  return el("div", { class: "tt-week" }, grid, rest);
}

function caption(week: Timetable, number: number): string {
  const credits = week.credits != null ? ` · ${week.credits}학점` : "";
  return `${number}안${credits} · 주 ${week.days.length}일`;
}

/** Every planned week under the answer: tabs to choose one, its notes, and its grid. */
export function timetablesView(weeks: Timetable[]): HTMLElement {
  const view = el("section", { class: "timetables", "aria-label": "추천 시간표" });
  const tabs = el("div", { class: "tt-tabs", role: "tablist", "aria-label": "시간표 안" });
  const panel = el("div", { class: "tt-panel", role: "tabpanel" });
  const show = (index: number) => {
    tabs.querySelectorAll("button").forEach((tab, i) => tab.setAttribute("aria-selected", String(i === index)));
    const week = weeks[index];
    panel.setAttribute("aria-label", caption(week, index + 1));
    panel.replaceChildren(
      el("p", { class: "tt-notes" }, week.notes.join(" · ")),
      weekGrid(week),
    );
  };
  weeks.forEach((week, i) => {
    const tab = el("button", { type: "button", role: "tab", class: "btn btn-small tt-tab" }, caption(week, i + 1));
    tab.addEventListener("click", () => show(i));
    tabs.append(tab);
  });
  view.append(el("h3", { class: "sources-title" }, "추천 시간표"), tabs, panel);
  show(0);
  return view;
}
