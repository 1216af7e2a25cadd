"""Realistic synthetic journals in the interchange format, for benchmarks (never real people).

    python bench/synth.py 10000 > /tmp/10k.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from datetime import datetime, timedelta

FIRST = ["Alma", "Bruno", "Carys", "Dmitri", "Esme", "Farid", "Greta", "Hamish", "Ines", "Jonah",
         "Kezia", "Lionel", "Mireille", "Nuno", "Orla", "Piet", "Quentin", "Rosalind", "Soren",
         "Talia", "Umar", "Vesna", "Wendell", "Xanthe", "Yusuf", "Zofia"]
LAST = ["Abernathy", "Brightwell", "Castellano", "Drummond", "Eastleigh", "Fairbairn", "Gosling",
        "Hollis", "Ingram", "Jessop", "Kowalczyk", "Lindqvist", "Marchetti", "Nakamura", "Okafor",
        "Pemberton", "Quayle", "Rasmussen", "Stavros", "Thackeray"]
ROLES = ["client's partner", "client's mother", "client's GP", "client's son", "client's sister"]
OPENINGS = [
    "Session ran {late} minutes over again because I didn't want to cut her off.",
    "He arrived agitated and spent the first ten minutes pacing.",
    "Quiet session; she talked about her week and the new job.",
    "Online call kept dropping, so we moved to phone halfway through.",
    "She texted me late last night asking if we could talk before the session.",
    "He said I was the only one who really understood him.",
    "I felt irritated for most of the hour and caught myself being short with him.",
    "The room was cold and the heater broke, which set the tone.",
    "She cried for most of the session and I mostly held the silence.",
    "We reviewed the goals from the first month; real progress on sleep.",
]
MIDDLES = [
    "I noticed how much I wanted to fix it for him.",
    "There was a long silence after I named the pattern.",
    "She tensed when I moved to the shoulders, so I checked in and slowed down.",
    "He asked again about my own life and I kept the answer short.",
    "Money came up: the invoice from last month is still unpaid.",
    "I wondered aloud whether the anger was really about his father.",
    "We agreed on a plan for the weekend and wrote it down together.",
    "I was tired after back-to-back sessions and had skipped lunch.",
    "She mentioned a friend who could help with the housing forms.",
    "I am not sure the referral was the right call; worth taking to supervision.",
]
CLOSINGS = [
    "Left feeling steady.", "Left feeling drained.", "Need to think about boundaries here.",
    "Taking this to the peer group next month.", "Good session overall.",
    "Wrote up notes straight after and went for a walk.",
]
DEMANDS = [("interpersonal", "Client pushing for more time"),
           ("intrapersonal", "My own tiredness"),
           ("paralinguistic", "Long silences and very quiet speech"),
           ("environmental", "Noisy room next door"),
           ("interpersonal", "Family member calling during the session"),
           ("intrapersonal", "Urge to rescue")]
CONTROLS = [("during", "Named the time boundary gently", "conservative", "She accepted it"),
            ("post", "Wrote notes and flagged for supervision", "neutral", "Clearer by evening"),
            ("pre", "Restated the contract at the start", "conservative", "Fewer surprises"),
            ("during", "Stayed a few minutes longer", "liberal", "He calmed but I ran late"),
            ("during", "Slowed down and checked in", "neutral", "She relaxed")]


def generate(n: int, seed: int = 7, clients: int | None = None) -> list[str]:
    rng = random.Random(seed)
    count = clients or max(5, min(120, n // 80))
    people = []
    for i in range(count):
        # 26 x 20 different names, none with a number in it (a brief's export gate counts every
        # part of a known name: "Alma Abernathy 26" would make "Session 26" a leak)
        first = FIRST[i % len(FIRST)]
        last = LAST[(i * 7 + i // len(FIRST)) % len(LAST)]
        name = f"{first} {last}"
        others = [{"name": f"{rng.choice(FIRST)} {last}", "role": rng.choice(ROLES)}]
        people.append(({"name": name, "alias": f"{first[0]}{last[0]}", "aka": [first]}, others))
    start = datetime(2021, 1, 4, 9, 0)
    lines = []
    for i in range(n):
        client, others = people[rng.randrange(count)]
        when = start + timedelta(hours=i * 7 + rng.randrange(5))
        narrative = " ".join([
            rng.choice(OPENINGS).format(late=rng.choice([5, 10, 15, 20])),
            *rng.sample(MIDDLES, 3),
            rng.choice(CLOSINGS),
        ])
        planned = rng.choice([50, 60, 90])
        entry = {
            "date": when.isoformat(timespec="minutes"),
            "client": client,
            "people": others if rng.random() < 0.3 else [],
            "setting": rng.choice(["in-person", "online", "phone"]),
            "planned_minutes": planned,
            "actual_minutes": planned + rng.choice([0, 0, 0, 5, 10, 20]),
            "stress_before": rng.randrange(2, 7),
            "stress_after": rng.randrange(2, 9),
            "narrative": narrative,
            "demands": [{"category": c, "text": t, "intensity": rng.randrange(1, 6)}
                        for c, t in rng.sample(DEMANDS, 2)],
            "controls": [{"timing": t, "text": x, "stance": s, "outcome": o}
                         for t, x, s, o in rng.sample(CONTROLS, 2)],
        }
        if rng.random() < 0.4:
            entry["went_well"] = "Held the boundary kindly and the client noticed it."
        lines.append(json.dumps(entry))
    return lines


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    sys.stdout.write("\n".join(generate(n)) + "\n")
