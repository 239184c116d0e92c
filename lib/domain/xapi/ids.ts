// Statement ids: name-based UUIDs (RFC 9562 version 5), so the same event sent to the same LRS
// always carries the same id, and an LRS that already holds it keeps one copy.
import { createHash } from 'node:crypto';

/** The namespace of every statement id this platform mints (the v5 UUID of `https://telehealth-ready/xapi/statements` in the URL namespace). */
export const statementNamespace = '653dde70-13ad-51d7-98b4-fd837ed7be1f';

function bytesOf(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

/** A version 5 UUID of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(bytesOf(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of the statement that reports `eventId` to the LRS `lrsId`. */
export function statementId(eventId: string, lrsId: string): string {
  return uuidV5(`${eventId}|${lrsId}`, statementNamespace);
}
