/**
 * What kind of thing an answer is, so a flashcard turned into multiple choice gets distractors of the same
 * kind: a port number is never offered against a product name, nor a storage type against a hypervisor.
 */
export type AnswerKind =
  | 'number'
  | 'storage-type'
  | 'access-level'
  | 'hypervisor'
  | 'acronym'
  | 'product'
  | 'name'
  | 'term'
  | 'description';

const NUMBER = /^[~≈<>]?\d[\d.,:/\s-]*(\s?[A-Za-z%]{1,8})?$/;
const STORAGE_TYPE = /^(SAN|NAS|DAS|JBOD|SDS|vSAN)$/i;
const ACCESS_LEVEL = /^(block|file|object)([- ]level| storage)$/i;
const HYPERVISOR =
  /\b(ESXi?|vSphere|Hyper-V|KVM|Xen(Server)?|VirtualBox|VMware Workstation|VMware Fusion|Parallels( Desktop)?|QEMU|Proxmox( VE)?|AHV)\b/i;
const VENDOR =
  /^(Amazon|AWS|Microsoft|Azure|Google|IBM|Oracle|VMware|Dell|EMC|HPE|HP|NetApp|Pure|Synology|QNAP|Western|Citrix|Red Hat|Cisco|Juniper|Nutanix|Docker|Kubernetes|OpenStack|Alibaba|DigitalOcean|Hitachi|Lenovo|Apple)\b/;
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/**
 * @example answerKind('4789') // 'number'
 * @example answerKind('SAN') // 'storage-type'
 * @example answerKind('Block-level') // 'access-level'
 * @example answerKind('Amazon EC2') // 'product'
 */
export function answerKind(answer: string): AnswerKind {
  const text = answer
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = text.split(' ').filter(Boolean);
  if (NUMBER.test(text) && words.length <= 3) return 'number';
  if (STORAGE_TYPE.test(text)) return 'storage-type';
  if (ACCESS_LEVEL.test(text)) return 'access-level';
  if (HYPERVISOR.test(text)) return 'hypervisor';
  if (words.length === 1 && /^[A-Za-z][A-Za-z0-9/+.-]{1,11}$/.test(text) && countUpper(text) >= 2)
    return 'acronym';
  if (VENDOR.test(text) || words.some((w) => /[a-z][A-Z]/.test(w) || /[A-Za-z]\d|\d[A-Za-z]/.test(w)))
    return 'product';
  if (words.length >= 2 && words.every((w) => /^[A-Z0-9]/.test(w) || SMALL_WORDS.has(w))) return 'name';
  return words.length <= 3 ? 'term' : 'description';
}

function countUpper(text: string): number {
  return [...text].filter((c) => c >= 'A' && c <= 'Z').length;
}

/** Two answers are the same when they differ only in case, spacing or punctuation. */
export function sameAnswer(a: string, b: string): boolean {
  return normalizeAnswer(a) === normalizeAnswer(b);
}

export function normalizeAnswer(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}
