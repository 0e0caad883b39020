export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { __linliStack?: { stop(): Promise<void> } }).__linliStack;
  await stack?.stop();
}
