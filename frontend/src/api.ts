// Talks to the backend only: POST /chat, POST /chat/stream (server-sent events), POST /feedback, GET /terms.
import type { ApiErrorInfo, AppConfig, ChatResponse, CourseSection, Mode, TermsInfo, Turn } from "./types";

export class ApiError extends Error {
  constructor(public info: ApiErrorInfo) {
    super(info.message);
  }
}

/** The student pressed 중지: not an error to show. */
export class Stopped extends Error {}

const REQUEST_TIMEOUT_MS = 60_000;

export function loadConfig(): AppConfig {
  const raw = window.COURSEBOT_CONFIG ?? {};
  return {
    apiBaseUrl: (raw.apiBaseUrl ?? "").replace(/\/+$/, ""),
    stream: raw.stream ?? true,
    maxMessageChars: raw.maxMessageChars ?? 1000,
  };
}

export interface ChatRequest {
  message: string;
  history: Turn[];
  term?: string;
  offset?: number; // paging: the previous answer's page.next_offset
}

export interface StreamHandlers {
  onDelta(text: string): void;
}

/** Korean message for what went wrong; the server's own message wins when it sent one. */
async function errorFromResponse(response: Response): Promise<ApiError> {
  let serverMessage: string | undefined;
  let requestId = response.headers.get("x-request-id") ?? undefined;
  try {
    const body = await response.json();
    const err = body?.error ?? body;
    serverMessage = typeof err?.message === "string" ? err.message : typeof body?.detail === "string" ? body.detail : undefined;
    requestId = body?.request_id ?? err?.request_id ?? requestId;
  } catch {
    /* not JSON: fall back to the status */
  }
  const retryAfter = Number(response.headers.get("retry-after")) || undefined;
  const status = response.status;
  if (status === 429) {
    // The page's own words (the server's say "-습니다"; everything else here says "-요").
    const wait = retryAfter ? `${retryAfter}초 뒤에` : "잠시 후";
    return new ApiError({
      kind: "rate_limited", status, requestId, retryAfter, message: `요청이 너무 많아요. ${wait} 다시 시도해 주세요.`,
    });
  }
  if (status === 503 || status === 502) {
    return new ApiError({
      kind: "unavailable",
      status,
      requestId,
      message: serverMessage ?? "지금은 답변 서비스를 쓸 수 없어요. 잠시 후 다시 시도해 주세요.",
    });
  }
  if (status === 504) {
    return new ApiError({
      kind: "timeout",
      status,
      requestId,
      message: serverMessage ?? "답변이 너무 오래 걸려 중단됐어요. 다시 시도해 주세요.",
    });
  }
  if (status >= 400 && status < 500) {
    return new ApiError({ kind: "invalid", status, requestId, message: serverMessage ?? "요청을 처리할 수 없어요." });
  }
  return new ApiError({ kind: "server", status, requestId, message: serverMessage ?? "서버 오류가 발생했어요." });
}

function networkError(err: unknown, signal?: AbortSignal): Error {
  if (err instanceof ApiError || err instanceof Stopped) return err;
  if (signal?.aborted) return new Stopped();
  if (err instanceof DOMException && err.name === "TimeoutError") {
    return new ApiError({ kind: "timeout", message: "답변이 너무 오래 걸려 중단됐어요. 다시 시도해 주세요." });
  }
  return new ApiError({ kind: "network", message: "서버에 연결할 수 없어요. 인터넷 연결을 확인하고 다시 시도해 주세요." });
}

/** A signal that aborts when either does (AbortSignal.any where the browser has it: Safari since 17.4). */
function either(timeout: AbortSignal, stop?: AbortSignal): AbortSignal {
  if (!stop) return timeout;
  if (typeof AbortSignal.any === "function") return AbortSignal.any([timeout, stop]);
  const both = new AbortController();
  for (const signal of [timeout, stop]) signal.addEventListener("abort", () => both.abort(signal.reason), { once: true });
  return both.signal;
}

