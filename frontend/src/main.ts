// The chat page: state, events and the request cycle. Rendering lives in render.ts, the API in api.ts, the
// stored conversation in conversation.ts, scrolling in scroll.ts, what screen readers hear in live.ts.
import { ApiError, StreamUnsupported, Stopped, chat, chatStream, loadConfig, sendFeedback, type ChatRequest } from "./api";
import { historyBefore, loadConversation, newId, saveConversation } from "./conversation";
import { folds } from "./answer";
import { followUps } from "./followups";
import { copyText, feedbackContext } from "./share";
import { Announcer } from "./live";
import { renderMessage, type MessageActions } from "./render";
import { ScrollKeeper } from "./scroll";
import { TermChoice, termLabel } from "./terms";
import type { BotMessage, ChatResponse, Message } from "./types";
import "./styles.css";

const EXAMPLES = [
  "자구 누가 가르쳐?",
  "화목 오전에 들을 수 있는 경영 전공 있어요?",
  "금요일 공강 되는 교양 추천해 줘",
  "영어로 진행하는 3학점 전공 수업 알려줘",
];
const MORE_TEXT = "더 보기"; // what the student "says" when paging: search mode reads it as "the rest, please"
const UNDO_MS = 15_000; // how long "되돌리기" stays after 새 대화

const config = loadConfig();
let messages: Message[] = loadConversation();
let streamSupported = config.stream;
let running: AbortController | null = null; // the request in flight (중지 aborts it)
let undoTimer: number | undefined;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const list = $<HTMLOListElement>("messages");
const welcome = $<HTMLElement>("welcome");
const form = $<HTMLFormElement>("composer");
const input = $<HTMLTextAreaElement>("composer-input");
const sendButton = $<HTMLButtonElement>("send");
const stopButton = $<HTMLButtonElement>("stop");
const counter = $<HTMLSpanElement>("composer-count");
const statusLine = $<HTMLParagraphElement>("status-line");
const view = $<HTMLElement>("main");
const scroller = new ScrollKeeper(view);
view.append(scroller.pill);
const announcer = new Announcer($<HTMLElement>("announcer"));
const terms = new TermChoice($("catalog-label"), $("term-picker"), $<HTMLSelectElement>("term-select"), (term) =>
  say(`이제 ${termLabel(term)} 수강편람으로 답해요.`),
);

/** One line above the box for what just happened (stopped, cleared, copied), with an optional action. */
function say(text: string, action?: { label: string; run: () => void }): void {
  statusLine.replaceChildren(text);
  if (action) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-small btn-link";
    button.textContent = action.label;
    button.addEventListener("click", action.run);
    statusLine.append(" ", button);
  }
}

const actions: MessageActions = {
  onFeedback: (message, rating) => void giveFeedback(message, rating),
  onComment: (message, comment) => void giveFeedback(message, "down", comment),
  onRetry: (message) => void retry(message),
  onMore: (message) => void more(message),
  onFollowUp: (text) => void submit(text),
  onCopy: (message) => void copyText(message).then((ok) => say(ok ? "답변을 복사했어요." : "복사하지 못했어요.")),
};

function nodeOf(message: Message): HTMLElement | null {
  return list.querySelector<HTMLElement>(`[data-id="${message.id}"]`);
}

function upsert(message: Message): HTMLElement {
  const latest = message.id === messages[messages.length - 1]?.id && message.role === "assistant";
  const node = renderMessage(message, actions, { chips: latest ? followUps(message, messages) : [] });
  const existing = nodeOf(message);
  if (existing) existing.replaceWith(node);
  else list.append(node);
  welcome.hidden = messages.length > 0;
  return node;
}

function renderAll(): void {
  list.replaceChildren();
  for (const message of messages) upsert(message);
  welcome.hidden = messages.length > 0;
  const last = list.querySelector<HTMLElement>("li.msg-bot:last-child");
  scroller.showLast(last?.previousElementSibling as HTMLElement | null, last);
}

function update(message: BotMessage, patch: Partial<BotMessage>): BotMessage {
  const next = { ...message, ...patch };
  messages = messages.map((m) => (m.id === message.id ? next : m));
  upsert(next);
  return next;
}

