"""Linkers: each reads one kind of thing in a question and links it to the catalog (or to a slot).

A linker is a function `(state, context) -> None` that claims the spans it understood on the
`ParseState`. `agent.query.parser.LINKERS` runs them in order; an earlier linker's span is never read
again by a later one (a room "K201" is not also a course code).
"""
