// The API's shapes (see api/ in the backend: POST /chat, /chat/stream, /feedback).

export interface MeetingSlot {
  day: string;
  start: number; // minutes since midnight
  end: number;
  room?: string | null;
}

export interface CourseSection {
  term: string;
  code: string;
  section: string;
  name: string;
  name_en?: string | null;
  university?: string | null;
  department?: string | null;
  professors: string[];
  credits?: number | null;
  hours?: number | null;
  slots: MeetingSlot[];
  category?: string | null;
  target?: string | null;
  year?: string | null;
  english?: boolean;
  description?: string | null;
  notes?: string | null;
  level?: "학사" | "석사" | "박사" | "석박" | null; // 과정: graduate sections get a badge
  section_no?: string | null; // the 분반 students use when the code is per section (Soongsil)
  restricted_to_target?: boolean; // only the students `target` names may register
  restrictions?: string | null;
}

/** Which part of a matching set an answer lists; `next_offset` asks for the rest ("더 보기"). */
export interface Page {
  total_sections: number;
  total_courses: number;
  offset: number;
  shown: number;
  next_offset?: number | null;
}

/** A planned week (plan_timetable): one section per course, no overlaps; `days` with classes, `notes` on it. */
export interface Timetable {
  sections: CourseSection[];
  credits?: number | null;
  days: string[];
  notes: string[];
}

export type Mode = "hyperclova" | "search";

/** GET /terms: the index's terms, newest first; the default one; whose catalogs they are. */
export interface TermsInfo {
  terms: string[];
  default: string | null;
  universities: string[];
}

export interface ChatResponse {
  answer: string;
  sources: CourseSection[];
  mode: Mode;
  request_id: string;
  usage?: Record<string, number> | null;
  page?: Page | null;
  timetables?: Timetable[];
}

export interface Turn {
  role: "user" | "assistant";
  content: string;
}

export interface BotMessage {
  id: string;
  role: "assistant";
  content: string;
  sources: CourseSection[];
  mode?: Mode;
  requestId?: string;
  feedback?: "up" | "down";
  error?: ApiErrorInfo;
  pending?: boolean;
  question: string; // the question it answers, for retry
  page?: Page | null; // a listed set's totals; a "더 보기" button while `page.next_offset` is set
  offset?: number; // sent with the request: this answer continues a list from there
  moreTaken?: boolean; // its "더 보기" was used (the next page follows it)
  timetables?: Timetable[]; // planned weeks, drawn as a week grid under the answer
  term?: string; // the term asked about (the picker's choice when it was sent)
  comment?: string; // the student's words with a 👎, once sent
  expanded?: boolean; // all its cards shown ("N개 더 보기" used)
}

export interface UserMessage {
  id: string;
  role: "user";
  content: string;
}

export type Message = BotMessage | UserMessage;

export interface ApiErrorInfo {
  kind: "network" | "rate_limited" | "unavailable" | "timeout" | "invalid" | "server";
  message: string;
  status?: number;
  requestId?: string;
  retryAfter?: number;
}

export interface AppConfig {
  apiBaseUrl: string;
  stream: boolean;
  maxMessageChars: number;
}

declare global {
  interface Window {
    COURSEBOT_CONFIG?: Partial<AppConfig>;
  }
}
