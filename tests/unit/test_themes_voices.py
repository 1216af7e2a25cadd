"""Each theme in several voices the lexicon was not written from — terse, shorthand, dictated
(run-on, no punctuation), non-native English — and each trap of DOMAIN.md. The shipped detector
(rules + learned layer) must find the theme, with words of the text as its evidence."""

from __future__ import annotations

import pytest

from reflect.core.themes.detector import ThemeDetector

VOICES = {
    "boundaries": [
        ("terse", "Ran 25 min over. Again."),
        ("shorthand", "cl txtd me 11pm re tmrw, replied anyway"),
        ("dictated", "so she asked if we could go for a coffee sometime as friends and I "
                     "said maybe which I should not have said"),
        ("non-native", "Client give me a present, a bottle of wine, and I take it."),
    ],
    "transference": [
        ("terse", "Sees me as her mum. Clear today."),
        ("shorthand", "cl: 'ur the only one who gets me' x3"),
        ("dictated", "he got really angry at me out of nowhere like I was his dad telling "
                     "him off all over again"),
        ("non-native", "She is very jealous of my other clients, she ask who else I see."),
    ],
    "countertransference": [
        ("terse", "Felt protective. Too much."),
        ("shorthand", "v irritated w/ him, showed in my voice"),
        ("dictated", "and honestly he reminds me of my brother when he was using and I could "
                     "feel myself getting angry at him"),
        ("non-native", "I was dreading the session with him all morning, I don't know why."),
    ],
    "projection": [
        ("terse", "Assumed she was judging me. She wasn't."),
        ("shorthand", "read cancel as rejection - my stuff"),
        ("dictated", "I was totally sure he hates me after last week and then he thanked me "
                     "so I was wrong"),
        ("non-native", "I decided he was lazy very fast, maybe too fast."),
    ],
    "rescuing": [
        ("terse", "Drove her home. Rain."),
        ("shorthand", "rang landlord for him - felt I had to fix it"),
        ("dictated", "she just can't manage without me right now so I called the benefits "
                     "office for her again"),
        ("non-native", "I feel like a failure because he is not improving, I must fix this."),
    ],
    "burnout": [
        ("terse", "Numb. Dreading Mondays."),
        ("shorthand", "exhausted for wks, nothing left for family"),
        ("dictated", "I keep having nightmares about her story and I can't stop seeing the "
                     "images when I close my eyes"),
        ("non-native", "I am so burned out, I have nothing left to give to my clients."),
    ],
    "self_care": [
        ("terse", "No lunch. Back to back."),
        ("shorthand", "skipped lunch, 6 cl back2back, no break"),
        ("dictated", "I cancelled my own therapy again this week because a client needed the "
                     "slot which is the third time"),
        ("non-native", "After work I go for a run for myself, I booked a day off also."),
    ],
    "safety": [
        ("terse", "He'd been drinking. Left early."),
        ("shorthand", "cl mentioned a gun - safeguarding call made"),
        ("dictated", "he stood between me and the door and my gut said leave and nobody knew "
                     "where I was"),
        ("non-native", "She made suicidal comment at the end, I was scared for her."),
    ],
    "consent": [
        ("terse", "Didn't ask first. Should have."),
        ("shorthand", "she froze when I moved to her shoulders - stopped"),
        ("dictated", "she said yes but it was a yes that felt like a no so I stopped and "
                     "checked again"),
        ("non-native", "He asked to stop in the middle, I stop immediately."),
    ],
    "ethics": [
        ("terse", "Grey area. Should I report?"),
        ("shorthand", "conflict of interest? her sister is my neighbour"),
        ("dictated", "I feel a bit out of my depth with this one and I'm thinking I should "
                     "refer him on to someone"),
        ("non-native", "I am not sure it was right to tell his doctor, it is about "
                       "confidentiality."),
    ],
    "culture": [
        ("terse", "Language barrier. Hard hour."),
        ("shorthand", "her faith big part of it, diff background from me"),
        ("dictated", "as a white practitioner I noticed he kept deferring to me and I wondered "
                     "about the power in the room"),
        ("non-native", "She said a microaggression happened at her work and looked at me."),
    ],
    "endings": [
        ("terse", "Last session. Hard goodbye."),
        ("shorthand", "she ghosted - no reply x3 msgs"),
        ("dictated", "he just stopped booking after the holiday break and I never got to say "
                     "goodbye properly"),
        ("non-native", "This was our last session, she didn't say goodbye."),
    ],
    "money": [
        ("terse", "Didn't charge him. Again."),
        ("shorthand", "invoice unpaid 2 months, sliding scale?"),
        ("dictated", "it's been a quiet month and I'm worried about the rent so I gave her a "
                     "discount to keep her coming"),
        ("non-native", "He give me cash tip, I was not sure to accept."),
    ],
    "isolation": [
        ("terse", "No one to ask. Alone with this."),
        ("shorthand", "no colleagues to debrief w/"),
        ("dictated", "I really wish I had someone to talk it through with because I'm carrying "
                     "this on my own"),
        ("non-native", "I have nobody to ask about this, I feel very alone in my work."),
    ],
}

CASES = [(theme, voice, text) for theme, cases in VOICES.items() for voice, text in cases]


@pytest.fixture(scope="module")
def detector() -> ThemeDetector:
    return ThemeDetector.builtin()


@pytest.mark.parametrize(("theme", "voice", "text"), CASES,
                         ids=[f"{t}-{v}" for t, v, _ in CASES])
def test_theme_found_in_each_voice(detector, theme, voice, text):
    hits = {h.theme: h for h in detector.detect_text(text)}
    assert theme in hits, f"{theme} not found in the {voice} voice: {text!r}"
    for ev in hits[theme].evidence:
        assert text[ev.start:ev.end] == ev.text and ev.text.strip()


TRAPS = [
    ("boundaries", "Spent Saturday fixing the garden boundary wall with my dad."),
    ("transference", "Transferred the payment for the room hire this morning."),
    ("burnout", "Burned the toast, laughed about it, good start to the day."),
    ("burnout", "I was exhausted this afternoon after a long day, early night tonight."),
    ("safety", "Talked about her safe word in the game group she runs; all fine."),
    ("projection", "The projector wasn't working, so we moved rooms."),
    ("boundaries", "No boundary issues today."),
]


@pytest.mark.parametrize(("theme", "text"), TRAPS, ids=[t[1][:30] for t in TRAPS])
def test_traps_are_not_themes(detector, theme, text):
    assert theme not in {h.theme for h in detector.detect_text(text)}
