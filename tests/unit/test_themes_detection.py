"""The built-in themes are found in ordinary practitioner language, and traps are not."""

from __future__ import annotations

import pytest

from reflect.core.themes.detector import ThemeDetector


@pytest.fixture(scope="module")
def detector() -> ThemeDetector:
    return ThemeDetector.builtin()


def themes_in(detector: ThemeDetector, text: str) -> set[str]:
    return {hit.theme for hit in detector.detect_text(text)}


POSITIVES = {
    "boundaries": [
        "Stayed twenty minutes over again because I couldn't find a way to wrap up.",
        "She messaged me at 11pm asking if I was free tomorrow, and I answered anyway.",
        "He sent me a friend request on Facebook after the session.",
        "Bumped into her at the gym on Saturday and we chatted for ages.",
        "I told him about my divorce, which I never normally do.",
        "We ran over again; that's the third week running.",
        "Got a text at midnight from him, long and upset.",
        "She wants to follow me on Instagram.",
    ],
    "transference": [
        "She sees me as her mum, I think, always asking if I'm proud of her.",
        "He said 'you're the only one who gets me' on the way out.",
        "He was furious at me, like I'm his dad all over again.",
        "She idealises me and gets jealous of my other clients.",
        "Treats me like a strict teacher, waiting to be told off.",
    ],
    "countertransference": [
        "I felt really protective of her when she described the flat.",
        "He reminds me of my brother at that age.",
        "Honestly I was bored for most of the hour.",
        "I noticed I wanted her to like me, and softened the challenge.",
        "Really irritated with him today and it showed in my voice.",
        "I dreaded the session all morning.",
    ],
    "projection": [
        "I assumed she was judging me for the state of the room.",
        "I'm sure he hates me after last week.",
        "When she cancelled I read it as rejection straight away.",
        "Within five minutes I'd decided he was lazy.",
        "She was convinced I must think she's pathetic.",
    ],
    "rescuing": [
        "I found myself wanting to rescue him from the whole situation.",
        "I drove her home because the buses had stopped.",
        "Ended up calling the landlord for him about the damp.",
        "I have to fix this before she loses the flat.",
        "Felt like a failure when he didn't improve after six weeks.",
        "She can't manage without me at the moment, or so I tell myself.",
    ],
    "burnout": [
        "I'm exhausted and numb by Thursday every week.",
        "Dreading Mondays again, the whole weekend shadowed by it.",
        "I can't stop seeing the images from what he described.",
        "Had nightmares about her story two nights running.",
        "There's nothing left for my family by the evening.",
    ],
    "self_care": [
        "Skipped lunch again, back to back all day.",
        "No break between clients from nine until five.",
        "Cancelled my own therapy to fit in an extra client.",
        "Went for a run after work and felt human again.",
        "Booked a day off next Friday, just for me.",
    ],
    "safety": [
        "He stood and blocked the door when I said we had to finish.",
        "My gut said leave, so I ended the visit early.",
        "He'd been drinking before the session and was slurring.",
        "He mentioned a gun in the house, quite casually.",
        "She made a suicidal comment on the way out.",
        "Nobody knew where I was; it was a home visit out in the country.",
        "Raised a safeguarding concern with the duty team.",
    ],
    "consent": [
        "I didn't ask first before moving to her neck.",
        "She froze when I moved to her lower back.",
        "It was a yes that felt like a no.",
        "Halfway through he asked me to stop, and I did.",
        "I changed the plan mid-session without checking with her.",
    ],
    "ethics": [
        "Not sure it was right to accept the invitation.",
        "It's a grey area and I want to take it to supervision.",
        "Should I report what he told me about his employer?",
        "Worried about confidentiality in such a small town.",
        "I feel out of my depth with the eating disorder.",
        "Possible conflict of interest: his wife is my neighbour.",
    ],
    "culture": [
        "We come from a very different background and I kept missing references.",
        "There was a real language barrier and the phone interpreter was late.",
        "Her faith is central to how she makes sense of the loss.",
        "As a white practitioner I'm aware of what I might not see.",
        "She described a microaggression at work and looked to see how I'd react.",
        "He kept deferring to me even on things only he could know.",
    ],
    "endings": [
        "Last session with him next week.",
        "She's ghosted me after four sessions.",
        "He stopped booking after the price rise.",
        "I can't keep seeing him now that I'm moving practice.",
        "She didn't say goodbye, just left the money on the side.",
        "Told her about the holiday break in August.",
    ],
    "money": [
        "I didn't charge him for the extra half hour.",
        "Moved her onto the sliding scale.",
        "The invoice from March is still unpaid.",
        "He left a cash tip on the table.",
        "Gave a discount because she lost her job.",
        "Quiet month; I'm worried about the rent.",
    ],
    "isolation": [
        "There's no one to ask about this kind of thing.",
        "I feel alone with this case.",
        "No colleagues to sound out, just me and the notes.",
        "I wish I had someone to talk it through with.",
        "Working on my own means nobody to debrief with after a day like today.",
    ],
}


