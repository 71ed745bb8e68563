/**
 * `npm run deck:report [deck.json …]`: prints every question the exam engine can ask for a deck, with every
 * option it may offer (✓ right, ✗ wrong; an exam shows `optionCount` of them, shuffled), then the questions
 * that break a structural rule. Defaults to the shipped decks in data/decks/. Exits 1 on a bad deck or rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue, validateDeck } from '../../src/domain/deck/validate';
import { questionBank, questionProblems } from '../../src/domain/exam/questionBank';
import { flattenSections } from '../../src/domain/exam/sections';

const args = process.argv.slice(2);
const files =
  args.length > 0
    ? args
    : readdirSync('data/decks')
        .filter((f) => f.endsWith('.json'))
        .map((f) => join('data/decks', f));

let failed = false;
for (const file of files) {
  const result = validateDeck(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.ok) {
    console.log(`${file}: not a valid deck\n${result.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
    failed = true;
    continue;
  }
  const { deck } = result;
  const bank = questionBank(deck);
  const flashcardItems = deck.cards.filter((c) => c.kind === 'basic' || c.kind === 'cloze').length;
  console.log(`# ${deck.title} (${file}, version ${deck.version}, formatVersion ${deck.formatVersion})`);
  console.log(
    `${bank.length} questions: ${count(bank, 'mcq')} mcq, ${count(bank, 'truefalse')} true/false, ` +
      `${count(bank, 'flashcard')} from flashcards with vetted options (of ${flashcardItems} flashcards)\n`,
  );
  const problems: string[] = [];
  for (const section of flattenSections(deck.sections)) {
    const here = bank.filter((c) => c.section === section.id);
    if (here.length === 0) continue;
    console.log(`## ${section.title} (${here.length})\n`);
    for (const c of here) {
      console.log(`${c.itemId} [${c.source}, shows ${c.optionCount}] ${c.question}`);
      for (const key of c.keys) console.log(`  ✓ ${key}`);
      for (const wrong of c.wrong) console.log(`  ✗ ${wrong}`);
      problems.push(...questionProblems(c, deck).map((p) => `${c.itemId}: ${p}`));
    }
    console.log('');
  }
  if (problems.length > 0) {
    failed = true;
    console.log(`## ${problems.length} problems\n${problems.join('\n')}`);
  } else console.log('Every question passes the structural rules.');
}
process.exitCode = failed ? 1 : 0;

function count(bank: ReturnType<typeof questionBank>, source: string): number {
  return bank.filter((c) => c.source === source).length;
}
