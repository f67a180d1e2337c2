"""The words of an eligibility answer ("경영학과인데 자료구조 들어도 돼?"), both languages through `Voice`: the
catalog's rule quoted as written, then plainly what it means for the student's department."""

from __future__ import annotations

from agent.search_mode import answer_plan as ap
from agent.search_mode.render_terms import Voice


def eligibility(lead: ap.Eligibility, voice: Voice) -> str:
    """One sentence when every section shown has the same verdict; else a line per verdict, with its
    sections."""
    if len(lead.verdicts) == 1:
        return _verdict(lead, lead.verdicts[0][0], voice)
    fmt = voice.fmt
    lines = [voice.say("eligibility.sections", **voice.course(lead.course), department=lead.department)]
    shown = [s for _verdict, sections in lead.verdicts for s in sections]
    # Several codes with section numbers are told apart by code (where every section has its own code, the
    # label is the code).
    several_codes = len({s.code for s in shown}) > 1 and any(s.section for s in shown)
    for verdict, sections in lead.verdicts:
        names = [f"{s.code} {fmt.section_label(s)}" if several_codes else fmt.section_label(s) for s in sections]
        said = _verdict(lead, verdict, voice)
        lines.append(voice.say("eligibility.item", labels=fmt.labels(names), verdict=said))
    return "\n".join(lines)


def _verdict(lead: ap.Eligibility, verdict: ap.Verdict, voice: Voice) -> str:
    key = f"eligibility.{verdict.kind}"
    if verdict.first_major and verdict.kind in ("excluded", "allowed"):
        key += ".first_major"
    elif verdict.broad and verdict.kind in ("others_only", "unaffected"):
        key += ".broad"
    fmt = voice.fmt
    rule = fmt.quoted_rule(verdict.rule or "")
    name_object = fmt.with_object(fmt.course_name(lead.course))
    forms = fmt.department_forms(lead.department)
    return voice.say(key, **voice.course(lead.course), name_object=name_object, rule=rule, **forms)
