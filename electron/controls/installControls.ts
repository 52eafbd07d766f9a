import type { GlobalShortcutLike, MenuFactory, TrayLike } from '../app/platform';
import type { Log } from '../log';
import { applicationMenuTemplate, QUIET_SHORTCUT, trayMenuTemplate } from './menuTemplate';
import type { ControlActions, ControlState } from './menuTemplate';

/** What the controls need from Electron. */
export interface ControlsPlatform {
  menu: MenuFactory;
  createTray(iconPath: string): TrayLike;
  globalShortcut: GlobalShortcutLike;
  platform: string;
  log: Log;
}

/** The installed controls: rebuild them when the state changes, remove them on quit. */
export interface Controls {
  refresh(): void;
  dispose(): void;
}

/**
 * The application menu (none in kiosk mode: a TV shows no menu bar), the
 * tray and the global quiet shortcut. A desktop without a status area has no
 * tray; the menu and shortcut still work, so that is logged, not fatal.
 */
export function installControls(p: ControlsPlatform, trayIcon: string, isKiosk: boolean, state: () => ControlState, actions: ControlActions): Controls {
  let tray: TrayLike | undefined;
  try {
    tray = p.createTray(trayIcon);
    tray.setToolTip('NOC Wall');
  } catch (error) {
    p.log.warn(`controls: no tray (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!p.globalShortcut.register(QUIET_SHORTCUT, () => actions.toggleQuiet())) {
    p.log.warn(`controls: ${QUIET_SHORTCUT} is taken by another application; use the menu or tray for quiet mode`);
  }
  const refresh = () => {
    const current = state();
    p.menu.setApplicationMenu(isKiosk ? null : p.menu.buildFromTemplate(applicationMenuTemplate(current, actions, p.platform)));
    tray?.setContextMenu(p.menu.buildFromTemplate(trayMenuTemplate(current, actions)));
  };
  refresh();
  return {
    refresh,
    dispose: () => {
      p.globalShortcut.unregisterAll();
      tray?.destroy();
      tray = undefined;
    },
  };
}
