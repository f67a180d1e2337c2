// Planned weeks (ChatResponse.timetables) as week grids under the answer: days across, times down, one block per
// meeting with the course's name, time and room, one colour per course, overlapping meetings in red. Several
// weeks share one grid, chosen with tabs ("1안", "2안", …). A week can be saved as an image or as an .ics file
// for the term start the student picks. Any course card can add its section to a draft timetable (kept in
// localStorage), drawn the same way, so a student can build a week from list answers and see clashes at once.
import { el } from "../dom";
import { hhmm, sectionLabel } from "../format";
import { icsText, pngDataUrl, termStart } from "./export";
import "./grid.css";
import type { CourseSection, MeetingSlot, Timetable } from "../types";

const WEEK = ["월", "화", "수", "목", "금", "토", "일"];
const STEP = 5; // minutes per grid row: meetings start and end on whole rows (rounded out)
const COLORS = 6; // course colours (styles.css: .tt-color-0 … .tt-color-5)
const DRAFT_KEY = "coursebot.draft-timetable";

export interface Meeting {
  section: CourseSection;
  slot: MeetingSlot;
  course: number; // the course's place in the week, for its colour
  clash: boolean; // overlaps another meeting of the week
  lane: number; // 0, or 1 for a meeting that overlaps an earlier one: drawn side by side, both visible
}

/** Every meeting of the week, each marked when it overlaps another (a check that failed, or a draft). */
export function meetings(week: Timetable): Meeting[] {
  const found = week.sections.flatMap((section, course) =>
    section.slots.map((slot) => ({ section, slot, course, clash: false, lane: 0 })),
  );
  const overlap = (a: Meeting, b: Meeting) => b !== a && b.section !== a.section && b.slot.day === a.slot.day &&
    a.slot.start < b.slot.end && b.slot.start < a.slot.end;
  found.forEach((a, i) => {
    a.clash = found.some((b) => overlap(a, b));
    a.lane = found.slice(0, i).some((b) => overlap(a, b) && b.lane === 0) ? 1 : 0;
  });
  return found;
}

/** The days shown: Monday to Friday, and Saturday (or Sunday) only when a class meets then. */
function shownDays(found: Meeting[]): string[] {
  const used = new Set(found.map((m) => m.slot.day));
  return WEEK.filter((day, i) => i < 5 || used.has(day));
}

function block(meeting: Meeting, column: number, top: number): HTMLElement {
  const { section, slot } = meeting;
  const time = `${hhmm(slot.start)}-${hhmm(slot.end)}`;
  const startRow = Math.floor((slot.start - top) / STEP) + 2; // row 1 holds the day names
  const endRow = Math.ceil((slot.end - top) / STEP) + 2;
  const clash = meeting.clash ? "겹침: " : "";
  const node = el(
    "div",
    {
      class: `tt-block tt-color-${meeting.course % COLORS}${meeting.clash ? " tt-conflict" : ""}`,
      role: "listitem",
      "data-day": slot.day,
      "data-start": hhmm(slot.start),
      "data-end": hhmm(slot.end),
      "data-code": section.code,
      "data-section": section.section,
      "aria-label": `${clash}${slot.day}요일 ${time} ${section.name} ${sectionLabel(section)}${slot.room ? ` (${slot.room})` : ""}`,
      title: `${clash}${section.name} ${sectionLabel(section)}\n${slot.day} ${time}${slot.room ? `\n${slot.room}` : ""}`,
    },
    el("span", { class: "tt-name" }, section.name),
    el("span", { class: "tt-time" }, time),
    slot.room ? el("span", { class: "tt-room" }, slot.room) : null,
  );
  node.style.gridColumn = String(column);
  node.style.gridRow = `${startRow} / ${Math.max(endRow, startRow + 1)}`;
  if (meeting.clash) {  // two classes at once: half the column each, so both are seen
    node.style.width = "calc(50% - 3px)";
    node.style.justifySelf = meeting.lane ? "end" : "start";
  }
  return node;
}

/** The hours a week's grid spans: 09:00-18:00 at least, widened to whole hours around every meeting. */
export function span(found: Meeting[]): [number, number] {
  const top = Math.floor(Math.min(...found.map((m) => m.slot.start), 9 * 60) / 60) * 60;
  const bottom = Math.ceil(Math.max(...found.map((m) => m.slot.end), 18 * 60) / 60) * 60;
  return [top, bottom];
}

