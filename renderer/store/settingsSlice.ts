import type { WallSettings } from '../../shared/bridge/wallBridge';
import { initialRotation, setQuiet } from '../../shared/wall/rotation';
import type { Slice } from './slice';
import type { SettingsSlice } from './types';

/** The settings slice. New settings restart the rotation on their first page when the page list changed. */
export const createSettingsSlice =
  (initial: WallSettings): Slice<SettingsSlice> =>
  (set, get) => ({
    settings: initial,
    setSettings(settings, now) {
      const s = get();
      let rotation = s.rotation;
      if (settings.pages.join() !== s.settings.pages.join()) rotation = initialRotation(settings.pages, now, rotation.isQuiet);
      if (settings.isQuiet !== s.settings.isQuiet) rotation = setQuiet(rotation, settings.isQuiet, now);
      set({ settings, rotation });
    },
  });
