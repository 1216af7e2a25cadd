"""The entry editor: a session's facts, narrative, demands and controls, theme chips, drafts and saving."""
