// Share links: one line of the history (root to a node) as a replay, deflated and base64url-encoded into the
// URL's fragment (#r=…). Decoding never trusts the text: a truncated or tampered link fails with a message.
import type { Replay } from './replay';

const MAX_LINK = 200_000; // characters of encoded text
const MAX_JSON = 2_000_000; // bytes once inflated

const toBase64Url = (bytes: Uint8Array): string => {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string): Uint8Array => {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
};

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export async function encodeShare(replay: Replay): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(replay));
  return toBase64Url(await pipe(json, new CompressionStream('deflate-raw'), Infinity));
}

/** The replay JSON a link carries, or a message saying what is wrong with the link. */
export async function decodeShare(
  text: string,
): Promise<{ ok: true; json: unknown } | { ok: false; error: string }> {
  if (!text) return { ok: false, error: 'the link carries no game' };
  if (text.length > MAX_LINK) return { ok: false, error: 'the link is too long to be a game of this site' };
  if (!/^[A-Za-z0-9_-]+$/.test(text))
    return { ok: false, error: 'the link is damaged (it has characters a game link never has)' };
  let bytes: Uint8Array;
  try {
    bytes = await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw'), MAX_JSON);
  } catch (err) {
    const why =
      (err as Error).message === 'too large' ? 'it unpacks to too much data' : 'it is truncated or altered';
    return { ok: false, error: `the link is damaged: ${why}` };
  }
  try {
    return { ok: true, json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false, error: 'the link is damaged: what it carries is not a game' };
  }
}
