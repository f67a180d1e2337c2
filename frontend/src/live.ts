// What a screen reader hears of an answer. The visible conversation is not a live region (redrawing it per
// streamed token would re-read the whole message each time); instead a hidden polite log gets each finished
// sentence once, and what is left when the answer is done.

const SENTENCE_END = /[.!?。…]["')\]]?(\s|$)|\n/g;
const KEEP = 20; // announcements kept in the log (older ones are gone from sight anyway)

export class Announcer {
  private spoken = 0; // characters of the current answer already announced

  constructor(private readonly region: HTMLElement) {}

  /** A new answer begins: nothing of it was said yet. */
  reset(): void {
    this.spoken = 0;
  }

  /** The streamed text so far: says the sentences completed since the last call. */
  progress(text: string): void {
    let end = -1;
    for (const match of text.matchAll(SENTENCE_END)) {
      const stop = match.index + match[0].length;
      if (stop > this.spoken) end = stop;
    }
    if (end > this.spoken) {
      this.say(text.slice(this.spoken, end));
      this.spoken = end;
    }
  }

  /** The answer is complete: says the rest of it, then what came with it (`extra`). */
  done(text: string, extra = ""): void {
    const rest = text.slice(this.spoken).trim();
    this.spoken = text.length;
    const parts = [rest, extra].filter(Boolean);
    if (parts.length) this.say(parts.join(" "));
  }

  say(text: string): void {
    const line = text.replace(/\s+/g, " ").trim();
    if (!line) return;
    const node = document.createElement("p");
    node.textContent = line;
    this.region.append(node);
    while (this.region.childElementCount > KEEP) this.region.firstElementChild?.remove();
  }
}
