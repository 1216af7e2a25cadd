"""Dialogs opened from the menus (people, practice profile, settings) and the confirmations asked before anything that cannot be undone."""