async function post(
  config: AppConfig, path: string, body: unknown, accept = "application/json", stop?: AbortSignal,
): Promise<Response> {
  let response: Response;
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  try {
    response = await fetch(`${config.apiBaseUrl}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: accept },
      body: JSON.stringify(body),
      signal: either(timeout, stop),
    });
  } catch (err) {
    throw networkError(err, stop);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

export async function chat(config: AppConfig, request: ChatRequest, stop?: AbortSignal): Promise<ChatResponse> {
  const response = await post(config, "/chat", request, "application/json", stop);
  try {
    return (await response.json()) as ChatResponse;
  } catch (err) {
    throw networkError(err, stop);
  }
}

/** The terms the index holds (newest first), the one asked about by default, and whose catalog it is. */
export async function fetchTerms(config: AppConfig): Promise<TermsInfo | null> {
  try {
    const response = await fetch(`${config.apiBaseUrl}/terms`, { signal: AbortSignal.timeout(10_000) });
    return response.ok ? ((await response.json()) as TermsInfo) : null;
  } catch {
    return null; // no picker: the API's default term is used
  }
}

interface SseEvent {
  event: string;
  data: string;
}

/** Splits an SSE byte stream into events (`event:` / `data:` lines, blank line ends an event). */
async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
    let boundary: number;
    while ((boundary = buffer.indexOf("\n\n")) !== -1) {
      const raw = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      let event = "message";
      const data: string[] = [];
      for (const line of raw.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) yield { event, data: data.join("\n") };
    }
  }
}

/**
 * Streams the answer: text deltas as they come, then the sources, then done.
 * Returns the complete response. Throws ApiError(kind "server") with `streamUnsupported` when the host
 * does not stream, so the caller can fall back to POST /chat.
 */
export async function chatStream(
  config: AppConfig, request: ChatRequest, handlers: StreamHandlers, stop?: AbortSignal,
): Promise<ChatResponse> {
  let response: Response;
  try {
    response = await post(config, "/chat/stream", request, "text/event-stream", stop);
  } catch (err) {
    if (err instanceof ApiError && (err.info.status === 404 || err.info.status === 405)) throw new StreamUnsupported();
    throw err;
  }
  if (!response.body || !(response.headers.get("content-type") ?? "").includes("text/event-stream")) {
    throw new StreamUnsupported();
  }
  let text = "";
  let sources: CourseSection[] = [];
  let final: Partial<ChatResponse> = {};
  let requestId = response.headers.get("x-request-id") ?? "";
  try {
    for await (const sse of readSse(response.body)) {
      let payload: Record<string, unknown>;
      try {
        payload = JSON.parse(sse.data);
      } catch {
        continue;
      }
      const type = (payload.type as string | undefined) ?? sse.event;
      if (typeof payload.request_id === "string") requestId = payload.request_id;
      if (type === "delta" && typeof payload.text === "string") {
        text += payload.text;
        handlers.onDelta(payload.text);
      } else if (type === "sources" && Array.isArray(payload.sources)) {
        sources = payload.sources as CourseSection[];
      } else if (type === "done") {
        const answer = (payload.answer ?? payload) as Partial<ChatResponse>;
        final = answer;
      } else if (type === "error") {
        const message = typeof payload.error === "string" ? payload.error : (payload.message as string | undefined);
        throw new ApiError({
          kind: "unavailable",
          requestId,
          message: message ?? "답변을 만드는 중에 문제가 생겼어요. 다시 시도해 주세요.",
        });
      }
    }
  } catch (err) {
    throw networkError(err, stop);
  }
  return {
    answer: final.answer ?? text,
    sources: final.sources ?? sources,
    mode: final.mode ?? "search",
    request_id: final.request_id ?? requestId,
    usage: final.usage ?? null,
    page: final.page ?? null,
    timetables: final.timetables ?? [],
  };
}

export class StreamUnsupported extends Error {}

/** What a rating is about, stored with it (POST /feedback's optional fields). */
export interface FeedbackContext {
  question?: string;
  answer?: string;
  history?: Turn[];
  sources?: string[]; // course codes
  term?: string;
  mode?: Mode;
}

export async function sendFeedback(
  config: AppConfig,
  requestId: string,
  rating: "up" | "down",
  context: FeedbackContext = {},
  comment?: string,
): Promise<void> {
  await post(config, "/feedback", { request_id: requestId, rating, ...context, ...(comment ? { comment } : {}) });
}
