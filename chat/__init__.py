"""The chat way in: a conversation (terminal or browser) whose turns become runs, follow-ups and answers."""
