/**
 * Quality checks for the shipped Virtualization deck: it validates, its structure holds, and every key term of
 * the guide (data/guide/virtualization-guide.txt) appears in at least one card.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import deckJson from '../../data/decks/virtualization.json';
import { parseCloze } from '../../src/domain/deck/cloze';
import { guidePassages } from '../../src/domain/deck/guide';
import { isExamQuestion, reviewItemsOf } from '../../src/domain/deck/reviewItems';
import type { Card } from '../../src/domain/deck/schema';
import { formatIssue, validateDeck, walkSections } from '../../src/domain/deck/validate';
import { bankProblems, questionBank } from '../../src/domain/exam/questionBank';

const guide = readFileSync(join(import.meta.dirname, '../../data/guide/virtualization-guide.txt'), 'utf8');
const validation = validateDeck(deckJson);
if (!validation.ok) throw new Error(validation.issues.map(formatIssue).join('\n'));
const deck = validation.deck;

function textOf(card: Card): string {
  switch (card.kind) {
    case 'basic':
      return `${card.front}\n${card.back}`;
    case 'cloze':
      return card.text.replace(/\{\{c\d+::(.*?)(::.*?)?\}\}/g, '$1');
    case 'mcq':
      return `${card.prompt}\n${card.correct.map((i) => card.options[i]).join('\n')}\n${card.explanation}`;
    case 'truefalse':
      return `${card.statement}\n${card.explanation}`;
  }
}

const normalize = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ');
const corpus = normalize(deck.cards.map(textOf).join('\n'));
const flashcardItems = deck.cards.filter((c) => !isExamQuestion(c)).flatMap(reviewItemsOf);
const examItems = deck.cards.filter(isExamQuestion);

/**
 * The guide's key terms, section by section: names, numbers, protocols, products and vendors, and each
 * listed characteristic, advantage, disadvantage, feature and practice (by a distinctive phrase).
 */
const KEY_TERMS: Record<string, string[]> = {
  overview: [
    'abstracts physical hardware',
    'hardware utilization',
    'capital and operational costs',
    'disaster recovery',
    'simplified management and maintenance',
    'scalability and flexibility',
  ],
  'host-based': [
    'host-based',
    'development and testing',
    'full and para-virtualization',
    'VMware Workstation',
    'Oracle VirtualBox',
    'easy to set up',
    'flexible resource allocation',
    'standard desktop hardware',
    'wide range of guest operating systems',
    'performance overhead',
    'limited scalability',
    'resource competition',
    'high performance requirements',
  ],
  'bare-metal': [
    'native virtualization',
    'directly on hardware',
    'para-virtualization',
    'Xen',
    'KVM',
    'Hyper-V',
    'more efficient resource usage',
    'enhanced security',
    'better isolation',
    'more complex setup',
    'dedicated hardware',
    'limited hardware compatibility',
    'specialized knowledge',
  ],
  container: [
    "host system's kernel",
    'Docker',
    'containerd',
    'Podman',
    'OS-level virtualization',
    'lightweight',
    'dependencies',
    'seconds vs minutes',
    'portable',
    'microservices',
    'less isolation',
    'different OS kernels',
    'shared kernel',
    'monolithic',
    'WSL',
  ],
  orchestration: [
    'Kubernetes',
    'Google',
    'Cloud Native Computing Foundation',
    'Docker Swarm',
    'fewer features',
    'Amazon ECS',
    'EKS',
    'managed Kubernetes',
    'Google Kubernetes Engine',
    'GKE',
    'Azure Kubernetes Service',
    'AKS',
  ],
  type1: [
    'Type 1',
    'bare-metal hypervisors',
    'VMware ESXi',
    'Microsoft Hyper-V',
    'XenServer',
    'live migration',
    'HCL',
    'licensing',
    'specialized training',
    'better resource control',
  ],
  type2: [
    'Type 2',
    'conventional operating system',
    'lower initial cost',
    'mission-critical',
    'host OS security and stability',
    'resource contention',
  ],
  storage: ['logical abstraction', 'regardless of their physical location'],
  san: [
    'SAN',
    'Storage Area Network',
    'block-level',
    'Fibre Channel',
    'iSCSI',
    'snapshots and replication',
    'databases',
    'EMC VMAX/PowerMax',
    'IBM FlashSystem',
    'NetApp AFF/FAS',
    'HPE 3PAR/Primera',
    'Pure Storage FlashArray',
  ],
  nas: [
    'NAS',
    'Network Attached Storage',
    'file-level',
    'SMB/CIFS',
    'NFS',
    'existing Ethernet',
    'heterogeneous clients',
    'user-level access control',
    'NetApp FAS systems',
    'Synology DiskStation',
    'QNAP',
    'Dell EMC Isilon',
    'Western Digital My Cloud',
  ],
  das: [
    'DAS',
    'Direct Attached Storage',
    'SATA',
    'SAS',
    'NVMe',
    'no network latency',
    'lower cost',
    'not easily shared',
    'USB/Thunderbolt',
    'JBOD',
    'Just a Bunch Of Disks',
    'Dell EMC PowerVault',
    'HPE StoreEasy',
  ],
  network: ['decoupled from the underlying physical hardware'],
  vpn: [
    'VPN',
    'Virtual Private Network',
    'encrypted tunnels',
    'public network',
    'Remote Access VPN',
    'Site-to-Site VPN',
    'SSL VPN',
    'browser-based',
    'MPLS VPN',
    'multiprotocol label switching',
    'geographical restrictions',
    'anonymity',
  ],
  vlan: [
    'VLAN',
    'Virtual Local Area Network',
    'broadcast domains',
    '802.1Q',
    '1-4094',
    'switches and routers',
    'trunk',
    'inter-VLAN routing',
    'bandwidth management',
    'reduced broadcast traffic',
  ],
  vxlan: [
    'VXLAN',
    'Virtual Extensible LAN',
    'Layer 2',
    'Layer 3',
    '16 million',
    'VNI',
    'UDP',
    '4789',
    '24-bit',
    'VTEP',
    'VXLAN Tunnel Endpoint',
    'SDN',
    'multi-tenant',
    'workload mobility',
  ],
  cloud: [
    'Infrastructure as a Service',
    'IaaS',
    'foundation of cloud computing',
    'on-demand virtual machines',
    'pay-as-you-go',
    'self-service',
    'Amazon EC2',
    'Microsoft Azure Virtual Machines',
    'Google Compute Engine',
    'IBM Cloud Virtual Servers',
    'Oracle Cloud Infrastructure',
  ],
  comparison: [
    'cornerstone',
    'Broadcom',
    'vMotion',
    'DRS',
    'vSAN',
    'Enterprise environments',
    'Checkpoints',
    'Clustering',
    'Windows-centric',
    'Linux integration',
    'Low overhead',
    'Cloud providers',
    'AWS uses Xen',
    'Oracle VM Server',
    'Oracle application support',
    'Oracle database environments',
    '3D acceleration',
    'USB support',
    'Cross-platform',
    'Personal use',
    'Parallels Desktop',
    'macOS integration',
    'Coherence mode',
    'macOS users requiring Windows apps',
  ],
  security: [
    'VM Escape',
    'VM Sprawl',
    'blind spots',
    'Hypervisor Vulnerabilities',
    'Network Traffic Visibility',
    'VM-to-VM traffic',
    'Resource Contention',
    'DoS',
    'patched and updated',
    'network segmentation',
    'VM encryption',
    'management interfaces',
    'audit',
    'dedicated security solutions',
    'least privilege',
    'IDS/IPS',
    'anomalies',
    'isolated environments',
  ],
};

