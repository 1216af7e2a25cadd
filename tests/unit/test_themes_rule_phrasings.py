"""Phrasings the rules alone must know (learned layer off): how practitioners put the themes that
were found least often — the story told in one's head (projection), doing it oneself (rescuing),
the client's family words for the practitioner (transference), naming a feeling as one's own
(countertransference), meals that are not meals (self-care), nobody to take it to (isolation),
scope and the line (ethics), faith and language (culture), time that runs over (boundaries),
an ending in other words — in several voices, and near misses that
are not the theme."""

from __future__ import annotations

import pytest

from reflect.core.themes.detector import ThemeDetector

FOUND = [
    ("projection", "I'd built a whole story in the car park that she'd asked for someone else."),
    ("projection", "had it fixed in my head he thought i was a lightweight. so much for my theory"),
    ("projection", "I was quite sure the new client found me cold and would not come back"),
    ("projection", "I had written him off as not trying, then he showed me his diary."),
    ("rescuing", "I rang the housing office myself on my lunch to push her case."),
    ("rescuing", "paid the taxi out of my own pocket. not my job, i know"),
    ("rescuing", "I want to be the one who gets him through it and that is the problem"),
    ("rescuing", "If I stop now she'll go under, that's what I keep telling myself."),
    ("transference", "'you're basically my big sister now' she said at the door"),
    ("transference", "He kept calling me 'mum' without noticing."),
    ("transference", "She said you're the only one who never gave up on me."),
    ("transference", "'You lot are all the same', he said, and you're all the same is what his "
                     "dad used to say"),
    ("countertransference", "I teared up and had to look away; that's about me, not her."),
    ("countertransference", "I felt like a small schoolgirl in front of the head teacher again."),
    ("countertransference", "His laugh is exactly like my grandad's and it got to me."),
    ("countertransference", "I wanted him to think I was clever, so I talked too much."),
    ("self_care", "Lunch was a cereal bar at the wheel between visits."),
    ("self_care", "hadnt eaten since breakfast, drove home on coffee"),
    ("self_care", "Went for a swim after the last client and sat in the sauna."),
    ("self_care", "Haven't run since the spring. Fridays off from next month, phone in the drawer."),
    ("isolation", "There is nobody at work I can tell this to."),
    ("isolation", "Who do I ring at 3am when it goes wrong? I practise alone."),
    ("isolation", "It's just me and my steering wheel after the hard ones."),
    ("ethics", "I'm not a therapist and this is outside my scope."),
    ("ethics", "Where is the line if he tells me he's carrying a knife?"),
    ("ethics", "The form would be a lie with my registration number on it."),
    ("culture", "She wore a hijab and I noticed my own assumptions."),
    ("culture", "His father spoke only in Polish and the son translated everything."),
    ("boundaries", "stayed forty minutes past the visit time again, she'd made soup"),
    ("boundaries", "Our 50 min call stretched to 80."),
    ("boundaries", "Messaging him most mornings, which was never in our agreement."),
    ("endings", "That was probably my last visit with him; he moves to a colleague in May."),
    ("endings", "We did a proper closing and I left the door open."),
    ("consent", "Her 'fine' at the start was not a yes, I can see that now."),
    ("consent", "he said no, then said ok when his mate laughed"),
    ("transference", "'You're more of a dad to me than mine ever was,' he said."),
    ("countertransference", "I was sharper with him than the moment needed."),
    ("money", "He keeps pressing a tenner on me at the door."),
    ("safety", "He grabbed my wrist when I went to move his arm."),
    ("burnout", "Everything feels like it is happening behind glass lately."),
    ("culture", "as a white therapist working with a Māori whānau I asked more than I assumed"),
]

NOT_FOUND = [
    ("rescuing", "Booked myself a massage for Friday."),
    ("countertransference", "She curled up on the couch like a child with a blanket."),
    ("self_care", "The client said her lunch was lovely."),
    ("isolation", "No one was hurt and the session ended on time."),
    ("projection", "I had decided to refer her before the session started."),
    ("boundaries", "She called at 2pm about moving the booking."),
]


@pytest.fixture(scope="module")
def rules() -> ThemeDetector:
    return ThemeDetector.builtin()


@pytest.mark.parametrize(("theme", "text"), FOUND, ids=[f"{t}-{x[:28]}" for t, x in FOUND])
def test_the_rules_find_the_theme(rules, theme, text):
    hits = {h.theme: h for h in rules.detect_text(text, learned=False)}
    assert theme in hits, f"{theme} not found in {text!r}"
    assert all(text[ev.start:ev.end] == ev.text for ev in hits[theme].evidence)


@pytest.mark.parametrize(("theme", "text"), NOT_FOUND, ids=[f"{t}-{x[:28]}" for t, x in NOT_FOUND])
def test_near_misses_are_not_the_theme(rules, theme, text):
    assert theme not in {h.theme for h in rules.detect_text(text, learned=False)}
