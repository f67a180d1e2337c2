// DOM rendering: messages, course cards, feedback and error states. Text is always set with
// textContent (never innerHTML), so nothing the API returns can inject markup.
import { el } from "./dom";
import { credits, scheduleLines, sectionLabel } from "./format";
import { addToDraftButton, timetablesView } from "./timetable";
import type { BotMessage, CourseSection, Message } from "./types";

// 과정 of graduate sections as a card badge (undergraduate sections carry none).
const GRADUATE_LEVELS: Record<string, string> = { 석사: "대학원 석사", 박사: "대학원 박사", 석박: "대학원 석·박사" };

export function courseCard(section: CourseSection): HTMLElement {
  const title = `${section.name}${section.section ? ` (${sectionLabel(section)})` : ""}`;
  const badges = el("div", { class: "card-badges" });
  // The index keeps "전공필수 [전필]" (both forms, so either matches a search); a card shows the first.
  const category = section.category?.replace(/\s*\[[^\]]*\]\s*$/, "");
  if (category) badges.append(el("span", { class: "badge" }, category));
  const creditText = credits(section);
  if (creditText) badges.append(el("span", { class: "badge" }, creditText));
  if (section.english) badges.append(el("span", { class: "badge badge-en", title: "영어강의" }, "English"));
  const graduate = section.level ? GRADUATE_LEVELS[section.level] : undefined;
  if (graduate) badges.append(el("span", { class: "badge badge-grad", title: `${graduate} 강좌` }, graduate));

  const facts = el("dl", { class: "card-facts" });
  const addFact = (label: string, value: string | null | undefined) => {
    if (!value) return;
    facts.append(el("dt", {}, label), el("dd", {}, value));
  };
  addFact("교수", section.professors.length ? section.professors.join(", ") : "미정");
  addFact("시간", scheduleLines(section.slots).join("\n"));
  addFact("학과", section.department);

  return el(
    "li",
    { class: "card", "data-code": section.code, "data-section": section.section },
    el(
      "article",
      { "aria-label": `${section.name} ${sectionLabel(section)}`.trim() },
      el("div", { class: "card-head" }, el("span", { class: "card-code" }, section.code), badges),
      el("h3", { class: "card-title" }, title),
      section.name_en ? el("p", { class: "card-subtitle", lang: "en" }, section.name_en) : null,
      facts,
      section.slots.length ? addToDraftButton(section) : null,
    ),
  );
}

/** Answer text: paragraphs and line breaks kept, "- " lines shown as a list. */
function answerBody(text: string): HTMLElement {
  const body = el("div", { class: "answer-text" });
  for (const block of text.split(/\n{2,}/)) {
    const lines = block.split("\n");
    if (lines.every((line) => /^\s*[-•·*]\s+/.test(line))) {
      body.append(el("ul", {}, ...lines.map((line) => el("li", {}, line.replace(/^\s*[-•·*]\s+/, "")))));
    } else {
      const p = el("p");
      lines.forEach((line, i) => {
        if (i) p.append(el("br"));
        p.append(line);
      });
      body.append(p);
    }
  }
  return body;
}

export interface MessageActions {
  onFeedback(message: BotMessage, rating: "up" | "down"): void;
  onRetry(message: BotMessage): void;
  onMore(message: BotMessage): void;
}

/** "더 보기" under an answer whose list goes on: asks for the next page with the same conditions. */
function moreButton(message: BotMessage, actions: MessageActions): HTMLElement | null {
  const next = message.page?.next_offset;
  if (message.pending || message.moreTaken || next == null || !message.page) return null;
  const rest = message.page.total_sections - next;
  const button = el(
    "button",
    { type: "button", class: "btn btn-small more", "aria-label": `나머지 ${rest}개 더 보기 (${next + 1}번째부터)` },
    "더 보기",
  );
  button.addEventListener("click", () => actions.onMore(message));
  return el("div", { class: "more-bar" }, button);
}

export function renderMessage(message: Message, actions: MessageActions): HTMLElement {
  if (message.role === "user") {
    return el(
      "li",
      { class: "msg msg-user", "data-id": message.id },
      el("span", { class: "visually-hidden" }, "나: "),
      el("div", { class: "bubble" }, message.content),
    );
  }
  const item = el("li", { class: "msg msg-bot", "data-id": message.id });
  item.append(el("span", { class: "visually-hidden" }, "챗봇: "));
  const bubble = el("div", { class: "bubble" });
  item.append(bubble);

  if (message.error) {
    bubble.classList.add("bubble-error");
    item.dataset.state = "error";
    bubble.append(el("p", { class: "error-text", role: "alert" }, message.error.message));
    if (message.error.requestId) bubble.append(el("p", { class: "request-id" }, `요청 ID: ${message.error.requestId}`));
    const retry = el("button", { type: "button", class: "btn btn-small retry" }, "다시 시도");
    retry.addEventListener("click", () => actions.onRetry(message));
    bubble.append(retry);
    return item;
  }

  if (message.pending && !message.content) {
    item.dataset.state = "pending";
    bubble.append(el("p", { class: "typing", "aria-label": "답변을 준비하고 있어요" }, el("span"), el("span"), el("span")));
    return item;
  }

  item.dataset.state = message.pending ? "streaming" : "done";
  if (message.mode) {
    const label = message.mode === "search" ? "검색 모드" : "HyperCLOVA X";
    const title =
      message.mode === "search"
        ? "AI 모델 없이 수강편람 검색 결과로 작성한 답변이에요."
        : "HyperCLOVA X가 수강편람 검색 결과를 근거로 작성한 답변이에요.";
    bubble.append(el("span", { class: `mode mode-${message.mode}`, title }, label));
  }
  bubble.append(answerBody(message.content));
  if (!message.pending && message.timetables?.length) item.append(timetablesView(message.timetables));

  if (message.sources.length) {
    const list = el("ul", { class: "cards", "aria-label": `근거 강좌 ${message.sources.length}개` });
    for (const source of message.sources) list.append(courseCard(source));
    item.append(el("div", { class: "sources" }, el("h3", { class: "sources-title" }, "근거 강좌"), list));
  }

  const more = moreButton(message, actions);
  if (more) item.append(more);

  if (!message.pending && message.requestId) {
    const bar = el("div", { class: "feedback", role: "group", "aria-label": "이 답변이 도움이 되었나요?" });
    for (const [rating, emoji, label] of [
      ["up", "👍", "도움이 됐어요"],
      ["down", "👎", "도움이 안 됐어요"],
    ] as const) {
      const button = el(
        "button",
        {
          type: "button",
          class: "btn btn-icon",
          "aria-label": label,
          "aria-pressed": String(message.feedback === rating),
          "data-rating": rating,
        },
        emoji,
      );
      if (message.feedback) button.setAttribute("disabled", "");
      button.addEventListener("click", () => actions.onFeedback(message, rating));
      bar.append(button);
    }
    if (message.feedback) bar.append(el("span", { class: "feedback-thanks" }, "의견 고마워요!"));
    item.append(bar);
  }
  return item;
}
