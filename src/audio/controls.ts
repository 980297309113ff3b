// The sound widget in the bottom-right corner: a mute toggle and a volume slider, both native controls so
// the keyboard and screen readers get them for free. It only reads and sets the service's settings.
import './controls.css';
import type { SoundService } from './service';
import { m } from '../i18n';

export type AudioControl = Pick<
  SoundService,
  'muted' | 'volume' | 'setMuted' | 'setVolume' | 'onChange' | 'play'
>;

const SVG = 'http://www.w3.org/2000/svg';
const SPEAKER = 'M4 9h4l5-4v14l-5-4H4z';
const WAVES = 'M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12';
const CROSS = 'M16 9l6 6M22 9l-6 6';

function drawGlyph(svg: SVGSVGElement, muted: boolean): void {
  svg.replaceChildren(
    ...[SPEAKER, muted ? CROSS : WAVES].map((d, i) => {
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', d);
      path.setAttribute('class', i === 0 ? 'audio-controls__body' : 'audio-controls__sign');
      return path;
    }),
  );
}

/** Mounts the widget into `parent` (document.body); returns the way to take it out again. */
export function mountControls(parent: HTMLElement, audio: AudioControl): () => void {
  const root = document.createElement('div');
  root.className = 'audio-controls';
  root.setAttribute('role', 'region'); // a landmark: every part of the page is in one
  root.setAttribute('aria-label', m.controls_sound());

  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'audio-controls__mute';
  toggle.setAttribute('aria-label', m.controls_mute());
  toggle.title = m.controls_mute();
  const glyph = document.createElementNS(SVG, 'svg');
  glyph.setAttribute('viewBox', '0 0 24 24');
  glyph.setAttribute('aria-hidden', 'true');
  glyph.setAttribute('focusable', 'false');
  toggle.append(glyph);

  const slider = document.createElement('input');
  slider.type = 'range';
  slider.className = 'audio-controls__volume';
  slider.min = '0';
  slider.max = '100';
  slider.step = '5';
  slider.setAttribute('aria-label', m.controls_volume());

  const show = () => {
    const percent = Math.round(audio.volume * 100);
    toggle.setAttribute('aria-pressed', String(audio.muted));
    root.classList.toggle('audio-controls--muted', audio.muted);
    drawGlyph(glyph, audio.muted);
    slider.value = String(percent);
    slider.setAttribute(
      'aria-valuetext',
      audio.muted ? m.controls_value_muted({ percent }) : m.controls_value({ percent }),
    );
    slider.title = m.controls_volume_title({ percent });
  };

  toggle.addEventListener('click', () => audio.setMuted(!audio.muted));
  slider.addEventListener('input', () => audio.setVolume(Number(slider.value) / 100));
  // A blip when the slider is let go, so the level can be heard (`input` fires on every step of a drag).
  slider.addEventListener('change', () => {
    if (!audio.muted) audio.play('order');
  });
  const stop = audio.onChange(show);
  show();
  root.append(toggle, slider);
  parent.append(root);
  return () => {
    stop();
    root.remove();
  };
}
