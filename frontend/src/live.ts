// What a screen reader hears of an answer. The visible conversation is not a live region (redrawing it per
// streamed token would re-read the whole message each time); instead a hidden polite log gets each finished
// sentence once, and what is left when the answer is done. Bullet lines are held back while streaming: in
// search mode they repeat the cards (said as "근거 강좌 N개"); other answers get them said when done.
import { BULLET } from "./answer";

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
  progress(full: string): void {
    const text = withoutBullets(full);
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

  /** The answer is complete: says the rest of it (its bullets too unless `folded`), then `extra`. */
  done(full: string, folded: boolean, extra = ""): void {
    const text = withoutBullets(full);
    const bullets = folded ? "" : full.split("\n").filter((line) => BULLET.test(line)).join("\n");
    const rest = `${text.slice(this.spoken)}\n${bullets}`.trim();
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

function withoutBullets(text: string): string {
  return text
    .split("\n")
    .filter((line) => !BULLET.test(line))
    .join("\n");
}
