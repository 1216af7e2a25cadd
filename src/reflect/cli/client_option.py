"""``--client NAME``: the one client a command is about, by any name the practitioner uses."""

from __future__ import annotations

import sys

from reflect.cli.options import UsageError


def client_named(journal, name: str):
    """The one client ``name`` fits (:func:`reflect.core.client_names.clients_called`); a usage
    error when none does, or when several do (they are listed first, on standard error, for the
    practitioner at the terminal; the error itself names nobody)."""
    from reflect.core.client_names import clients_called

    found = clients_called(journal.people(), name)
    if not found:
        raise UsageError("No client by that name in the journal (a full name, alias, other "
                         "name or any word of one will do).")
    if len(found) > 1:
        print("That name fits more than one client:", file=sys.stderr)
        for person in sorted(found, key=lambda p: p.name.casefold()):
            also = [n for n in person.all_names() if n != person.name]
            print(f"  {person.name}" + (f" ({', '.join(also)})" if also else ""), file=sys.stderr)
        raise UsageError("More than one client goes by that name; give more of it, or their "
                         "full name.")
    return found[0]