/** An answer of the exchange in progress changed: the scroll keeper decides whether the view follows. */
function updateAnswer(message: BotMessage, patch: Partial<BotMessage>): BotMessage {
  const next = update(message, patch);
  const node = nodeOf(next)!;
  scroller.answerChanged(node.previousElementSibling as HTMLElement | null, node, !next.pending);
  return next;
}

/** A question and its (pending) answer join the conversation; the earlier answer's chips go. */
function startExchange(user: Message, bot: BotMessage): void {
  list.querySelectorAll(".chips").forEach((chips) => chips.remove());
  messages = [...messages, user, bot];
  scroller.startExchange(upsert(user), upsert(bot));
}

function setBusy(value: boolean): void {
  sendButton.disabled = value || !validInput();
  sendButton.hidden = value;
  stopButton.hidden = !value;
  form.setAttribute("aria-busy", String(value));
  // Follow-up chips and "더 보기" wait while an answer is on its way.
  list.querySelectorAll<HTMLButtonElement>("button.chip, button.more").forEach((b) => (b.disabled = value));
}

function validInput(): boolean {
  const length = input.value.trim().length;
  return length > 0 && input.value.length <= config.maxMessageChars;
}

function updateCounter(): void {
  const length = input.value.length;
  const over = length > config.maxMessageChars;
  counter.textContent = length ? `${length.toLocaleString()} / ${config.maxMessageChars.toLocaleString()}` : "";
  counter.classList.toggle("over", over);
  input.setAttribute("aria-invalid", String(over));
  counter.title = over ? `질문은 ${config.maxMessageChars}자까지 보낼 수 있어요.` : "";
  if (over) counter.textContent += " · 너무 길어요";
  sendButton.disabled = running !== null || !validInput();
  input.style.height = "auto";
  input.style.height = `${Math.min(input.scrollHeight, 200)}px`;
}

/** The answer, streamed when the host streams (each delta to `onText`), else in one piece. */
async function fetchAnswer(request: ChatRequest, stop: AbortSignal, onText: (text: string) => void): Promise<ChatResponse> {
  if (streamSupported) {
    try {
      let text = "";
      return await chatStream(config, request, { onDelta: (delta) => onText((text += delta)) }, stop);
    } catch (err) {
      if (!(err instanceof StreamUnsupported)) throw err;
      streamSupported = false;
    }
  }
  return chat(config, request, stop);
}

async function ask(bot: BotMessage): Promise<void> {
  const request: ChatRequest = {
    message: bot.question,
    history: historyBefore(messages, bot.id),
    ...(bot.term ? { term: bot.term } : {}),
    ...(bot.offset != null ? { offset: bot.offset } : {}),
  };
  const stop = (running = new AbortController());
  setBusy(true);
  announcer.reset();
  try {
    const response = await fetchAnswer(request, stop.signal, (text) => {
      bot = updateAnswer(bot, { content: text, pending: true });
      announcer.progress(text);
    });
    bot = updateAnswer(bot, {
      content: response.answer, sources: response.sources ?? [], mode: response.mode, requestId: response.request_id,
      page: response.page ?? null, timetables: response.timetables ?? [], pending: false, error: undefined,
    });
    const cards = bot.sources.length ? `근거 강좌 ${bot.sources.length}개.` : "";
    announcer.done(response.answer, folds(bot), cards);
  } catch (err) {
    if (err instanceof Stopped) return withdraw(bot);
    const info =
      err instanceof ApiError ? err.info : { kind: "network" as const, message: "알 수 없는 오류가 발생했어요. 다시 시도해 주세요." };
    bot = updateAnswer(bot, { pending: false, error: info, content: "", sources: [], timetables: [] });
  } finally {
    running = null;
    setBusy(false);
    saveConversation(messages);
  }
}

/** 중지: the exchange is taken back as if never sent, and its question waits in the box. */
function withdraw(bot: BotMessage): void {
  const index = messages.findIndex((m) => m.id === bot.id);
  const question = messages[index - 1];
  const dropped = new Set([bot.id, ...(question?.role === "user" ? [question.id] : [])]);
  messages = messages.filter((m) => !dropped.has(m.id));
  // A stopped "더 보기" gives the list its button back; a stopped question goes back into the box.
  if (bot.offset != null) {
    const listed = [...messages].reverse().find((m) => m.role === "assistant" && m.moreTaken);
    if (listed) messages = messages.map((m) => (m === listed ? { ...listed, moreTaken: false } : m));
  } else if (!input.value.trim()) input.value = bot.question;
  running = null;
  renderAll();
  updateCounter();
  input.focus();
  say("답변을 멈췄어요. 질문은 입력창에 그대로 있어요.");
}

