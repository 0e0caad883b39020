import { randomBytes } from 'node:crypto';
import { localKeyProvider, Vault, vaultFromEnv, type KeyProvider } from './crypto';

const counting = (inner: KeyProvider) => {
  const calls = { generate: 0, unwrap: 0 };
  return {
    calls,
    provider: { generate: () => (calls.generate++, inner.generate()), unwrap: (w: string) => (calls.unwrap++, inner.unwrap(w)) } as KeyProvider,
  };
};

describe('envelope encryption', () => {
  const master = randomBytes(32);

  it('opens what it sealed, bound to its record', async () => {
    const v = new Vault(localKeyProvider(master), Buffer.from('secret'));
    const sealed = await v.seal({ idNumber: '11010519491231002X', income: 1500 }, 'relief:application:a1');
    expect(JSON.stringify(sealed)).not.toContain('11010519491231002X');
    expect(await v.open(sealed, 'relief:application:a1')).toEqual({ idNumber: '11010519491231002X', income: 1500 });
    await expect(v.open(sealed, 'relief:application:a2')).rejects.toThrow();
  });

  it('refuses a tampered ciphertext and a data key wrapped by another master key', async () => {
    const v = new Vault(localKeyProvider(master), Buffer.from('secret'));
    const sealed = await v.seal({ x: 1 }, 'aad');
    const ct = Buffer.from(sealed.ct, 'base64');
    ct[0] = ct[0]! ^ 1;
    await expect(v.open({ ...sealed, ct: ct.toString('base64') }, 'aad')).rejects.toThrow();
    const other = new Vault(localKeyProvider(randomBytes(32)), Buffer.from('secret'));
    await expect(other.open(sealed, 'aad')).rejects.toThrow();
  });

  it('reuses a data key for a burst of seals and unwraps each wrapped key once', async () => {
    const { calls, provider } = counting(localKeyProvider(master));
    const v = new Vault(provider, Buffer.from('secret'));
    const sealed = await Promise.all([1, 2, 3].map((i) => v.seal({ i }, `r${i}`)));
    const fresh = new Vault(provider, Buffer.from('secret'));
    for (const [i, s] of sealed.entries()) expect(await fresh.open(s, `r${i + 1}`)).toEqual({ i: i + 1 });
    expect(calls.generate).toBe(1);
    expect(calls.unwrap).toBe(1);
  });

  it('hashes a value under the secret, separately per purpose', () => {
    const a = new Vault(localKeyProvider(master), Buffer.from('secret-a'));
    const b = new Vault(localKeyProvider(master), Buffer.from('secret-b'));
    expect(a.hash('person', '11010519491231002X')).toBe(a.hash('person', '11010519491231002X'));
    expect(a.hash('person', '11010519491231002X')).not.toBe(a.hash('household', '11010519491231002X'));
    expect(a.hash('person', '11010519491231002X')).not.toBe(b.hash('person', '11010519491231002X'));
    expect(a.hash('person', '11010519491231002X')).not.toContain('11010519491231002X');
  });

  it('needs its secrets outside the local stack', () => {
    expect(() => vaultFromEnv({ LINLI_ENV: 'cloud', RELIEF_KMS_KEY_ID: 'k' } as NodeJS.ProcessEnv)).toThrow(/RELIEF_HASH_SECRET/);
  });
});
