"""Product metrics: what the answers were (answered / no match / alternatives offered / declined), per mode,
how long they took, how many tool calls they made, upstream errors by kind, and feedback up/down.

- `outcome.py`: an answer's outcome, read from its wording and its cited sources.
- `registry.py`: in-process counters and latency histograms (what `GET /metrics` shows, Prometheus text).
- `emf.py`: the same figures as CloudWatch metrics, written as EMF log lines by AWS Lambda Powertools'
  `Metrics` (on Lambda only: a line on stdout, no API call, no cost per metric sent).
- `recorder.py`: `MetricsRecorder`, what the routes call; one per app (`get_recorder`).
- `tool_calls.py`: counts the agent's tool calls of one answer (a LangChain callback, per context).

Importing this package changes nothing process-wide and loads neither Powertools nor LangChain.
"""
