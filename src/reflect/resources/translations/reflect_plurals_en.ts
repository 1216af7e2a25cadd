<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>ClientListModel</name>
    <message numerus="yes">
      <source>%1, %n entries</source>
      <translation>
        <numerusform>%1, %n entry</numerusform>
        <numerusform>%1, %n entries</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExportPage</name>
    <message numerus="yes">
      <source>%n sessions</source>
      <translation>
        <numerusform>%n session</numerusform>
        <numerusform>%n sessions</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n redactions</source>
      <translation>
        <numerusform>%n redaction</numerusform>
        <numerusform>%n redactions</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>HeatMapModel</name>
    <message numerus="yes">
      <source>%1 · %2: %n sessions</source>
      <translation>
        <numerusform>%1 · %2: %n session</numerusform>
        <numerusform>%1 · %2: %n sessions</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Recurring: %1 of the last %n sessions</source>
      <translation>
        <numerusform>Recurring: %1 of the last %n session</numerusform>
        <numerusform>Recurring: %1 of the last %n sessions</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message numerus="yes">
      <source>• and %n more</source>
      <translation>
        <numerusform>• and %n more</numerusform>
        <numerusform>• and %n more</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n entries</source>
      <translation>
        <numerusform>%n entry</numerusform>
        <numerusform>%n entries</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>about %n clients</source>
      <translation>
        <numerusform>about %n client</numerusform>
        <numerusform>about %n clients</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>(%n new to this journal)</source>
      <translation>
        <numerusform>(%n new to this journal)</numerusform>
        <numerusform>(%n new to this journal)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>, %n of them general reflections</source>
      <translation>
        <numerusform>, %n of them a general reflection</numerusform>
        <numerusform>, %n of them general reflections</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Also %n supervision records (meetings, self-checks or a profile).</source>
      <translation>
        <numerusform>Also %n supervision record (a meeting, a self-check or a profile).</numerusform>
        <numerusform>Also %n supervision records (meetings, self-checks or a profile).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n other notes about the file: </source>
      <translation>
        <numerusform>%n other note about the file: </numerusform>
        <numerusform>%n other notes about the file: </numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message numerus="yes">
      <source>%n entries</source>
      <translation>
        <numerusform>%n entry</numerusform>
        <numerusform>%n entries</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Your search is still on: nothing %1 matches “%2”.
%n entries elsewhere do: choose All entries to see them, or press Esc in the search field to clear it.</source>
      <translation>
        <numerusform>Your search is still on: nothing %1 matches “%2”.
%n entry elsewhere does: choose All entries to see it, or press Esc in the search field to clear it.</numerusform>
        <numerusform>Your search is still on: nothing %1 matches “%2”.
%n entries elsewhere do: choose All entries to see them, or press Esc in the search field to clear it.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PassphraseForm</name>
    <message numerus="yes">
      <source>Use at least %n characters.</source>
      <translation>
        <numerusform>Use at least %n character.</numerusform>
        <numerusform>Use at least %n characters.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>At least %n characters. A few unrelated words are easy to remember and hard to guess.</source>
      <translation>
        <numerusform>At least %n character. A few unrelated words are easy to remember and hard to guess.</numerusform>
        <numerusform>At least %n characters. A few unrelated words are easy to remember and hard to guess.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Prompts</name>
    <message numerus="yes">
      <source>You have unsaved writing from last time (%n drafts).</source>
      <translation>
        <numerusform>You have unsaved writing from last time (%n draft).</numerusform>
        <numerusform>You have unsaved writing from last time (%n drafts).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n entries about them</source>
      <translation>
        <numerusform>%n entry about them</numerusform>
        <numerusform>%n entries about them</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>the record of the %n briefs exported for them; the brief files stay where you saved them</source>
      <translation>
        <numerusform>the record of the %n brief exported for them; the brief file stays where you saved it</numerusform>
        <numerusform>the record of the %n briefs exported for them; the brief files stay where you saved them</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ReviewPage</name>
    <message numerus="yes">
      <source>%n redactions</source>
      <translation>
        <numerusform>%n redaction</numerusform>
        <numerusform>%n redactions</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n to check</source>
      <translation>
        <numerusform>%n to check</numerusform>
        <numerusform>%n to check</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n known names still showing</source>
      <translation>
        <numerusform>%n known name still showing</numerusform>
        <numerusform>%n known names still showing</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>; and %n more</source>
      <translation>
        <numerusform>; and %n more</numerusform>
        <numerusform>; and %n more</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ThemesWindow</name>
    <message numerus="yes">
      <source>● recurring: in at least %1 of a client's last %n sessions</source>
      <translation>
        <numerusform>● recurring: in at least %1 of a client's last %n session</numerusform>
        <numerusform>● recurring: in at least %1 of a client's last %n sessions</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 — %2 (%n sessions)</source>
      <translation>
        <numerusform>%1 — %2 (%n session)</numerusform>
        <numerusform>%1 — %2 (%n sessions)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>WorkspaceCommands</name>
    <message numerus="yes">
      <source>%1 and their %n entries are gone from the journal.</source>
      <translation>
        <numerusform>%1 and their %n entry are gone from the journal.</numerusform>
        <numerusform>%1 and their %n entries are gone from the journal.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Imported %n entries.</source>
      <translation>
        <numerusform>Imported %n entry.</numerusform>
        <numerusform>Imported %n entries.</numerusform>
      </translation>
    </message>
  </context>
</TS>