/**
 * Ids retired by content version 3 (echo, set, vacuous and vendor-in-the-question cards, and questions whose
 * wording changed). Review history keys on ids, so none of them may come back with other content.
 */
const RETIRED_IN_V3 = [
  'bare-metal.compat',
  'bare-metal.resources',
  'cloud.ex-amazon',
  'cloud.ex-google',
  'cloud.ex-ibm',
  'cloud.ex-microsoft',
  'cloud.ex-oracle',
  'cloud.feat-network',
  'cloud.feat-provisioning',
  'cloud.feat-storage',
  'cloud.feat-vms',
  'cloud.iaas-rent',
  'cloud.q.amazon',
  'cloud.q.google',
  'cloud.q.hardware',
  'cloud.q.microsoft',
  'cloud.q.oracle',
  'comparison.q.usb',
  'container.isolation',
  'container.kernels',
  'container.portable',
  'container.startup',
  'das.ex-external',
  'das.ex-powervault',
  'das.ex-storeeasy',
  'das.latency',
  'das.simple',
  'host-based.guests',
  'host-based.q.para-only',
  'host-based.resource-allocation',
  'nas.access-control',
  'nas.easy',
  'nas.ex-isilon',
  'nas.ex-qnap',
  'nas.q.ex-qnap',
  'orchestration.q.swarm',
  'overview.benefits',
  'san.central-mgmt',
  'san.ex-hpe',
  'san.ex-ibm',
  'san.ex-netapp',
  'san.ex-pure',
  'security.pervasive',
  'security.q.configuration-management',
  'security.q.network-traffic-visibility',
  'security.q.shared-nature',
  'server.approach',
  'server.q.approach',
  'storage.def',
  'storage.impact',
  'type1.performance',
  'type2.q.guest-range',
  'vlan.features',
  'vpn.features',
];

