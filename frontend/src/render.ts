// DOM rendering of messages: the question, the answer (lead text, cards, timetables), follow-up chips, copy and
// feedback. Text is always set with textContent (never innerHTML), so nothing the API returns can inject markup.
import { answerBody, languageOf } from "./answer";
import { courseCard } from "./cards";
import { el } from "./dom";
import type { FollowUp } from "./followups";
import { termLabel } from "./terms";
import { timetablesView } from "./timetable";
import type { BotMessage, Message } from "./types";

export { courseCard } from "./cards";

const CARDS_SHOWN = 4; // cards shown before "N개 더 보기": a phone screen holds the lead and these
const MODE_NOTES = {
  search: "AI 모델 없이 수강편람을 검색한 결과로 만든 답변이에요. 질문에 맞는 강좌를 그대로 보여 드려요.",
  hyperclova: "HyperCLOVA X가 수강편람 검색 결과를 근거로 작성한 답변이에요.",
} as const;

export interface MessageActions {
  onFeedback(message: BotMessage, rating: "up" | "down"): void;
  onComment(message: BotMessage, comment: string): void;
  onRetry(message: BotMessage): void;
  onMore(message: BotMessage): void;
  onFollowUp(text: string): void;
  onCopy(message: BotMessage): void;
}

export interface RenderOptions {
  chips: FollowUp[]; // follow-ups to offer (the latest answer only)
}

function button(label: string, className: string, onClick: () => void, attrs: Record<string, string> = {}) {
  const node = el("button", { type: "button", class: `btn ${className}`, ...attrs }, label);
  node.addEventListener("click", onClick);
  return node;
}

/** The cards, the first few shown; "N개 더 보기" shows the rest, then the API's next page ("더 보기" turn). */
function sourcesView(message: BotMessage, actions: MessageActions): HTMLElement {
  const count = message.sources.length;
  const list = el("ul", { class: "cards", id: `cards-${message.id}` });
  message.sources.forEach((source, i) => {
    const card = courseCard(source);
    if (i >= CARDS_SHOWN && !message.expanded && count > CARDS_SHOWN + 1) card.hidden = true;
    list.append(card);
  });
  const hidden = message.expanded || count <= CARDS_SHOWN + 1 ? 0 : count - CARDS_SHOWN; // never "1개 더 보기"
  // Which term the cards are from: a conversation may move between terms with the picker.
  const terms = [...new Set(message.sources.map((s) => termLabel(s.term)))].join(", ");
  const title = el("h3", { class: "sources-title" }, `근거 강좌 ${count}개 · ${terms}`);
  const view = el("div", { class: "sources" }, title, list);
  const next = message.page?.next_offset;
  const rest = message.page && next != null ? message.page.total_sections - next : 0;
  if (hidden) {
    const reveal = button(`${hidden}개 더 보기`, "btn-small more", () => {
      message.expanded = true; // kept with the message, so a redraw (e.g. after a rating) keeps them shown
      const first = list.children[CARDS_SHOWN] as HTMLElement;
      for (const card of list.children) (card as HTMLElement).hidden = false;
      reveal.remove();
      if (rest && !message.moreTaken) view.append(pagingButton(message, actions, rest));
      first.setAttribute("tabindex", "-1");
      first.focus();
    }, { "aria-controls": list.id, "aria-expanded": "false" });
    view.append(el("div", { class: "more-bar" }, reveal));
  } else if (rest && !message.moreTaken && !message.pending) {
    view.append(pagingButton(message, actions, rest));
  }
  return view;
}

function pagingButton(message: BotMessage, actions: MessageActions, rest: number): HTMLElement {
  const next = message.page!.next_offset!;
  const more = button("더 보기", "btn-small more", () => actions.onMore(message), {
    "aria-label": `나머지 ${rest}개 더 보기 (${next + 1}번째부터)`,
  });
  more.textContent = `나머지 ${rest}개 더 보기`;
  return el("div", { class: "more-bar" }, more);
}

function errorView(item: HTMLElement, message: BotMessage, actions: MessageActions): HTMLElement {
  item.dataset.state = "error";
  // The request id stays out of sight (students cannot use it) but in the page, for a support screenshot tool.
  if (message.error!.requestId) item.dataset.requestId = message.error!.requestId;
  return el(
    "div",
    { class: "bubble bubble-error" },
    el("p", { class: "error-text", role: "alert" }, message.error!.message),
    button("다시 시도", "btn-small retry", () => actions.onRetry(message)),
  );
}

