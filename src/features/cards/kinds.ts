import type { CardKind } from '../../domain/deck/schema';

export const KIND_LABELS: Record<CardKind, string> = {
  basic: 'Basic (front and back)',
  cloze: 'Cloze (fill in the blank)',
  mcq: 'Multiple choice',
  truefalse: 'True or false',
};
