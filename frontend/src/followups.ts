// Follow-up chips under the latest answer, made by the page from what the answer holds: a day some of its
// sections meet on ("금요일 반만"), English-taught ones among others ("영어강의만"), rooms when the text named
// none ("강의실은?"), and the courses talked about into a week ("시간표에 담기"). Each sends an ordinary message.
import type { BotMessage, CourseSection, Message } from "./types";

export interface FollowUp {
  label: string;
  message: string;
}

const WEEKDAYS = ["월", "화", "수", "목", "금", "토"];
const MOST = 3; // chips under one answer
const PLAN_COURSES = 4; // at most this many courses go into a "시간표에 담기"

function dayOf(sections: CourseSection[]): FollowUp | null {
  const meets = (s: CourseSection, day: string) => s.slots.some((slot) => slot.day === day);
  // Some sections meet that day and some do not: choosing it narrows the list. Friday first (공강).
  const days = ["금", ...WEEKDAYS.filter((d) => d !== "금")];
  const day = days.find((d) => sections.some((s) => meets(s, d)) && !sections.every((s) => meets(s, d)));
  return day ? { label: `${day}요일 반만`, message: `${day}요일 반만` } : null;
}

function englishOf(sections: CourseSection[]): FollowUp | null {
  const english = sections.filter((s) => s.english).length;
  return english && english < sections.length ? { label: "영어강의만", message: "영어강의만" } : null;
}

function roomsOf(message: BotMessage): FollowUp | null {
  const rooms = new Set(message.sources.flatMap((s) => s.slots.map((slot) => slot.room)).filter(Boolean));
  const lead = message.content.split("\n")[0] ?? "";
  const named = [...rooms].some((room) => lead.includes(room!));
  return rooms.size > 1 && !named ? { label: "강의실은?", message: "강의실은?" } : null;
}

/** The courses of the conversation so far, newest last (one name each). */
function coursesTalkedAbout(messages: Message[]): string[] {
  const names: string[] = [];
  for (const m of messages) {
    if (m.role !== "assistant" || m.timetables?.length) continue;
    for (const s of m.sources) if (!names.includes(s.name)) names.push(s.name);
  }
  return names.slice(-PLAN_COURSES);
}

function planOf(message: BotMessage, messages: Message[]): FollowUp | null {
  if (message.timetables?.length) return null;
  const names = coursesTalkedAbout(messages);
  const current = new Set(message.sources.map((s) => s.name));
  if (names.length < 2 || current.size > PLAN_COURSES) return null;
  return { label: "시간표에 담기", message: `${names.join(", ")} 들을 건데 시간표 짜줘` };
}

export function followUps(message: BotMessage, messages: Message[]): FollowUp[] {
  if (message.pending || message.error || !message.sources.length) return [];
  const found = [dayOf(message.sources), englishOf(message.sources), roomsOf(message), planOf(message, messages)];
  return found.filter((chip): chip is FollowUp => chip !== null).slice(0, MOST);
}
