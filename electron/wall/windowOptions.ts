import type { Rect } from '../displays/placement';

/** The window options the shell sets, a subset of Electron's BrowserWindowConstructorOptions. */
export interface WallWindowOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  show: boolean;
  backgroundColor: string;
  title: string;
  kiosk: boolean;
  frame: boolean;
  autoHideMenuBar: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: boolean;
    sandbox: boolean;
    nodeIntegration: boolean;
    nodeIntegrationInWorker: boolean;
    nodeIntegrationInSubFrames: boolean;
    webSecurity: boolean;
    allowRunningInsecureContent: boolean;
    experimentalFeatures: boolean;
    webviewTag: boolean;
    backgroundThrottling: boolean;
    navigateOnDragDrop: boolean;
    spellcheck: boolean;
    safeDialogs: boolean;
    devTools: boolean;
    disableBlinkFeatures: string;
    autoplayPolicy: 'no-user-gesture-required' | 'user-gesture-required' | 'document-user-activation-required';
  };
}

/** The wall's dark background, painted before the first frame so a TV never flashes white. */
export const BACKGROUND_COLOR = '#0b0f14';

/**
 * Options for one wall window. Every security preference is spelled out
 * even where it is Electron's default, so a future default change or a
 * careless edit shows up in review and in tests. Throttling is off: a wall
 * in a background window (a laptop) must keep its clock and rotation.
 */
export function wallWindowOptions(bounds: Rect, isKiosk: boolean, preloadPath: string): WallWindowOptions {
  return {
    ...bounds,
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    title: 'NOC Wall',
    kiosk: isKiosk,
    frame: !isKiosk,
    autoHideMenuBar: isKiosk,
    webPreferences: {
      preload: preloadPath,
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
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !isKiosk,
      // Middle-click (auxclick) opens links in new windows; the wall has no use for it.
      disableBlinkFeatures: 'Auxclick',
      // A wall nobody touches must still be able to sound its (opt-in) chime.
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}

