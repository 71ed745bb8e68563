/**
 * Base64 (RFC 4648, standard alphabet, padded) for bytes in JSON files, through the platform's btoa/atob (browsers,
 * workers and Node). Bytes go through a binary string a chunk at a time: String.fromCharCode with one argument per
 * byte would overflow the call stack on a large file.
 */

/** Bytes per String.fromCharCode call. */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + CHUNK, bytes.length)));
  return btoa(binary);
}

const NOT_BASE64 = /[^A-Za-z0-9+/=]/;

/** The bytes of a padded base64 text, or undefined when it is not one (wrong characters, length or padding). */
export function base64ToBytes(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || NOT_BASE64.test(text)) return undefined;
  // '=' only as padding: one or two at the very end.
  const pad = text.indexOf('=');
  if (pad !== -1 && (pad < text.length - 2 || text.slice(pad) !== '='.repeat(text.length - pad)))
    return undefined;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
