import { describe, expect, it } from 'vitest';
import { answerKind, sameAnswer } from '../../../src/domain/exam/answerKind';

describe('answerKind', () => {
  it.each([
    ['4789', 'number'],
    ['24 bits', 'number'],
    ['1-4094', 'number'],
    ['16 million', 'number'],
    ['SAN', 'storage-type'],
    ['DAS', 'storage-type'],
    ['Block-level', 'access-level'],
    ['file storage', 'access-level'],
    ['VMware ESXi', 'hypervisor'],
    ['Microsoft Hyper-V', 'hypervisor'],
    ['KVM', 'hypervisor'],
    ['VTEP', 'acronym'],
    ['IaaS', 'acronym'],
    ['iSCSI', 'acronym'],
    ['Amazon EC2', 'product'],
    ['IBM FlashSystem', 'product'],
    ['HPE 3PAR/Primera', 'product'],
    ['Storage Area Network', 'name'],
    ['Infrastructure as a Service (IaaS)', 'name'],
    ['Pay-as-you-go', 'term'],
    ['Network latency', 'term'],
    ['Connects entire networks to each other', 'description'],
  ])('%s is a %s', (answer, kind) => {
    expect(answerKind(answer)).toBe(kind);
  });

  it('treats answers differing only in case and punctuation as the same', () => {
    expect(sameAnswer('Block-level', 'block level')).toBe(true);
    expect(sameAnswer('SAN', 'NAS')).toBe(false);
  });
});
