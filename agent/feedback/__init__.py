"""Feedback on answers (`POST /feedback`, `coursebot feedback`): one store interface, two backends.

- `spec.py`: the `FEEDBACK_STORE` setting parsed (a path or `sqlite:///PATH` = SQLite, `dynamodb://TABLE`).
- `record.py`: `FeedbackRecord`, what is kept about one rated answer.
- `store.py`: the `FeedbackStore` protocol and its errors; `factory.py`: `open_store(FEEDBACK_STORE)`.
- `sqlite.py`, `dynamodb.py`: the backends (the local default; AWS).
- `cli.py` and `golden_draft.py`: `coursebot feedback list | export [--as-golden]`.

Nothing heavy is imported here: `agent.settings` reads `spec.py` on every start-up (Lambda cold start).
"""
