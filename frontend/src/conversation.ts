// The conversation as data: kept in localStorage between visits, and turned into the API's text history.
import type { BotMessage, Message, Turn } from "./types";

const STORAGE_KEY = "coursebot.conversation.v1";
const TERM_KEY = "coursebot.term.v1";
const HISTORY_TURNS = 10; // recent turns sent with each question; the server trims further to its budget

export function newId(): string {
  return crypto.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

function settled(m: Message): boolean {
  return !(m.role === "assistant" && m.pending);
}

export function loadConversation(): Message[] {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Message[]) : [];
    // An answer that was still pending when the page closed can't resume: drop it.
    return Array.isArray(parsed) ? parsed.filter(settled) : [];
  } catch {
    return [];
  }
}

export function saveConversation(messages: Message[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(messages.filter(settled)));
  } catch {
    /* storage full or disabled: the conversation still works in memory */
  }
}

export function loadTerm(): string | null {
  try {
    return localStorage.getItem(TERM_KEY);
  } catch {
    return null;
  }
}

export function saveTerm(term: string): void {
  try {
    localStorage.setItem(TERM_KEY, term);
  } catch {
    /* not remembered: the picker still works for this visit */
  }
}

/** The turns before `uptoId`, as the API's history: completed exchanges only. */
export function historyBefore(messages: Message[], uptoId: string): Turn[] {
  const turns: Turn[] = [];
  for (const m of messages) {
    if (m.id === uptoId) break;
    if (m.role === "user") turns.push({ role: "user", content: m.content });
    else if (!m.error && !m.pending && m.content) turns.push({ role: "assistant", content: m.content });
  }
  // Drop a user turn that never got an answer (a failed or stopped request), and a trailing one.
  const paired = turns.filter((t, i) => t.role === "assistant" || turns[i + 1]?.role === "assistant");
  return paired.slice(-HISTORY_TURNS * 2);
}

export function isBot(message: Message): message is BotMessage {
  return message.role === "assistant";
}
