/*
 * The laptop controls: the same items in the application menu and the
 * tray, built as plain data so tests can read them and click them. Electron's
 * Menu.buildFromTemplate takes these objects as they are.
 */

/** One menu entry, a structural subset of Electron's MenuItemConstructorOptions. */
export interface MenuItemSpec {
  label?: string;
  type?: 'normal' | 'separator' | 'checkbox' | 'radio' | 'submenu';
  checked?: boolean;
  enabled?: boolean;
  accelerator?: string;
  role?: 'quit' | 'about' | 'hide' | 'hideOthers' | 'unhide' | 'close' | 'minimize' | 'togglefullscreen';
  click?: () => void;
  submenu?: MenuItemSpec[];
}

/** A display the user can pick: `all`, or one display by its id. */
export interface DisplayChoice {
  key: string;
  label: string;
}

/** What the menus show. */
export interface ControlState {
  isQuiet: boolean;
  isPaused: boolean;
  displays: readonly DisplayChoice[];
  selectedDisplay: string;
}

/** What the menus do. */
export interface ControlActions {
  toggleQuiet(): void;
  togglePause(): void;
  nextPage(): void;
  reload(): void;
  chooseDisplay(key: string): void;
  quit(): void;
}

/** The global shortcut that toggles quiet mode. */
export const QUIET_SHORTCUT = 'CommandOrControl+Shift+Q';

/** The wall's own items, shared by the application menu and the tray. */
export function wallMenuItems(state: ControlState, actions: ControlActions): MenuItemSpec[] {
  return [
    { label: 'Quiet mode', type: 'checkbox', checked: state.isQuiet, accelerator: QUIET_SHORTCUT, click: () => actions.toggleQuiet() },
    { label: 'Pause rotation', type: 'checkbox', checked: state.isPaused, click: () => actions.togglePause() },
    { label: 'Next page', click: () => actions.nextPage() },
    { label: 'Reload', click: () => actions.reload() },
    { type: 'separator' },
    {
      label: 'Display',
      type: 'submenu',
      submenu: state.displays.map((choice) => ({
        label: choice.label,
        type: 'radio' as const,
        checked: choice.key === state.selectedDisplay,
        click: () => actions.chooseDisplay(choice.key),
      })),
    },
  ];
}

/** The tray menu: the wall's items and Quit. */
export function trayMenuTemplate(state: ControlState, actions: ControlActions): MenuItemSpec[] {
  return [...wallMenuItems(state, actions), { type: 'separator' }, { label: 'Quit NOC Wall', click: () => actions.quit() }];
}

/** The application menu; macOS gets its app menu first, as its users expect. */
export function applicationMenuTemplate(state: ControlState, actions: ControlActions, platform: string): MenuItemSpec[] {
  const wall: MenuItemSpec = { label: 'Wall', type: 'submenu', submenu: wallMenuItems(state, actions) };
  if (platform === 'darwin') {
    const appMenu: MenuItemSpec = { label: 'NOC Wall', type: 'submenu', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] };
    return [appMenu, wall, { label: 'Window', type: 'submenu', submenu: [{ role: 'minimize' }, { role: 'togglefullscreen' }, { role: 'close' }] }];
  }
  return [{ label: 'File', type: 'submenu', submenu: [{ label: 'Quit', accelerator: 'CommandOrControl+Q', click: () => actions.quit() }] }, wall];
}

/** The display choices for the menus: all displays, then each one by position and name. */
export function displayChoices(displays: ReadonlyArray<{ id: number; label: string }>): DisplayChoice[] {
  return [{ key: 'all', label: 'All displays' }, ...displays.map((d, i) => ({ key: `id:${d.id}`, label: `Display ${i + 1}${d.label ? ` (${d.label})` : ''}` }))];
}
