import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's message push (消息推送): the server URL set in the mini-program's console receives events, among them the
 * subscribe-message ones. WeChat signs every call with the console's Token; in safe mode (安全模式, the one to use in
 * production) it also encrypts the body with the console's EncodingAESKey. This is the protocol, both ways: the
 * functions verify and open, the local stand-in signs and seals (scripts/wechatStandIn.ts), so they test each other.
 *
 * - signature = sha1 of the sorted, concatenated [token, timestamp, nonce] (plain mode and the URL check);
 *   msg_signature = the same over [token, timestamp, nonce, Encrypt] (safe mode).
 * - Encrypt = base64 of AES-256-CBC (key = base64 of EncodingAESKey + '=', IV = the key's first 16 bytes, PKCS#7 to
 *   32-byte blocks) of: 16 random bytes, the message length (4 bytes, big-endian), the message, the appid.
 */
export interface PushSecrets {
  token: string;
  /** 43 characters, from the console; absent in plain mode */
  aesKey?: string;
  appId: string;
}

export function pushSignature(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

export function signatureMatches(expected: string, given: string | undefined): boolean {
  if (!given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

function aesKeyOf(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new Error('EncodingAESKey must be 43 characters of base64');
  return key;
}

export function sealPush(message: string, secrets: PushSecrets, random: Buffer = randomBytes(16)): string {
  const key = aesKeyOf(secrets.aesKey ?? '');
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([random, length, body, Buffer.from(secrets.appId, 'utf8')]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** The message inside Encrypt, or undefined when it does not open, is malformed, or was sealed for another appid. */
export function openPush(encrypted: string, secrets: PushSecrets): string | undefined {
  // a key that is not 32 bytes is our configuration's fault, not the sender's: it throws, outside the catch below
  const key = aesKeyOf(secrets.aesKey ?? '');
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    const padded = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
    const pad = padded[padded.length - 1]!;
    if (pad < 1 || pad > 32 || padded.length < 20 + pad) return undefined;
    const plain = padded.subarray(0, padded.length - pad);
    const length = plain.readUInt32BE(16);
    if (20 + length > plain.length) return undefined;
    if (plain.subarray(20 + length).toString('utf8') !== secrets.appId) return undefined;
    return plain.subarray(20, 20 + length).toString('utf8');
  } catch {
    // only the sender's bytes are read in here (base64, AES-CBC, lengths): whatever fails, it was not sealed for us
    return undefined;
  }
}
