"""Scripted answers to the unlock's questions, standing in for the passphrase dialog."""

from __future__ import annotations


class ScriptedPrompts:
    """Answers ``ask_passphrase`` / ``choose_passphrase`` from lists; records every message."""

    def __init__(self, ask: list[str | None] | None = None, choose: list[str | None] | None = None):
        self.ask_answers = list(ask or [])
        self.choose_answers = list(choose or [])
        self.messages: list[str] = []

    def ask_passphrase(self, message: str) -> str | None:
        self.messages.append(message)
        if not self.ask_answers:
            raise AssertionError(f"unexpected passphrase question: {message}")
        return self.ask_answers.pop(0)

    def choose_passphrase(self, message: str) -> str | None:
        self.messages.append(message)
        if not self.choose_answers:
            raise AssertionError(f"unexpected request for a new passphrase: {message}")
        return self.choose_answers.pop(0)
