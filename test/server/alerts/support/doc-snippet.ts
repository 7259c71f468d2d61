import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type VerifySnippet = (rawBody: string, header: string | undefined, secret: string, toleranceSeconds?: number, nowSeconds?: number) => boolean;

/**
 * Imports the signature check exactly as the docs show it to receivers, so the documented
 * snippet is tested rather than a copy of it.
 */
export async function loadDocumentedVerifier(): Promise<VerifySnippet> {
  const doc = await readFile(new URL('../../../../docs/collector.md', import.meta.url), 'utf8');
  const block = [...doc.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').find((code) => code.includes('export function verifyStoreVoiceSignature'));
  if (!block) throw new Error('docs/collector.md has no js block exporting verifyStoreVoiceSignature');
  const file = join(await mkdtemp(join(tmpdir(), 'storevoice-doc-')), 'verify.mjs');
  await writeFile(file, block);
  const mod = (await import(pathToFileURL(file).href)) as { verifyStoreVoiceSignature: VerifySnippet };
  return mod.verifyStoreVoiceSignature;
}
