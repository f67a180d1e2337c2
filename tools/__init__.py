"""Course tools the agent calls. The registry (`tools.registry.TOOLS`) is the one list of them."""

from tools.context import CourseToolContext, ToolInputError
from tools.registry import TOOLS, tool_names

__all__ = ["TOOLS", "CourseToolContext", "ToolInputError", "tool_names"]
