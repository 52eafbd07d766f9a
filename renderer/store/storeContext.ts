import { createContext } from 'react';
import type { WallStore } from './store';

/** The store of this wall window, provided once at the root. */
export const StoreContext = createContext<WallStore | null>(null);
