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
}

export type Mode = "hyperclova" | "search";

export interface ChatResponse {
  answer: string;
  sources: CourseSection[];
  mode: Mode;
  request_id: string;
  usage?: Record<string, number> | null;
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
