"""Retrieval: a question -> the sections that meet it (`CourseRetriever`), with true totals and pages."""

from agent.retrieval.relax import merge_filters
from agent.retrieval.result import RetrievalResult
from agent.retrieval.retriever import CourseRetriever, course_count
from agent.retrieval.schedule import blocks

__all__ = ["CourseRetriever", "RetrievalResult", "blocks", "course_count", "merge_filters"]
