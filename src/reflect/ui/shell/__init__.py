"""The main window and what it holds: menus, the commands behind them, the client and entry lists, the app's lifecycle (gate, window, lock), settings and crash reports."""
