// @vitest-environment node
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateEntry, readZipDirectory } from '../../../../src/domain/transfer/anki/zipEntries';

const text = (s: string) => new TextEncoder().encode(s);

/** A one-entry stored zip written with ZIP64 records, as streaming zip writers do. */
function zip64Stored(name: string, data: Uint8Array): Uint8Array {
  const nameBytes = text(name);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 45, true);
  local.setUint16(26, nameBytes.length, true);
  local.setUint32(18, 0xffffffff, true);
  local.setUint32(22, 0xffffffff, true);
  const localPart = [new Uint8Array(local.buffer), nameBytes, data];
  const localLength = 30 + nameBytes.length + data.length;

  const extra = new DataView(new ArrayBuffer(4 + 24));
  extra.setUint16(0, 1, true);
  extra.setUint16(2, 24, true);
  extra.setBigUint64(4, BigInt(data.length), true); // uncompressed
  extra.setBigUint64(12, BigInt(data.length), true); // compressed
  extra.setBigUint64(20, 0n, true); // local header offset
  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(6, 45, true);
  central.setUint32(20, 0xffffffff, true);
  central.setUint32(24, 0xffffffff, true);
  central.setUint16(28, nameBytes.length, true);
  central.setUint16(30, extra.byteLength, true);
  central.setUint32(42, 0xffffffff, true);
  const centralPart = [new Uint8Array(central.buffer), nameBytes, new Uint8Array(extra.buffer)];
  const centralLength = 46 + nameBytes.length + extra.byteLength;

  const end64 = new DataView(new ArrayBuffer(56));
  end64.setUint32(0, 0x06064b50, true);
  end64.setBigUint64(4, 44n, true);
  end64.setBigUint64(24, 1n, true);
  end64.setBigUint64(32, 1n, true);
  end64.setBigUint64(40, BigInt(centralLength), true);
  end64.setBigUint64(48, BigInt(localLength), true);
  const locator = new DataView(new ArrayBuffer(20));
  locator.setUint32(0, 0x07064b50, true);
  locator.setBigUint64(8, BigInt(localLength + centralLength), true);
  locator.setUint32(16, 1, true);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 0xffff, true);
  end.setUint16(10, 0xffff, true);
  end.setUint32(12, 0xffffffff, true);
  end.setUint32(16, 0xffffffff, true);

  const parts = [
    ...localPart,
    ...centralPart,
    new Uint8Array(end64.buffer),
    new Uint8Array(locator.buffer),
    new Uint8Array(end.buffer),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe('zip reading', () => {
  it('lists entries with their declared sizes and inflates deflated and stored ones', () => {
    const zip = zipSync({ a: text('hello hello hello hello'), b: [text('stored'), { level: 0 }] });
    const directory = readZipDirectory(zip);
    if (!directory.ok) throw new Error(directory.reason);
    expect(directory.value.map((e) => [e.name, e.method, e.size])).toEqual([
      ['a', 8, 23],
      ['b', 0, 6],
    ]);
    const [a, b] = directory.value.map((entry) => inflateEntry(zip, entry));
    expect(a).toEqual({ ok: true, value: text('hello hello hello hello') });
    expect(b).toEqual({ ok: true, value: text('stored') });
  });

  it('reads ZIP64 directories and sizes', () => {
    const zip = zip64Stored('collection.anki21', text('sixty-four'));
    const directory = readZipDirectory(zip);
    if (!directory.ok) throw new Error(directory.reason);
    expect(directory.value).toEqual([
      {
        name: 'collection.anki21',
        method: 0,
        isEncrypted: false,
        compressedSize: 10,
        size: 10,
        localHeaderOffset: 0,
      },
    ]);
    expect(inflateEntry(zip, directory.value[0] as (typeof directory.value)[0])).toEqual({
      ok: true,
      value: text('sixty-four'),
    });
  });

  it('refuses a zip cut short before its directory (readApkg then says where the file ends)', () => {
    const zip = zipSync({ a: text('hello') });
    expect(readZipDirectory(zip.subarray(0, zip.length - 30))).toEqual({
      ok: false,
      reason: 'is not a zip file',
    });
  });
});