@pytest.mark.parametrize(
    ("theme", "text"), [(t, s) for t, texts in POSITIVES.items() for s in texts]
)
def test_theme_is_found_in_practitioner_language(detector, theme, text):
    assert theme in themes_in(detector, text), f"{theme} not found in: {text}"


def test_every_builtin_theme_has_positive_cases():
    assert set(POSITIVES) == {t.id for t in ThemeDetector.builtin().themes}


TRAPS = [
    ("boundaries", "The garden boundary wall fell down in the storm and she laughed about it."),
    ("boundaries", "She talked about the boundary fence dispute with her neighbours."),
    ("transference", "She transferred the payment this morning."),
    ("burnout", "I burned the toast this morning, then it was a lovely easy session."),
    ("safety", "They have a safe word for their games, she said, laughing."),
    ("projection", "The projector wasn't working so we skipped the slides."),
    ("projection", "Her sales projections for the shop look better this year."),
    ("money", "He's picking up shifts at the cash and carry."),
    ("countertransference", "We talked about protective factors and her support network."),
    ("safety", "She said it felt like a safe space to talk."),
    ("burnout", "She mentioned numbness in her left hand since the fall."),
]


@pytest.mark.parametrize(("theme", "text"), TRAPS)
def test_trap_phrases_do_not_count(detector, theme, text):
    assert theme not in themes_in(detector, text)


def test_transferred_payment_is_money_not_transference(detector):
    found = themes_in(detector, "She transferred the payment and asked about the fee for next month.")
    assert "money" in found and "transference" not in found


@pytest.mark.parametrize(
    ("theme", "text"),
    [
        ("boundaries", "No boundary issues today."),
        ("countertransference", "I didn't feel irritated at all, which surprised me."),
        ("safety", "Not a safety concern, just a bad week for her."),
        ("burnout", "I'm not exhausted, just a bit flat today."),
        ("money", "We never discussed the fee today."),
        ("rescuing", "I didn't drive her home this time."),
        ("isolation", "I'm never lonely in this work; the peer group is great."),
    ],
)
def test_negated_cues_do_not_count(detector, theme, text):
    assert theme not in themes_in(detector, text)


@pytest.mark.parametrize(
    ("theme", "text"),
    [
        ("burnout", "I couldn't stop thinking about her story all weekend and can't switch off."),
        ("ethics", "Not sure it was right to say yes to the coffee."),
        ("isolation", "No one to ask, so I'm deciding on my own."),
        ("consent", "I didn't ask first, I just moved on to her feet."),
        ("endings", "She didn't say goodbye."),
        ("safety", "I didn't feel safe with him in the room."),
    ],
)
def test_negation_inside_a_cue_is_part_of_it(detector, theme, text):
    assert theme in themes_in(detector, text)


def test_negation_is_limited_to_its_clause(detector):
    text = "No plan for the weekend, but he mentioned a gun in the house."
    assert "safety" in themes_in(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "She sees me as her mother.",
        "He's furious at me like I'm his dad.",
        "You're the only one who gets me, she said.",
    ],
)
def test_client_feelings_toward_me_are_transference_not_countertransference(detector, text):
    found = themes_in(detector, text)
    assert "transference" in found
    assert "countertransference" not in found


@pytest.mark.parametrize(
    "text",
    [
        "I felt protective of her the whole hour.",
        "He reminds me of my brother.",
        "I dreaded the session and was irritated before she even arrived.",
        "I wanted her to like me.",
    ],
)
def test_my_feelings_are_countertransference_not_transference(detector, text):
    found = themes_in(detector, text)
    assert "countertransference" in found
    assert "transference" not in found


@pytest.mark.parametrize(
    "text",
    [
        "She said she was bored with her job.",
        "He was irritated with the receptionist.",
        "They were really attracted to the new flat.",
        # anger at a thing, or at a word that is not a name; guilt about oneself
        "I was furious at the traffic all the way there.",
        "Honestly furious at zeke today.",
        "Turned the booking down. Felt guilty about Zeke, and then less guilty.",
    ],
)
def test_someone_elses_feelings_or_things_are_not_countertransference(detector, text):
    assert "countertransference" not in themes_in(detector, text)


def test_one_tired_day_is_not_burnout(detector):
    assert "burnout" not in themes_in(detector, "A bit tired after a long day, nothing unusual.")


def test_neutral_text_has_no_themes(detector):
    text = "Good session. We reviewed her goals and planned homework for next week."
    assert detector.detect_text(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I was furious at Zeke for cancelling again.",
        "Angry with Ben for how he spoke to her, more than I should have been.",
        "I felt so sad for him when he showed me the photos.",
    ],
)
def test_my_anger_at_someone_named_is_countertransference(detector, text):
    # The cue's name part tells capitals from small letters: it reads the text as written.
    assert "countertransference" in themes_in(detector, text)


def test_evidence_of_a_named_cue_is_the_text_as_written(detector):
    (hit,) = [h for h in detector.detect_text("Felt furious at Zeke.") if h.theme == "countertransference"]
    assert "furious at Zeke" in [e.text for e in hit.evidence]
