import { describe, expect, it } from 'vitest';
import { wallWindowOptions } from './windowOptions';

describe('wallWindowOptions', () => {
  const bounds = { x: 1920, y: 0, width: 3840, height: 2160 };

  it('sets every security preference explicitly', () => {
    const { webPreferences } = wallWindowOptions(bounds, true, '/app/dist/electron/preload.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      backgroundThrottling: false,
      disableBlinkFeatures: 'Auxclick',
      autoplayPolicy: 'no-user-gesture-required',
    });
  });

  it('starts hidden on a dark background, on the display bounds, frameless in kiosk mode without devtools', () => {
    const options = wallWindowOptions(bounds, true, '/p');
    expect(options).toMatchObject({ ...bounds, show: false, backgroundColor: '#0b0f14', kiosk: true, frame: false });
    expect(options.webPreferences.devTools).toBe(false);
  });

  it('keeps a frame and devtools on a laptop', () => {
    const options = wallWindowOptions(bounds, false, '/p');
    expect(options).toMatchObject({ kiosk: false, frame: true });
    expect(options.webPreferences.devTools).toBe(true);
  });
});
