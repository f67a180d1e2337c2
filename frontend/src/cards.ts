// A course section as a compact card: what tells sections apart (분반, professor, days and times, room,
// credits) in two lines, and badges for what a student must not miss (영어강의, 대학원, restricted enrolment).
import { el } from "./dom";
import { credits, scheduleParts, sectionLabel } from "./format";
import { addToDraftButton } from "./timetable";
import type { CourseSection } from "./types";

// 과정 of graduate sections as a card badge (undergraduate sections carry none).
const GRADUATE_LEVELS: Record<string, string> = { 석사: "대학원 석사", 박사: "대학원 박사", 석박: "대학원 석·박사" };

/** "전공필수 [전필]" (the index keeps both forms so either matches a search) → "전필"; else as written. */
export function shortCategory(category: string | null | undefined): string | null {
  if (!category) return null;
  const short = /\[([^\]]+)\]\s*$/.exec(category);
  return short ? short[1] : category;
}

function badges(section: CourseSection): HTMLElement {
  const row = el("span", { class: "card-badges" });
  const category = shortCategory(section.category);
  if (category) row.append(el("span", { class: "badge badge-cat" }, category));
  if (section.english) row.append(el("span", { class: "badge badge-en" }, "영어강의"));
  const graduate = section.level ? GRADUATE_LEVELS[section.level] : undefined;
  if (graduate) row.append(el("span", { class: "badge badge-grad" }, graduate));
  if (section.restricted_to_target) {
    const who = section.target ? `: ${section.target}` : "";
    row.append(el("span", { class: "badge badge-restricted" }, `수강제한${who}`));
  }
  return row;
}

/** Days and times, each meeting in one unbreakable piece: "수·금 09:00-10:15 공학관 301". */
function schedule(section: CourseSection): HTMLElement {
  const line = el("span", { class: "card-when" });
  scheduleParts(section.slots).forEach(({ days, time, room }, i) => {
    if (i) line.append(" · ");
    line.append(el("span", { class: "nowrap" }, `${days} ${time}`));
    if (room) line.append(" ", el("span", { class: "nowrap card-room" }, room));
  });
  return line;
}

export function courseCard(section: CourseSection): HTMLElement {
  const label = sectionLabel(section);
  const creditText = credits(section);
  const who = section.professors.length ? section.professors.join(", ") : "교수 미정";
  return el(
    "li",
    { class: "card", "data-code": section.code, "data-section": section.section },
    el(
      "div",
      { class: "card-head" },
      el("h4", { class: "card-title" }, section.name, label ? el("span", { class: "card-section" }, ` ${label}`) : null),
      creditText ? el("span", { class: "card-credits" }, creditText) : null,
    ),
    el("p", { class: "card-line" }, el("span", { class: "card-prof" }, who), " · ", schedule(section)),
    el(
      "p",
      { class: "card-foot" },
      badges(section),
      el("span", { class: "card-code" }, [section.department, section.code].filter(Boolean).join(" · ")),
    ),
    section.slots.length ? addToDraftButton(section) : null,
  );
}
