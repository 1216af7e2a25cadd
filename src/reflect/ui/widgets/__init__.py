"""Shared look and small widgets: palette and icon, page building blocks, styled labels and a flow layout."""
