// The chat page: state, events and the request cycle. Rendering lives in render.ts, the API in api.ts.
import { ApiError, StreamUnsupported, chat, chatStream, loadConfig, sendFeedback, type FeedbackContext } from "./api";
import { renderMessage } from "./render";
import { ScrollKeeper } from "./scroll";
import type { BotMessage, ChatResponse, Message, Turn } from "./types";
import "./styles.css";

const STORAGE_KEY = "coursebot.conversation.v1";
const HISTORY_TURNS = 10; // recent turns sent with each question; the server trims further to its budget
// The API's limits on a rating's answer text and cited codes (agent/feedback/record.py).
const FEEDBACK_ANSWER_CHARS = 8000;
const FEEDBACK_SOURCES = 100;

const EXAMPLES = [
  "자구 누가 가르쳐?",
  "화목 오전에 들을 수 있는 경영 전공 있어요?",
  "금요일 공강 되는 교양 추천해 줘",
  "영어로 진행하는 3학점 전공 수업 알려줘",
];

const config = loadConfig();
let messages: Message[] = loadConversation();
let streamSupported = config.stream;
let busy = false;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const list = $<HTMLOListElement>("messages");
const welcome = $<HTMLElement>("welcome");
const form = $<HTMLFormElement>("composer");
const input = $<HTMLTextAreaElement>("composer-input");
const sendButton = $<HTMLButtonElement>("send");
const counter = $<HTMLSpanElement>("composer-count");
const scroller = new ScrollKeeper($<HTMLElement>("main"));
$<HTMLElement>("main").append(scroller.pill);

function newId(): string {
  return crypto.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

function loadConversation(): Message[] {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Message[]) : [];
    // An answer that was still pending when the page closed can't resume: drop it.
    return Array.isArray(parsed) ? parsed.filter((m) => !(m.role === "assistant" && m.pending)) : [];
  } catch {
    return [];
  }
}

function saveConversation(): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(messages.filter((m) => !(m.role === "assistant" && m.pending))));
  } catch {
    /* storage full or disabled: the conversation still works in memory */
  }
}

const MORE_TEXT = "더 보기"; // what the student "says" when paging: search mode reads it as "the rest, please"

const actions = {
  onFeedback: (message: BotMessage, rating: "up" | "down") => void giveFeedback(message, rating),
  onRetry: (message: BotMessage) => void retry(message),
  onMore: (message: BotMessage) => void more(message),
};

function upsert(message: Message): HTMLElement {
  const node = renderMessage(message, actions);
  const existing = list.querySelector(`[data-id="${message.id}"]`);
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
  const node = list.querySelector<HTMLElement>(`[data-id="${next.id}"]`)!;
  scroller.answerChanged(node.previousElementSibling as HTMLElement | null, node, !next.pending);
  return next;
}

/** A question and its (pending) answer joined the conversation: the view moves to them. */
function startExchange(user: Message, bot: BotMessage): void {
  messages = [...messages, user, bot];
  scroller.startExchange(upsert(user), upsert(bot));
}

/** The turns before `uptoId`, as the API's history: completed exchanges only. */
function historyBefore(uptoId: string): Turn[] {
  const turns: Turn[] = [];
  for (const m of messages) {
    if (m.id === uptoId) break;
    if (m.role === "user") turns.push({ role: "user", content: m.content });
    else if (!m.error && !m.pending && m.content) turns.push({ role: "assistant", content: m.content });
  }
  // Drop a trailing user turn that never got an answer (e.g. a failed request).
  while (turns.length && turns[turns.length - 1].role === "user") turns.pop();
  return turns.slice(-HISTORY_TURNS * 2);
}

function setBusy(value: boolean): void {
  busy = value;
  sendButton.disabled = value || !validInput();
  form.setAttribute("aria-busy", String(value));
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
  sendButton.disabled = busy || !validInput();
  input.style.height = "auto";
  input.style.height = `${Math.min(input.scrollHeight, 200)}px`;
}

