"""coursebot's agent: catalogs, the course index, retrieval, the chat model and the agent itself."""

from agent.lazy_packages import defer_package_inits
from agent.startup import defer_model_builds

# Before any library on the request path loads (see agent/startup.py and agent/lazy_packages.py): both
# are cold start costs.
MODEL_BUILDS_DEFERRED = defer_model_builds()
DEFERRED_PACKAGE_INITS = defer_package_inits()