async function submit(text = input.value.trim()): Promise<void> {
  if (running || !text || text.length > config.maxMessageChars) return;
  const user: Message = { id: newId(), role: "user", content: text };
  const bot: BotMessage = {
    id: newId(), role: "assistant", content: "", sources: [], pending: true, question: text,
    ...(terms.term ? { term: terms.term } : {}),
  };
  forgetUndo();
  if (input.value.trim() === text) input.value = "";
  updateCounter();
  startExchange(user, bot);
  await ask(bot);
  input.focus();
}

/** The next page of a list: "더 보기" as the student's turn, sent with the position the answer stopped at. */
async function more(message: BotMessage): Promise<void> {
  const next = message.page?.next_offset;
  if (running || next == null) return;
  update(message, { moreTaken: true });
  const user: Message = { id: newId(), role: "user", content: MORE_TEXT };
  const bot: BotMessage = {
    id: newId(), role: "assistant", content: "", sources: [], pending: true, question: MORE_TEXT, offset: next,
    ...(message.term ? { term: message.term } : {}),
  };
  startExchange(user, bot);
  await ask(bot);
}

async function retry(message: BotMessage): Promise<void> {
  if (running) return;
  const bot = update(message, { error: undefined, pending: true, content: "", sources: [] });
  await ask(bot);
}

async function giveFeedback(message: BotMessage, rating: "up" | "down", comment?: string): Promise<void> {
  if (!message.requestId || (message.feedback && !comment)) return;
  const updated = update(message, { feedback: rating, ...(comment ? { comment } : {}) });
  saveConversation(messages);
  // 👎 opens the comment box under the buttons: take the student there (focus scrolls it into view).
  if (rating === "down" && !comment) document.getElementById(`comment-${message.id}`)?.focus();
  try {
    await sendFeedback(config, message.requestId, rating, feedbackContext(message, historyBefore(messages, message.id)), comment);
    if (comment) say("의견을 보냈어요. 고마워요!");
  } catch {
    update(updated, { feedback: message.feedback, comment: message.comment }); // let the student try again
    say("의견을 보내지 못했어요. 다시 시도해 주세요.");
  }
}

function forgetUndo(): void {
  window.clearTimeout(undoTimer);
  if (statusLine.querySelector("button")) say("");
}

/** 새 대화: never while an answer is on its way (it says so); otherwise cleared with a way back. */
function newConversation(): void {
  if (running) {
    say("답변을 받는 중이에요. 중지한 뒤에 새 대화를 시작할 수 있어요.");
    return;
  }
  if (!messages.length) return input.focus();
  const kept = messages;
  messages = [];
  saveConversation(messages);
  renderAll();
  input.value = "";
  updateCounter();
  input.focus();
  const undo = () => {
    if (messages.length) return say("새 질문을 보낸 뒤라 되돌릴 수 없어요.");
    messages = kept;
    saveConversation(messages);
    renderAll();
    say("대화를 되살렸어요.");
  };
  say("대화를 지웠어요.", { label: "되돌리기", run: undo });
  window.clearTimeout(undoTimer);
  undoTimer = window.setTimeout(() => say(""), UNDO_MS);
}

function setupExamples(): void {
  const examples = welcome.querySelector("ul.examples")!;
  for (const text of EXAMPLES) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "example";
    button.textContent = text;
    button.addEventListener("click", () => void submit(text));
    const li = document.createElement("li");
    li.append(button);
    examples.append(li);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  void submit();
});
input.addEventListener("keydown", (event) => {
  // Enter sends, Shift+Enter makes a new line; never send mid-composition of a Hangul syllable. Esc stops.
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    void submit();
  } else if (event.key === "Escape" && running) running.abort();
});
input.addEventListener("input", updateCounter);
stopButton.addEventListener("click", () => running?.abort());
$<HTMLButtonElement>("new-chat").addEventListener("click", newConversation);

setupExamples();
renderAll();
updateCounter();
input.focus();
void terms.load(config);
