"""coursebot's agent: catalogs, the course index, retrieval, the chat model and the agent itself."""

from agent.startup import defer_model_builds

# Before any library on the request path defines its models (see agent/startup.py): a cold start cost.
MODEL_BUILDS_DEFERRED = defer_model_builds()
