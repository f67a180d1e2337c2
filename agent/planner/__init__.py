"""The timetable planner, free of LangChain: which sections a student may take (`eligibility`) and the
exact, bounded search for the best weeks (`search`). `tools.plan_timetable` is its LangChain face."""
