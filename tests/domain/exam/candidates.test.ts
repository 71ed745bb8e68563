import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerKind, sameAnswer } from '../../../src/domain/exam/answerKind';
import { examCandidates, toQuestion } from '../../../src/domain/exam/candidates';
import { seededRandom } from '../../../src/domain/exam/random';
import { EXAM_DECK_CARDS } from './examDeck';

const candidates = examCandidates(EXAM_DECK_CARDS);
const byItem = (itemId: string) => candidates.find((c) => c.itemId === itemId);

describe('exam candidates', () => {
  it('asks mcq and truefalse cards as written', () => {
    expect(byItem('san.q#1')).toMatchObject({
      type: 'fixed',
      question: { source: 'mcq', options: ['SAN', 'NAS', 'DAS'], correct: [0], explanation: 'Guide, SAN.' },
    });
    expect(byItem('nas.tf#1')).toMatchObject({
      type: 'fixed',
      question: { source: 'truefalse', options: ['True', 'False'], correct: [0] },
    });
  });

  it('takes distractors of the same kind from the section, then from cards sharing a domain tag', () => {
    expect(byItem('san.ibm#1')).toMatchObject({
      siblings: ['HPE 3PAR/Primera', 'Pure Storage FlashArray', 'NetApp AFF/FAS'],
      related: ['Dell EMC Isilon'],
    });
    // The only access level in its section: the others come from "storage" cards of other sections.
    expect(byItem('san.level#1')).toMatchObject({ siblings: [], related: ['File-level', 'File storage'] });
  });

  it('leaves out flashcards without two distractors of their kind', () => {
    // "3260" has only one other number ("2049") in the storage cards.
    expect(byItem('san.port#1')).toBeUndefined();
    expect(byItem('vx.gw#1')).toBeDefined(); // names: VXLAN Tunnel Endpoint, VXLAN Network Identifier
  });

  it('turns a cloze deletion into a question with a blank, never using its own card as a distractor', () => {
    expect(byItem('vx.cloze#1')).toMatchObject({
      question: 'VLAN IDs run _____; VXLAN has 16 million.',
      answer: '1-4094',
      siblings: ['4789', '24 bits'],
    });
  });

  it('never offers the answer as a distractor, and distractors are of its kind and unique (any seed)', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const random = seededRandom(seed);
        for (const candidate of candidates) {
          if (candidate.type !== 'flashcard') continue;
          const q = toQuestion(candidate, random);
          const answer = q.options[q.correct[0] ?? -1];
          expect(answer).toBe(candidate.answer);
          expect(q.correct).toHaveLength(1);
          expect(q.options.length).toBeGreaterThanOrEqual(3);
          expect(q.options.length).toBeLessThanOrEqual(4);
          const distractors = q.options.filter((_, i) => i !== q.correct[0]);
          for (const d of distractors) {
            expect(sameAnswer(d, candidate.answer)).toBe(false);
            expect(answerKind(d)).toBe(answerKind(candidate.answer));
          }
          expect(new Set(q.options.map((o) => o.toLowerCase())).size).toBe(q.options.length);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('skips retired cards', () => {
    const retired = EXAM_DECK_CARDS.map((c) => (c.card.id === 'san.q' ? { ...c, retired: true } : c));
    expect(examCandidates(retired).some((c) => c.cardId === 'san.q')).toBe(false);
  });
});
