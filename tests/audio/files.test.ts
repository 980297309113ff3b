// The committed sound files: valid WAV headers, the rates and size caps the generator promises, byte for
// byte what scripts/make-sounds.ts writes (so they are reproducible), and an ambient loop without a seam.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SOUND_NAMES, SOUNDS } from '../../src/audio/sounds';
import {
  AMBIENT_RATE,
  EFFECT_RATE,
  MAX_AMBIENT_BYTES,
  MAX_EFFECT_BYTES,
  renderSounds,
  writeSounds,
} from '../../scripts/make-sounds';
import { ROOT } from '../support/worlds';

const DIR = path.join(ROOT, 'assets/sounds');
const temps: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sounds-'));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

interface Wav {
  rate: number;
  channels: number;
  bits: number;
  samples: Int16Array;
}

function readWav(buf: Buffer): Wav {
  expect(buf.toString('ascii', 0, 4)).toBe('RIFF');
  expect(buf.readUInt32LE(4)).toBe(buf.length - 8);
  expect(buf.toString('ascii', 8, 16)).toBe('WAVEfmt ');
  expect(buf.readUInt16LE(20)).toBe(1); // PCM
  const rate = buf.readUInt32LE(24);
  const channels = buf.readUInt16LE(22);
  const bits = buf.readUInt16LE(34);
  expect(buf.readUInt32LE(28)).toBe((rate * channels * bits) / 8);
  expect(buf.toString('ascii', 36, 40)).toBe('data');
  const size = buf.readUInt32LE(40);
  expect(size).toBe(buf.length - 44);
  const samples = new Int16Array(size / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(44 + 2 * i);
  return { rate, channels, bits, samples };
}

describe('sound files', () => {
  it.each(SOUND_NAMES)(
    '%s.wav is 16-bit mono PCM at its rate, under its size cap, and not silent',
    (name) => {
      const buf = fs.readFileSync(path.join(DIR, `${name}.wav`));
      const wav = readWav(buf);
      const ambient = SOUNDS[name].loop === true;
      expect([wav.channels, wav.bits]).toEqual([1, 16]);
      expect(wav.rate).toBe(ambient ? AMBIENT_RATE : EFFECT_RATE);
      expect(buf.length).toBeLessThanOrEqual(ambient ? MAX_AMBIENT_BYTES : MAX_EFFECT_BYTES);
      const seconds = wav.samples.length / wav.rate;
      if (ambient) expect(seconds).toBeGreaterThanOrEqual(6);
      const peak = wav.samples.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
      expect(peak / 32768).toBeGreaterThan(0.2);
      expect(peak / 32768).toBeLessThan(0.9); // headroom: several sounds may overlap
      if (!ambient) expect(Math.abs(wav.samples.at(-1)!)).toBeLessThan(200); // faded out: no click at the end
    },
  );

  it('holds only the files of the sound table, each Ogg copy valid and smaller than its WAV', () => {
    for (const file of fs.readdirSync(DIR)) {
      const match = /^(\w+)\.(wav|ogg)$/.exec(file);
      expect(match, file).not.toBeNull();
      expect(SOUND_NAMES, file).toContain(match![1]);
      if (match![2] === 'ogg') {
        const ogg = fs.readFileSync(path.join(DIR, file));
        expect(ogg.toString('ascii', 0, 4)).toBe('OggS');
        expect(ogg.includes('vorbis', 0, 'ascii')).toBe(true);
        expect(ogg.length).toBeLessThan(fs.statSync(path.join(DIR, `${match![1]}.wav`)).size);
      }
    }
  });

  it('are what the generator writes, byte for byte, on every run', () => {
    const [a, b] = [tempDir(), tempDir()];
    const written = writeSounds(a);
    writeSounds(b);
    expect(written.map((f) => path.basename(f)).sort()).toEqual(SOUND_NAMES.map((n) => `${n}.wav`).sort());
    for (const file of written) {
      const name = path.basename(file);
      const bytes = fs.readFileSync(file);
      expect(bytes.equals(fs.readFileSync(path.join(b, name))), `${name} differs between runs`).toBe(true);
      expect(bytes.equals(fs.readFileSync(path.join(DIR, name))), `${name} is stale: run make-sounds`).toBe(
        true,
      );
    }
  });

  it('loops the ambient bed without a seam: the jump from end to start is like any other step', () => {
    const ambient = renderSounds().find((s) => SOUNDS[s.name].loop)!;
    const x = ambient.samples;
    let largest = 0;
    let total = 0;
    for (let i = 1; i < x.length; i++) {
      const step = Math.abs(x[i]! - x[i - 1]!);
      largest = Math.max(largest, step);
      total += step;
    }
    const seam = Math.abs(x[0]! - x[x.length - 1]!);
    expect(seam).toBeLessThan(largest / 2);
    expect(seam).toBeLessThan((4 * total) / (x.length - 1));
    // And no swell at the join: the level just before and just after it is alike.
    const rms = (from: number, to: number) =>
      Math.sqrt(x.subarray(from, to).reduce((s, v) => s + v * v, 0) / (to - from));
    const w = Math.round(0.25 * ambient.rate);
    const [tail, head] = [rms(x.length - w, x.length), rms(0, w)];
    expect(Math.max(tail, head) / Math.min(tail, head)).toBeLessThan(1.5);
  });
});
