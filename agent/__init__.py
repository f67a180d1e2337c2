"""coursebot's agent: catalogs, the course index, retrieval, the chat model and the agent itself.

Importing it, or any of its modules, changes nothing process-wide; the Lambda entry point applies its
start-up measures itself (`agent/startup.py`)."""
