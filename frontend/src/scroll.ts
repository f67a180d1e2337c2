// Where the conversation scrolls to. A new answer is shown from its start (its question just above), never
// from its end; the page moves only while the student follows along. Once they scroll away to read something
// else, a "새 답변 ↓" pill offers the answer instead of pulling them back.
import { el } from "./dom";

const QUESTION_ROOM = 0.25; // at most this share of the view goes to the question above the answer
const MOVED = 24; // px: a scroll this far from where the page put it is the student's own

export class ScrollKeeper {
  private following = true;
  private placedAt: number | null = null; // scrollTop the page last set; null: the student scrolls freely
  private target: HTMLElement | null = null; // the answer the pill leads to
  readonly pill: HTMLButtonElement;

  constructor(private readonly view: HTMLElement) {
    this.pill = el("button", { type: "button", class: "btn new-answer-pill", hidden: "" }, "새 답변 ↓");
    this.pill.addEventListener("click", () => this.showPending());
    view.addEventListener("scroll", () => this.onScroll(), { passive: true });
  }

  /** The student asked something: follow the exchange from its question. */
  startExchange(question: HTMLElement | null, answer: HTMLElement): void {
    this.following = true;
    this.hidePill();
    this.place(question, answer);
  }

  /** The answer grew or finished: keep it in place while followed; otherwise offer the pill once. */
  answerChanged(question: HTMLElement | null, answer: HTMLElement, finished: boolean): void {
    if (this.following) {
      this.place(question, answer);
      if (finished) this.placedAt = null; // from here on the student scrolls freely
    } else if (finished) {
      this.target = answer;
      this.pill.hidden = false;
    }
  }

  /** On load: the last answer from its start. */
  showLast(question: HTMLElement | null, answer: HTMLElement | null): void {
    if (answer) this.place(question, answer);
    this.placedAt = null;
  }

  private showPending(): void {
    if (this.target?.isConnected) {
      this.place(this.target.previousElementSibling as HTMLElement | null, this.target);
      this.target.querySelector<HTMLElement>(".bubble")?.focus({ preventScroll: true });
    }
    this.placedAt = null;
    this.hidePill();
  }

  private hidePill(): void {
    this.pill.hidden = true;
    this.target = null;
  }

  /** Scrolls so the answer's start sits near the top, with as much of its question above as fits. */
  private place(question: HTMLElement | null, answer: HTMLElement): void {
    const room = this.view.clientHeight * QUESTION_ROOM;
    const start = answer.getBoundingClientRect().top;
    const above = question ? Math.min(start - question.getBoundingClientRect().top, room) : 0;
    const offset = start - this.view.getBoundingClientRect().top;
    this.view.scrollTop = Math.max(0, this.view.scrollTop + offset - above - 8);
    this.placedAt = this.view.scrollTop; // clamped when the answer is short
  }

  private onScroll(): void {
    if (this.placedAt !== null && Math.abs(this.view.scrollTop - this.placedAt) > MOVED) {
      this.following = false;
      this.placedAt = null;
    }
    if (this.target && this.inView(this.target)) this.hidePill();
  }

  private inView(node: HTMLElement): boolean {
    const view = this.view.getBoundingClientRect();
    const box = node.getBoundingClientRect();
    return box.top >= view.top - 4 && box.top <= view.bottom - 40;
  }
}
