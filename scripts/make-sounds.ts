// make-sounds.ts — synthesises the game's sounds (original, no samples) into assets/sounds/.
//
// Usage: npx tsx scripts/make-sounds.ts [outDir]      (or SOUNDS_OUT=dir; default assets/sounds)
//   1. Always: one 16-bit PCM mono WAV per sound of src/audio/sounds.ts, effects at 11 025 Hz (≤ 15 KiB
//      each), the ambient loop at 8 000 Hz (7 s, ≤ 120 KiB). Deterministic: seeded noise, no clock, so a
//      re-run writes identical bytes (tests/audio/sounds.test.ts checks the committed files against it).
//   2. Only when `oggenc` is on PATH (Debian: apt-get install vorbis-tools): an .ogg copy of each WAV,
//      `oggenc -q 2 --serial 1`. Browsers that play Ogg Vorbis get it; the others fall back to the WAV.
//      Nothing at build or test time needs oggenc; the committed .ogg files were made by this step.
// The ambient loop is seamless: its drone and modulators complete whole cycles in 7 s, and the wind noise
// rendered past the end is cross-faded into the start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SoundName } from '../src/audio/sounds';

export const EFFECT_RATE = 11025;
export const AMBIENT_RATE = 8000;
export const AMBIENT_SECONDS = 7;
export const MAX_EFFECT_BYTES = 15 * 1024;
export const MAX_AMBIENT_BYTES = 120 * 1024;
export const DEFAULT_OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../assets/sounds');

const TAU = 2 * Math.PI;

export interface Rendered {
  name: SoundName;
  rate: number; // samples per second: 11025
  samples: Float64Array; // -1..1
}

/** mulberry32: a tiny seeded generator, so the noise is the same on every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Linear attack, then exponential decay with time constant `tau` (seconds). */
const envelope = (t: number, attack: number, tau: number): number =>
  t < 0 ? 0 : t < attack ? t / attack : Math.exp(-(t - attack) / tau);

function lowpass(buf: Float64Array, cutoff: number, rate: number): Float64Array {
  const k = 1 - Math.exp((-TAU * cutoff) / rate);
  let y = 0;
  return buf.map((x) => (y += k * (x - y)));
}

/** Fades the edges against clicks, then scales to the given peak. */
function finish(buf: Float64Array, rate: number, peak: number, fadeIn = 0.001, fadeOut = 0.01): Float64Array {
  const fin = Math.max(1, Math.round(fadeIn * rate));
  const fout = Math.max(1, Math.round(fadeOut * rate));
  for (let i = 0; i < fin && i < buf.length; i++) buf[i]! *= i / fin;
  for (let i = 0; i < fout && i < buf.length; i++) buf[buf.length - 1 - i]! *= i / fout;
  const max = buf.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  return max > 0 ? buf.map((x) => (x * peak) / max) : buf;
}

/** A struck bell: a few partials, the higher ones dying faster. Adds into `out` from `start` seconds. */
function addBell(
  out: Float64Array,
  rate: number,
  start: number,
  freq: number,
  amp: number,
  tau: number,
): void {
  const partials: [number, number, number][] = [
    [1, 1, 1],
    [2, 0.4, 0.6],
    [3, 0.15, 0.4],
    [4.16, 0.08, 0.3],
  ];
  for (let i = Math.round(start * rate); i < out.length; i++) {
    const t = i / rate - start;
    let s = 0;
    for (const [ratio, a, decay] of partials)
      s += a * Math.sin(TAU * freq * ratio * t) * envelope(t, 0.006, tau * decay);
    out[i]! += amp * s;
  }
}

/** A pitch sweep with a warm timbre (three harmonics) and a slight vibrato. */
function glide(rate: number, seconds: number, from: number, to: number): Float64Array {
  const out = new Float64Array(Math.round(seconds * rate));
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / rate;
    const u = t / seconds;
    const eased = u * u * (3 - 2 * u);
    const f = from * Math.pow(to / from, eased) * (1 + 0.006 * Math.sin(TAU * 5.5 * t));
    phase += (TAU * f) / rate;
    const gain = Math.min(1, t / 0.03) * Math.min(1, (seconds - t) / 0.18);
    out[i] = gain * (Math.sin(phase) + 0.3 * Math.sin(2 * phase) + 0.1 * Math.sin(3 * phase));
  }
  return out;
}

