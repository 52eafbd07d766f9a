import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { WallSettings } from '../../shared/bridge/wallBridge';
import { initialRotation } from '../../shared/wall/rotation';
import { createChangesSlice, noteChanges } from './changesSlice';
import { createConnectionSlice } from './connectionSlice';
import { createFeedSlice } from './feedSlice';
import { createSettingsSlice } from './settingsSlice';
import type { WallState } from './types';
import { createWallSlice } from './wallSlice';

/** The wall's store. */
export type WallStore = StoreApi<WallState>;

/** Creates the one store of a wall window from its settings, its clock starting at `now`. */
export function createWallStore(settings: WallSettings, now: number): WallStore {
  const store = createStore<WallState>()((...a) => ({
    ...createFeedSlice(...a),
    ...createChangesSlice(...a),
    ...createConnectionSlice(...a),
    ...createWallSlice(now)(...a),
    ...createSettingsSlice(settings)(...a),
    rotation: initialRotation(settings.pages, now, settings.isQuiet),
  }));
  // The change log follows the entities whichever action moved them.
  store.subscribe((s, prev) => {
    const changeLog = noteChanges(s, prev);
    if (changeLog !== null) store.setState({ changeLog });
  });
  return store;
}
