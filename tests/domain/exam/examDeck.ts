import type { AnswerSet, BasicCard, Card, Section } from '../../../src/domain/deck/schema';
import type { DeckCard } from '../../../src/domain/exam/candidates';

/** A small deck (formatVersion 2) in three sections, for the exam draw tests: some flashcards have vetted
 * options (authored wrong options or an answer set), others none. */
export const EXAM_SECTIONS: Section[] = [
  {
    id: 'storage',
    title: 'Storage',
    children: [
      { id: 'san', title: 'SAN' },
      { id: 'nas', title: 'NAS' },
    ],
  },
  { id: 'vxlan', title: 'VXLAN' },
];

const basic = (id: string, section: string, front: string, back: string, tags: string[]): BasicCard => ({
  id,
  section,
  kind: 'basic',
  front,
  back,
  tags,
});

export const EXAM_ANSWER_SETS: AnswerSet[] = [
  { id: 'storage-types', answers: ['SAN', 'NAS', 'DAS'] },
  {
    id: 'san-products',
    answers: ['IBM FlashSystem', 'HPE 3PAR/Primera', 'Pure Storage FlashArray', 'NetApp AFF/FAS'],
  },
];

export const EXAM_CARDS: Card[] = [
  {
    ...basic('san.ibm', 'san', 'Which product is by IBM?', 'IBM FlashSystem', ['storage']),
    answerSet: 'san-products',
  },
  {
    ...basic('san.kind', 'san', 'Which storage type is IBM FlashSystem?', 'SAN', ['storage']),
    answerSet: 'storage-types',
  },
  basic('san.hpe', 'san', 'HPE SAN product?', 'HPE 3PAR/Primera', ['storage']),
  basic('san.pure', 'san', 'Pure SAN product?', 'Pure Storage FlashArray', ['storage']),
  basic('san.netapp', 'san', 'NetApp SAN product?', 'NetApp AFF/FAS', ['storage']),
  {
    ...basic('san.level', 'san', 'What access does a SAN give?', 'Block-level', ['storage']),
    wrong: ['File-level', 'Object-level', 'OS-level'],
  },
  basic('san.port', 'san', 'iSCSI port?', '3260', ['storage']),
  basic('nas.level', 'nas', 'What access does NAS give?', 'File-level', ['storage']),
  basic('nas.dell', 'nas', 'Dell NAS product?', 'Dell EMC Isilon', ['storage']),
  basic('nas.files', 'nas', 'What does a NAS serve?', 'File storage', ['storage']),
  basic('nas.nfs', 'nas', 'NFS port?', '2049', ['storage']),
  {
    id: 'san.q',
    section: 'san',
    kind: 'mcq',
    prompt: 'Which storage is block-level?',
    options: ['SAN', 'NAS', 'DAS', 'VXLAN', 'VPN'],
    correct: [0],
    explanation: 'Guide, SAN.',
    tags: ['storage'],
  },
  {
    id: 'nas.tf',
    section: 'nas',
    kind: 'truefalse',
    statement: 'NAS is file-level.',
    answer: true,
    explanation: 'Guide, NAS.',
    tags: ['storage'],
  },
  { ...basic('vx.port', 'vxlan', 'VXLAN UDP port?', '4789', ['network']), wrong: ['4790', '8472', '6081'] },
  {
    ...basic('vx.bits', 'vxlan', 'VNI size?', '24 bits', ['network']),
    wrong: ['12 bits', '16 bits', '32 bits'],
  },
  basic('vx.vtep', 'vxlan', 'VTEP?', 'VXLAN Tunnel Endpoint', ['network']),
  basic('vx.vni', 'vxlan', 'VNI?', 'VXLAN Network Identifier', ['network']),
  basic('vx.gw', 'vxlan', 'Which device joins VXLAN to VLANs?', 'Layer 3 Gateway', ['network']),
  {
    id: 'vx.cloze',
    section: 'vxlan',
    kind: 'cloze',
    text: 'VLAN IDs run {{c1::1-4094}}; VXLAN has {{c2::16 million}}.',
    wrong: { c2: ['4 million', '1 million', '64 thousand'] },
    tags: ['network'],
  },
  {
    id: 'vx.tf',
    section: 'vxlan',
    kind: 'truefalse',
    statement: 'VXLAN carries Layer 2 frames in Layer 3 packets.',
    answer: true,
    explanation: 'Guide, VXLAN.',
    tags: ['network'],
  },
];

export const EXAM_DECK_CARDS: DeckCard[] = EXAM_CARDS.map((card, position) => ({
  card,
  position,
  retired: false,
}));

export const EXAM_DECK_META = { answerSets: EXAM_ANSWER_SETS };

export const SECTION_ORDER = ['storage', 'san', 'nas', 'vxlan'];
export const ALL_SECTIONS = ['san', 'nas', 'vxlan'];
