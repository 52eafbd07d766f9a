import { useContext } from 'react';
import { useStore } from 'zustand';
import type { WallStore } from './store';
import { StoreContext } from './storeContext';
import type { WallState } from './types';

/** The store of this window; for event handlers that act rather than read. */
export function useWallStore(): WallStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useWall: no StoreContext above this component');
  return store;
}

/** Reads one value from the wall store; the component re-renders only when it changes. */
export function useWall<T>(selector: (state: WallState) => T): T {
  return useStore(useWallStore(), selector);
}