function renderOrder(rate: number): Float64Array {
  const out = new Float64Array(Math.round(0.09 * rate));
  const noise = seeded(1);
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / rate;
    phase += (TAU * (1000 + 500 * Math.exp(-t / 0.015))) / rate;
    const click = t < 0.003 ? (noise() * 2 - 1) * 0.3 * (1 - t / 0.003) : 0;
    out[i] = envelope(t, 0.002, 0.022) * (Math.sin(phase) + 0.15 * Math.sin(2 * phase)) + click;
  }
  return finish(out, rate, 0.5);
}

function renderRefused(rate: number): Float64Array {
  const out = new Float64Array(Math.round(0.2 * rate));
  const seconds = out.length / rate;
  for (let i = 0; i < out.length; i++) {
    const t = i / rate;
    let s = 0;
    // Two detuned band-limited square waves beat against each other: a buzz, not a tone.
    for (const f of [98, 103.5]) for (let k = 1; k * f < 2500; k += 2) s += Math.sin(TAU * k * f * t) / k;
    out[i] = s * Math.min(1, t / 0.005) * Math.min(1, (seconds - t) / 0.06);
  }
  return finish(lowpass(out, 1200, rate), rate, 0.45);
}

function renderTurn(rate: number): Float64Array {
  const out = new Float64Array(Math.round(0.66 * rate));
  addBell(out, rate, 0, 659.25, 0.8, 0.22); // E5
  addBell(out, rate, 0.14, 880, 1, 0.24); // A5
  return finish(out, rate, 0.6, 0.001, 0.08);
}

function renderControl(rate: number): Float64Array {
  const out = new Float64Array(Math.round(0.4 * rate));
  const noise = seeded(2);
  const skin = lowpass(
    out.map((_, i) => (noise() * 2 - 1) * Math.exp(-i / rate / 0.012)),
    800,
    rate,
  );
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / rate;
    phase += (TAU * (50 + 90 * Math.exp(-t / 0.04))) / rate;
    out[i] = Math.tanh(1.5 * (envelope(t, 0.003, 0.11) * Math.sin(phase) + 0.6 * skin[i]!));
  }
  return finish(out, rate, 0.8, 0.001, 0.05);
}

function renderOver(rate: number): Float64Array {
  const out = new Float64Array(Math.round(0.68 * rate));
  addBell(out, rate, 0, 783.99, 0.8, 0.2); // G5
  addBell(out, rate, 0.12, 659.25, 0.85, 0.22); // E5
  addBell(out, rate, 0.24, 523.25, 1, 0.26); // C5
  return finish(out, rate, 0.6, 0.001, 0.1);
}

function renderAmbient(rate: number): Float64Array {
  const seconds = AMBIENT_SECONDS;
  const n = seconds * rate;
  const fade = Math.round(0.5 * rate);
  // Every frequency below makes a whole number of cycles in `seconds`, so the loop point is invisible.
  const whole = (f: number) => Math.round(f * seconds) / seconds;
  const noise = seeded(3);
  const wind = new Float64Array(n + fade);
  let low = 0;
  let band = 0;
  for (let i = 0; i < wind.length; i++) {
    const t = i / rate;
    const centre = 350 + 250 * Math.sin((TAU * t) / seconds) + 120 * Math.sin((TAU * 3 * t) / seconds + 1);
    const f = 2 * Math.sin((Math.PI * centre) / rate);
    // Chamberlin state-variable filter, band-pass output: wind whistling through a moving gap.
    const high = noise() * 2 - 1 - low - 1.4 * band;
    band += f * high;
    low += f * band;
    const gust =
      0.55 + 0.3 * Math.sin((TAU * 2 * t) / seconds + 0.5) + 0.15 * Math.sin((TAU * 5 * t) / seconds);
    wind[i] = band * gust;
  }
  const soft = lowpass(wind, 1500, rate);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    // The wind rendered past the end fades into the start (equal power: the two stretches are unrelated).
    const w =
      i < fade
        ? soft[i]! * Math.sin((Math.PI / 2) * (i / fade)) +
          soft[n + i]! * Math.cos((Math.PI / 2) * (i / fade))
        : soft[i]!;
    const swell = 0.7 + 0.3 * Math.sin((TAU * t) / seconds);
    const drone =
      Math.sin(TAU * whole(55) * t) +
      0.8 * Math.sin(TAU * whole(55.15) * t) +
      0.35 * Math.sin(TAU * whole(82.5) * t) +
      0.25 * Math.sin(TAU * whole(110) * t);
    out[i] = 0.6 * w + 0.12 * swell * drone;
  }
  const max = out.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  return out.map((x) => (x * 0.35) / max);
}