/** One week as a grid: a header row of days, an hour label every hour, and the meetings placed by time. */
export function weekGrid(week: Timetable): HTMLElement {
  const found = meetings(week);
  const days = shownDays(found);
  const [top, bottom] = span(found);
  const grid = el("div", { class: "tt-grid", role: "list", "aria-label": "주간 시간표" });
  grid.style.gridTemplateColumns = `2.6rem repeat(${days.length}, minmax(0, 1fr))`;
  grid.style.gridTemplateRows = `auto repeat(${(bottom - top) / STEP}, var(--tt-row))`;
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

function download(name: string, href: string): void {
  const link = el("a", { href, download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

/** "개강일 [date] [이미지로 저장] [캘린더(.ics)로 저장]" for the week `current()` returns. */
function exportBar(current: () => Timetable): HTMLElement {
  const first = current().sections[0];
  const date = el("input", { type: "date", class: "tt-start", "aria-label": "개강일 (학기 첫날)" });
  date.value = termStart(first?.term);
  const image = el("button", { type: "button", class: "btn btn-small tt-save-image" }, "이미지로 저장");
  const ics = el("button", { type: "button", class: "btn btn-small tt-save-ics" }, "캘린더(.ics)로 저장");
  image.addEventListener("click", () => download("timetable.png", pngDataUrl(meetings(current()))));
  ics.addEventListener("click", () => {
    const text = icsText(current(), date.value || termStart(first?.term));
    download("timetable.ics", `data:text/calendar;charset=utf-8,${encodeURIComponent(text)}`);
  });
  return el("div", { class: "tt-actions" }, el("label", { class: "tt-start-label" }, "개강일 ", date), image, ics);
}

function caption(week: Timetable, number: number): string {
  const credits = week.credits != null ? ` · ${week.credits}학점` : "";
  return `${number}안${credits} · 주 ${week.days.length}일`;
}

/** Every week of an answer: tabs to choose one (when several), its notes, its grid and the save buttons. */
export function timetablesView(weeks: Timetable[]): HTMLElement {
  const view = el("section", { class: "timetables", "aria-label": "추천 시간표" });
  const tabs = el("div", { class: "tt-tabs", role: "tablist", "aria-label": "시간표 안" });
  const panel = el("div", { class: "tt-panel", role: "tabpanel" });
  let index = 0;
  const show = (chosen: number) => {
    index = chosen;
    tabs.querySelectorAll("button").forEach((tab, i) => tab.setAttribute("aria-selected", String(i === chosen)));
    const week = weeks[chosen];
    panel.setAttribute("aria-label", caption(week, chosen + 1));
    const clash = meetings(week).some((m) => m.clash);
    panel.replaceChildren(el("p", { class: `tt-notes${clash ? " tt-notes-conflict" : ""}` }, week.notes.join(" · ")),
      weekGrid(week));
  };
  weeks.forEach((week, i) => {
    const tab = el("button", { type: "button", role: "tab", class: "btn btn-small tt-tab" }, caption(week, i + 1));
    tab.addEventListener("click", () => show(i));
    tabs.append(tab);
  });
  const title = weeks.length > 1 || !meetings(weeks[0]).some((m) => m.clash) ? "추천 시간표" : "확인한 시간표";
  view.append(el("h3", { class: "sources-title" }, title), ...(weeks.length > 1 ? [tabs] : []), panel,
    exportBar(() => weeks[index]));
  show(0);
  return view;
}

// --- The draft timetable: sections added from course cards -----------------------------------------------

function loadDraft(): CourseSection[] {
  try {
    const stored = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? "[]");
    return Array.isArray(stored) ? (stored as CourseSection[]) : [];
  } catch {
    return []; // a corrupt entry is an empty draft, not a broken page
  }
}

function saveDraft(sections: CourseSection[]): void {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(sections));
  } catch {
    /* storage full or disabled: the draft lives for this page only */
  }
}

let draft: CourseSection[] = [];
let draftLoaded = false;
const same = (a: CourseSection, b: CourseSection) => a.code === b.code && a.name === b.name && a.term === b.term;

function draftWeek(): Timetable {
  const credits = draft.filter((s) => s.credits != null).reduce((sum, s) => sum + (s.credits ?? 0), 0);
  const days = WEEK.filter((day) => draft.some((s) => s.slots.some((slot) => slot.day === day)));
  return { sections: draft, credits, days, notes: [] };
}

function renderDraft(): void {
  let panel = document.querySelector<HTMLElement>("aside.tt-draft");
  if (!draft.length) {
    panel?.remove();
    return;
  }
  if (!panel) {
    panel = el("aside", { class: "tt-draft", "aria-label": "내 시간표 초안" });
    document.body.append(panel);
  }
  const week = draftWeek();
  const clashes = meetings(week).filter((m) => m.clash).length;
  const open = panel.dataset.open !== "false";
  const toggle = el("button", { type: "button", class: "btn btn-small tt-draft-toggle", "aria-expanded": String(open) },
    open ? "접기" : "펼치기");
  toggle.addEventListener("click", () => {
    panel!.dataset.open = String(!open);
    renderDraft();
  });
  const head = el("div", { class: "tt-draft-head" },
    el("strong", {}, `내 시간표 (초안) · ${draft.length}과목 · ${week.credits}학점`), toggle);
  const status = el("p", { class: `tt-notes${clashes ? " tt-notes-conflict" : ""}`, role: "status" },
    clashes ? "겹치는 수업이 있어요 (빨간 칸)." : "겹치는 수업 없음");
  const list = el("ul", { class: "tt-draft-list" });
  for (const section of draft) {
    const remove = el("button", { type: "button", class: "btn btn-small", "aria-label": `${section.name} 빼기` }, "빼기");
    remove.addEventListener("click", () => setDraft(draft.filter((s) => s !== section)));
    list.append(el("li", {}, `${section.name} ${sectionLabel(section)} `, remove));
  }
  panel.replaceChildren(head, ...(open ? [status, weekGrid(week), list, exportBar(draftWeek)] : [status]));
}

function setDraft(sections: CourseSection[]): void {
  draft = sections;
  saveDraft(draft);
  renderDraft();
}

/** "시간표에 추가": puts the card's section in the draft (instead of another section of the same course). */
export function addToDraftButton(section: CourseSection): HTMLElement {
  if (!draftLoaded) {
    draftLoaded = true;
    draft = loadDraft();
    if (draft.length) queueMicrotask(renderDraft);
  }
  const button = el("button", { type: "button", class: "btn btn-small tt-add", "aria-label": `${section.name} ${sectionLabel(section)} 시간표에 추가`.replace(/\s+/g, " ") },
    "시간표에 추가");
  button.addEventListener("click", () => setDraft([...draft.filter((s) => !same(s, section)), section]));
  return button;
}