function modeNote(message: BotMessage): HTMLElement | null {
  if (!message.mode) return null;
  const label = message.mode === "search" ? "검색 모드" : "HyperCLOVA X";
  // A disclosure, not a hover tooltip: phones and keyboards can open it too.
  return el(
    "details",
    { class: `mode mode-${message.mode}` },
    el("summary", {}, label),
    el("p", { class: "mode-note" }, MODE_NOTES[message.mode]),
  );
}

function chipsView(chips: FollowUp[], actions: MessageActions): HTMLElement | null {
  if (!chips.length) return null;
  const list = el("ul", { class: "chips", "aria-label": "이어서 물어보기" });
  for (const chip of chips) {
    const node = button(chip.label, "chip", () => actions.onFollowUp(chip.message));
    if (chip.message !== chip.label) node.setAttribute("aria-label", `${chip.label}: ${chip.message}`);
    list.append(el("li", {}, node));
  }
  return list;
}

function feedbackView(message: BotMessage, actions: MessageActions): HTMLElement {
  const bar = el("div", { class: "feedback", role: "group", "aria-labelledby": `rate-${message.id}` });
  bar.append(el("span", { class: "feedback-label", id: `rate-${message.id}` }, "이 답변에 대한 평가예요"));
  for (const [rating, emoji, label] of [["up", "👍", "도움이 됐어요"], ["down", "👎", "도움이 안 됐어요"]] as const) {
    const node = button(emoji, "btn-icon", () => actions.onFeedback(message, rating), {
      "aria-label": label, "aria-pressed": String(message.feedback === rating), "data-rating": rating,
    });
    if (message.feedback) node.disabled = true;
    bar.append(node);
  }
  if (message.feedback && (message.feedback === "up" || message.comment)) {
    bar.append(el("span", { class: "feedback-thanks", role: "status" }, "의견 고마워요!"));
  }
  const copy = button("복사", "btn-small copy", () => actions.onCopy(message), { "aria-label": "답변 복사" });
  const row = el("div", { class: "answer-actions" }, copy, bar);
  return message.feedback === "down" && !message.comment ? el("div", {}, row, commentBox(message, actions)) : row;
}

/** After 👎 (already recorded): what was wrong, in the student's words, sent with the same rating. */
function commentBox(message: BotMessage, actions: MessageActions): HTMLElement {
  const id = `comment-${message.id}`;
  const area = el("textarea", { id, class: "comment-input", rows: "2", maxlength: "2000", placeholder: "예: 교수님 이름이 달라요" });
  const send = el("button", { type: "submit", class: "btn btn-small btn-primary" }, "의견 보내기");
  const form = el("form", { class: "comment-box", "aria-label": "아쉬운 점 보내기" },
    el("label", { for: id }, "무엇이 아쉬웠나요? (선택)"), area, send);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (area.value.trim()) actions.onComment(message, area.value.trim());
  });
  return form;
}

function answerView(item: HTMLElement, message: BotMessage, actions: MessageActions, options: RenderOptions): void {
  if (message.pending && !message.content) {
    item.dataset.state = "pending";
    item.append(el("div", { class: "bubble" }, el("div", { class: "typing", role: "status" },
      el("span", { class: "visually-hidden" }, "답변을 준비하고 있어요"),
      el("span", { class: "dot", "aria-hidden": "true" }), el("span", { class: "dot", "aria-hidden": "true" }),
      el("span", { class: "dot", "aria-hidden": "true" }))));
    return;
  }
  item.dataset.state = message.pending ? "streaming" : "done";
  item.append(el("div", { class: "bubble" }, modeNote(message), answerBody(message)));
  if (!message.pending && message.timetables?.length) item.append(timetablesView(message.timetables));
  if (message.sources.length) item.append(sourcesView(message, actions));
  if (message.pending) return;
  const chips = chipsView(options.chips, actions);
  if (chips) item.append(chips);
  if (message.requestId) item.append(feedbackView(message, actions));
}

export function renderMessage(message: Message, actions: MessageActions, options: RenderOptions): HTMLElement {
  if (message.role === "user") {
    const bubble = el("div", { class: "bubble" }, message.content);
    if (languageOf(message.content) === "en") bubble.setAttribute("lang", "en");
    return el("li", { class: "msg msg-user", "data-id": message.id }, el("span", { class: "visually-hidden" }, "나: "), bubble);
  }
  const item = el("li", { class: "msg msg-bot", "data-id": message.id });
  // Each answer opens with a heading (hidden from sight): screen readers can jump answer to answer.
  const about = message.question.length > 40 ? `${message.question.slice(0, 40)}…` : message.question;
  item.append(el("h2", { class: "visually-hidden" }, `챗봇의 답변: ${about}`));
  if (message.error) item.append(errorView(item, message, actions));
  else answerView(item, message, actions, options);
  return item;
}
