// The header's university and term, and the term picker fed by GET /terms. The chosen term goes with every
// request; it is remembered between visits while the index still holds it.
import { fetchTerms } from "./api";
import { loadTerm, saveTerm } from "./conversation";
import type { AppConfig, TermsInfo } from "./types";

const SEASONS: Record<string, string> = { "1": "1학기", "2": "2학기", 여름: "여름학기", 겨울: "겨울학기" };

/** "2026-1" → "2026년 1학기", "2025-여름" → "2025년 여름학기"; anything else as it is. */
export function termLabel(term: string): string {
  const match = /^(\d{4})-(.+)$/.exec(term);
  if (!match) return term;
  return `${match[1]}년 ${SEASONS[match[2]] ?? match[2]}`;
}

export class TermChoice {
  term: string | null = null;
  private info: TermsInfo | null = null;

  constructor(
    private readonly label: HTMLElement,
    private readonly picker: HTMLElement,
    private readonly select: HTMLSelectElement,
    private readonly onChange: (term: string) => void,
  ) {
    select.addEventListener("change", () => this.choose(select.value));
  }

  async load(config: AppConfig): Promise<void> {
    this.info = await fetchTerms(config);
    if (!this.info?.terms.length) return;
    const saved = loadTerm();
    this.term = saved && this.info.terms.includes(saved) ? saved : (this.info.default ?? this.info.terms[0]);
    this.select.replaceChildren(
      ...this.info.terms.map((term) => new Option(termLabel(term), term, false, term === this.term)),
    );
    this.picker.hidden = this.info.terms.length < 2; // one term: the header names it, nothing to choose
    this.showLabel();
  }

  private choose(term: string): void {
    this.term = term;
    saveTerm(term);
    this.showLabel();
    this.onChange(term);
  }

  private showLabel(): void {
    if (!this.term) return;
    const university = this.info?.universities.join(" · ");
    // On a phone with the picker showing, the picker names the term (styles.css hides .label-term there).
    const term = document.createElement("span");
    term.className = "label-term";
    term.textContent = `${university ? " · " : ""}${termLabel(this.term)}`;
    this.label.replaceChildren(university ?? "", term, " 수강편람");
    this.label.classList.toggle("with-picker", !this.picker.hidden);
  }
}