const RENDERERS: Record<SoundName, { rate: number; render: (rate: number) => Float64Array }> = {
  order: { rate: EFFECT_RATE, render: renderOrder },
  refused: { rate: EFFECT_RATE, render: renderRefused },
  turn: { rate: EFFECT_RATE, render: renderTurn },
  control: { rate: EFFECT_RATE, render: renderControl },
  thaw: { rate: EFFECT_RATE, render: (rate) => finish(glide(rate, 0.5, 293.66, 587.33), rate, 0.5) }, // D4 → D5
  rift: { rate: EFFECT_RATE, render: (rate) => finish(glide(rate, 0.5, 587.33, 293.66), rate, 0.5) }, // D5 → D4
  over: { rate: EFFECT_RATE, render: renderOver },
  ambient: { rate: AMBIENT_RATE, render: renderAmbient },
};

export function renderSounds(): Rendered[] {
  return (Object.keys(RENDERERS) as SoundName[]).map((name) => {
    const { rate, render } = RENDERERS[name];
    return { name, rate, samples: render(rate) };
  });
}

/** 16-bit PCM mono WAV: a 44-byte RIFF header, then little-endian samples. */
export function encodeWav(samples: Float64Array, rate: number): Buffer {
  const data = samples.length * 2;
  const buf = Buffer.alloc(44 + data);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + data, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28); // bytes per second
  buf.writeUInt16LE(2, 32); // bytes per frame
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(data, 40);
  samples.forEach((x, i) =>
    buf.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(x * 32767))), 44 + 2 * i),
  );
  return buf;
}

/** Step 1: writes every sound as `<name>.wav` into `outDir`; returns the paths written. */
export function writeSounds(outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  return renderSounds().map(({ name, rate, samples }) => {
    const file = path.join(outDir, `${name}.wav`);
    fs.writeFileSync(file, encodeWav(samples, rate));
    return file;
  });
}

/**
 * Step 2, optional: an .ogg beside each WAV when oggenc is installed, kept only when under half the WAV's
 * size (Vorbis headers alone weigh ~3 KB, so the shortest blips stay WAV only). Returns the paths kept.
 */
export function encodeOggs(wavs: string[]): string[] {
  if (spawnSync('oggenc', ['--version']).status !== 0) return [];
  return wavs.flatMap((wav) => {
    const ogg = wav.replace(/\.wav$/, '.ogg');
    const run = spawnSync('oggenc', ['-Q', '-q', '2', '--serial', '1', '-o', ogg, wav]);
    if (run.status !== 0) throw new Error(`oggenc failed on ${wav}: ${run.stderr.toString()}`);
    if (fs.statSync(ogg).size < fs.statSync(wav).size / 2) return [ogg];
    fs.rmSync(ogg);
    return [];
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(process.argv[2] ?? process.env.SOUNDS_OUT ?? DEFAULT_OUT);
  const wavs = writeSounds(out);
  const oggs = encodeOggs(wavs);
  for (const f of [...wavs, ...oggs])
    console.log(`${path.relative(process.cwd(), f)}  ${fs.statSync(f).size} B`);
  if (oggs.length === 0)
    console.log('oggenc not found: WAV only (apt-get install vorbis-tools for .ogg copies)');
}
