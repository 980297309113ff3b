// The sound files as URLs that Vite serves in development and fingerprints into dist/. A glob rather than
// one import per file: an .ogg exists beside a WAV only where it is much smaller (scripts/make-sounds.ts).
import type { SoundName } from './sounds';

const DIR = '../../assets/sounds/';
const urls = import.meta.glob(['../../assets/sounds/*.ogg', '../../assets/sounds/*.wav'], {
  query: '?no-inline', // fetched at the first gesture, not inlined into the script everyone downloads
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The sources for howler, best first (Ogg, then WAV for browsers without Vorbis), with their formats. */
export function listSources(name: SoundName): { src: string[]; format: string[] } {
  const formats = ['ogg', 'wav'].filter((ext) => urls[`${DIR}${name}.${ext}`] !== undefined);
  return { src: formats.map((ext) => urls[`${DIR}${name}.${ext}`]!), format: formats };
}
