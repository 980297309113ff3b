// A scenario an author has just written, as the page would meet it in a file: the invented Three Valleys
// under a new id and title (so no catalog knows it), optionally with extra text to check how it is shown.
import { valleysJson } from './worlds';

export const CUSTOM_ID = 'five-lakes';
export const CUSTOM_TITLE = 'Five Lakes (an author’s new scenario)';
/** A text field that would run a script if it were ever parsed as HTML. */
export const HOSTILE_TEXT = '<img src=x onerror="window.__pwned=1">';

export function customScenario(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...valleysJson(), id: CUSTOM_ID, title: CUSTOM_TITLE, ...changes };
}

/** The same scenario with a field of the wrong type: the validator names `turnDays`. */
export const brokenScenario = (): Record<string, unknown> => customScenario({ turnDays: 'monthly' });

/** A File-like object for the page's reader (Node has no File with a path). */
export const fileOf = (name: string, text: string, size = Buffer.byteLength(text)) => ({
  name,
  size,
  text: async () => text,
});
