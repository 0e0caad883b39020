import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { checkEnvironment, DEV_SECRETS } from './config';
import { runtimeEnv } from './secrets';
import { checkKms } from './cloudRules';

/**
 * Envelope encryption of sensitive personal information (ID numbers, income, health and disability facts, bank
 * accounts), and the keyed hash used to find duplicates without storing an ID number.
 *
 * A record is sealed with AES-256-GCM under a data key; the data key is stored beside it, wrapped: in the cloud by KMS
 * (GenerateDataKey / Decrypt, the key declared in serverless.yml), on the local stack by a local master key
 * (LOCAL_MASTER_KEY, with a dev default only when LINLI_ENV=local). The record's identity is the additional
 * authenticated data, so a sealed blob moved to another record does not open.
 *
 * A data key is reused for a few minutes within a container (as the AWS Encryption SDK's cache does), so a burst of
 * writes costs one KMS call; unwrapped keys are cached by their wrapped form.
 */
export interface KeyProvider {
  generate(): Promise<{ plaintext: Buffer; wrapped: string }>;
  unwrap(wrapped: string): Promise<Buffer>;
}

export interface Sealed {
  v: 1;
  /** the wrapped data key */
  k: string;
  iv: string;
  tag: string;
  ct: string;
}

function gcmEncrypt(key: Buffer, plaintext: Buffer, aad: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ct };
}

function gcmDecrypt(key: Buffer, iv: Buffer, tag: Buffer, ct: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]);
}

/** The local stack's provider: data keys wrapped with AES-256-GCM under a 32-byte master key. */
export function localKeyProvider(masterKey: Buffer): KeyProvider {
  if (masterKey.length !== 32) throw new Error('LOCAL_MASTER_KEY must be 32 bytes (base64)');
  const id = createHash('sha256').update(masterKey).digest('hex').slice(0, 8);
  return {
    async generate() {
      checkKms('GenerateDataKey');
      const plaintext = randomBytes(32);
      const { iv, tag, ct } = gcmEncrypt(masterKey, plaintext, `datakey:${id}`);
      return { plaintext, wrapped: `local:${id}:${Buffer.concat([iv, tag, ct]).toString('base64')}` };
    },
    async unwrap(wrapped) {
      checkKms('Decrypt');
      const [scheme, keyId, body] = wrapped.split(':');
      if (scheme !== 'local' || keyId !== id || !body) throw new Error('data key not wrapped by this local master key');
      const raw = Buffer.from(body, 'base64');
      return gcmDecrypt(masterKey, raw.subarray(0, 12), raw.subarray(12, 28), raw.subarray(28), `datakey:${id}`);
    },
  };
}

/** The cloud's provider: KMS GenerateDataKey / Decrypt with an encryption context. The SDK is in the Lambda runtime. */
export function kmsKeyProvider(keyId: string, region = process.env.AWS_REGION): KeyProvider {
  const context = { app: 'linli', purpose: 'relief' };
  // loaded lazily so the local stack and the tests never load the KMS client
  const client = async () => {
    const kms = await import('@aws-sdk/client-kms');
    return { kms, client: new kms.KMSClient({ region }) };
  };
  let cached: Awaited<ReturnType<typeof client>> | undefined;
  return {
    async generate() {
      cached ??= await client();
      const out = await cached.client.send(new cached.kms.GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: context }));
      return { plaintext: Buffer.from(out.Plaintext!), wrapped: `kms:${Buffer.from(out.CiphertextBlob!).toString('base64')}` };
    },
    async unwrap(wrapped) {
      if (!wrapped.startsWith('kms:')) throw new Error('data key not wrapped by KMS');
      cached ??= await client();
      const out = await cached.client.send(new cached.kms.DecryptCommand({ CiphertextBlob: Buffer.from(wrapped.slice(4), 'base64'), EncryptionContext: context, KeyId: keyId }));
      return Buffer.from(out.Plaintext!);
    },
  };
}

