// What leaves the page with an answer: the text a copy button puts on the clipboard, and what a rating is about.
import type { FeedbackContext } from "./api";
import { credits, scheduleLines, sectionLabel } from "./format";
import type { BotMessage, Turn } from "./types";

// The API's limits on a rating's answer text and cited codes (agent/feedback/record.py).
const FEEDBACK_ANSWER_CHARS = 8000;
const FEEDBACK_SOURCES = 100;

/** The answer as plain text: its words, then one line per course card. */
export function answerAsText(message: BotMessage): string {
  const cards = message.sources.map((s) => {
    const who = s.professors.length ? s.professors.join(", ") : "교수 미정";
    return ["-", s.name, sectionLabel(s), `(${s.code})`, "·", who, "·", scheduleLines(s.slots).join(", "), credits(s) ?? ""]
      .filter(Boolean)
      .join(" ");
  });
  return [message.content.trim(), ...(cards.length ? ["", ...cards] : [])].join("\n");
}

export async function copyText(message: BotMessage): Promise<boolean> {
  const text = answerAsText(message);
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (an insecure origin, an old browser): the selection way.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

/** What the rated answer was about: its question, text, cited course codes, term, mode and history. */
export function feedbackContext(message: BotMessage, history: Turn[]): FeedbackContext {
  const terms = [...new Set(message.sources.map((s) => s.term))];
  const term = message.term ?? (terms.length === 1 ? terms[0] : undefined);
  return {
    question: message.question,
    answer: message.content.slice(0, FEEDBACK_ANSWER_CHARS),
    sources: [...new Set(message.sources.map((s) => s.code))].slice(0, FEEDBACK_SOURCES),
    ...(term ? { term } : {}),
    ...(message.mode ? { mode: message.mode } : {}),
    history,
  };
}
