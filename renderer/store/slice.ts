import type { StateCreator } from 'zustand/vanilla';
import type { WallState } from './types';

/** A slice creator of the wall store: it may read and set the whole store. */
export type Slice<T> = StateCreator<WallState, [], [], T>;