async function ask(bot: BotMessage): Promise<void> {
  const request = {
    message: bot.question,
    history: historyBefore(bot.id),
    ...(bot.offset != null ? { offset: bot.offset } : {}),
  };
  setBusy(true);
  try {
    let response: ChatResponse;
    if (streamSupported) {
      try {
        let text = "";
        response = await chatStream(config, request, {
          onDelta: (delta) => {
            text += delta;
            bot = updateAnswer(bot, { content: text, pending: true });
          },
        });
      } catch (err) {
        if (!(err instanceof StreamUnsupported)) throw err;
        streamSupported = false;
        response = await chat(config, request);
      }
    } else {
      response = await chat(config, request);
    }
    bot = updateAnswer(bot, {
      content: response.answer,
      sources: response.sources ?? [],
      mode: response.mode,
      requestId: response.request_id,
      page: response.page ?? null,
      timetables: response.timetables ?? [],
      pending: false,
      error: undefined,
    });
  } catch (err) {
    const info =
      err instanceof ApiError ? err.info : { kind: "network" as const, message: "알 수 없는 오류가 발생했어요. 다시 시도해 주세요." };
    bot = updateAnswer(bot, { pending: false, error: info, content: "", sources: [], timetables: [] });
  } finally {
    setBusy(false);
    saveConversation();
  }
}

async function submit(): Promise<void> {
  const text = input.value.trim();
  if (busy || !validInput()) return;
  const user: Message = { id: newId(), role: "user", content: text };
  const bot: BotMessage = { id: newId(), role: "assistant", content: "", sources: [], pending: true, question: text };
  startExchange(user, bot);
  input.value = "";
  updateCounter();
  await ask(bot);
  input.focus();
}

/** The next page of a list: "더 보기" as the student's turn, sent with the position the answer stopped at. */
async function more(message: BotMessage): Promise<void> {
  const next = message.page?.next_offset;
  if (busy || next == null) return;
  update(message, { moreTaken: true });
  const user: Message = { id: newId(), role: "user", content: MORE_TEXT };
  const bot: BotMessage = {
    id: newId(), role: "assistant", content: "", sources: [], pending: true, question: MORE_TEXT, offset: next,
  };
  startExchange(user, bot);
  await ask(bot);
}

async function retry(message: BotMessage): Promise<void> {
  if (busy) return;
  const bot = update(message, { error: undefined, pending: true, content: "", sources: [] });
  await ask(bot);
}

async function giveFeedback(message: BotMessage, rating: "up" | "down"): Promise<void> {
  if (!message.requestId || message.feedback) return;
  const updated = update(message, { feedback: rating });
  saveConversation();
  try {
    await sendFeedback(config, message.requestId, rating, feedbackContext(message));
  } catch {
    update(updated, { feedback: undefined }); // let the student try again
  }
}

/** What the rated answer was about: its question, text, cited course codes, term, mode and history. */
function feedbackContext(message: BotMessage): FeedbackContext {
  const terms = [...new Set(message.sources.map((s) => s.term))];
  return {
    question: message.question,
    answer: message.content.slice(0, FEEDBACK_ANSWER_CHARS),
    sources: [...new Set(message.sources.map((s) => s.code))].slice(0, FEEDBACK_SOURCES),
    ...(terms.length === 1 ? { term: terms[0] } : {}),
    ...(message.mode ? { mode: message.mode } : {}),
    history: historyBefore(message.id),
  };
}

function newConversation(): void {
  if (busy) return;
  messages = [];
  saveConversation();
  renderAll();
  input.value = "";
  updateCounter();
  input.focus();
}

function setupExamples(): void {
  const examples = welcome.querySelector("ul.examples")!;
  for (const text of EXAMPLES) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "example";
    button.textContent = text;
    button.addEventListener("click", () => {
      input.value = text;
      updateCounter();
      void submit();
    });
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
  // Enter sends, Shift+Enter makes a new line; never send mid-composition of a Hangul syllable.
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    void submit();
  }
});
input.addEventListener("input", updateCounter);
$<HTMLButtonElement>("new-chat").addEventListener("click", newConversation);

setupExamples();
renderAll();
updateCounter();
input.focus();
