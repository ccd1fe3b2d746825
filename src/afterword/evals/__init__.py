"""Offline evals: the checker's labelled corpus and, later, drafts scored against a baseline."""
