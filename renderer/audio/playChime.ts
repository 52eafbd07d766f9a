/*
 * The chime: a short, soft two-note tone made with WebAudio, so the wall
 * ships no sound files. Browsers may keep audio suspended until someone
 * interacts with the page; a kiosk that should chime allows autoplay
 * (Chromium's `--autoplay-policy=no-user-gesture-required`).
 */

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (context !== null) return context;
  if (typeof AudioContext === 'undefined') return null;
  context = new AudioContext();
  return context;
}

function note(ctx: AudioContext, frequency: number, start: number, length: number, peak: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'sine';
  osc.frequency.value = frequency;
  // A quick swell and a long fade: a bell, not a beep.
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(peak, start + 0.03);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
  osc.connect(gain).connect(ctx.destination);
  osc.start(start);
  osc.stop(start + length + 0.05);
}

/** Plays the chime once. Returns false when the page has no audio or it is still suspended. */
export function playChime(): boolean {
  const ctx = audio();
  if (ctx === null) return false;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const t = ctx.currentTime + 0.02;
  note(ctx, 659.25, t, 0.9, 0.12);
  note(ctx, 987.77, t + 0.18, 1.1, 0.09);
  return ctx.state === 'running';
}