describe('the question bank of the shipped Virtualization deck', () => {
  const bank = questionBank(deck);

  it('passes the structural rules for every question the engine can ask (not a sample)', () => {
    // Per question: 4 options (true/false 2, or a whole smaller answer set such as SAN, NAS, DAS), enough wrong
    // options, no option repeating another's words or containing the key, no echo of the answer in the
    // question, and the key not the only option that repeats the question's words.
    expect(bankProblems(deck)).toEqual([]);
  });

  it('asks many flashcards as multiple choice, each with vetted options only', () => {
    const fromFlashcards = bank.filter((c) => c.source === 'flashcard');
    expect(fromFlashcards.length).toBeGreaterThanOrEqual(40);
    for (const c of fromFlashcards) {
      const card = deck.cards.find((x) => x.id === c.cardId);
      const vetted =
        card?.kind === 'basic' || card?.kind === 'cloze' ? (card.wrong ?? card.answerSet) : undefined;
      expect(vetted, c.itemId).toBeDefined();
    }
  });

  it('has no set cards: a cloze blanks at most three things', () => {
    const sets = deck.cards.filter((c) => c.kind === 'cloze' && reviewItemsOf(c).length > 3).map((c) => c.id);
    expect(sets).toEqual([]);
  });

  it('does not let absolute words give a true/false answer away', () => {
    const absolute = /\b(only|must|cannot|never|always)\b/i;
    const flagged = deck.cards.flatMap((c) =>
      c.kind === 'truefalse' && absolute.test(c.statement) ? [c.answer] : [],
    );
    if (flagged.length > 0) expect(flagged).toContain(true);
  });

  it('never brings a retired id back', () => {
    const ids = new Set(deck.cards.map((c) => c.id));
    expect(RETIRED_IN_V3.filter((id) => ids.has(id))).toEqual([]);
  });
});

describe('the shipped Virtualization deck', () => {
  it('is large enough: at least 200 flashcard review items and 120 exam questions', () => {
    expect(flashcardItems.length).toBeGreaterThanOrEqual(200);
    expect(examItems.length).toBeGreaterThanOrEqual(120);
  });

  it('finds every section heading in the guide, in order', () => {
    const { missing, passages } = guidePassages(guide, deck.sections);
    expect(missing).toEqual([]);
    walkSections(deck.sections, 'sections', (section) => {
      expect(passages.get(section.id)?.text.startsWith(section.heading ?? '')).toBe(true);
    });
  });

  it('has cards in every section', () => {
    const used = new Set(deck.cards.map((c) => c.section));
    const empty: string[] = [];
    walkSections(deck.sections, 'sections', (section) => {
      if (!used.has(section.id)) empty.push(section.id);
    });
    expect(empty).toEqual([]);
  });

  it('tags every card with one exam domain', () => {
    const domains = new Set(['overview', 'server', 'storage', 'network', 'cloud', 'security', 'comparison']);
    const bad = deck.cards
      .filter((c) => (c.tags ?? []).filter((t) => domains.has(t)).length !== 1)
      .map((c) => c.id);
    expect(bad).toEqual([]);
  });

  it('has no duplicated prompts', () => {
    const prompts = deck.cards.map((c) =>
      normalize(
        c.kind === 'basic'
          ? c.front
          : c.kind === 'cloze'
            ? c.text
            : c.kind === 'mcq'
              ? c.prompt
              : c.statement,
      ),
    );
    const dups = prompts.filter((p, i) => prompts.indexOf(p) !== i);
    expect(dups).toEqual([]);
    const reversedBacks = deck.cards.flatMap((c) =>
      c.kind === 'basic' && c.reversed ? [normalize(c.back)] : [],
    );
    expect(reversedBacks.filter((p, i) => reversedBacks.indexOf(p) !== i)).toEqual([]);
  });

  it('has valid cloze syntax everywhere', () => {
    const bad = deck.cards.filter((c) => c.kind === 'cloze' && !parseCloze(c.text).ok).map((c) => c.id);
    expect(bad).toEqual([]);
  });

  it('gives every mcq unique options, one valid answer unless it says otherwise, and no "all of the above"', () => {
    for (const card of deck.cards) {
      if (card.kind !== 'mcq') continue;
      const options = card.options.map(normalize);
      expect(new Set(options).size, card.id).toBe(options.length);
      expect(
        card.correct.every((i) => i >= 0 && i < options.length),
        card.id,
      ).toBe(true);
      if (!/select (two|three|all)/i.test(card.prompt)) expect(card.correct, card.id).toHaveLength(1);
      expect(
        options.some((o) => /(all|none) of the above/.test(o)),
        card.id,
      ).toBe(false);
    }
  });

  it('gives every exam question an explanation that points to the guide', () => {
    const bad = examItems.filter(
      (c) => (c.kind === 'mcq' || c.kind === 'truefalse') && !/guide/i.test(c.explanation),
    );
    expect(bad.map((c) => c.id)).toEqual([]);
  });

  it('balances true/false answers', () => {
    const tf = deck.cards.filter((c) => c.kind === 'truefalse');
    const trues = tf.filter((c) => c.kind === 'truefalse' && c.answer).length;
    expect(trues / tf.length).toBeGreaterThan(0.35);
    expect(trues / tf.length).toBeLessThan(0.65);
  });

  it.each(Object.entries(KEY_TERMS))('covers every key term of section "%s"', (_, terms) => {
    for (const term of terms)
      expect(normalize(guide), `"${term}" is not in the guide`).toContain(normalize(term));
    expect(terms.filter((term) => !corpus.includes(normalize(term)))).toEqual([]);
  });
});
