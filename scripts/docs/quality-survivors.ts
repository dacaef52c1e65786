/**
 * Why the surviving mutants of each rule file survive, one paragraph per file (the mutants
 * themselves are listed in docs/quality.md from the run's report). A test fails when a file
 * with survivors has no paragraph here, or a paragraph names a file without survivors.
 */
export const survivorReasons: Record<string, string> = {
  'scripts/check/rules/contact-phone-format.ts': 'Equivalent: a contact without a phone number gives a reading that is not ok, so skipping it early changes nothing.',
  'scripts/check/rules/contact-referenced.ts':
    'Equivalent in practice: only internal links to a contact’s id can add that id to the used set, and no contact shares an id with a link, heading or level (unique-ids forbids it), so loosening the kind checks changes no result.',
  'scripts/check/rules/content-not-empty.ts':
    'Parsed nodes always have a position (the first mutant is equivalent). The paragraph test only matters for a bullet whose only content is something other than a paragraph with no text in it (an empty code fence): a nested list or code with words has text either way, so the case added for a bullet holding only a list (“a bullet holding only a list of its own…”) passes with these mutants too. Whether an empty code fence makes a bullet empty is left open; no case pins it.',
  'scripts/check/rules/content-placed.ts':
    'Gaps in this rule’s table: no case with an HTML comment, code, an inline code span or an image left outside any known place, none with text longer than 60 characters (the shortened quote), and none outside levels/ for the level-specific advice.',
  'scripts/check/rules/content-placeholder.ts':
    'Equivalent: the parser gives every node offsets and every file front-matter, and walking a list as an object gives the same paths. Gaps: no empty (null) setting, no quote of exactly 60 characters, and no placeholder whose line ends in spaces.',
  'scripts/check/rules/domain-covers-levels.ts':
    'Equivalent: in a strengths-and-needs framework no indicator has a level, so the later checks already report nothing. Gaps: no domain missing three levels (the “A, B or C” wording), and no indicators marked missing from the source.',
  'scripts/check/rules/guidance-edition-current.ts':
    'Equivalent: guidance titles reach the model trimmed, the place of a setting is found from framework.md whatever key is asked for, and every framework in a case has front-matter, so the fallback to the framework’s own place never runs.',
  'scripts/check/rules/highest-level-has-emergency-route.ts':
    'Equivalent: every framework has levels and a level’s contacts are all contact ids. Gaps: no case with three levels (with two, the second level is also the last), no contact without a phone number, and no emergency number written with separators.',
  'scripts/check/rules/indicator-text-unique.ts':
    'Equivalent: upper or lower case gives the same equal texts. Gaps: no texts that differ only in where their words break, and no repeated indicator of exactly 60 characters.',
  'scripts/check/rules/level-has-indicators.ts':
    'Gaps: no case with indicators marked missing from the source, none where only a sub-level has a matrix column, and none with a description of only spaces (the parser trims it anyway).',
  'scripts/check/rules/level-has-what-to-do.ts': 'Equivalent: the parser trims a “What to do” section, so it is never only spaces.',
  'scripts/check/rules/link-https.ts': 'Equivalent: an address whose scheme is http: starts with it, so the unanchored pattern replaces the same text.',
  'scripts/check/rules/link-not-placeholder.ts':
    'Closed since this run: the cases “a “#” with spaces around it” and “an address of only spaces, which is empty too” fail when the address is not trimmed (checked by removing the trim by hand).',
  'scripts/check/rules/link-reachable.ts':
    'Not reachable from the rule: the wording for an ok probe and for an HTTP error without a status (the prober always gives one). Gaps: no probe of an address that is not a URL, and no case with an address the prober skipped (a private address), which must not be reported as unreachable.',
  'scripts/check/rules/link-text-descriptive.ts': 'Equivalent: the link text is plain text with spaces already collapsed, so replacing each run or each character gives the same words.',
  'scripts/check/rules/link-text-matches-address.ts':
    'Gaps in this rule’s table: no e-mail contact, no plain http address in link text, no link whose registry entry has no address, and no link text naming a phone number for a link to another kind of address.',
  'scripts/check/rules/matrix-covers-levels.ts': 'Equivalent: the parser trims cells and records the place of every cell it makes.',
  'scripts/check/rules/model-schema.ts':
    'Most problems the schema would find are found first by the parser with a better message, so few cases reach this rule: none with a bad link address or version (which it leaves to other rules) while something else is wrong, and none whose error path leaves the model (the place lookup’s guards). Gap: suggestions of a schema error are not asserted by any case.',
  'scripts/check/rules/reference-resolves.ts':
    'Equivalent: rebuilding the suggestion index of a kind on every broken reference gives the same suggestions, only slower. Gap: no domain whose parent is a level.',
  'scripts/check/rules/source-incomplete.ts':
    'Closed since this run: the cases “the whole document, a narrative page and its sub-section, and an extra section of a level” and “a strengths list and a needs list of a strengths-and-needs domain…” run the framework, section and sub-section walk and the polarity wording (each fails when the walk skips sub-sections or the polarity is swapped, checked by hand). Equivalent: a marker is always recorded with its place, so the fallback to the owner’s place never runs.',
  'scripts/check/rules/file-not-read.ts':
    'Gaps in this rule’s table: no unread file at the top of the framework folder whose name differs from a known one only in its extension, and the message for a file in an unknown folder is not asserted.',
  'scripts/check/rules/level-has-contacts.ts':
    'Closed since this run: the case “a level whose two contacts both have no way to reach them…” asserts the list of names (it fails when they are joined without “, ”, checked by hand). Equivalent in practice: a link to an id that is no contact never reaches the level’s contacts (the model keeps only contact ids), so the fallback for an unknown id is never used.',
  'scripts/parse/budget.ts': 'Closed since this run: a setting of “2.25” seconds is read (the case fails when the pattern allows one decimal only, checked by hand).',
  'scripts/parse/completeness.ts':
    'Equivalent: the marker pattern has always matched when its words are read (the marker test runs it first), so the optional chaining changes nothing, and a paragraph’s words never end in spaces, so trimming the reason changes nothing. Open: no case makes the check that the marker is a paragraph matter; a bullet starting with the marker’s words stays an indicator with or without it (“is only a paragraph of its own”).',
  'scripts/parse/hours.ts':
    'Equivalent: a match always has its groups, so the fallbacks to an empty text are never used, and “no opening times are given” cannot be reached: a text with a digit in it has a part holding that digit, which is either read or refused. Closed since this run (test/parse/hours.test.ts): “24 hours except 25 December”, “Phone out of hours”, “Out of hours”, “24 hours, 7 days”, “Open Mon 09:00-10:00”, “Mon 09:00-10:00 approx”, two spaces before the times and a closing hour of one digit (checked by hand for the end of the “24 hours” pattern, the start of the pattern of times and the padding of the closing hour).',
  'scripts/parse/names.ts':
    'Equivalent: once 2,000 entries are seen, a further folder stops at its first entry anyway (the loop’s own check only saves listing it), and Node already lists a folder in name order on Linux and macOS, so the sort only keeps the order fixed where it would not be. Closed since this run: “Straße.md” and “STRASSE.md” are not twins (the case fails with upper case, checked by hand).',
  'scripts/parse/pin-ids.ts':
    'Equivalent: a match of the attribute-block pattern always has its group, so the optional chaining changes nothing; and the edits already come out by file and line (the folder is read in path order, and the ids of each file in the tests are recorded in line order), so the sort only keeps that order fixed. Gap: no derived id without a place to pin it (the check that skips one). Closed since this run: an indicator whose words end in braces and “!” (“Meals skipped {often}!”) keeps them when its id is pinned (the case fails when the pattern lets anything but spaces follow the block, checked by hand).',
  'scripts/parse/unusable-ids.ts': 'Closed since this run: a domain called “index” is not refused, as only a framework id is reserved (the case fails when every kind is checked against the reserved framework ids, checked by hand).',
  'scripts/diff/changes/completeness-changed.ts':
    'Equivalent: a domain with neither words nor a completeness mark under any list has no cells, and a stand-in cell has neither either, so it pairs with nothing and reports nothing. Closed since the last run: the cases “a list marked partial, then no list at that level at all” and “no list at a level, then a list there marked partial” read the mark of a list missing on one side.',
  'scripts/diff/changes/contact-details-changed.ts':
    'Equivalent for sources: the parser already collapses the spacing inside each address line, so replacing each space or each run of spaces gives the same line (the change kind collapses it too for a framework.json side). Closed since the last run: the cases with a postal address (added, moved, removed, and written on one line instead of two) run the address comparison; each fails when it is skipped (checked by hand).',
  'scripts/diff/changes/contact-hours-changed.ts':
    'Equivalent: the hours of a missing contact line read as one fixed text, equal on both sides; the parser sets the always and out-of-hours flags only when true and the weekly times only when read, and a text that sets a flag (“24/7”, “Out of hours …”) has no weekly times and never reads the same as one that does not, so the defaults never change a result; a side without hours is already not the same hours; and the same text always reads as the same hours. Closed since the last run: the cases “a number’s own hours changed, shown with the number” and “a kept number given its own hours” compare a number’s own hours, and those of a number added or removed are not compared (each fails when that comparison is skipped, checked by hand).',
  'scripts/diff/changes/contact-number-changed.ts':
    'Equivalent: a number on one side only already differs in its digits, so the use is only compared when both sides have the number.',
  'scripts/diff/changes/domain-renamed.ts': 'Equivalent: the report sorts changes, so the order of the titles at levels does not show.',
  'scripts/diff/changes/indicator-reordered.ts':
    'Equivalent: a side other than “old” is read as the new version (so “new” spelt otherwise reads the same), a list with one indicator cannot be re-ordered (the early skip only saves time), and a stand-in list entry matches no indicator.',
  'scripts/diff/changes/level-contacts-changed.ts':
    'Equivalent: a side other than “old” is read as the new version, and reference keys start with “=”, “-”, “+” or “?”, so joining them without a separator cannot make two different orders read the same.',
  'scripts/diff/changes/matrix-cell-changed.ts':
    'Equivalent: a factor’s title is only looked up in the version the cell comes from, whose matrix has that factor (each cell comes from one of its rows); a side other than “old” is read as the new version; a framework without a matrix has no cells, and a stand-in cell has no text, so it reports nothing; marking a missing cell as paired changes nothing; and the parser never makes an empty cell.',
  'scripts/diff/changes/metadata-changed.ts':
    'Equivalent: the report sorts changes, and every guidance entry has an edition (the schema requires one), so titles are only compared when both sides have the entry.',
  'scripts/diff/changes/narrative-changed.ts':
    'Equivalent: titles of pages and matrix factors are plain text, so reading them as Markdown gives the same words; with no matrix on either side every matrix field is absent on both and nothing is reported; a domain with no list words has no cells. How the subject was matched is not asserted by the tables (the fixture pairs of test/diff/changes.test.ts assert it, but they are not run for each mutant). Closed since the last run: the cases “words under a domain’s list, then no list at that level at all” and “no list at a level, then one there with words under it”.',
}
