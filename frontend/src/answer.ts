// An answer's text, made to be scanned: its lines as paragraphs, times and rooms never broken across lines,
// marked English when it is, and — when cards show the same sections — the bullet list folded away.
import { el } from "./dom";
import type { BotMessage } from "./types";

export const BULLET = /^\s*[-•·*]\s+/;
const WEEK_LINE = /^\s*\d+안\s*\(/; // "1안 (9학점): 수·금요일 공강, …"
// "10:30-11:45", and a short parenthesised place such as "(공학관 301)": kept on one line.
const UNBREAKABLE = /(\d{1,2}:\d{2}\s*[-~–]\s*\d{1,2}:\d{2}|\([^()\n]{1,24}\d[^()\n]{0,12}\))/g;

/** "en" when the text is mostly Latin letters (Korean names inside an English answer do not change that). */
export function languageOf(text: string): "en" | "ko" {
  const hangul = (text.match(/[가-힣]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return latin > 3 * hangul ? "en" : "ko";
}

/** A line of text with its times and rooms in unbreakable spans. */
function inline(line: string): (Node | string)[] {
  const parts: (Node | string)[] = [];
  let last = 0;
  for (const match of line.matchAll(UNBREAKABLE)) {
    if (match.index > last) parts.push(line.slice(last, match.index));
    parts.push(el("span", { class: "nowrap" }, match[0]));
    last = match.index + match[0].length;
  }
  if (last < line.length) parts.push(line.slice(last));
  return parts;
}

function bulletList(lines: string[]): HTMLElement {
  return el("ul", {}, ...lines.map((line) => el("li", {}, ...inline(line.replace(BULLET, "")))));
}

/** Search mode with cards: its bullet list repeats them, so it is folded away. */
export function folds(message: BotMessage): boolean {
  return message.mode === "search" && !message.pending && message.sources.length > 0;
}

/**
 * The answer's words. In search mode the API words every listed section as a bullet for the command line and
 * sends the same sections as structured sources; the page shows those as cards, so here the bullets fold into
 * a closed "목록을 글로 보기" (open it to read them as text): the text and the cards never say it twice.
 */
export function answerBody(message: BotMessage): HTMLElement {
  const text = message.content;
  const body = el("div", { class: "answer-text" });
  if (languageOf(text) === "en") body.setAttribute("lang", "en");
  const fold = folds(message);
  const folded: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (!run.length) return;
    if (fold) folded.push(...run);
    else body.append(bulletList(run));
    run = [];
  };
  // With planned weeks, the "1안 (9학점): …" lines say what each tab's notes say: folded with the bullets.
  const week = message.timetables?.length ? WEEK_LINE : null;
  for (const line of text.split("\n")) {
    if (BULLET.test(line) || (fold && week?.test(line))) {
      run.push(line);
      continue;
    }
    flush();
    if (line.trim()) body.append(el("p", {}, ...inline(line)));
  }
  flush();
  if (folded.length) {
    const summary = body.getAttribute("lang") === "en" ? `Show the list as text (${folded.length})` : `목록을 글로 보기 (${folded.length}줄)`;
    body.append(el("details", { class: "answer-list" }, el("summary", {}, summary), bulletList(folded)));
  }
  return body;
}
