"""Loopback servers and protocol fakes of the cloud services, written from `../shared/reference/`.

Tests drive them with the real clients over HTTP: `tests.fakes.hyperclova` (HyperCLOVA X v3 chat
completions) and `tests.fakes.pinecone` (the Pinecone data plane and control-plane reads). Each also runs
standalone (`python -m tests.fakes.hyperclova`, `python -m tests.fakes.pinecone`) for benchmarks and
manual runs.
"""
