import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, displayChoices, QUIET_SHORTCUT, trayMenuTemplate } from './menuTemplate';
import type { ControlActions, ControlState, MenuItemSpec } from './menuTemplate';

function recorder() {
  const calls: string[] = [];
  const actions: ControlActions = {
    toggleQuiet: () => calls.push('quiet'),
    togglePause: () => calls.push('pause'),
    nextPage: () => calls.push('next'),
    reload: () => calls.push('reload'),
    chooseDisplay: (key) => calls.push(`display ${key}`),
    quit: () => calls.push('quit'),
  };
  return { calls, actions };
}

const state: ControlState = { isQuiet: true, isPaused: false, displays: displayChoices([{ id: 1, label: 'Built-in' }, { id: 7, label: '' }]), selectedDisplay: 'id:7' };

function find(items: MenuItemSpec[], label: string): MenuItemSpec {
  for (const item of items) {
    if (item.label === label) return item;
    const inner = item.submenu ? findOrUndefined(item.submenu, label) : undefined;
    if (inner) return inner;
  }
  throw new Error(`no menu item ${label}`);
}
function findOrUndefined(items: MenuItemSpec[], label: string): MenuItemSpec | undefined {
  try {
    return find(items, label);
  } catch {
    return undefined;
  }
}

describe('menus', () => {
  it('shows quiet and pause as checkboxes with the current state', () => {
    const { actions } = recorder();
    const tray = trayMenuTemplate(state, actions);
    expect(find(tray, 'Quiet mode')).toMatchObject({ type: 'checkbox', checked: true, accelerator: QUIET_SHORTCUT });
    expect(find(tray, 'Pause rotation')).toMatchObject({ type: 'checkbox', checked: false });
  });

  it('lists the displays as radio items with the chosen one checked', () => {
    const { actions } = recorder();
    const display = find(trayMenuTemplate(state, actions), 'Display');
    expect(display.submenu?.map((i) => [i.label, i.checked])).toEqual([
      ['All displays', false],
      ['Display 1 (Built-in)', false],
      ['Display 2', true],
    ]);
  });

  it('routes every click to its action, in the tray and the application menu alike', () => {
    const { calls, actions } = recorder();
    for (const template of [trayMenuTemplate(state, actions), applicationMenuTemplate(state, actions, 'linux')]) {
      for (const label of ['Quiet mode', 'Pause rotation', 'Next page', 'Reload', 'All displays', 'Display 1 (Built-in)']) find(template, label).click?.();
    }
    find(trayMenuTemplate(state, actions), 'Quit NOC Wall').click?.();
    expect(calls).toEqual(['quiet', 'pause', 'next', 'reload', 'display all', 'display id:1', 'quiet', 'pause', 'next', 'reload', 'display all', 'display id:1', 'quit']);
  });

  it('puts the app menu with Quit first on macOS', () => {
    const { actions } = recorder();
    const template = applicationMenuTemplate(state, actions, 'darwin');
    expect(template[0]?.label).toBe('NOC Wall');
    expect(template[0]?.submenu?.some((i) => i.role === 'quit')).toBe(true);
    expect(template[1]?.label).toBe('Wall');
  });
});