const DATA_KEY_SECONDS = 300;
const DATA_KEY_USES = 1000;

export class Vault {
  private current?: { plaintext: Buffer; wrapped: string; until: number; uses: number };
  private pending?: Promise<{ plaintext: Buffer; wrapped: string }>;
  private unwrapped = new Map<string, Buffer>();

  constructor(
    private readonly provider: KeyProvider,
    private readonly hashSecret: Buffer,
  ) {}

  private async dataKey(): Promise<{ plaintext: Buffer; wrapped: string }> {
    const now = Date.now();
    if (!this.current || this.current.until < now || this.current.uses >= DATA_KEY_USES) {
      // concurrent seals share one request for a new key
      this.pending ??= this.provider.generate().finally(() => {
        this.pending = undefined;
      });
      const k = await this.pending;
      if (!this.current || this.current.wrapped !== k.wrapped) this.current = { ...k, until: now + DATA_KEY_SECONDS * 1000, uses: 0 };
    }
    this.current.uses += 1;
    return this.current;
  }

  /** Seals a JSON value, bound to `aad` (the record it belongs to). */
  async seal(value: unknown, aad: string): Promise<Sealed> {
    const key = await this.dataKey();
    const { iv, tag, ct } = gcmEncrypt(key.plaintext, Buffer.from(JSON.stringify(value), 'utf8'), aad);
    return { v: 1, k: key.wrapped, iv: iv.toString('base64'), tag: tag.toString('base64'), ct: ct.toString('base64') };
  }

  async open<T>(sealed: Sealed, aad: string): Promise<T> {
    let key = this.unwrapped.get(sealed.k);
    if (!key) {
      key = await this.provider.unwrap(sealed.k);
      if (this.unwrapped.size > 100) this.unwrapped.clear();
      this.unwrapped.set(sealed.k, key);
    }
    const plain = gcmDecrypt(key, Buffer.from(sealed.iv, 'base64'), Buffer.from(sealed.tag, 'base64'), Buffer.from(sealed.ct, 'base64'), aad);
    return JSON.parse(plain.toString('utf8')) as T;
  }

  /** HMAC-SHA256 of a value under the secret, separated by purpose: what a key or an index may hold instead of the value. */
  hash(purpose: string, value: string): string {
    return createHmac('sha256', this.hashSecret).update(`${purpose}\u0000${value}`).digest('base64url');
  }
}

let cached: Vault | undefined;

/**
 * The vault from the environment, once per container. Cloud: RELIEF_KMS_KEY_ID and RELIEF_HASH_SECRET (32+ characters,
 * read from SSM at cold start: platform/secrets.ts). Local: LOCAL_MASTER_KEY (base64, 32 bytes) and RELIEF_HASH_SECRET,
 * with the repository's dev values only when LINLI_ENV=local (platform/config.ts refuses them in the cloud).
 */
export function vaultFromEnv(given?: NodeJS.ProcessEnv): Vault {
  if (!given && cached) return cached;
  const env = given ?? runtimeEnv();
  const local = checkEnvironment(env) === 'local';
  const hashSecret = env.RELIEF_HASH_SECRET || (local ? DEV_SECRETS.reliefHashSecret : '');
  if (!local && hashSecret.length < 32) throw new Error('RELIEF_HASH_SECRET must be set (32+ characters) outside the local stack');
  let provider: KeyProvider;
  if (!local) {
    if (!env.RELIEF_KMS_KEY_ID) throw new Error('RELIEF_KMS_KEY_ID must be set outside the local stack');
    provider = kmsKeyProvider(env.RELIEF_KMS_KEY_ID);
  } else provider = localKeyProvider(Buffer.from(env.LOCAL_MASTER_KEY || DEV_SECRETS.localMasterKey, 'base64'));
  const vault = new Vault(provider, Buffer.from(hashSecret, 'utf8'));
  if (!given) cached = vault;
  return vault;
}
